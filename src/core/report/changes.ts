import type { Analysis } from '../analysis/types.js';
import type { Baseline, BaselineEntry } from '../baseline/baseline.js';
import { baselineOf, SlipCalculator } from '../baseline/baseline.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber, Item, ItemKind, Status } from '../model/types.js';
import { mdText } from '../render/markdown.js';

/** Scheduled dates of a task (either may be missing: not placed). */
export interface TaskDates {
  start?: DayNumber;
  end?: DayNumber;
}

export interface ChangedTask {
  id: string;
  title: string;
  dates: TaskDates;
}

export interface MovedTask {
  id: string;
  title: string;
  before: TaskDates;
  after: TaskDates;
  /** Calendar days the end moved (positive: later); undefined when one side has no end. */
  endShift?: number;
  /** Working days the end moved, as the baseline comparison counts a slip; null when one side has no end. */
  slip: number | null;
}

export interface StatusChange {
  id: string;
  kind: ItemKind;
  title: string;
  /** As written; undefined when no status was written (read as `todo`). */
  before?: Status;
  after?: Status;
}

export interface MovedMilestone {
  id: string;
  title: string;
  before?: DayNumber;
  after?: DayNumber;
}

/** What changed in the plan between two analyses (see {@link diffAnalyses}). */
export interface PlanChanges {
  tasksAdded: ChangedTask[];
  tasksRemoved: ChangedTask[];
  datesMoved: MovedTask[];
  statusChanged: StatusChange[];
  milestonesAdded: MovedMilestone[];
  milestonesRemoved: MovedMilestone[];
  milestonesMoved: MovedMilestone[];
}

/** Item kinds whose status changes are reported. */
const STATUS_KINDS: ReadonlySet<ItemKind> = new Set(['goal', 'feature', 'task', 'milestone']);

/** As {@link diffFromBaseline}, from the whole analysis of the earlier plan. */
export function diffAnalyses(before: Analysis, after: Analysis): PlanChanges {
  return diffFromBaseline(baselineOf(before, '', ''), after);
}

/**
 * The plan changes from `before` (the plan at a git ref, as the baseline comparison keeps
 * it) to `after` (the working tree), matched by ID: tasks added and removed, tasks whose *scheduled* start or end
 * moved (so a task pushed by a late predecessor shows, not only edited dates), status
 * changes of goals, features, tasks and milestones (a missing status counts as `todo`, so
 * writing `status: todo` is no change), and milestones added, removed or moved. Each list
 * is in the source order of the analysis that has the item (`after`, else `before`).
 */
export function diffFromBaseline(before: Baseline, after: Analysis): PlanChanges {
  const changes: PlanChanges = { tasksAdded: [], tasksRemoved: [], datesMoved: [], statusChanged: [], milestonesAdded: [], milestonesRemoved: [], milestonesMoved: [] };
  const now = ordered([...after.items.values()]);
  const slips = new SlipCalculator(after);
  const entryOf = (item: Item): BaselineEntry | undefined =>
    (item.kind === 'task' ? before.tasks : item.kind === 'milestone' ? before.milestones : item.kind === 'feature' ? before.features : item.kind === 'goal' ? before.goals : undefined)?.get(item.id);

  for (const item of now) {
    const old = entryOf(item);
    if (item.kind === 'task') {
      const dates = taskDates(after, item.id);
      if (!old) {
        changes.tasksAdded.push({ id: item.id, title: item.title, dates });
      } else {
        const was = entryDates(old);
        if (was.start !== dates.start || was.end !== dates.end) {
          const shift = was.end !== undefined && dates.end !== undefined ? dates.end - was.end : undefined;
          const { slip } = slips.compare('task', item.id, before);
          changes.datesMoved.push({ id: item.id, title: item.title, before: was, after: dates, ...(shift === undefined ? {} : { endShift: shift }), slip });
        }
      }
    }
    if (item.kind === 'milestone') {
      const date = milestoneDate(after, item);
      if (!old) changes.milestonesAdded.push(milestone(item, undefined, date));
      else {
        const was = old.end ?? old.item.date;
        if (was !== date) changes.milestonesMoved.push(milestone(item, was, date));
      }
    }
    if (old && STATUS_KINDS.has(item.kind) && (old.item.status ?? 'todo') !== (item.status ?? 'todo')) {
      changes.statusChanged.push({ id: item.id, kind: item.kind, title: item.title, ...(old.item.status ? { before: old.item.status } : {}), ...(item.status ? { after: item.status } : {}) });
    }
  }
  for (const entry of ordered([...before.tasks.values()].map((e) => e.item))) {
    if (after.items.get(entry.id)?.kind !== 'task') changes.tasksRemoved.push({ id: entry.id, title: entry.title, dates: entryDates(before.tasks.get(entry.id)!) });
  }
  for (const entry of ordered([...before.milestones.values()].map((e) => e.item))) {
    const old = before.milestones.get(entry.id)!;
    if (after.items.get(entry.id)?.kind !== 'milestone') changes.milestonesRemoved.push(milestone(entry, old.end ?? entry.date, undefined));
  }
  return changes;
}

