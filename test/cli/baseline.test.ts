import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestRepo } from '../support/gitRepo.js';
import { createTestRepo } from '../support/gitRepo.js';
import { runCli } from './helpers.js';

interface Dated { id: string; start?: string | null; end?: string | null; date?: string | null; baselineStart?: string | null; baselineEnd?: string | null; baselineDate?: string | null; slip?: number | null }
interface ScheduleOut { tasks: Dated[]; milestones: Dated[]; features: Dated[] }

// The agreed plan (Mon 2027-01-04 start, Mon–Fri weeks):
//   T-1 2d: Mon 01-04 … Tue 01-05
//   T-2 3d after T-1: Wed 01-06 … Fri 01-08
//   T-3 1d after T-2: Mon 01-11 … Mon 01-11
//   M-1 after T-2: Fri 01-08
//   FEAT-1 (T-1, T-2): ends Fri 01-08
const plan = (t1: string, extra = ''): string => `---
title: Plan
start: 2027-01-04
---

| ID | Task | Duration | After | Features |
|---|---|---|---|---|
| T-1 | Design | ${t1} | | FEAT-1 |
| T-2 | Build | 3d | T-1 | FEAT-1 |
${extra}
- M-1 Release
  - after: T-2
`;
const spec = '---\nid: FEAT-1\ntitle: Checkout\ngoals: [G-1]\n---\n';
const roadmap = '# Roadmap\n\n## G-1 Grow\n';

