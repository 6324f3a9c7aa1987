import assert from 'node:assert/strict';
import { planChartGesture } from '../../../src/core/edit/chartGesture.js';
import { planShiftPredecessors } from '../../../src/core/edit/shiftPredecessors.js';
import { planTaskEdits } from '../../../src/core/edit/planTaskEdits.js';
import { fileResultFor } from '../../../src/core/language/freshFile.js';
import { formatDate } from '../../../src/core/model/dates.js';
import { analyzeFiles, applyEdits } from '../language/helpers.js';

const PLAN = `---
start: 2027-01-04
---

| ID  | Task  | Start      | Duration | After |
|-----|-------|------------|----------|-------|
| T-1 | Alpha | 2027-01-04 | 5d       |       |
| T-2 | Beta  |            | 3d       | T-1   |
| T-3 | Gamma |            | 2d       |       |
| T-4 | Delta |            | 1d       | T-3   |
| T-5 | Eps   |            | 1d       | T-2, T-4 |

- M-1 Launch
  - after: T-5

\`\`\`mermaid
gantt
  dateFormat YYYY-MM-DD
  Eta   :T-40, 2027-01-04, 5d
  Theta :T-41, after T-40, 3d
\`\`\`
`;

/** Applies the requests as one change, analyses the result, and returns each task's start. */
async function applied(requests: unknown[]): Promise<{ text: string; starts: Record<string, string> }> {
  const analysis = await analyzeFiles({ 'plan.md': PLAN });
  const input = { text: PLAN, file: fileResultFor(analysis, 'plan.md', PLAN), config: analysis.config };
  const r = planTaskEdits(requests.map((request) => ({ input, request })));
  assert.ok(r.ok, r.ok ? '' : r.message);
  const text = applyEdits(PLAN, r.edits);
  const after = await analyzeFiles({ 'plan.md': text });
  const starts: Record<string, string> = {};
  for (const [id, t] of after.schedule.tasks) if (t.start !== undefined) starts[id] = formatDate(t.start);
  for (const [id, m] of after.schedule.milestones) if (m.date !== undefined) starts[id] = formatDate(m.date);
  return { text, starts };
}

describe('planShiftPredecessors', () => {
  it('shifts a pinned predecessor by the same working days, so the moved task still follows it', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    assert.equal(formatDate(analysis.schedule.tasks.get('T-2')!.start!), '2027-01-11');
    const r = planShiftPredecessors(analysis, { kind: 'move', id: 'T-2', days: 1 });
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.shifted, ['T-1']);
    assert.deepEqual(r.requests.map(({ expectedHash: _, ...q }) => q), [{ id: 'T-1', start: '2027-01-05' }]);
    const { text, starts } = await applied(r.requests);
    assert.equal(starts['T-2'], '2027-01-12', 'T-2 lands where it was dropped');
    assert.match(text, /\| T-2 \| Beta {2}\| {12}\|/, 'T-2 keeps no start of its own');
  });

  it('walks up as far as needed: through tasks that only follow, to one with a start or with nothing at all', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    // M-1 after T-5, which follows T-2 (after pinned T-1) and T-4 (after T-3, which has neither).
    const before = formatDate(analysis.schedule.milestones.get('M-1')!.date!);
    const r = planShiftPredecessors(analysis, { kind: 'move', id: 'M-1', days: 7 }); // a week later: 5 working days
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual([...r.shifted].sort(), ['T-1', 'T-3']);
    const { starts } = await applied(r.requests);
    assert.equal(starts['T-1'], '2027-01-11');
    assert.equal(starts['T-3'], '2027-01-11', 'T-3 gets a start: it had none and no predecessor');
    const m = analysis.schedule.milestones.get('M-1')!.date!;
    assert.equal(starts['M-1'], formatDate(m + 7), `M-1 moves a week from ${before}`);
  });

  it('earlier works the same way; a task that waits for nothing is refused', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const r = planShiftPredecessors(analysis, { kind: 'move', id: 'T-2', days: -1 }); // Monday 11 → Friday 8: one working day
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.requests.map((q) => q.start), ['2027-01-01']);
    assert.equal(planShiftPredecessors(analysis, { kind: 'move', id: 'T-1', days: 1 }).ok, false);
  });
});