/** True when nothing is listed. */
export function isEmptyChanges(changes: PlanChanges): boolean {
  return Object.values(changes).every((list: unknown[]) => list.length === 0);
}

/**
 * The "Changes since REF" section of the status report, as Markdown lines (heading
 * included). `since` is shown as given (a ref name, escaped). Empty lists are left out;
 * with no change at all the section says so.
 */
export function renderChangesSection(changes: PlanChanges, since: string): string[] {
  const out = [`## Changes since ${mdText(since, 80)}`, ''];
  if (isEmptyChanges(changes)) {
    out.push(`None: no task, status or milestone changed since ${mdText(since, 80)}.`);
    return out;
  }
  const counts = [
    count(changes.tasksAdded.length, 'task added', 'tasks added'),
    count(changes.tasksRemoved.length, 'task removed', 'tasks removed'),
    count(changes.datesMoved.length, 'task moved', 'tasks moved'),
    count(changes.statusChanged.length, 'status change', 'status changes'),
    count(changes.milestonesAdded.length + changes.milestonesRemoved.length + changes.milestonesMoved.length, 'milestone changed', 'milestones changed'),
  ].filter((c) => c !== '');
  out.push(`${counts.join(', ')}.`, '');

  if (changes.datesMoved.length > 0) {
    out.push('### Dates moved', '', '| Task | Before | After | End moved |', '|---|---|---|---:|');
    for (const m of changes.datesMoved) out.push(`| ${name(m)} | ${span(m.before)} | ${span(m.after)} | ${shift(m.endShift)} |`);
    out.push('');
  }
  if (changes.statusChanged.length > 0) {
    out.push('### Status changes', '', '| Item | Before | After |', '|---|---|---|');
    for (const s of changes.statusChanged) out.push(`| ${name(s)} | ${s.before ?? '_none_'} | ${s.after ?? '_none_'} |`);
    out.push('');
  }
  if (changes.tasksAdded.length > 0) {
    out.push('### Tasks added', '');
    for (const t of changes.tasksAdded) out.push(`- ${name(t)} — ${span(t.dates)}`);
    out.push('');
  }
  if (changes.tasksRemoved.length > 0) {
    out.push('### Tasks removed', '');
    for (const t of changes.tasksRemoved) out.push(`- ${name(t)} (was ${span(t.dates)})`);
    out.push('');
  }
  const milestones = [
    ...changes.milestonesMoved.map((m) => `- ${name(m)}: ${day(m.before)} → ${day(m.after)}${m.before !== undefined && m.after !== undefined ? ` (${shift(m.after - m.before)})` : ''}`),
    ...changes.milestonesAdded.map((m) => `- ${name(m)}: added, ${day(m.after)}`),
    ...changes.milestonesRemoved.map((m) => `- ${name(m)}: removed (was ${day(m.before)})`),
  ];
  if (milestones.length > 0) out.push('### Milestones', '', ...milestones, '');
  while (out[out.length - 1] === '') out.pop();
  return out;
}

function ordered(items: Item[]): Item[] {
  return items.sort((a, b) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character);
}

function entryDates(entry: BaselineEntry): TaskDates {
  return { ...(entry.start === undefined ? {} : { start: entry.start }), ...(entry.end === undefined ? {} : { end: entry.end }) };
}

function taskDates(analysis: Analysis, id: string): TaskDates {
  const t = analysis.schedule.tasks.get(id);
  return { ...(t?.start === undefined ? {} : { start: t.start }), ...(t?.end === undefined ? {} : { end: t.end }) };
}

function milestoneDate(analysis: Analysis, item: Item): DayNumber | undefined {
  return analysis.schedule.milestones.get(item.id)?.date ?? item.date;
}

function milestone(item: Item, before: DayNumber | undefined, after: DayNumber | undefined): MovedMilestone {
  return { id: item.id, title: item.title, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

function count(n: number, one: string, many: string): string {
  return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
}

function name(x: { id: string; title: string }): string {
  return `**${mdText(x.id, 40)}** ${mdText(x.title, 80)}`.trimEnd();
}

function day(d: DayNumber | undefined): string {
  return d === undefined ? 'no date' : formatDate(d);
}

function span(d: TaskDates): string {
  if (d.start === undefined && d.end === undefined) return 'unscheduled';
  if (d.start !== undefined && d.end !== undefined) return d.start === d.end ? formatDate(d.start) : `${formatDate(d.start)} → ${formatDate(d.end)}`;
  return d.start !== undefined ? `from ${formatDate(d.start)}` : `until ${formatDate(d.end!)}`;
}

function shift(days: number | undefined): string {
  if (days === undefined) return '—';
  if (days === 0) return 'same end';
  const n = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${n} day${n === 1 ? '' : 's'}`;
}
