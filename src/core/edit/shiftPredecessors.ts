import type { Analysis } from '../analysis/types.js';
import { fileResultFor } from '../language/freshFile.js';
import { findGanttBlocks } from '../mermaid/ganttBlocks.js';
import { parseGanttDuration } from '../mermaid/ganttDuration.js';
import { readGantt } from '../mermaid/readGantt.js';
import { formatDate, parseIsoDate } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import { displayId } from '../mermaid/localId.js';
import { contentHash } from '../parse/contentHash.js';
import { parseFile } from '../parse/parseFile.js';
import { WorkCalendar, workdaysBetween } from '../schedule/calendar.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import type { ChartGesture } from '../views/protocol.js';
import { planChartGesture } from './chartGesture.js';
import { applyTextEdits } from './planTaskEdit.js';
import { planTaskEdits } from './planTaskEdits.js';
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
 * WorkspaceEdit, one undo). A task of a mermaid chart is shifted in the chart's own terms
 * (`shiftInChart`), which needs the file's `text`: the analysis does not say which of a
 * chart task's slots hold `after`, a date or a length.
 */
export function planShiftPredecessors(analysis: Analysis, gesture: Extract<ChartGesture, { kind: 'move' }>, text?: string): ShiftPlanResult {
  const item = analysis.items.get(gesture.id);
  const name = displayId(gesture.id);
  if (!item || (item.kind !== 'task' && item.kind !== 'milestone')) return { ok: false, message: `${name} is not a task or milestone of this plan any more` };
  const moved = planChartGesture(analysis, gesture);
  if (!moved.ok) return moved;
  if (item.form === 'mermaid') return shiftInChart(analysis, item, gesture.days, moved.plan.overrides, text);
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

// mermaid's own pattern for `after` ids (letters, digits, `_` and `-`, separated by spaces).
const AFTER = /^after\s+([\d\w\- ]+)/;

/**
 * The predecessor chain of a mermaid chart task, shifted in mermaid's terms: by the same
 * calendar days the chart moved the task (a chart's drag steps calendar days). Going up
 * the `after` ids (and, for a line with no start, the line before it, which mermaid
 * follows): a task with a start date moves as a whole (start and end, its length kept); a
 * task that follows others but has an end date of its own gets that end moved; one that
 * follows with a length is moved by moving what it follows. An end set by `until` (another
 * task's start) is refused: moving it would mean moving that other task's start.
 *
 * Where the task lands is read back from the edited chart, so the summary says the day
 * mermaid will draw (excluded days can make it differ from where it was dropped).
 */
function shiftInChart(analysis: Analysis, item: Item, days: number, overrides: string[] | undefined, text: string | undefined): ShiftPlanResult {
  const name = displayId(item.id);
  if (!overrides || overrides.length === 0) return { ok: false, message: `${name} does not wait for predecessors it could keep following` };
  const file = analysis.files.get(item.file);
  if (text === undefined) return { ok: false, message: `${name} is in a mermaid chart: shifting its predecessors needs the chart's text` };
  if (!file || file.hash !== contentHash(text)) return { ok: false, message: `${item.file} changed since the chart was drawn` };
  const lines = text.split(/\r\n|\r|\n/);
  const at = item.range.start.line;
  const block = findGanttBlocks(lines).find((b) => b.ganttLine < at && at < b.endLine);
  if (!block) return { ok: false, message: `${name}: its mermaid chart was not found` };
  const chart = readGantt(lines, block);
  // Each line's mermaid id, as mermaid names it (generated `taskN` for lines without one).
  let generated = 0;
  const ids = chart.tasks.map((t) => (t.data.length === 3 ? t.data[0]!.text : t.data.length > 0 && t.data.length < 3 ? `task${++generated}` : ''));
  const index = new Map(ids.map((id, i) => [id, i]));
  const items = new Map(file.items.filter((i) => i.form === 'mermaid' && i.chart === item.chart).map((i) => [displayId(i.id), i]));
  const self = chart.tasks.findIndex((t) => t.line.line === at && (t.data.length === 3 ? t.data[0]! : t.title).start === item.idRange.start.character);
  if (self < 0) return { ok: false, message: `${name}: its line in the mermaid chart was not found` };
  const afterIds = (i: number): string[] => {
    const d = chart.tasks[i]!.data;
    const m = d.length >= 2 ? AFTER.exec(d[d.length - 2]!.text) : null;
    return m ? m[1]!.trim().split(/\s+/) : [];
  };

  const requests: TaskEditRequest[] = [];
  const shifted: string[] = [];
  const seen = new Set<number>([self]);
  const stack = afterIds(self).map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (seen.has(i)) continue;
    seen.add(i);
    const t = chart.tasks[i]!;
    const id = ids[i]!;
    if (t.data.length === 1) {
      // No start: mermaid starts it where the line before it ends.
      if (i === 0) return { ok: false, message: `${id} has no start to move` };
      stack.push(i - 1);
      continue;
    }
    const p = items.get(id);
    if (!p) return { ok: false, message: `${id} is not a task of this chart Specline can move` };
    const start = t.data[t.data.length - 2]!.text;
    const end = t.data[t.data.length - 1]!.text;
    if (/^until\s/i.test(end)) return { ok: false, message: `${id} ends where another task starts (until): shift it in the chart, or pin ${name}` };
    const follows = AFTER.test(start);
    const endDate = parseGanttDuration(end) === undefined;
    if (follows && !endDate) {
      stack.push(...afterIds(i).map((x) => index.get(x)).filter((x): x is number => x !== undefined));
      continue;
    }
    // A start date moves the whole bar; an end date after `after` is all there is to move.
    const plan = planChartGesture(analysis, { kind: follows ? 'resize' : 'move', id: p.id, days });
    if (!plan.ok) return { ok: false, message: plan.message };
    requests.push(plan.plan.request);
    shifted.push(p.id);
  }
  if (requests.length === 0) return { ok: false, message: `${name}'s predecessors have no dates to move` };

  // Where the task lands: the chart as it will be, read back.
  const input = { text, file: fileResultFor(analysis, item.file, text), config: analysis.config };
  const edits = planTaskEdits(requests.map((request) => ({ input, request })));
  if (!edits.ok) return { ok: false, message: edits.message };
  const after = parseFile(item.file, applyTextEdits(text, edits.edits), analysis.config).items.find((i) => i.id === item.id);
  const lands = item.kind === 'milestone' ? after?.date : after?.start;
  const amount = `${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
  const where = lands === undefined ? `${name} keeps following them` : `so ${name} starts ${formatDate(lands)}`;
  return { ok: true, requests, shifted, summary: `${shifted.map(displayId).join(', ')} ${days > 0 ? 'later' : 'earlier'} by ${amount}, ${where}` };
}
