import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { whatIfAnalysis, whatIfSchedule } from '../../../src/core/analyzer/whatIf.js';
import { planChartGesture } from '../../../src/core/edit/chartGesture.js';
import { planGhost } from '../../../src/core/edit/ghostPreview.js';
import { applyTextEdits, planTaskEdit } from '../../../src/core/edit/planTaskEdit.js';
import { fileResultFor } from '../../../src/core/language/freshFile.js';
import { formatDate } from '../../../src/core/model/dates.js';
import type { GhostGesture } from '../../../src/core/views/protocol.js';
import { analyzeFiles } from '../language/helpers.js';

// A chain A → B → C and a milestone after C; T-9 is unrelated. 2027-01-04 is a Monday.
const PLAN = `---
start: 2027-01-04
---

# Plan

- [ ] T-1 Alpha
  - start: 2027-01-04
  - duration: 3d
- [ ] T-2 Beta
  - after: T-1
  - duration: 2d
- [ ] T-3 Gamma
  - after: T-2
  - duration: 2d
- M-1 Done
  - after: T-3
- [ ] T-9 Unrelated
  - start: 2027-01-04
  - duration: 5d
`;

const dates = (a: Analysis): string => JSON.stringify([...a.schedule.tasks].map(([id, t]) => [id, t.start, t.end]).concat([...a.schedule.milestones].map(([id, m]) => [id, m.date])));
const day = (m: { start: number; end: number } | undefined): string => (m ? `${formatDate(m.start)}..${formatDate(m.end)}` : 'none');