describe('Baselines from git', () => {
  let repo: TestRepo;
  const schedule = async (...args: string[]): Promise<ScheduleOut> => {
    const r = await runCli(['schedule', '--format', 'json', '--today', '2027-01-04', ...args], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as ScheduleOut;
  };
  const byId = (list: Dated[], id: string): Dated => {
    const found = list.find((x) => x.id === id);
    assert.ok(found, `${id} in ${list.map((x) => x.id).join(', ')}`);
    return found;
  };

  beforeEach(() => {
    repo = createTestRepo();
    repo.write('roadmap.md', roadmap);
    repo.write('specs/feat-1.md', spec);
    repo.write('plans/plan.md', plan('2d', '| T-3 | Polish | 1d | T-2 | FEAT-1 |\n'));
    repo.commit('agreed plan', '2027-01-01T10:00:00Z');
    repo.tag('v1');
  });
  afterEach(() => repo.dispose());

  it('schedule --baseline gives baseline dates and slips in working days; added items have none, removed ones are gone', async () => {
    // T-1 now takes 4d (Mon … Thu 01-07): T-2 Fri 01-08 … Tue 01-12, M-1 Tue 01-12.
    // T-3 was removed; T-9 is new.
    repo.write('plans/plan.md', plan('4d', '| T-9 | New work | 1d | T-2 | FEAT-1 |\n'));
    const out = await schedule('--baseline', 'v1');
    assert.deepEqual(byId(out.tasks, 'T-1'), { ...byId(out.tasks, 'T-1'), start: '2027-01-04', end: '2027-01-07', baselineStart: '2027-01-04', baselineEnd: '2027-01-05', slip: 2 });
    // Baseline end Fri 01-08; now Tue 01-12: Mon 01-11 and Tue 01-12 later = 2.
    assert.deepEqual([byId(out.tasks, 'T-2').baselineEnd, byId(out.tasks, 'T-2').end, byId(out.tasks, 'T-2').slip], ['2027-01-08', '2027-01-12', 2]);
    assert.deepEqual([byId(out.tasks, 'T-9').baselineStart, byId(out.tasks, 'T-9').baselineEnd, byId(out.tasks, 'T-9').slip], [null, null, null]);
    assert.ok(!out.tasks.some((t) => t.id === 'T-3'), 'a removed task is not listed');
    const m1 = byId(out.milestones, 'M-1');
    assert.deepEqual([m1.date, m1.baselineDate, m1.slip], ['2027-01-12', '2027-01-08', 2]);
    const f1 = byId(out.features, 'FEAT-1');
    // FEAT-1 spans T-1, T-2 and T-9 now: T-9 Wed 01-13. Baseline (T-1, T-2, T-3): ends Mon 01-11. Slip: Tue, Wed = 2.
    assert.deepEqual([f1.end, f1.baselineStart, f1.baselineEnd, f1.slip], ['2027-01-13', '2027-01-04', '2027-01-11', 2]);
  });

  it('without --baseline, the fields are not there', async () => {
    const out = await schedule();
    assert.ok(!('slip' in byId(out.tasks, 'T-1')));
    assert.ok(!('baselineDate' in byId(out.milestones, 'M-1')));
  });

  it('counts slips with the current calendar; the baseline keeps the calendar of its own revision', async () => {
    // A holiday on Mon 01-11 now: T-2 (after a 4d T-1) runs Fri 01-08, Tue 01-12, Wed 01-13.
    repo.write('.specline.yml', 'calendar:\n  holidays: [2027-01-11]\n');
    repo.write('plans/plan.md', plan('4d'));
    const out = await schedule('--baseline', 'v1');
    const t2 = byId(out.tasks, 'T-2');
    // Baseline end Fri 01-08 (no holiday then); now Wed 01-13; working days after Fri 01-08: Tue 01-12, Wed 01-13 = 2.
    assert.deepEqual([t2.baselineEnd, t2.end, t2.slip], ['2027-01-08', '2027-01-13', 2]);
  });

  it('an item that moved earlier has a negative slip; a renamed one is new', async () => {
    repo.write('plans/plan.md', plan('1d').replace('| T-2 | Build', '| T-20 | Build').replace('after: T-2', 'after: T-20'));
    const out = await schedule('--baseline', 'v1');
    assert.equal(byId(out.tasks, 'T-1').slip, -1);
    assert.equal(byId(out.tasks, 'T-20').slip, null);
    assert.deepEqual([byId(out.milestones, 'M-1').baselineDate, byId(out.milestones, 'M-1').date, byId(out.milestones, 'M-1').slip], ['2027-01-08', '2027-01-07', -1]);
  });

  it('the text format shows the baseline end and the slip', async () => {
    repo.write('plans/plan.md', plan('4d'));
    const r = await runCli(['schedule', '--baseline', 'v1', '--today', '2027-01-04'], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /v1 end\s+Slip/);
    assert.match(r.stdout, /T-2 +Build .*2027-01-08 +\+2/);
  });

  it('a revision git does not know, or one that looks like an option, is exit 2 with a clear message', async () => {
    for (const [ref, message] of [['v9', /--baseline v9: "v9" is not a commit/], ['--help', /--baseline needs a git revision/], ['-x', /--baseline needs a git revision/]] as const) {
      const r = await runCli(['schedule', `--baseline=${ref}`], { cwd: repo.dir });
      assert.equal(r.code, 2, `${ref}: ${r.stdout}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  describe('baseline: in .specline.yml', () => {
    const check = async (config: string): Promise<{ code: number; diagnostics: Array<{ file: string; line: number; code: string; severity: string; message: string; related: Array<{ file: string; line: number; message: string }> }> }> => {
      repo.write('.specline.yml', config);
      const r = await runCli(['check', '--format', 'json', '--today', '2027-01-04'], { cwd: repo.dir });
      assert.notEqual(r.code, 2, r.stderr);
      return { code: r.code, diagnostics: (JSON.parse(r.stdout) as { diagnostics: never[] }).diagnostics };
    };

    it('reports schedule.slipped on milestones and features beyond slip-tolerance, with the baseline date as related information', async () => {
      repo.write('plans/plan.md', plan('4d', '| T-3 | Polish | 1d | T-2 | FEAT-1 |\n'));
      const tight = await check('baseline: v1\nslip-tolerance: 1\n');
      const slipped = tight.diagnostics.filter((d) => d.code === 'schedule.slipped');
      assert.deepEqual(slipped.map((d) => `${d.file}:${d.line} ${d.severity}`), ['plans/plan.md:12', 'specs/feat-1.md:2'].map((x) => `${x} warning`));
      const m1 = slipped.find((d) => d.file === 'plans/plan.md')!;
      assert.match(m1.message, /M-1 is due 2027-01-12, 2 working days later than in the baseline v1 \(2027-01-08\) \(tolerance 1\)/);
      assert.equal(m1.related.length, 1);
      assert.equal(m1.related[0]!.file, 'plans/plan.md');
      assert.match(m1.related[0]!.message, /^M-1 in v1 \([0-9a-f]{7}\): 2027-01-08$/);
      const loose = await check('baseline: v1\nslip-tolerance: 2\n');
      assert.deepEqual(loose.diagnostics.filter((d) => d.code === 'schedule.slipped'), []);
    });

    it('can be turned off like every rule', async () => {
      repo.write('plans/plan.md', plan('4d'));
      const off = await check('baseline: v1\nrules:\n  schedule.slipped: off\n');
      assert.deepEqual(off.diagnostics.filter((d) => d.code === 'schedule.slipped'), []);
    });

    it('a revision git cannot give is one warning on the setting, and the check goes on', async () => {
      const r = await check('baseline: v9\n');
      const warnings = r.diagnostics.filter((d) => d.code === 'schedule.slipped');
      assert.deepEqual(warnings.map((d) => `${d.file}:${d.line} ${d.severity}`), ['.specline.yml:1 warning']);
      assert.match(warnings[0]!.message, /baseline v9 cannot be compared: .*v9/);
    });

    it('outside a git repository it is one warning, never a crash', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'specline-nogit-'));
      try {
        writeFileSync(path.join(dir, '.specline.yml'), 'baseline: v1\n');
        writeFileSync(path.join(dir, 'plan.md'), '- [ ] T-1 Task\n  - duration: 1d\n  - start: 2027-01-04\n');
        const r = await runCli(['check', '--format', 'json', '--today', '2027-01-04'], { cwd: dir });
        assert.notEqual(r.code, 2, r.stderr);
        const warnings = (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; file: string; message: string }> }).diagnostics.filter((d) => d.code === 'schedule.slipped');
        assert.deepEqual(warnings.map((d) => d.file), ['.specline.yml']);
        assert.match(warnings[0]!.message, /not in a git repository/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('rejects a baseline that looks like an option, and a negative tolerance, as bad config', async () => {
      for (const config of ['baseline: --output=x\n', 'slip-tolerance: -1\n']) {
        repo.write('.specline.yml', config);
        const r = await runCli(['check', '--today', '2027-01-04'], { cwd: repo.dir });
        assert.equal(r.code, 2, config);
        assert.match(r.stderr, /bad config/);
      }
    });
  });
});
