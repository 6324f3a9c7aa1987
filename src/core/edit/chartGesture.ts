import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import { displayId } from '../mermaid/localId.js';
import { WorkCalendar } from '../schedule/calendar.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import { checkTaskEditRequest } from './taskEditRequest.js';
import type { TaskEditRequest } from './taskEditRequest.js';

import type { ChartGesture } from '../views/protocol.js';

export type { ChartGesture };

export interface ChartEditPlan {
  /** The `specline.editTask` argument, with the hash of the text the chart was drawn from. */
  request: TaskEditRequest;
  /** Predecessors whose dependency a pinned start overrides: the chart asks before writing it. */
  overrides?: string[];
  /** One line for the screen reader and the log: what changes. */
  summary: string;
}

export type ChartEditResult = { ok: true; plan: ChartEditPlan } | { ok: false; message: string };

/**
 * The edit a chart gesture means, in terms of what the item already says, so the file
 * changes as little as possible and keeps saying what the user sees:
 *
 * - A move writes the new start (and the end, where an end is written next to it) — a
 *   milestone's date. A task that follows predecessors has no start of its own; pinning
 *   one overrides them, so the plan names them in `overrides` and the chart asks first.
 * - Moving an end writes `end` where the item has one (and in mermaid charts), else the
 *   duration in working days.
 * - Linking adds `from` to the target's `after`.
 * - The progress handle writes `progress`; a rename writes `title`. Neither touches dates.
 *
 * Moves and resizes step over non-working days in their direction, so every step changes
 * the schedule (a Friday task moved one day lands on Monday, not on a Saturday that the
 * scheduler would move back).
 */
export function planChartGesture(analysis: Analysis, gesture: ChartGesture): ChartEditResult {
  if (gesture.kind === 'link') return planLink(analysis, gesture.from, gesture.to);
  if (gesture.kind === 'progress' || gesture.kind === 'rename') return planText(analysis, gesture);
  const item = analysis.items.get(gesture.id);
  if (!item || (item.kind !== 'task' && item.kind !== 'milestone')) return { ok: false, message: `${displayId(gesture.id)} is not a task or milestone of this plan any more` };
  if (!Number.isInteger(gesture.days) || gesture.days === 0) return { ok: false, message: 'nothing moved' };
  const expectedHash = analysis.files.get(item.file)?.hash;
  const base = { id: item.id, ...(expectedHash ? { expectedHash } : {}) };
  const calendar = calendarOf(analysis, item);
  const name = displayId(item.id);

  if (item.kind === 'milestone') {
    if (gesture.kind === 'resize') return { ok: false, message: `${name} is a milestone: it has no length` };
    const date = analysis.schedule.milestones.get(item.id)?.date;
    if (date === undefined) return { ok: false, message: `${name} has no date to move` };
    const to = step(calendar, date, gesture.days, item.form === 'mermaid');
    return done({ ...base, start: formatDate(to) }, `${name} moves to ${formatDate(to)}`, overridden(analysis, item));
  }

  const s = analysis.schedule.tasks.get(item.id);
  if (s?.start === undefined || s.end === undefined) return { ok: false, message: `${name} has no dates to move` };
  const mermaid = item.form === 'mermaid';
  if (gesture.kind === 'move') {
    const start = step(calendar, s.start, gesture.days, mermaid);
    // The end moves by the same working days, so the length stays what it was.
    const end = mermaid ? s.end + (start - s.start) : calendar.addWorkdays(start, Math.max(1, s.duration ?? 1));
    const request: TaskEditRequest = { ...base };
    const hasStart = item.attributes.start !== undefined;
    const hasEnd = item.attributes.end !== undefined;
    if (mermaid) Object.assign(request, { start: formatDate(start), end: formatDate(end) });
    else if (hasEnd && !hasStart && item.attributes.duration !== undefined) request.end = formatDate(end); // placed backwards from its end
    else {
      request.start = formatDate(start);
      if (hasEnd) request.end = formatDate(end);
    }
    return done(request, `${name} moves to ${formatDate(start)} – ${formatDate(end)}`, request.start !== undefined && !hasStart ? overridden(analysis, item) : undefined);
  }

  // The end moves; the start stays.
  let end = s.end + gesture.days;
  if (!mermaid) end = step(calendar, s.end, gesture.days, false);
  if (end < s.start) return { ok: false, message: `${name} cannot end before it starts (${formatDate(s.start)})` };
  if (mermaid || item.attributes.end !== undefined) return done({ ...base, end: formatDate(end) }, `${name} now ends ${formatDate(end)}`);
  const days = calendar.countWorkdays(s.start, end);
  return done({ ...base, duration: `${Math.max(1, days)}d` }, `${name} now takes ${Math.max(1, days)} working days, to ${formatDate(end)}`);
}

