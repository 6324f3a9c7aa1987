import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import type { PlanNode } from '../../../src/core/views/planTree.js';
import { buildPlanTree, flattenPlanTree } from '../../../src/core/views/planTree.js';
import { memoryFileSystem, readFixture } from '../../support/memoryFileSystem.js';
import { analyzeFiles } from '../language/helpers.js';

/** Today is Monday 2027-03-01 in every test here. */
const TODAY = '2027-03-01';

const FILES: Record<string, string> = {
  'roadmap.md': [
    '# Roadmap',
    '',
    '## G-1 Launch the <b>beta</b>',
    '- horizon: 2027-Q1',
    '- owner: @ines',
    '',
    '## G-2 Grow',
    '- horizon: later',
    '',
  ].join('\n'),
  'specs.md': [
    '# Specs',
    '',
    '## FEAT-1 Sign-on `<img src=x onerror=alert(1)>` *now* https://evil.example',
    '- goals: G-1, G-2',
    '- owner: @omar',
    '',
    '## FEAT-2 Orphan idea',
    '',
  ].join('\n'),
  'plan.md': [
    '---',
    'start: 2027-02-01',
    '---',
    '# Plan',
    '',
    '- [x] T-1 Design',
    '  - duration: 5d',
    '  - features: FEAT-1',
    '  - owner: @mei',
    '- [ ] T-2 Build',
    '  - duration: 10d',
    '  - after: T-1',
    '  - features: FEAT-1',
    '  - status: in-progress',
    '  - progress: 40%',
    '  - [ ] T-2.1 Backend',
    '    - duration: 2d',
    '    - after: T-1',
    '    - features: FEAT-1',
    '- [ ] T-3 Rollout',
    '  - features: FEAT-1',
    '  - status: blocked',
    '- [ ] T-4 Chores',
    '  - duration: 1d',
    '- [ ] T-5 Orphan work',
    '  - duration: 2d',
    '  - features: FEAT-2',
    '- M-1 Beta',
    '  - after: T-2',
    '  - features: FEAT-1',
    '- M-2 Party',
    '  - date: 2027-03-20',
    '',
  ].join('\n'),
};

function find(nodes: PlanNode[], key: string): PlanNode {
  const node = flattenPlanTree(nodes).find((n) => n.key === key);
  assert.ok(node, `no node ${key}; keys: ${flattenPlanTree(nodes).map((n) => n.key).join(', ')}`);
  return node;
}

