import assert from 'node:assert/strict';
import { diffAnalyses, isEmptyChanges, renderChangesSection } from '../../../src/core/report/changes.js';
import { renderStatusReport } from '../../../src/core/report/statusReport.js';
import { analyzeFiles } from '../language/helpers.js';

const TODAY = '2027-01-04';

const SPECS = '# Specs\n\n## FEAT-1 Sign-on\n- goals: G-1\n\n# Goals\n\n## G-1 Launch\n- status: proposed\n';

function plan(rows: string[], milestoneDate = '2027-02-01'): Record<string, string> {
  return {
    'specs.md': SPECS,
    'plan.md': [
      '---',
      'start: 2027-01-04',
      '---',
      '# Plan',
      '',
      '| ID | Task | Duration | After | Features | Status |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      '- M-1 Beta',
      `  - date: ${milestoneDate}`,
      '',
    ].join('\n'),
  };
}

const BEFORE = plan([
  '| T-1 | Design | 5d | | FEAT-1 | todo |',
  '| T-2 | Build | 5d | T-1 | FEAT-1 | |',
  '| T-3 | Legacy import | 3d | | FEAT-1 | todo |',
  '| T-4 | Docs | 2d | T-2 | FEAT-1 | |',
]);

const AFTER = plan([
  // T-1 takes twice as long: T-1's end moves, and so do T-2 and T-4 after it.
  '| T-1 | Design | 10d | | FEAT-1 | done |',
  '| T-2 | Build | 5d | T-1 | FEAT-1 | in-progress |',
  // T-3 removed; T-5 added.
  '| T-4 | Docs | 2d | T-2 | FEAT-1 | todo |',
  '| T-5 | Security review | 1d | T-4 | FEAT-1 | |',
], '2027-02-08');

describe('diffAnalyses', () => {
  it('lists added and removed tasks, moved dates, status changes and moved milestones', async () => {
    const changes = diffAnalyses(await analyzeFiles(BEFORE, TODAY), await analyzeFiles(AFTER, TODAY));
    assert.deepEqual(changes.tasksAdded.map((t) => t.id), ['T-5']);
    assert.deepEqual(changes.tasksRemoved.map((t) => t.id), ['T-3']);
    assert.deepEqual(changes.datesMoved.map((t) => [t.id, t.endShift]), [['T-1', 7], ['T-2', 7], ['T-4', 7]]);
    // The baseline comparison's slip, in working days: a week later is 5.
    assert.deepEqual(changes.datesMoved.map((t) => t.slip), [5, 5, 5]);
    const t1 = changes.datesMoved[0]!;
    assert.equal(t1.before.start, t1.after.start, 'T-1 still starts with the plan');
    // Status: T-1 todo → done, T-2 none → in-progress; T-4 none → "todo" is no change.
    assert.deepEqual(changes.statusChanged.map((s) => [s.id, s.before, s.after]), [['T-1', 'todo', 'done'], ['T-2', undefined, 'in-progress']]);
    assert.deepEqual(changes.milestonesMoved.map((m) => [m.id, m.after! - m.before!]), [['M-1', 7]]);
    assert.deepEqual([changes.milestonesAdded, changes.milestonesRemoved], [[], []]);
  });

  it('finds nothing between an analysis and itself', async () => {
    const a = await analyzeFiles(BEFORE, TODAY);
    assert.ok(isEmptyChanges(diffAnalyses(a, await analyzeFiles(BEFORE, TODAY))));
  });

  it('reports milestones added and removed, and a status change of a goal', async () => {
    const before = { ...BEFORE, 'specs.md': SPECS };
    const after = { ...BEFORE, 'specs.md': SPECS.replace('status: proposed', 'status: approved'), 'plan.md': BEFORE['plan.md']!.replace('M-1 Beta', 'M-2 Beta') };
    const changes = diffAnalyses(await analyzeFiles(before, TODAY), await analyzeFiles(after, TODAY));
    assert.deepEqual(changes.milestonesAdded.map((m) => m.id), ['M-2']);
    assert.deepEqual(changes.milestonesRemoved.map((m) => m.id), ['M-1']);
    assert.deepEqual(changes.statusChanged.map((s) => [s.kind, s.id, s.before, s.after]), [['goal', 'G-1', 'proposed', 'approved']]);
  });
});

describe('renderChangesSection', () => {
  it('renders each kind of change with before and after', async () => {
    const changes = diffAnalyses(await analyzeFiles(BEFORE, TODAY), await analyzeFiles(AFTER, TODAY));
    const text = renderChangesSection(changes, 'v1.0').join('\n');
    assert.ok(text.startsWith('## Changes since v1.0\n\n1 task added, 1 task removed, 3 tasks moved, 2 status changes, 1 milestone changed.\n'), text);
    assert.ok(text.includes('| **T-1** Design | 2027-01-04 → 2027-01-08 | 2027-01-04 → 2027-01-15 | +7 days |'), text);
    assert.ok(text.includes('| **T-2** Build | _none_ | in-progress |'), text);
    assert.ok(text.includes('### Tasks added\n\n- **T-5** Security review — 2027-01-27'), text);
    assert.ok(text.includes('### Tasks removed\n\n- **T-3** Legacy import (was 2027-01-04 → 2027-01-06)'), text);
    assert.ok(text.includes('- **M-1** Beta: 2027-02-01 → 2027-02-08 (+7 days)'), text);
  });

  it('says so when nothing changed, and escapes the ref', () => {
    const empty = { tasksAdded: [], tasksRemoved: [], datesMoved: [], statusChanged: [], milestonesAdded: [], milestonesRemoved: [], milestonesMoved: [] };
    assert.deepEqual(renderChangesSection(empty, 'main*<x>'), ['## Changes since main\\*&lt;x&gt;', '', 'None: no task, status or milestone changed since main\\*&lt;x&gt;.']);
  });

  it('appears in the status report after the summary only when asked for', async () => {
    const after = await analyzeFiles(AFTER, TODAY);
    const changes = diffAnalyses(await analyzeFiles(BEFORE, TODAY), after);
    const headings = (report: string): string[] => [...report.matchAll(/^## (.*)$/gm)].map((m) => m[1]!);
    const withChanges = headings(renderStatusReport(after, { changes: { since: 'HEAD~1', changes } }));
    assert.deepEqual(withChanges.slice(0, 3), ['Summary', 'Changes since HEAD\\~1', 'Goals and features late or at risk']);
    assert.ok(!headings(renderStatusReport(after)).some((h) => h.startsWith('Changes since')));
  });
});
