import assert from 'node:assert/strict';
import { budgetData } from '../../../src/core/cost/budgetData.js';
import { metricSummary } from '../../../src/core/cost/metricProgress.js';
import { riceScore } from '../../../src/core/cost/riceScore.js';
import { analysisCost } from '../../../src/core/cost/computeCost.js';
import { analyzeFiles } from './workspace.js';

/**
 * Figures computed by hand (docs/format.md, cost and budget). Calendar: Monday–Friday with
 * a holiday on Wednesday 2027-01-06; project start Monday 2027-01-04; today Friday 2027-01-08.
 */
const FILES: Record<string, string> = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\ncalendar: { holidays: [2027-01-06] }\nrates: { default: 600, "@ana": 800, "@bo": EUR 500 }\n',
  'plan.md': [
    '---', 'title: Plan', 'budget: 20k', '---', '',
    '- [ ] T-1 Design', '  - duration: 5d', '  - owner: @ana', '  - allocation: 50%', '  - progress: 40%', '  - spent: 1,500', '  - features: FEAT-1',
    '- [ ] T-2 Build', '  - after: T-1', '  - duration: 10d', '  - owner: @ana, @bo', '  - cost: 2k', '  - features: FEAT-1, FEAT-2',
    '- [ ] T-3 Unowned', '  - duration: 2d', '  - features: FEAT-2',
    '- [x] T-4 Licence', '  - cost: €750', '  - actual cost: 800', '  - features: FEAT-2', '',
  ].join('\n'),
  'features.md': [
    '## FEAT-1 Design system', '- goals: G-1', '- reach: 100', '- impact: low', '- confidence: 50%', '- effort: 2', '',
    '## FEAT-2 Builder', '- goals: G-1, G-2', '- reach: 500', '- impact: high', '- confidence: 80%', '',
    '## FEAT-3 Nothing yet', '- goals: G-2', '- reach: 10', '- impact: 1', '',
  ].join('\n'),
  'roadmap.md': [
    '## G-1 Faster onboarding', '- metric: minutes to first login', '- metric baseline: 30 min', '- metric target: 10 min', '- metric current: 25 min', '',
    '## G-2 Adoption', '- budget: 4,000', '- metric baseline: 0%', '- metric target: 40%', '- metric current: 60%', '',
    '## G-3 Unmeasured', '- metric target: 5', '- metric current: 3', '',
  ].join('\n'),
};