describe('buildPlanTree', () => {
  let tree: PlanNode[];
  before(async () => {
    tree = buildPlanTree(await analyzeFiles(FILES, TODAY));
  });

  it('lists goals, then the groups that are not empty', () => {
    assert.deepEqual(tree.map((n) => n.label), [
      'G-1 Launch the <b>beta</b>',
      'G-2 Grow',
      'Untraced features',
      'Tasks without a feature',
      'Unscheduled tasks',
      'Other milestones',
    ]);
    assert.deepEqual(tree.map((n) => n.kind), ['goal', 'goal', 'group', 'group', 'group', 'group']);
  });

  it('nests features under each goal they serve, and tasks and milestones under features', () => {
    const g1 = find(tree, 'G-1');
    assert.deepEqual(g1.children.map((n) => n.key), ['G-1/FEAT-1']);
    assert.deepEqual(find(tree, 'G-2').children.map((n) => n.key), ['G-2/FEAT-1'], 'a feature of two goals appears under both');
    assert.deepEqual(find(tree, 'G-1/FEAT-1').children.map((n) => `${n.kind}:${n.id}`), ['task:T-1', 'task:T-2', 'task:T-3', 'milestone:M-1']);
    assert.deepEqual(find(tree, 'G-1/FEAT-1/T-2').children.map((n) => n.id), ['T-2.1'], 'a sub-task sits under its parent');
    const keys = flattenPlanTree(tree).map((n) => n.key);
    assert.equal(new Set(keys).size, keys.length, 'keys are unique');
  });

  it('groups untraced features, tasks without a feature, unscheduled tasks and loose milestones', () => {
    assert.deepEqual(find(tree, '~untraced').children.map((n) => n.id), ['FEAT-2']);
    assert.deepEqual(find(tree, '~untraced/FEAT-2').children.map((n) => n.id), ['T-5'], 'an untraced feature keeps its tasks');
    assert.deepEqual(find(tree, '~no-feature').children.map((n) => n.id), ['T-4']);
    assert.deepEqual(find(tree, '~unscheduled').children.map((n) => n.id), ['T-3'], 'T-3 has no duration, so the scheduler cannot place it');
    assert.deepEqual(find(tree, '~milestones').children.map((n) => n.id), ['M-2']);
    // T-4: overdue (warning) and delivers no feature (info).
    assert.equal(find(tree, '~no-feature').description, '1 task · ⚠ 2');
  });

  it('gives each node a state from its status, schedule and health', () => {
    const state = (key: string): string | undefined => find(tree, key).state;
    assert.equal(state('G-1/FEAT-1/T-1'), 'done');
    assert.equal(state('G-1/FEAT-1/T-3'), 'blocked');
    // T-2 runs 2027-02-08 → 2027-02-19, before today, and is not done: overdue.
    assert.equal(state('G-1/FEAT-1/T-2'), 'late');
    assert.equal(state('~untraced/FEAT-2/T-5'), 'late');
    // FEAT-1 has overdue and blocked tasks: at risk; so is G-1, its worst feature.
    assert.equal(state('G-1/FEAT-1'), 'at-risk');
    assert.equal(state('G-1'), 'at-risk');
  });

  it('describes dates, owner, progress and problems', () => {
    assert.equal(find(tree, 'G-1/FEAT-1/T-1').description, '2027-02-01 → 2027-02-05 · @mei');
    const t2 = find(tree, 'G-1/FEAT-1/T-2');
    assert.match(t2.description, /^2027-02-08 → 2027-02-19 · 40% · overdue · ⚠ \d+$/);
    assert.ok(t2.problems.count >= 1 && t2.problems.worst === 'warning', JSON.stringify(t2.problems));
    assert.equal(find(tree, 'G-1').description.split(' · ').slice(0, 3).join(' · '), '2027-Q1 · by 2027-03-31 · 1 feature');
    assert.equal(find(tree, '~milestones/M-2').description, '2027-03-20');
    assert.match(find(tree, '~unscheduled').description, /^1 task · ⚠ [1-9]/);
  });

  it('points each item at the line and column of its ID', () => {
    assert.deepEqual(find(tree, 'G-1/FEAT-1/T-2').location, { file: 'plan.md', line: 9, character: 6 });
    assert.deepEqual(find(tree, 'G-2').location, { file: 'roadmap.md', line: 6, character: 3 });
    assert.equal(find(tree, '~untraced').location, undefined);
  });

  it('escapes user text in tooltips', () => {
    const tip = find(tree, 'G-1/FEAT-1').tooltip;
    assert.ok(tip.startsWith('**FEAT-1** Sign-on '), tip);
    const title = tip.split('\n')[0]!;
    assert.ok(!/<img|\*now\*|https:\/\//.test(title.replace(/\\./g, '')), `no HTML, emphasis or link can form: ${title}`);
    assert.ok(title.includes('&lt;img') && title.includes('https\\://'), title);
    assert.ok(find(tree, 'G-1').tooltip.includes('Launch the &lt;b&gt;beta&lt;/b&gt;'));
    assert.match(find(tree, 'G-1/FEAT-1/T-2').tooltip, /\*\*Problems \(\d+\)\*\*\n\n- warning: .*schedule\.overdue/);
  });

  it('is empty for an empty workspace', async () => {
    assert.deepEqual(buildPlanTree(await analyzeFiles({ 'notes.md': '# Just notes\n' }, TODAY)), []);
  });

  it('shows examples/acme: six goals, then the four groups', async () => {
    const ws = createWorkspace({ fs: memoryFileSystem(readFixture(join(process.cwd(), 'examples', 'acme'))), today: () => parseIsoDate(TODAY)! });
    await ws.load();
    const acme = buildPlanTree(ws.analyze());
    assert.deepEqual(acme.map((n) => n.id ?? n.label), ['G-1', 'G-2', 'G-3', 'G-4', 'G-5', 'G-6', 'Untraced features', 'Tasks without a feature', 'Unscheduled tasks', 'Other milestones']);
    assert.equal(find(acme, 'G-3').state, 'late', 'FEAT-6 ends after G-3\'s target');
    assert.deepEqual(find(acme, '~untraced').children.map((n) => n.id), ['FEAT-7']);
    assert.deepEqual(find(acme, 'G-2/FEAT-1/T-7').children.map((n) => n.id), ['T-7.1', 'T-7.2']);
  });
});
