import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import type { CompletionResult } from '../../../src/core/language/completions.js';
import { getCompletions, MAX_ID_COMPLETIONS } from '../../../src/core/language/completions.js';
import { analyzeFiles, cursorAt, PLAN, textAt, workspaceFiles } from './helpers.js';

describe('getCompletions', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(workspaceFiles());
  });

  const complete = (file: string, marked: string, a: Analysis = analysis): (CompletionResult & { replaced: string }) | undefined => {
    const { text, position } = cursorAt(marked);
    const result = getCompletions(a, file, text, position);
    return result && { ...result, replaced: textAt(text, result.replaceRange) };
  };
  const labels = (r: ReturnType<typeof complete>): string[] => r?.items.map((i) => i.label) ?? [];

  it('offers goals only after `goals:` in a front-matter flow list, with title and status', () => {
    const r = complete('specs/new.md', '---\nid: FEAT-9\ntitle: New\ngoals: [‸\n---\n');
    assert.deepEqual(labels(r), ['G-1', 'G-2', 'G-3']);
    const g1 = r!.items[0]!;
    assert.equal(g1.kind, 'id');
    assert.equal(g1.detail, 'Halve onboarding time');
    assert.equal(g1.filterText, 'G-1 Halve onboarding time');
    assert.match(g1.documentation!, /Goal in roadmap\.md, line 3/);
    assert.deepEqual(r!.items.map((i) => i.sortText), ['0', '1', '2']);
  });

  it('leaves out the goals already in the list', () => {
    assert.deepEqual(labels(complete('specs/new.md', '---\nid: FEAT-9\ngoals: [G-1, G‸]\n---\n')), ['G-2', 'G-3']);
    assert.deepEqual(labels(complete('specs/new.md', '---\nid: FEAT-9\ngoals:\n  - G-3\n  - ‸\n---\n')), ['G-1', 'G-2']);
  });

  it('shows the status in the detail', () => {
    const r = complete('plan.md', `${PLAN}- [ ] T-4 More\n  - features: FEAT-‸\n`);
    const feat1 = r!.items.find((i) => i.label === 'FEAT-1')!;
    assert.equal(feat1.detail, 'Single sign-on · approved');
  });

  it('offers tasks and milestones after `after:`, same file first, then by ID number, without the item itself', () => {
    const text = PLAN.replace('  - after: T-1\n  - duration: 2w', '  - after: T-1, ‸\n  - duration: 2w');
    const r = complete('plan.md', text);
    assert.deepEqual(labels(r), ['M-1', 'T-2', 'T-10', 'T-11']);
    assert.equal(r!.isIncomplete, false);
  });

  it('narrows the list by what is typed', () => {
    const r = complete('plan.md', PLAN.replace('  - after: T-1\n  - duration: 2w', '  - after: T-1‸\n  - duration: 2w'));
    assert.deepEqual(labels(r), ['T-1', 'T-10', 'T-11']);
    assert.equal(r!.replaced, 'T-1');
  });

  it('completes IDs in a `Depends on` table cell', () => {
    const text = '| ID | Task | Depends on |\n|---|---|---|\n| T-20 | Ship | ‸ |\n';
    assert.deepEqual(labels(complete('other.md', text)), ['M-1', 'T-1', 'T-2', 'T-3', 'T-10', 'T-11']);
  });

  it('offers the keys that apply to a feature, not those already set', () => {
    const r = complete('specs/new.md', '---\nid: FEAT-9\ntitle: New\n‸\n---\n');
    const keys = labels(r);
    for (const k of ['goals', 'personas', 'milestone', 'priority', 'target', 'status', 'owner']) assert.ok(keys.includes(k), k);
    for (const k of ['title', 'duration', 'after', 'horizon', 'features', 'cost', 'spent']) assert.ok(!keys.includes(k), k);
    const goals = r!.items.find((i) => i.label === 'goals')!;
    assert.equal(goals.kind, 'key');
    assert.equal(goals.insertText, 'goals: ');
    assert.match(goals.documentation!, /goal ← feature/);
  });

  it('offers the keys that apply to a task under its list item', () => {
    const r = complete('plan.md', '- [ ] T-9 Thing\n  - features: FEAT-1\n  - ‸\n');
    const keys = labels(r);
    for (const k of ['after', 'duration', 'owner', 'start', 'end', 'allocation', 'progress', 'milestone']) assert.ok(keys.includes(k), k);
    for (const k of ['features', 'goals', 'horizon', 'metric', 'probability']) assert.ok(!keys.includes(k), k);
  });

  it('offers plan keys in a plan\'s front matter', () => {
    assert.deepEqual(labels(complete('p.md', '---\ntitle: x\n‸\n---\n')), ['id', 'start', 'calendar', 'budget']);
  });

  it('offers the cost, metric and RICE keys as they are written, where they apply', () => {
    const feature = complete('specs/new.md', '---\nid: FEAT-9\ntitle: New\n‸\n---\n')!;
    for (const k of ['budget', 'metric baseline', 'metric target', 'metric current', 'reach', 'impact', 'confidence', 'effort']) assert.ok(labels(feature).includes(k), k);
    assert.equal(feature.items.find((i) => i.label === 'metric baseline')!.insertText, 'metric baseline: ');
    assert.match(feature.items.find((i) => i.label === 'effort')!.documentation!, /person-weeks/);
    const task = labels(complete('plan.md', '- [ ] T-9 Thing\n  - ‸\n'));
    for (const k of ['cost', 'spent']) assert.ok(task.includes(k), k);
    for (const k of ['budget', 'reach', 'metric current']) assert.ok(!task.includes(k), k);
  });

  it('offers RICE impacts on a feature and risk levels on a risk', () => {
    assert.deepEqual(labels(complete('specs/x.md', '---\nid: FEAT-9\nimpact: ‸\n---\n')), ['massive', 'high', 'medium', 'low', 'minimal']);
    assert.deepEqual(labels(complete('risks.md', '- R-1 Vendor\n  - impact: ‸\n')), ['low', 'medium', 'high']);
  });

  it('inserts the bare key when the colon is already there', () => {
    const r = complete('roadmap.md', '## G-9 X\n- hor‸izon: now\n');
    assert.equal(r!.items.find((i) => i.label === 'horizon')!.insertText, undefined);
    assert.equal(r!.replaced, 'horizon');
  });

  it('offers status and priority values', () => {
    assert.deepEqual(labels(complete('plan.md', '- [ ] T-9 X\n  - status: ‸\n')), ['draft', 'proposed', 'approved', 'todo', 'in-progress', 'blocked', 'done', 'dropped']);
    assert.deepEqual(labels(complete('specs/x.md', '---\nid: FEAT-9\npriority: ‸\n---\n')), ['must', 'should', 'could', 'wont', 'P0', 'P1', 'P2', 'P3']);
    assert.deepEqual(labels(complete('risks.md', '- R-1 Vendor\n  - impact: ‸\n')), ['low', 'medium', 'high']);
  });

  it('offers horizons: now, next, later and the four quarters from today', async () => {
    assert.deepEqual(labels(complete('roadmap.md', '## G-9 X\n- horizon: ‸\n')), ['now', 'next', 'later', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    const november = await analyzeFiles(workspaceFiles(), '2027-11-20');
    assert.deepEqual(labels(complete('roadmap.md', '## G-9 X\n- horizon: 20‸\n', november)).slice(3), ['2027-Q4', '2028-Q1', '2028-Q2', '2028-Q3']);
  });

  it('offers the owners used in the workspace, most used first, without those already named', () => {
    assert.deepEqual(labels(complete('plan.md', '- [ ] T-9 X\n  - owner: ‸\n')), ['@ana', '@cy', '@bo']);
    assert.deepEqual(labels(complete('plan.md', '- [ ] T-9 X\n  - owner: @cy, @‸\n')), ['@ana', '@bo']);
    assert.equal(complete('plan.md', '- [ ] T-9 X\n  - owner: ‸\n')!.items[0]!.detail, 'owns 4 items');
  });

  it('answers undefined where nothing is being typed that Specline knows', () => {
    assert.equal(complete('plan.md', 'Just prose about T-‸\n'), undefined);
  });

  it('caps long lists and says the list is incomplete', async () => {
    const rows = Array.from({ length: MAX_ID_COMPLETIONS + 20 }, (_, i) => `- [ ] T-${i + 1} Task ${i + 1}`).join('\n');
    const big = await analyzeFiles({ 'plan.md': `${rows}\n` });
    const r = complete('other.md', '- [ ] T-9999 X\n  - after: ‸\n', big);
    assert.equal(r!.items.length, MAX_ID_COMPLETIONS);
    assert.equal(r!.isIncomplete, true);
    assert.equal(r!.items[0]!.label, 'T-1');
    assert.equal(r!.items[1]!.label, 'T-2');
  });
});
