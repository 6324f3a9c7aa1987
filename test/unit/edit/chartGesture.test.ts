import assert from 'node:assert/strict';
import { planChartGesture } from '../../../src/core/edit/chartGesture.js';
import type { ChartGesture } from '../../../src/core/edit/chartGesture.js';
import { analyzeFiles } from '../language/helpers.js';

const PLAN = `---
start: 2027-01-04
---

| ID  | Task  | Start      | End        | Duration | After |
|-----|-------|------------|------------|----------|-------|
| T-1 | Alpha | 2027-01-04 |            | 5d       |       |
| T-2 | Beta  |            |            | 3d       | T-1   |
| T-3 | Gamma | 2027-01-04 | 2027-01-06 |          |       |
| T-4 | Delta |            |            | 2d       |       |

- [x] T-5 Epsilon
  - duration: 1d

- M-1 Launch
  - after: T-2

\`\`\`mermaid
gantt
  dateFormat YYYY-MM-DD
  Eta   :T-40, 2027-01-04, 5d
  Theta :T-41, after T-40, 3d
\`\`\`
`;

async function plan(gesture: ChartGesture): Promise<ReturnType<typeof planChartGesture>> {
  return planChartGesture(await analyzeFiles({ 'plan.md': PLAN }), gesture);
}

describe('planChartGesture', () => {
  it('a move writes the start, with the hash of the text the chart shows', async () => {
    const r = await plan({ kind: 'move', id: 'T-1', days: 7 });
    assert.ok(r.ok);
    assert.deepEqual({ ...r.plan.request, expectedHash: typeof r.plan.request.expectedHash }, { id: 'T-1', start: '2027-01-11', expectedHash: 'string' });
    assert.equal(r.plan.overrides, undefined);
  });
  it('steps over the weekend in the direction of the move', async () => {
    const back = await plan({ kind: 'move', id: 'T-1', days: -1 }); // Monday → Friday before
    assert.ok(back.ok);
    assert.equal(back.plan.request.start, '2027-01-01');
    const fwd = await plan({ kind: 'move', id: 'T-1', days: 5 }); // Saturday → Monday
    assert.ok(fwd.ok);
    assert.equal(fwd.plan.request.start, '2027-01-11');
  });
  it('a task with a written end moves both; a task that follows predecessors asks first', async () => {
    const both = await plan({ kind: 'move', id: 'T-3', days: 2 });
    assert.ok(both.ok);
    assert.deepEqual([both.plan.request.start, both.plan.request.end], ['2027-01-06', '2027-01-08']);
    const pinned = await plan({ kind: 'move', id: 'T-2', days: 1 });
    assert.ok(pinned.ok);
    assert.deepEqual(pinned.plan.overrides, ['T-1']);
    const milestone = await plan({ kind: 'move', id: 'M-1', days: 3 });
    assert.ok(milestone.ok);
    assert.deepEqual(milestone.plan.overrides, ['T-2']);
  });
  it('moving an end sets the written end, else the duration in working days', async () => {
    const end = await plan({ kind: 'resize', id: 'T-3', days: 1 });
    assert.ok(end.ok);
    assert.equal(end.plan.request.end, '2027-01-07');
    const longer = await plan({ kind: 'resize', id: 'T-1', days: 1 }); // Fri 8 → Sat 9 → Mon 11
    assert.ok(longer.ok);
    assert.equal(longer.plan.request.duration, '6d');
    const shorter = await plan({ kind: 'resize', id: 'T-4', days: -1 });
    assert.ok(shorter.ok);
    assert.equal(shorter.plan.request.duration, '1d');
    assert.equal((await plan({ kind: 'resize', id: 'T-4', days: -5 })).ok, false, 'not before its start');
    assert.equal((await plan({ kind: 'resize', id: 'M-1', days: 1 })).ok, false, 'a milestone has no length');
  });
  it('mermaid: start and end together; the after a start date replaces is named', async () => {
    const r = await plan({ kind: 'move', id: 'T-41', days: 2 });
    assert.ok(r.ok);
    assert.deepEqual([r.plan.request.start, r.plan.request.end, r.plan.overrides], ['2027-01-11', '2027-01-13', ['T-40']]);
  });
  it('a link adds the predecessor, and refuses loops and repeats', async () => {
    const r = await plan({ kind: 'link', from: 'T-3', to: 'T-2' });
    assert.ok(r.ok);
    assert.deepEqual(r.plan.request.after, ['T-1', 'T-3']);
    assert.match((await plan({ kind: 'link', from: 'T-1', to: 'T-2' }) as { message: string }).message, /already follows/);
    assert.match((await plan({ kind: 'link', from: 'M-1', to: 'T-1' }) as { message: string }).message, /loop/);
    assert.match((await plan({ kind: 'link', from: 'T-1', to: 'T-41' }) as { message: string }).message, /same mermaid chart/);
  });
  it('the progress handle writes progress, and refuses where a percentage has no place', async () => {
    const r = await plan({ kind: 'progress', id: 'T-1', percent: 35 });
    assert.ok(r.ok);
    assert.deepEqual(Object.keys(r.plan.request).sort(), ['expectedHash', 'id', 'progress']);
    assert.equal(r.plan.request.progress, '35%');
    assert.equal(r.plan.overrides, undefined);
    assert.match((await plan({ kind: 'progress', id: 'T-1', percent: 0 }) as { message: string }).message, /already 0% done/);
    assert.match((await plan({ kind: 'progress', id: 'M-1', percent: 50 }) as { message: string }).message, /milestone/);
    assert.match((await plan({ kind: 'progress', id: 'T-40', percent: 50 }) as { message: string }).message, /mermaid chart/);
    assert.match((await plan({ kind: 'progress', id: 'T-5', percent: 50 }) as { message: string }).message, /is done/);
  });
  it('a rename writes the trimmed title, and refuses an empty, multi-line or unchanged one', async () => {
    const r = await plan({ kind: 'rename', id: 'T-2', title: '  Beta two ' });
    assert.ok(r.ok);
    assert.equal(r.plan.request.title, 'Beta two');
    assert.equal(r.plan.request.start, undefined);
    const mermaid = await plan({ kind: 'rename', id: 'T-40', title: 'Eta prime' });
    assert.ok(mermaid.ok, 'a mermaid task can be renamed');
    assert.match((await plan({ kind: 'rename', id: 'T-2', title: '   ' }) as { message: string }).message, /empty/);
    assert.match((await plan({ kind: 'rename', id: 'T-2', title: 'a\nb' }) as { message: string }).message, /one line/);
    assert.match((await plan({ kind: 'rename', id: 'T-2', title: 'Beta' }) as { message: string }).message, /already called/);
  });
});