describe('cost figures (hand-computed)', () => {
  it('costs each task: working days × Σ owners (allocation × rate) + fixed cost; PV, EV and AC as of today', async () => {
    const data = budgetData(await analyzeFiles(FILES));
    assert.deepEqual(data.tasks, [
      // 5 working days (04, 05, 07, 08, 11: the 6th is a holiday) × 50% × 800 = 2,000.
      // PV: 4 of its 5 days are on or before today → 1,600. EV: 40% → 800. AC: 1,500.
      { id: 'T-1', cost: 2000, pv: 1600, ev: 800, ac: 1500 },
      // 10 days × (800 + 500) + 2,000 fixed = 15,000; starts 2027-01-12, after today: PV 0.
      { id: 'T-2', cost: 15000, pv: 0, ev: 0, ac: 0 },
      // No owner: one person at the default 600 × 2 days = 1,200, all before today.
      { id: 'T-3', cost: 1200, pv: 1200, ev: 0, ac: 0 },
      // No duration: only the fixed 750; done → EV 750; no dates → PV 0.
      { id: 'T-4', cost: 750, pv: 0, ev: 750, ac: 800 },
    ]);
  });

  it('rolls up a plan: the tasks of its document, with SPI, CPI over tasks with spent, and EAC', async () => {
    const data = budgetData(await analyzeFiles(FILES));
    assert.equal(data.currency, 'EUR');
    assert.equal(data.today, '2027-01-08');
    assert.deepEqual(data.plans, [{
      file: 'plan.md', title: 'Plan', budget: 20000,
      cost: 18950, // 2,000 + 15,000 + 1,200 + 750
      pv: 2800, // 1,600 + 1,200
      ev: 1550, // 800 + 750
      ac: 2300, // 1,500 + 800
      spi: 0.55, // 1,550 / 2,800 = 0.5536
      cpi: 0.67, // EV of T-1 and T-4 (the tasks with spent) 1,550 / 2,300 = 0.6739
      eac: 28119.35, // 18,950 / (1,550 / 2,300) = 28,119.354…
    }]);
  });

  it('shares a task among its features and a feature among its goals', async () => {
    const data = budgetData(await analyzeFiles(FILES));
    assert.deepEqual(data.features, [
      // T-1 whole + half of T-2: 2,000 + 7,500; PV 1,600; EV 800; AC 1,500 (T-1's); CPI 800 / 1,500.
      { id: 'FEAT-1', budget: null, cost: 9500, pv: 1600, ev: 800, ac: 1500, spi: 0.5, cpi: 0.53, eac: 17812.5 },
      // Half of T-2 + T-3 + T-4: 7,500 + 1,200 + 750; PV 1,200; EV 750; AC 800; SPI 750 / 1,200 = 0.625; CPI 750 / 800 = 0.9375.
      { id: 'FEAT-2', budget: null, cost: 9450, pv: 1200, ev: 750, ac: 800, spi: 0.63, cpi: 0.94, eac: 10080 },
      // No tasks: every divisor is 0, so the ratios are null and EAC is the (zero) BAC.
      { id: 'FEAT-3', budget: null, cost: 0, pv: 0, ev: 0, ac: 0, spi: null, cpi: null, eac: 0 },
    ]);
    assert.deepEqual(data.goals.map((g) => [g.id, g.budget, g.cost, g.pv, g.ev, g.ac]), [
      ['G-1', null, 14225, 2200, 1175, 1900], // FEAT-1 + half of FEAT-2 (it serves two goals)
      ['G-2', 4000, 4725, 600, 375, 400], // half of FEAT-2 + FEAT-3
      ['G-3', null, 0, 0, 0, 0],
    ]);
  });

  it('reports budget.exceeded on the goal whose share of planned cost is over its budget', async () => {
    const analysis = await analyzeFiles(FILES);
    const exceeded = analysis.diagnostics.filter((d) => d.code === 'budget.exceeded');
    assert.deepEqual(exceeded.map((d) => `${d.file}:${d.range.start.line + 1}`), ['roadmap.md:8']);
    assert.match(exceeded[0]!.message, /4,725 EUR, 725 EUR over its budget of 4,000 EUR/);
    assert.deepEqual(exceeded[0]!.related.map((r) => r.message), ['FEAT-2: planned 4,725 EUR']);
  });

  it('computes metric progress, falling metrics included, clamped and null without a baseline', async () => {
    const analysis = await analyzeFiles(FILES);
    const metric = (id: string): ReturnType<typeof metricSummary> => metricSummary(analysis.items.get(id)!);
    // (25 − 30) / (10 − 30) = 25%.
    assert.deepEqual(metric('G-1'), { name: 'minutes to first login', baseline: 30, target: 10, current: 25, unit: 'min', progress: 25 });
    // (60 − 0) / (40 − 0) = 150%, clamped to 100%.
    assert.equal(metric('G-2')!.progress, 100);
    assert.equal(metric('G-3')!.progress, null);
    assert.equal(metricSummary(analysis.items.get('FEAT-1')!), null);
  });

  it('scores RICE with the written effort, or planned person-days ÷ 5', async () => {
    const analysis = await analyzeFiles(FILES);
    const cost = analysisCost(analysis);
    const score = (id: string): number | null => riceScore(analysis.items.get(id)!, cost.features.get(id));
    // 100 × 0.5 (low) × 50% ÷ 2 person-weeks = 12.5.
    assert.equal(score('FEAT-1'), 12.5);
    // Person-days: half of T-2 (10 days × 2 people = 20) + T-3 (2 × 1) = 12 → 2.4 weeks.
    // 500 × 2 (high) × 80% ÷ 2.4 = 333.33.
    assert.equal(score('FEAT-2'), 333.33);
    // No confidence: no score.
    assert.equal(score('FEAT-3'), null);
  });

  it('costs nothing for owners without a rate when there is no default, and says so once per owner and file', async () => {
    const analysis = await analyzeFiles({
      '.specline.yml': 'start: 2027-01-04\nrates: { "@ana": 100 }\n',
      'plan.md': '- T-1 A\n  - duration: 2d\n  - owner: @ana, @cy\n- T-2 B\n  - duration: 3d\n  - owner: @cy\n- T-3 C\n  - duration: 4d\n  - cost: 50\n',
    });
    const data = budgetData(analysis);
    // @ana 2 × 100; @cy nothing; unowned T-3 has no default rate: only its fixed 50.
    assert.deepEqual(data.tasks.map((t) => t.cost), [200, 0, 50]);
    const noRate = analysis.diagnostics.filter((d) => d.code === 'budget.no-rate');
    assert.deepEqual(noRate.map((d) => [d.range.start.line + 1, d.severity, d.data?.owner]), [[3, 'info', '@cy']]);
  });

  it('costs nothing but fixed costs without rates, and reports no missing rate', async () => {
    const analysis = await analyzeFiles({ '.specline.yml': 'start: 2027-01-04\n', 'plan.md': '- T-1 A\n  - duration: 2d\n  - owner: @ana\n  - cost: 1.2m\n' });
    // 2027-01-04 and 05, both before today: the whole fixed cost is planned by now.
    assert.deepEqual(budgetData(analysis).tasks, [{ id: 'T-1', cost: 1200000, pv: 1200000, ev: 0, ac: 0 }]);
    assert.equal(budgetData(analysis).currency, null);
    assert.ok(!analysis.diagnostics.some((d) => d.code.startsWith('budget.')));
  });
});
