import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getCodeLenses } from '../../../src/core/language/codeLens.js';
import { analyzeFiles, PLAN, ROADMAP, textAt, workspaceFiles } from './helpers.js';

describe('getCodeLenses', () => {
  let analysis: Analysis;
  let files: Record<string, string>;
  before(async () => {
    files = workspaceFiles();
    analysis = await analyzeFiles(files);
  });

  const lenses = (file: string, a = analysis): Array<[string, string, string[], string | undefined]> =>
    getCodeLenses(a, file).map((l) => [l.id, l.title, l.related, l.gap]);

  it('goals: features, tasks, end date and weighted progress', () => {
    assert.deepEqual(lenses('roadmap.md'), [
      // T-1 (3 days) is done, T-2 (5) and T-3 (10) are not: 3 / 18 = 17 %.
      ['G-1', '2 features · 3 tasks · ends 2027-01-20 · 17% done', ['FEAT-1', 'FEAT-2', 'T-1', 'T-2', 'T-3'], undefined],
      ['G-2', '1 feature · 2 tasks · ends 2027-01-12 · 0% done', ['FEAT-4', 'T-10', 'T-11'], undefined],
      ['G-3', '1 feature · 1 task · ends 2027-01-20 · 0% done', ['FEAT-2', 'T-3'], undefined],
    ]);
    const [g1] = getCodeLenses(analysis, 'roadmap.md');
    assert.equal(textAt(files['roadmap.md']!, g1!.range), 'G-1');
    assert.equal(g1!.kind, 'goal');
  });

  it('a goal no feature serves says so', async () => {
    const a = await analyzeFiles({ ...files, 'roadmap.md': `${ROADMAP}\n## G-4 Enterprise deals\n` });
    assert.deepEqual(lenses('roadmap.md', a)[3], ['G-4', 'no feature yet', [], 'no-feature']);
  });

  it('features: goals, tasks, end and progress, or the gap', () => {
    assert.deepEqual(lenses('specs/sso.md'), [['FEAT-1', '1 goal · 2 tasks · ends 2027-01-13 · 38% done', ['G-1', 'T-1', 'T-2'], undefined]]);
    assert.deepEqual(lenses('specs/features.md'), [
      ['FEAT-2', '2 goals · 1 task · ends 2027-01-20 · 0% done', ['G-1', 'G-3', 'T-3'], undefined],
      ['FEAT-3', 'no goal · no task', [], 'no-goal'],
      ['FEAT-4', '1 goal · 2 tasks · ends 2027-01-12 · 0% done', ['G-2', 'T-10', 'T-11'], undefined],
      ['FEAT-5', 'no goal · no task', [], 'no-goal'],
    ]);
  });

  it('a feature with a goal but no task, and one whose tasks cannot be scheduled', async () => {
    const a = await analyzeFiles({
      'f.md': '## FEAT-1 A\n- goals: G-1\n\n## FEAT-2 B\n- goals: G-1\n\n## G-1 Goal\n',
      'p.md': '- [ ] T-1 No duration\n  - features: FEAT-2\n',
    });
    assert.deepEqual(lenses('f.md', a).slice(0, 2), [
      ['FEAT-1', '1 goal · no task', ['G-1'], 'no-task'],
      ['FEAT-2', '1 goal · 1 task · not scheduled', ['G-1', 'T-1'], undefined],
    ]);
  });

  it('milestones: the date and the tasks it waits for, late ones first', async () => {
    assert.deepEqual(lenses('plan.md'), [['M-1', 'due 2027-01-15 · 1 task', ['T-2'], undefined]]);
    const late = await analyzeFiles({ ...files, 'plan.md': PLAN.replace('  - duration: 5d', '  - duration: 9d').replace('  - date: 2027-01-15\n  - after: T-2', '  - date: 2027-01-15\n  - after: T-2, T-1') });
    assert.deepEqual(lenses('plan.md', late), [['M-1', 'due 2027-01-15 · 1 of 2 tasks late', ['T-2', 'T-1'], 'late']]);
  });

  it('nothing for other kinds or unknown files', () => {
    assert.deepEqual(lenses('billing-plan.md'), []);
    assert.deepEqual(lenses('nope.md'), []);
  });

  it('budgets: planned against budget, CPI and spent, on the budget value of plans, features and goals', async () => {
    const costed = {
      '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
      // T-1: 4 days × 500 = 2,000, done, 2,500 spent: CPI 2,000 / 2,500 = 0.80.
      'plan.md': '---\nbudget: 42k\n---\n- [x] T-1 Build\n  - duration: 4d\n  - spent: 2,500\n  - features: FEAT-1\n',
      'spec.md': '## FEAT-1 Builder\n- goals: G-1\n- budget: 1,500\n',
      'roadmap.md': '## G-1 Goal\n- budget: 10k\n',
    };
    const a = await analyzeFiles(costed, '2027-01-05');
    const budgets = (file: string): Array<[string, string, string]> =>
      getCodeLenses(a, file).filter((l) => l.title.startsWith('planned')).map((l) => [l.id, l.title, textAt(costed[file as keyof typeof costed], l.range)]);
    assert.deepEqual(budgets('plan.md'), [['plan.md', 'planned 2,000 of 42,000 EUR · CPI 0.80 · spent 2,500', '42k']]);
    assert.deepEqual(budgets('spec.md'), [['FEAT-1', 'planned 2,000 of 1,500 EUR · CPI 0.80 · spent 2,500 · over budget', '1,500']]);
    assert.deepEqual(budgets('roadmap.md'), [['G-1', 'planned 2,000 of 10,000 EUR · CPI 0.80 · spent 2,500', '10k']]);
  });
});
