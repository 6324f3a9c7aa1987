import assert from 'node:assert/strict';
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

  it('earlier works the same way; a task that waits for nothing, or one in a mermaid chart, is refused', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const r = planShiftPredecessors(analysis, { kind: 'move', id: 'T-2', days: -1 }); // Monday 11 → Friday 8: one working day
    assert.ok(r.ok, r.ok ? '' : r.message);
    assert.deepEqual(r.requests.map((q) => q.start), ['2027-01-01']);
    assert.equal(planShiftPredecessors(analysis, { kind: 'move', id: 'T-1', days: 1 }).ok, false);
    assert.match((planShiftPredecessors(analysis, { kind: 'move', id: 'T-41', days: 1 }) as { message: string }).message, /mermaid/);
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
