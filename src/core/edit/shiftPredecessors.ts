import type { Analysis } from '../analysis/types.js';
import { parseIsoDate } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import { displayId } from '../mermaid/localId.js';
import { WorkCalendar, workdaysBetween } from '../schedule/calendar.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import type { ChartGesture } from '../views/protocol.js';
import { planChartGesture } from './chartGesture.js';
import type { TaskEditRequest } from './taskEditRequest.js';

export type ShiftPlanResult =
  | { ok: true; requests: TaskEditRequest[]; shifted: string[]; summary: string }
  | { ok: false; message: string };

/**
 * The other answer to moving a task that follows its predecessors: instead of pinning its
 * start (which breaks the dependency), move what it waits for by the same working days, so
 * it still follows them and lands where it was dropped.
 *
 * The walk goes up the `after` links only as far as needed: a predecessor that has a start
 * (or an end, or a milestone date) of its own is moved by writing that; one that only
 * follows others is moved by moving those in turn; one with neither is given a start. The
 * moved task itself is not written: it follows, as before. Everything else that follows
 * the shifted tasks moves with them, as the scheduler computes.
 *
 * One request per shifted item, for `specline.editTask`'s multi-item path (one
 * WorkspaceEdit, one undo). Mermaid charts are left out: there a start date and `after`
 * share one place, so the chain is written differently and pinning is the answer offered.
 */
export function planShiftPredecessors(analysis: Analysis, gesture: Extract<ChartGesture, { kind: 'move' }>): ShiftPlanResult {
  const item = analysis.items.get(gesture.id);
  const name = displayId(gesture.id);
  if (!item || (item.kind !== 'task' && item.kind !== 'milestone')) return { ok: false, message: `${name} is not a task or milestone of this plan any more` };
  if (item.form === 'mermaid') return { ok: false, message: `${name} is in a mermaid chart: its predecessors are not shifted from the chart` };
  const moved = planChartGesture(analysis, gesture);
  if (!moved.ok) return moved;
  const from = startOf(analysis, item);
  // Only a move that would pin a start has predecessors to shift instead.
  const to = moved.plan.request.start;
  if (from === undefined || to === undefined || !moved.plan.overrides) return { ok: false, message: `${name} does not wait for predecessors it could keep following` };
  const calendar = new WorkCalendar(mergeCalendar(analysis.config.calendar, analysis.files.get(item.file)?.planCalendar));
  const workdays = workdaysBetween(calendar, from, parseIsoDate(to) ?? from);
  if (workdays === 0) return { ok: false, message: 'nothing moved' };

  const roots: Item[] = [];
  const seen = new Set<string>([item.id]);
  const stack = (item.links.after ?? []).map((r) => r.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const p = analysis.items.get(id);
    if (!p || (p.kind !== 'task' && p.kind !== 'milestone')) continue;
    if (p.form === 'mermaid') return { ok: false, message: `${displayId(p.id)} is in a mermaid chart: shift it there, or pin ${name}` };
    const pinned = p.kind === 'milestone' ? p.attributes.date !== undefined : p.attributes.start !== undefined || p.attributes.end !== undefined;
    const after = p.links.after ?? [];
    if (!pinned && after.length > 0) stack.push(...after.map((r) => r.id));
    else roots.push(p);
  }
  if (roots.length === 0) return { ok: false, message: `${name}'s predecessors have no dates to move` };

  const requests: TaskEditRequest[] = [];
  for (const root of roots) {
    const start = startOf(analysis, root);
    if (start === undefined) return { ok: false, message: `${displayId(root.id)} has no dates to move` };
    const rootCalendar = new WorkCalendar(mergeCalendar(analysis.config.calendar, analysis.files.get(root.file)?.planCalendar));
    const next = shift(rootCalendar, start, workdays);
    const plan = planChartGesture(analysis, { kind: 'move', id: root.id, days: next - start });
    if (!plan.ok) return { ok: false, message: plan.message };
    requests.push(plan.plan.request);
  }
  const shifted = roots.map((r) => r.id);
  const amount = `${Math.abs(workdays)} working day${Math.abs(workdays) === 1 ? '' : 's'}`;
  return { ok: true, requests, shifted, summary: `${shifted.map(displayId).join(', ')} ${workdays > 0 ? 'later' : 'earlier'} by ${amount}, so ${name} starts ${to}` };
}

function startOf(analysis: Analysis, item: Item): DayNumber | undefined {
  return item.kind === 'milestone' ? analysis.schedule.milestones.get(item.id)?.date : analysis.schedule.tasks.get(item.id)?.start;
}

/** A working day `n` working days after (before, when negative) working day `d`. */
function shift(calendar: WorkCalendar, d: DayNumber, n: number): DayNumber {
  const from = calendar.nextWorkday(d);
  return n >= 0 ? calendar.addWorkdays(from, n + 1) : calendar.subtractWorkdays(from, -n + 1);
}
