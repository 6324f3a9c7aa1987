import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers.js';

/** A small costed workspace on disk (figures worked out in the comments). */
const FILES: Record<string, string> = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500, "@ana": "1,000" }\n',
  // T-1: 4 days × 1,000 = 4,000, 2 of them by today (Tue 2027-01-05), 50% done, 2,500 spent.
  // T-2: after T-1, 2 days × 500 (no owner: the default) + 300 fixed = 1,300, nothing yet.
  'plan.md': '---\ntitle: Q1 plan\nbudget: 5k\n---\n- T-1 Build\n  - duration: 4d\n  - owner: @ana\n  - progress: 50%\n  - spent: 2,500\n  - features: FEAT-1\n- T-2 Ship\n  - after: T-1\n  - duration: 2d\n  - cost: 300\n  - features: FEAT-1, FEAT-2\n',
  'spec.md': '## FEAT-1 Builder\n- goals: G-1\n- budget: EUR 4,000\n- reach: 200\n- impact: medium\n- confidence: 50%\n\n## FEAT-2 Export\n- goals: G-1\n',
  'roadmap.md': '## G-1 Onboarding\n- target: 2027-03-31\n- metric: activation\n- metric baseline: 20%\n- metric target: 60%\n- metric current: 30%\n\n## G-2 Later\n- horizon: later\n',
};

describe('specline budget', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'specline-budget-'));
    for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(dir, name), text);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = (...args: string[]): ReturnType<typeof runCli> => runCli([...args, '--today', '2027-01-05'], { cwd: dir });

  it('prints the JSON of the contract: plans, features, goals and tasks with rounded figures', async () => {
    const r = await run('budget', '.', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['version', 'currency', 'today', 'plans', 'features', 'goals', 'tasks']);
    assert.deepEqual(data, {
      version: 1,
      currency: 'EUR',
      today: '2027-01-05',
      // cost 4,000 + 1,300; PV 2,000; EV 2,000; AC 2,500; SPI 1; CPI 2,000 / 2,500 = 0.8; EAC 5,300 / 0.8.
      plans: [{ file: 'plan.md', title: 'Q1 plan', budget: 5000, cost: 5300, pv: 2000, ev: 2000, ac: 2500, spi: 1, cpi: 0.8, eac: 6625 }],
      features: [
        // T-1 + half of T-2 = 4,000 + 650.
        { id: 'FEAT-1', budget: 4000, cost: 4650, pv: 2000, ev: 2000, ac: 2500, spi: 1, cpi: 0.8, eac: 5812.5 },
        { id: 'FEAT-2', budget: null, cost: 650, pv: 0, ev: 0, ac: 0, spi: null, cpi: null, eac: 650 },
      ],
      goals: [
        { id: 'G-1', budget: null, cost: 5300, pv: 2000, ev: 2000, ac: 2500, spi: 1, cpi: 0.8, eac: 6625 },
        { id: 'G-2', budget: null, cost: 0, pv: 0, ev: 0, ac: 0, spi: null, cpi: null, eac: 0 },
      ],
      tasks: [
        { id: 'T-1', cost: 4000, pv: 2000, ev: 2000, ac: 2500 },
        { id: 'T-2', cost: 1300, pv: 0, ev: 0, ac: 0 },
      ],
    });
  });

  it('narrows to PATHs: the plan file alone lists its plan and tasks', async () => {
    const data = JSON.parse((await run('budget', 'plan.md', '--format', 'json')).stdout) as { plans: unknown[]; features: unknown[]; tasks: Array<{ id: string }> };
    assert.equal(data.plans.length, 1);
    assert.deepEqual(data.features, []);
    assert.deepEqual(data.tasks.map((t) => t.id), ['T-1', 'T-2']);
  });

  it('prints Markdown tables and CSV with plain numbers', async () => {
    const md = await run('budget', '--format', 'markdown');
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Budget as of 2027-01-05\n/);
    assert.ok(md.stdout.includes('| Q1 plan | 5,000 EUR | 5,300 EUR | 2,000 EUR | 2,000 EUR | 2,500 EUR | 1.00 | 0.80 | 6,625 EUR |'), md.stdout);
    assert.ok(md.stdout.includes('| FEAT-2 | — | 650 EUR |'));
    const csv = await run('budget', '--format', 'csv');
    const lines = csv.stdout.split('\r\n');
    assert.equal(lines[0], 'kind,id,file,title,budget,cost,pv,ev,ac,spi,cpi,eac');
    assert.equal(lines[1], 'plan,,plan.md,Q1 plan,5000,5300,2000,2000,2500,1,0.8,6625');
    assert.ok(lines.includes('feature,FEAT-2,,,,650,0,0,0,,,650'));
    assert.ok(lines.includes('task,T-2,,,,1300,0,0,0,,,'));
    assert.equal(lines.at(-1), '');
  });

  it('refuses an unknown format with exit 2', async () => {
    const r = await run('budget', '--format', 'xml');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
  });

  it('adds cost to schedule tasks, metric to trace goals and score to trace features', async () => {
    const schedule = JSON.parse((await run('schedule', '--format', 'json')).stdout) as { tasks: Array<{ id: string; cost: number }> };
    assert.deepEqual(schedule.tasks.map((t) => [t.id, t.cost]), [['T-1', 4000], ['T-2', 1300]]);
    const trace = JSON.parse((await run('trace', '--format', 'json')).stdout) as { goals: Array<{ id: string; metric: unknown; features: Array<{ id: string; score: number | null }> }> };
    // (30 − 20) / (60 − 20) = 25%.
    assert.deepEqual(trace.goals[0]!.metric, { name: 'activation', baseline: 20, target: 60, current: 30, unit: '%', progress: 25 });
    assert.equal(trace.goals[1]!.metric, null);
    // 200 × 1 (medium) × 50% ÷ effort; effort = (4 days + half of 2) person-days ÷ 5 = 1 week → 100.
    assert.deepEqual(trace.goals[0]!.features.map((f) => [f.id, f.score]), [['FEAT-1', 100], ['FEAT-2', null]]);
  });

  it('reports the budget problems in check', async () => {
    const r = await run('check', '--format', 'json');
    const codes = (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; line: number; code: string }> }).diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);
    assert.ok(codes.includes('plan.md:3 budget.exceeded'), codes.join('\n'));
    assert.ok(codes.includes('spec.md:3 budget.exceeded'), codes.join('\n'));
  });

  it('exits 2 when the config has a bad currency', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'specline-budget-bad-'));
    try {
      await writeFile(path.join(bad, '.specline.yml'), 'currency: 12\n');
      await writeFile(path.join(bad, 'plan.md'), '- T-1 A\n  - duration: 1d\n');
      const r = await runCli(['budget', '--format', 'json'], { cwd: bad });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /currency/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