/** A new progress or title: the values only, checked as `specline.editTask` checks them. */
function planText(analysis: Analysis, gesture: Extract<ChartGesture, { kind: 'progress' | 'rename' }>): ChartEditResult {
  const item = analysis.items.get(gesture.id);
  const name = displayId(gesture.id);
  if (!item || (item.kind !== 'task' && item.kind !== 'milestone')) return { ok: false, message: `${name} is not a task or milestone of this plan any more` };
  const expectedHash = analysis.files.get(item.file)?.hash;
  const base = { id: item.id, ...(expectedHash ? { expectedHash } : {}) };
  if (gesture.kind === 'rename') {
    const title = gesture.title.trim();
    const checked = checkTaskEditRequest({ id: item.id, title });
    if (!checked.ok) return { ok: false, message: checked.message };
    if (title === item.title.trim()) return { ok: false, message: `${name} is already called "${title.slice(0, 60)}"` };
    return done({ ...base, title }, `${name} is now called "${title.slice(0, 60)}"`);
  }
  if (item.kind !== 'task') return { ok: false, message: `${name} is a milestone: it has no progress` };
  // A mermaid chart has no place for a percentage (only done, active or neither).
  if (item.form === 'mermaid') return { ok: false, message: `${name} is a task of a mermaid chart, which has no progress` };
  // Done shows 100% whatever progress says: a lower percentage next to it would contradict it.
  if (item.status === 'done') return { ok: false, message: `${name} is done; change its status before its progress` };
  const percent = Math.round(gesture.percent);
  if (!(percent >= 0 && percent <= 100)) return { ok: false, message: 'progress goes from 0% to 100%' };
  if ((item.progress ?? 0) === percent) return { ok: false, message: `${name} is already ${percent}% done` };
  return done({ ...base, progress: `${percent}%` }, `${name} is now ${percent}% done`);
}

function planLink(analysis: Analysis, from: string, to: string): ChartEditResult {
  const a = analysis.items.get(from);
  const b = analysis.items.get(to);
  if (!a || !b || a.kind === 'goal' || b.kind === 'goal') return { ok: false, message: 'drag from a task or milestone onto another' };
  if (from === to) return { ok: false, message: `${displayId(from)} cannot follow itself` };
  const after = (b.links.after ?? []).map((r) => r.id);
  if (after.includes(from)) return { ok: false, message: `${displayId(to)} already follows ${displayId(from)}` };
  if (b.form === 'mermaid' ? a.chart !== b.chart : a.form === 'mermaid' && a.id.includes('@')) {
    return { ok: false, message: `${displayId(to)} can only follow a task of the same mermaid chart` };
  }
  if (follows(analysis, from, to)) return { ok: false, message: `${displayId(from)} already comes after ${displayId(to)}: the link would make a loop` };
  const expectedHash = analysis.files.get(b.file)?.hash;
  // A mermaid task's `after` takes the place of its start date: it keeps only the new predecessor's company when it had none.
  const mermaidAfter = b.form === 'mermaid' ? mermaidPredecessors(analysis, b) : after;
  return done({ id: to, after: [...mermaidAfter, from], ...(expectedHash ? { expectedHash } : {}) }, `${displayId(to)} now follows ${displayId(from)}`);
}

/** Whether `id` is (transitively) after `target`: linking target → … → id would close a loop. */
function follows(analysis: Analysis, id: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === target) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const r of analysis.items.get(next)?.links.after ?? []) stack.push(r.id);
  }
  return false;
}

/** The ids a mermaid task's `after` names (they are references, not links). */
function mermaidPredecessors(analysis: Analysis, item: Item): string[] {
  const refs = analysis.files.get(item.file)?.references ?? [];
  return refs.filter((r) => r.from === item.id && r.key === undefined && r.range.start.line === item.range.start.line).map((r) => r.id);
}

/** Predecessors a pinned start or date overrides. */
function overridden(analysis: Analysis, item: Item): string[] | undefined {
  // In a mermaid chart a start date takes the place of `after`: writing one drops the other.
  if (item.form === 'mermaid') return mermaidPredecessors(analysis, item);
  const after = (item.links.after ?? []).map((r) => r.id);
  const pinned = item.kind === 'milestone' ? item.attributes.date !== undefined : item.attributes.start !== undefined;
  return after.length > 0 && !pinned ? after : undefined;
}

function done(request: TaskEditRequest, summary: string, overrides?: string[]): ChartEditResult {
  return { ok: true, plan: { request, summary, ...(overrides && overrides.length ? { overrides } : {}) } };
}

function calendarOf(analysis: Analysis, item: Item): WorkCalendar {
  return new WorkCalendar(mergeCalendar(analysis.config.calendar, analysis.files.get(item.file)?.planCalendar));
}

/** `from` moved by `days`, then on to a working day in the same direction (a mermaid chart has its own calendar: days as they are). */
function step(calendar: WorkCalendar, from: DayNumber, days: number, asIs: boolean): DayNumber {
  let d = from + days;
  if (asIs) return d;
  const dir = Math.sign(days);
  for (let i = 0; i < 14 && !calendar.isWorkday(d); i++) d += dir;
  return calendar.isWorkday(d) ? d : from + days;
}
