import assert from 'node:assert/strict';
import type { PlanNode } from '../../../src/core/views/planTree.js';
import { buildPlanTree, flattenPlanTree } from '../../../src/core/views/planTree.js';
import { planNodeCost, withPlanCost } from '../../../src/core/views/planCost.js';
import { analyzeFiles } from './workspace.js';

/**
 * Day rate 500 EUR; work starts Monday 2027-01-04; today is Friday 2027-01-08.
 * - T-1: 4 days (Mon–Thu) × 500 = 2,000; all 4 days are on or before today, so PV = 2,000;
 *   50% done, so EV = 1,000; spent 1,200, so CPI = 1,000 ÷ 1,200 = 0.83 and SPI = 0.50.
 * - T-2: 2 days × 500 = 1,000 (PV 1,000, EV 0), shared by FEAT-1 and FEAT-2: 500 each.
 * - FEAT-1: 2,000 + 500 = 2,500 against a budget of 2,000 (over); PV 2,000 + 500 = 2,500,
 *   EV 1,000, SPI 1,000 ÷ 2,500 = 0.40; CPI 0.83; forecast 2,500 ÷ (1,000 ÷ 1,200) = 3,000.
 * - FEAT-2: 500, no budget.
 * - G-1 (both features): 2,500 + 500 = 3,000 of a budget of 5,000; CPI 0.83.
 */
const FILES: Record<string, string> = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
  'roadmap.md': '## G-1 Activation\n- horizon: now\n- budget: 5k\n',
  'spec.md': '## FEAT-1 Builder\n- goals: G-1\n- budget: 2,000\n\n## FEAT-2 Export\n- goals: G-1\n',
  'plan.md': [
    '- T-1 Build', '  - duration: 4d', '  - progress: 50%', '  - spent: 1,200', '  - features: FEAT-1',
    '- T-2 Polish', '  - duration: 2d', '  - features: FEAT-1, FEAT-2',
    '- M-1 Launch', '  - after: T-1', '  - features: FEAT-1',
  ].join('\n') + '\n',
};

const at = (nodes: PlanNode[], key: string): PlanNode => {
  const node = flattenPlanTree(nodes).find((n) => n.key === key);
  assert.ok(node, `${key} is in the tree`);
  return node;
};

describe('Plan Explorer cost (show cost)', () => {
  it('gives goals, features and tasks their planned cost, budget and CPI, computed by hand', async () => {
    const a = await analyzeFiles(FILES);
    const cost = (id: string, kind: PlanNode['kind']): string | undefined => planNodeCost(a, { id, kind })?.description;
    assert.equal(cost('T-1', 'task'), 'planned 2,000 EUR · CPI 0.83');
    assert.equal(cost('T-2', 'task'), 'planned 1,000 EUR');
    assert.equal(cost('FEAT-1', 'feature'), 'planned 2,500 of 2,000 EUR · over budget · CPI 0.83');
    assert.equal(cost('FEAT-2', 'feature'), 'planned 500 EUR');
    assert.equal(cost('G-1', 'goal'), 'planned 3,000 of 5,000 EUR · CPI 0.83');
    assert.equal(planNodeCost(a, { id: 'M-1', kind: 'milestone' }), undefined, 'a milestone costs nothing');
    assert.equal(planNodeCost(a, { kind: 'group' }), undefined);
    assert.equal(planNodeCost(a, { id: 'T-1', kind: 'task' })?.tooltip,
      'Cost: planned 2,000 EUR · planned value to date 2,000 · earned 1,000 · spent 1,200 · SPI 0.50 · CPI 0.83');
    assert.equal(planNodeCost(a, { id: 'FEAT-1', kind: 'feature' })?.tooltip,
      'Cost: planned 2,500 EUR of budget 2,000 EUR (over) · planned value to date 2,500 · earned 1,000 · spent 1,200 · SPI 0.40 · CPI 0.83 · forecast 3,000 EUR');
  });

  it('adds the cost to every costed row of the tree, after what the row already says, without changing the tree it was given', async () => {
    const a = await analyzeFiles(FILES);
    const plain = buildPlanTree(a);
    const before = JSON.stringify(plain);
    const costed = withPlanCost(a, plain);
    assert.equal(JSON.stringify(plain), before, 'the input tree is not changed');
    assert.deepEqual(flattenPlanTree(costed).map((n) => n.key), flattenPlanTree(plain).map((n) => n.key), 'same rows, same order');
    const t1 = at(costed, 'G-1/FEAT-1/T-1');
    assert.equal(t1.description, `${at(plain, 'G-1/FEAT-1/T-1').description} · planned 2,000 EUR · CPI 0.83`);
    assert.ok(t1.tooltip.startsWith(at(plain, 'G-1/FEAT-1/T-1').tooltip), 'the tooltip keeps what it said');
    assert.match(t1.tooltip, /\n\nCost: planned 2,000 EUR/);
    assert.match(at(costed, 'G-1').description, / · planned 3,000 of 5,000 EUR · CPI 0\.83$/);
    assert.equal(at(costed, 'G-1/FEAT-1/M-1').description, at(plain, 'G-1/FEAT-1/M-1').description);
  });

  it('shows nothing in a workspace without rates, cost or budgets', async () => {
    const a = await analyzeFiles({ ...FILES, '.specline.yml': 'start: 2027-01-04\n', 'roadmap.md': '## G-1 Activation\n', 'spec.md': '## FEAT-1 Builder\n- goals: G-1\n', 'plan.md': '- T-1 Build\n  - duration: 4d\n  - features: FEAT-1\n' });
    const plain = buildPlanTree(a);
    assert.deepEqual(withPlanCost(a, plain), plain);
  });
});