describe('planGhost: what a drag would move', () => {
  it("dragging A's end 2 days later moves B, C and the milestone by 2 working days, weekend skipped; T-9 stays", async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const before = dates(analysis);
    const r = planGhost(analysis, { kind: 'resize', id: 'T-1', days: 2 }, () => PLAN);
    assert.ok(r.ok, r.ok ? '' : r.message);
    const byId = new Map(r.ghost.moves.map((m) => [m.id, m]));
    assert.deepEqual(r.ghost.moves.map((m) => m.id), ['T-1', 'T-2', 'T-3', 'M-1']);
    // T-1 Mon–Wed becomes Mon–Fri; T-2 Thu–Fri becomes Mon–Tue, T-3 Mon–Tue becomes Wed–Thu.
    assert.equal(day(byId.get('T-1')), '2027-01-04..2027-01-08');
    assert.equal(byId.get('T-1')!.days, 5);
    assert.equal(day(byId.get('T-2')), '2027-01-11..2027-01-12');
    assert.equal(byId.get('T-2')!.days, 2);
    assert.equal(day(byId.get('T-3')), '2027-01-13..2027-01-14');
    const was = analysis.schedule.milestones.get('M-1')!.date!;
    assert.equal(byId.get('M-1')!.start - was, 2, 'the milestone moves the 2 days (Wed → Fri), no weekend between');
    assert.equal(byId.get('M-1')!.days, 0);
    assert.ok(!byId.has('T-9'));
    assert.equal(r.ghost.more, 0);
    assert.deepEqual(r.ghost.warnings, []);
    assert.equal(dates(analysis), before, 'the live analysis keeps its dates');
    assert.equal(analysis.items.get('T-1')!.duration?.amount, 3, 'and its items');
  });

  it('a move re-flows the successors; a drag back onto the same place moves nothing', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const r = planGhost(analysis, { kind: 'move', id: 'T-2', days: 1 }, () => PLAN);
    assert.ok(r.ok);
    // T-2 pinned one day later (Fri–Mon): T-3 goes Tue–Wed.
    assert.deepEqual(r.ghost.moves.map((m) => [m.id, day(m)]).slice(0, 3), [['T-2', '2027-01-08..2027-01-11'], ['T-3', '2027-01-12..2027-01-13'], ['M-1', day(r.ghost.moves[2])]]);
    assert.ok(!r.ghost.moves.some((m) => m.id === 'T-1' || m.id === 'T-9'));
  });

  it('names a milestone the drop would miss and a dependency it would break, only when they hold now', async () => {
    const plan = `${PLAN}- M-2 Review
  - date: 2027-01-12
- [ ] T-4 Pinned
  - start: 2027-01-11
  - after: T-2
  - duration: 1d
`.replace('- [ ] T-3 Gamma\n', '- [ ] T-3 Gamma\n  - milestone: M-2\n');
    const analysis = await analyzeFiles({ 'plan.md': plan });
    assert.ok(!analysis.diagnostics.some((d) => d.code === 'schedule.milestone-missed' || d.code === 'schedule.dependency-violated'), 'the plan holds now');
    const r = planGhost(analysis, { kind: 'resize', id: 'T-1', days: 2 }, () => plan);
    assert.ok(r.ok);
    assert.deepEqual(r.ghost.warnings, ['T-4 would start before T-2 ends', 'M-2 (2027-01-12) would be missed: T-3 ends 2027-01-14']);
  });

  it('a link previews the follower moving after its new predecessor, or the dependency a pinned start would break', async () => {
    const plan = `${PLAN}- [ ] T-8 Loose\n  - duration: 2d\n`;
    const analysis = await analyzeFiles({ 'plan.md': plan });
    const r = planGhost(analysis, { kind: 'link', from: 'T-3', to: 'T-8' }, () => plan);
    assert.ok(r.ok);
    assert.deepEqual(r.ghost.moves.map((m) => [m.id, day(m)]), [['T-8', '2027-01-13..2027-01-14']]);
    const pinned = planGhost(analysis, { kind: 'link', from: 'T-3', to: 'T-9' }, () => plan);
    assert.ok(pinned.ok);
    assert.deepEqual(pinned.ghost.moves, []);
    assert.deepEqual(pinned.ghost.warnings, ['T-9 would start before T-3 ends']);
  });

  it('refuses what the drop would refuse, with its message', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const r = planGhost(analysis, { kind: 'resize', id: 'M-1', days: 2 }, () => PLAN);
    assert.deepEqual(r, { ok: false, message: 'M-1 is a milestone: it has no length' });
  });

  it('equals the full what-if analysis of the edited text, for every form and gesture', async () => {
    const plan = `---
start: 2027-01-04
---

| ID   | Task  | Start      | End        | Duration | After |
|------|-------|------------|------------|----------|-------|
| T-11 | Alpha | 2027-01-04 |            | 5d       |       |
| T-12 | Beta  |            |            | 3d       | T-11  |
| T-13 | Gamma | 2027-01-04 | 2027-01-06 |          |       |
| T-14 | Delta |            | 2027-01-20 | 2d       | T-13  |

## T-15 Heading task

- after: T-12
- duration: 1w

## Milestones

- M-5 Gate
  - date: 2027-01-22
  - after: T-15

\`\`\`mermaid
gantt
  dateFormat YYYY-MM-DD
  Eta   :T-40, 2027-01-04, 5d
  Theta :T-41, after T-40, 3d
\`\`\`
`;
    const analysis = await analyzeFiles({ 'plan.md': plan });
    const gestures: GhostGesture[] = [
      { kind: 'move', id: 'T-11', days: 3 }, { kind: 'resize', id: 'T-11', days: -2 }, { kind: 'move', id: 'T-12', days: 2 },
      { kind: 'resize', id: 'T-13', days: 4 }, { kind: 'move', id: 'T-14', days: -1 }, { kind: 'resize', id: 'T-15', days: 3 },
      { kind: 'move', id: 'M-5', days: 2 }, { kind: 'link', from: 'T-15', to: 'T-13' }, { kind: 'move', id: 'T-40', days: 2 },
      { kind: 'resize', id: 'T-40', days: 1 },
    ];
    for (const gesture of gestures) {
      const ghost = planGhost(analysis, gesture, () => plan);
      assert.ok(ghost.ok, `${JSON.stringify(gesture)}: ${ghost.ok ? '' : ghost.message}`);
      const planned = planChartGesture(analysis, gesture);
      assert.ok(planned.ok);
      const edit = planTaskEdit({ text: plan, file: fileResultFor(analysis, 'plan.md', plan), config: analysis.config }, planned.plan.request);
      assert.ok(edit.ok);
      const text = applyTextEdits(plan, edit.edits);
      const full = whatIfAnalysis(analysis, 'plan.md', text);
      const expected: string[] = [];
      for (const [id, t] of full.schedule.tasks) {
        const was = analysis.schedule.tasks.get(id);
        if (t.start !== undefined && t.end !== undefined && (t.start !== was?.start || t.end !== was?.end)) expected.push(`${id} ${formatDate(t.start)}..${formatDate(t.end)} ${t.duration}`);
      }
      for (const [id, m] of full.schedule.milestones) {
        if (m.date !== undefined && m.date !== analysis.schedule.milestones.get(id)?.date) expected.push(`${id} ${formatDate(m.date)}..${formatDate(m.date)} 0`);
      }
      if (gesture.kind !== 'link') assert.ok(expected.length > 0, `${JSON.stringify(gesture)} moves something`);
      assert.deepEqual(ghost.ghost.moves.map((m) => `${m.id} ${day(m)} ${m.days}`).sort(), expected.sort(), JSON.stringify(gesture));
      // The text path, which the ghost takes for a mermaid chart, agrees too.
      const schedule = whatIfSchedule(analysis, 'plan.md', text);
      for (const [id, t] of full.schedule.tasks) assert.deepEqual([schedule.tasks.get(id)?.start, schedule.tasks.get(id)?.end], [t.start, t.end], `${id} after ${JSON.stringify(gesture)}`);
    }
  });
});

describe('whatIfAnalysis', () => {
  it('gives the analysis of the replaced text and leaves the live one as it was', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const before = dates(analysis);
    const file = analysis.files.get('plan.md');
    const next = whatIfAnalysis(analysis, 'plan.md', PLAN.replace('  - duration: 3d', '  - duration: 5d'));
    assert.equal(formatDate(next.schedule.tasks.get('T-3')!.end!), '2027-01-14');
    assert.equal(formatDate(analysis.schedule.tasks.get('T-3')!.end!), '2027-01-12');
    assert.equal(dates(analysis), before);
    assert.equal(analysis.files.get('plan.md'), file);
  });

  it('whatIfSchedule reschedules the whole plan when the text adds an item, and keeps the live one', async () => {
    const analysis = await analyzeFiles({ 'plan.md': PLAN });
    const before = dates(analysis);
    const next = whatIfSchedule(analysis, 'plan.md', `${PLAN}- [ ] T-10 New\n  - after: T-3\n  - duration: 1d\n`);
    assert.equal(formatDate(next.tasks.get('T-10')!.start!), '2027-01-13');
    assert.equal(formatDate(next.tasks.get('T-3')!.end!), '2027-01-12', 'the others keep their dates');
    assert.ok(next.rescheduled.has('T-9'), 'everything was scheduled again');
    assert.equal(analysis.schedule.tasks.get('T-10'), undefined);
    assert.equal(dates(analysis), before);
  });
});
