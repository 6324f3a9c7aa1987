import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyzer/analyze.js';
import { formatDate, parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { analysisSummary as summary } from '../../support/analysisSummary.js';
import { memoryFileSystem, readFixture } from '../../support/memoryFileSystem.js';
import { prng as rng } from '../../support/prng.js';
import { generatedWorkspace } from '../../support/generatedWorkspace.js';

/**
 * The workspace re-checks only what an edit can affect. Whatever the edit, the result must
 * equal a full analysis of the same files: random edit sequences check that.
 */

type Edit = (text: string, r: () => number) => string;
const pickLine = (lines: string[], r: () => number): number => Math.floor(r() * lines.length);
const EDITS: Edit[] = [
  // durations and dates move tasks
  (t, r) => t.replace(/(\d+)d\b/, () => `${1 + Math.floor(r() * 9)}d`),
  (t, r) => t.replace(/2027-(\d\d)-(\d\d)/, () => `2027-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`),
  // IDs appear, disappear and get renumbered
  (t, r) => t.replace(/\b(T|FEAT|G|M|P|R)-(\d+)\b/, (_m, p: string) => `${p}-${1 + Math.floor(r() * 60)}`),
  (t, r) => { const l = t.split('\n'); l.splice(pickLine(l, r), 1); return l.join('\n'); },
  (t, r) => { const l = t.split('\n'); const i = pickLine(l, r); l.splice(i, 0, l[i] ?? ''); return l.join('\n'); },
  // links and statuses
  (t, r) => t.replace(/(after|Depends on|features|goals): ?([^\n|]*)/i, (_m, k: string) => `${k}: T-${1 + Math.floor(r() * 50)}`),
  (t, r) => t.replace(/\b(todo|in-progress|done|approved|draft)\b/, () => ['todo', 'done', 'in-progress', 'blocked'][Math.floor(r() * 4)]!),
  (t) => t.replace('[ ]', '[x]'),
  (t, r) => t.replace(/@([a-z]+)/, () => `@${['ana', 'bo', 'lena', 'sam'][Math.floor(r() * 4)]}`),
  // what cost reads: progress, spent, fixed cost, allocation, budgets
  (t, r) => t.replace(/(\n *-? ?(?:duration|estimate|owner): [^\n]*)/, (_m, line: string) => `${line}\n  - progress: ${Math.floor(r() * 101)}%`),
  (t, r) => t.replace(/(\n *-? ?(?:duration|estimate|owner): [^\n]*)/, (_m, line: string) => `${line}\n  - spent: ${Math.floor(r() * 5000)}`),
  (t, r) => t.replace(/(\n *-? ?(?:duration|estimate|owner): [^\n]*)/, (_m, line: string) => `${line}\n  - cost: ${Math.floor(r() * 900)}\n  - allocation: ${[25, 50, 100][Math.floor(r() * 3)]}%`),
  (t, r) => t.replace(/(progress|spent|cost|allocation|budget): ?[^\n|]*/, (_m, k: string) => `${k}: ${Math.floor(r() * 100)}${k === 'progress' || k === 'allocation' ? '%' : ''}`),
  (t, r) => t.replace(/(\n## (?:G|FEAT)-\d+[^\n]*\n)/, (_m, heading: string) => `${heading}\n- budget: ${Math.floor(r() * 20000)}\n`),
  (t, r) => t.replace(/\| (\d+)% \|/, () => `| ${Math.floor(r() * 101)}% |`),
  (t, r) => (t.startsWith('---\n') ? t.replace('---\n', `---\nbudget: ${Math.floor(r() * 50000)}\n`) : t),
  // prose only, and line shifts
  (t) => `\n${t}`,
  (t) => `${t}\n\nA new paragraph of prose.\n`,
  (t) => `${t}\n\n- [ ] T-99 Added task\n  - duration: 3d\n  - after: T-1\n  - features: FEAT-1\n`,
];

async function editSequence(files: Record<string, string>, seed: number, steps: number): Promise<void> {
  const fs = memoryFileSystem({ ...files });
  const ws = createWorkspace({ fs, today: () => parseIsoDate('2027-02-15')! });
  await ws.load();
  ws.analyze();
  const r = rng(seed);
  const paths = Object.keys(files).filter((p) => p.endsWith('.md'));
  const texts = new Map(paths.map((p) => [p, files[p]!]));
  for (let step = 0; step < steps; step++) {
    const path = paths[Math.floor(r() * paths.length)]!;
    const edited = EDITS[Math.floor(r() * EDITS.length)]!(texts.get(path)!, r);
    texts.set(path, edited);
    ws.setFile(path, edited);
    const incremental = ws.analyze();
    const fresh = analyze({ config: ws.config(), configDiagnostics: ws.configProblems(), files: incremental.files.values(), today: incremental.today });
    assert.equal(summary(incremental), summary(fresh), `seed ${seed}, step ${step}: editing ${path} gave a different result than a full analysis`);
  }
}

describe('incremental analysis equals a full analysis', () => {
  // Large enough that the analysis shares its big maps between snapshots (PatchedMap);
  // every task priced, so that cost and budgets move with the edits.
  it('a generated workspace of 80 documents with rates and budgets, 60 random edits', async function () {
    this.timeout(120_000);
    const files = await generatedWorkspace(80, 'currency: EUR\nrates: { default: 400, "@ana1": 650 }\n');
    await editSequence(files, 80, 60);
  });
  const example = readFixture(join(process.cwd(), 'examples', 'acme'));
  for (const seed of [1, 2, 3, 4]) {
    it(`examples/acme, 60 random edits (seed ${seed})`, async () => {
      await editSequence(example, seed, 60);
    });
  }
  for (const name of ['schedule', 'people', 'refs', 'trace', 'cost']) {
    it(`rule fixture ${name}, 60 random edits`, async () => {
      const files = readFixture(join(process.cwd(), 'test', 'fixtures', 'rules', name));
      delete files['fixture.json'];
      await editSequence(files, name.length, 60);
    });
  }
});

describe('incremental analysis follows dependencies across files', () => {
  it('a duration edit in one plan moves a feature delivered only by another plan', async () => {
    const files: Record<string, string> = {
      '.specline.yml': 'start: 2027-01-04\n',
      'a.md': '- T-1 First\n  - duration: 2d\n  - features: FEAT-1\n',
      'b.md': '- T-2 Second\n  - duration: 1d\n  - after: T-1\n  - features: FEAT-2\n',
      'f.md': '## FEAT-1 One\n- goals: G-1\n\n## FEAT-2 Two\n- goals: G-1\n- target: 2027-01-07\n\n## G-1 Goal\n- horizon: later\n',
    };
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    assert.equal(formatDate(ws.analyze().features.get('FEAT-2')!.end!), '2027-01-06');
    ws.setFile('a.md', files['a.md']!.replace('2d', '5d'));
    const after = ws.analyze();
    assert.equal(formatDate(after.features.get('FEAT-2')!.end!), '2027-01-11');
    assert.ok(after.diagnostics.some((d) => d.code === 'schedule.goal-late' && d.file === 'f.md'), 'FEAT-2 is now late for its own target');
  });
});

describe('incremental analysis follows cost across files', () => {
  it('a duration edit in a plan puts a goal two links away over its budget, and back', async () => {
    const files: Record<string, string> = {
      '.specline.yml': 'start: 2027-01-04\nrates: { default: 100 }\n',
      'plan.md': '- T-1 Build\n  - duration: 2d\n  - features: FEAT-1\n',
      'spec.md': '## FEAT-1 Feature\n- goals: G-1\n- priority: must\n',
      'roadmap.md': '## G-1 Goal\n- budget: 300\n',
    };
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    const exceeded = (): string[] => ws.analyze().diagnostics.filter((d) => d.code === 'budget.exceeded').map((d) => d.file);
    assert.deepEqual(exceeded(), []);
    ws.setFile('plan.md', files['plan.md']!.replace('2d', '5d'));
    assert.deepEqual(exceeded(), ['roadmap.md']);
    ws.setFile('plan.md', files['plan.md']!);
    assert.deepEqual(exceeded(), []);
  });

  it('a feature that moves later is reported against a lower-priority sibling in another file', async () => {
    const files: Record<string, string> = {
      '.specline.yml': 'start: 2027-01-04\n',
      'plan.md': '- T-1 A\n  - duration: 2d\n  - features: FEAT-1\n- T-2 B\n  - duration: 3d\n  - features: FEAT-2\n',
      'a.md': '## FEAT-1 Must\n- goals: G-1\n- priority: must\n',
      'b.md': '## FEAT-2 Could\n- goals: G-1\n- priority: could\n',
      'roadmap.md': '## G-1 Goal\n- horizon: later\n',
    };
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    const inverted = (): string[] => ws.analyze().diagnostics.filter((d) => d.code === 'priority.inverted').map((d) => d.file);
    assert.deepEqual(inverted(), []);
    ws.setFile('plan.md', files['plan.md']!.replace('2d', '4d'));
    assert.deepEqual(inverted(), ['a.md']);
  });
});

describe('milestone dates', () => {
  it('a milestone written with due: instead of date: takes it as its date', async () => {
    const files = { '.specline.yml': 'start: 2027-01-04\n', 'plan.md': '- M-1 Beta\n  - due: 2027-01-08\n- T-1 Build\n  - duration: 2d\n  - after: M-1\n' };
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    const a = ws.analyze();
    assert.equal(formatDate(a.schedule.milestones.get('M-1')!.date!), '2027-01-08');
    assert.equal(formatDate(a.schedule.tasks.get('T-1')!.start!), '2027-01-11');
    assert.ok(!a.diagnostics.some((d) => d.code === 'schedule.unscheduled'));
  });
});