describe('planShiftPredecessors in a mermaid chart', () => {
  /** The requests applied as one change: the new text and the analysis of it. */
  async function appliedTo(text: string, requests: unknown[]): Promise<{ text: string; analysis: Awaited<ReturnType<typeof analyzeFiles>> }> {
    const analysis = await analyzeFiles({ 'plan.md': text });
    const input = { text, file: fileResultFor(analysis, 'plan.md', text), config: analysis.config };
    const r = planTaskEdits(requests.map((request) => ({ input, request })));
    assert.ok(r.ok, r.ok ? '' : r.message);
    const after = applyEdits(text, r.edits);
    return { text: after, analysis: await analyzeFiles({ 'plan.md': after }) };
  }

  it('moves the predecessor with a start date by the same days: the task keeps its after and lands where it was dropped', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    assert.equal(formatDate(analysis.schedule.tasks.get('T-41')!.start!), '2027-01-09');
    const gesture = { kind: 'move', id: 'T-41', days: 2 } as const;
    const pinned = planChartGesture(analysis, gesture);
    assert.ok(pinned.ok);
    assert.deepEqual(pinned.plan.overrides, ['T-40'], 'the chart asks before pinning');
    const r = planShiftPredecessors(analysis, gesture, PLAN);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.shifted, ['T-40']);
    assert.equal(r.summary, 'T-40 later by 2 days, so T-41 starts 2027-01-11');
    const { text, analysis: after } = await appliedTo(PLAN, r.requests);
    assert.equal(text, PLAN.replace('Eta   :T-40, 2027-01-04, 5d', 'Eta   :T-40, 2027-01-06, 5d'), 'one date changes, in the chart');
    assert.equal(formatDate(after.schedule.tasks.get('T-41')!.start!), '2027-01-11');
    assert.equal(formatDate(after.schedule.tasks.get('T-40')!.start!), '2027-01-06');
  });

  const CHART = `# Release

\`\`\`mermaid
gantt
  dateFormat DD.MM.YYYY
  section Work
  Prep   :p1, 04.01.2027, 2d
  Build  :b1, after p1, 3d
  Test   :2d
  Review :r1, 01.01.2027, 2d
  Docs   :d1, after r1, 15.01.2027
  Ship   :milestone, s1, after task1 d1, 0d
  Late   :l1, after s1, until p1
  Last   :z1, after l1, 1d
\`\`\`
`;

  it('walks up after ids and lines without a start, in the chart\'s dateFormat: start dates move, an end date after after moves alone', async () => {
    const analysis = await analyzeFiles({ 'plan.md': CHART });
    const ship = [...analysis.items.values()].find((i) => i.title === 'Ship')!;
    assert.equal(formatDate(analysis.schedule.milestones.get(ship.id)!.date!), '2027-01-15');
    const r = planShiftPredecessors(analysis, { kind: 'move', id: ship.id, days: 7 }, CHART);
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.shifted.map((id) => id.slice(0, id.indexOf('@'))).sort(), ['d1', 'p1']);
    assert.equal(r.summary.endsWith('so s1 starts 2027-01-22'), true, r.summary);
    const { text, analysis: after } = await appliedTo(CHART, r.requests);
    // p1 moves as a whole (its length kept), d1 keeps after r1 and gets its end moved; nothing else changes.
    assert.equal(text, CHART.replace(':p1, 04.01.2027, 2d', ':p1, 11.01.2027, 2d').replace(':d1, after r1, 15.01.2027', ':d1, after r1, 22.01.2027'));
    assert.equal(formatDate(after.schedule.milestones.get(ship.id)!.date!), '2027-01-22');
  });

  it('earlier too; an until end, a changed or missing text and a task that follows nothing are refused', async () => {
    const analysis = await analyzeFiles({ 'plan.md': CHART });
    const id = (title: string): string => [...analysis.items.values()].find((i) => i.title === title)!.id;
    const back = planShiftPredecessors(analysis, { kind: 'move', id: id('Build'), days: -3 }, CHART);
    assert.ok(back.ok, back.ok ? '' : back.message);
    assert.match(back.summary, /^p1 earlier by 3 days, so b1 starts 2027-01-03$/);
    const { text } = await appliedTo(CHART, back.requests);
    assert.equal(text, CHART.replace(':p1, 04.01.2027', ':p1, 01.01.2027'));
    assert.match((planShiftPredecessors(analysis, { kind: 'move', id: id('Last'), days: 1 }, CHART) as { message: string }).message, /until/);
    assert.match((planShiftPredecessors(analysis, { kind: 'move', id: id('Build'), days: 1 }, CHART.replace('Prep', 'Prep.')) as { message: string }).message, /changed since/);
    assert.match((planShiftPredecessors(analysis, { kind: 'move', id: id('Build'), days: 1 }) as { message: string }).message, /needs the chart's text/);
    assert.equal(planShiftPredecessors(analysis, { kind: 'move', id: id('Prep'), days: 1 }, CHART).ok, false);
  });
});

describe('planTaskEdits', () => {
  it('refuses two edits that meet at one place (two rows adding the same column)', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const text = PLAN.replace(/ \| Start {6}/g, '').replace(/\|------------/, '').replace(/ 2027-01-04 \|(?= 5d)/, '');
    const fresh = await analyzeFiles({ 'plan.md': text });
    const input = { text, file: fileResultFor(fresh, 'plan.md', text), config: analysis.config };
    const r = planTaskEdits([{ input, request: { id: 'T-3', start: '2027-01-05' } }, { input, request: { id: 'T-4', start: '2027-01-06' } }]);
    assert.equal(r.ok, false);
    assert.match((r as { message: string }).message, /meet at one place/);
  });
});
