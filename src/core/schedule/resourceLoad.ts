import type { DayNumber } from '../model/types.js';
import type { WorkCalendar } from './calendar.js';
import { compareIds } from './compareIds.js';
import type { ScheduleGraph } from './graph.js';
import type { ScheduleInput, ScheduleIssue, ScheduleResult } from './types.js';

/** One owner's scheduled tasks (node indices of tasks with both start and end). */
export interface OwnerTasks {
  owner: string;
  /** Sorted by start, then node index. */
  byStart: number[];
  /** Sorted by end, then node index. */
  byEnd: number[];
}

/** What the load sweep reads from the forward pass. */
export interface LoadDates {
  /** Per node; NaN when unknown. */
  start: Float64Array;
  end: Float64Array;
  calendars: WorkCalendar[];
}

export type LoadRun = ScheduleResult['load'] extends ReadonlyMap<string, Array<infer R>> ? R : never;
type OverallocatedIssue = Extract<ScheduleIssue, { code: 'resource.overallocated' }>;

/**
 * Loads are summed in thousandths of a percent as integers, so 33.3% + 33.3% + 33.4% is
 * exactly 100% and adding and removing allocations along the sweep never drifts.
 */
const SCALE = 1000;

/** The `working` argument of runs when task lists are not wanted. Never written to. */
const NO_TASKS: readonly string[] = Object.freeze([]);

/**
 * Every owner named by a task, sorted by handle, with their tasks that have a start and an
 * end (the only ones that occupy days), in start and in end order. Owners whose tasks are all
 * unscheduled are listed with no tasks, so a load chart still shows them (with no load).
 *
 * All tasks are sorted once, by a numeric key in a Float64Array (native sort, no comparator
 * calls), and dealt out to their owners in that order; sorting per owner with a comparator
 * was the slowest part of scheduling 100,000 tasks.
 */
export function ownersOf(g: ScheduleGraph, dates: LoadDates): OwnerTasks[] {
  const ownerIndex = new Map<string, number>();
  const handles: string[] = [];
  // Owners of each scheduled task, deduplicated (`@ana, @ana` counts once), as CSR arrays.
  const ownedStart = new Int32Array(g.taskCount + 1);
  const owned: number[] = [];
  const scheduled: number[] = [];
  for (let t = 0; t < g.taskCount; t++) {
    ownedStart[t] = owned.length;
    const owners = g.tasks[t].owners;
    const isScheduled = dates.start[t] === dates.start[t] && dates.end[t] === dates.end[t];
    for (let k = 0; k < owners.length; k++) {
      let o = ownerIndex.get(owners[k]);
      if (o === undefined) {
        o = handles.length;
        ownerIndex.set(owners[k], o);
        handles.push(owners[k]);
      }
      if (isScheduled && owners.indexOf(owners[k]) === k) owned.push(o);
    }
    if (isScheduled && owned.length > ownedStart[t]) scheduled.push(t);
  }
  ownedStart[g.taskCount] = owned.length;

  const lists: OwnerTasks[] = handles.map((owner) => ({ owner, byStart: [], byEnd: [] }));
  const byStart = sortByDay(scheduled, dates.start, g.taskCount);
  for (let k = 0; k < byStart.length; k++) {
    const t = byStart[k];
    for (let i = ownedStart[t]; i < ownedStart[t + 1]; i++) lists[owned[i]].byStart.push(t);
  }
  const byEnd = sortByDay(scheduled, dates.end, g.taskCount);
  for (let k = 0; k < byEnd.length; k++) {
    const t = byEnd[k];
    for (let i = ownedStart[t]; i < ownedStart[t + 1]; i++) lists[owned[i]].byEnd.push(t);
  }
  return lists.sort((a, b) => compareIds(a.owner, b.owner));
}

/** Nodes sorted by day[node], then node, via keys day × n + node (exact below 2^53). */
function sortByDay(nodes: number[], day: Float64Array, n: number): Int32Array {
  const keys = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) keys[i] = day[nodes[i]] * n + nodes[i];
  keys.sort();
  const out = new Int32Array(nodes.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    out[i] = k - Math.floor(k / n) * n;
  }
  return out;
}

/**
 * One `resource.overallocated` issue per owner who is above capacity on some working day
 * (docs/format.md#load). `days` lists the over-allocated days as inclusive ranges of equal load;
 * a range runs on across days that are non-working in every calendar the owner's tasks use
 * (a weekend, a holiday) when the load is the same on both sides, so a month-long overload
 * reads as one range, not four. `tasks` lists every task that occupies an over-allocated day.
 */
export function findOverallocation(
  g: ScheduleGraph,
  dates: LoadDates,
  owners: OwnerTasks[],
  capacity: ScheduleInput['capacity'],
): OverallocatedIssue[] {
  const issues: OverallocatedIssue[] = [];
  const alloc = allocations(g);
  for (const { owner, byStart, byEnd } of owners) {
    if (byStart.length === 0) continue;
    const cap = capacity.owners.get(owner) ?? capacity.default;
    const capScaled = Math.round(cap * SCALE);
    // Built only when two over-allocated runs have a gap to check: most owners never need it.
    let ownerCalendars: WorkCalendar[] | undefined;
    const offForOwner = (a: DayNumber, b: DayNumber): boolean => {
      ownerCalendars ??= [...new Set(byStart.map((t) => dates.calendars[t]))];
      return ownerCalendars.every((c) => c.countWorkdays(a, b) === 0);
    };

    const ranges: Array<{ from: DayNumber; to: DayNumber; load: number }> = [];
    const overFrom: number[] = [];
    const overTo: number[] = [];
    // The range still open for extension; a run within capacity closes it.
    let open: { from: DayNumber; to: DayNumber; load: number } | undefined;
    sweepOwner(byStart, byEnd, g.ids, dates, alloc, false, (from, to, load) => {
      if (load <= capScaled) {
        open = undefined;
        return;
      }
      overFrom.push(from);
      overTo.push(to);
      if (open && open.load === load && (open.to + 1 === from || offForOwner(open.to + 1, from - 1))) {
        open.to = to;
      } else {
        open = { from, to, load };
        ranges.push(open);
      }
    });
    if (ranges.length === 0) continue;

    const over: string[] = [];
    for (const t of byStart) if (occupiesAny(dates, t, overFrom, overTo)) over.push(g.ids[t]);
    // Code-unit order, as compareIds, without a comparator call per pair.
    if (over.length > 1) over.sort();
    issues.push({
      code: 'resource.overallocated',
      owner,
      capacity: cap,
      days: ranges.map((r) => ({ from: r.from, to: r.to, load: r.load / SCALE })),
      tasks: over,
    });
  }
  return issues;
}

/**
 * Per owner, the runs of consecutive days with the same working tasks (hence the same load),
 * for load charts. Days on which none of the owner's tasks works (weekends, holidays, gaps)
 * belong to no run, so runs split there. `tasks` are the IDs of the tasks working in the run.
 */
export function computeLoad(g: ScheduleGraph, dates: LoadDates, owners: OwnerTasks[]): Map<string, LoadRun[]> {
  const alloc = allocations(g);
  const load = new Map<string, LoadRun[]>();
  for (const { owner, byStart, byEnd } of owners) {
    const runs: LoadRun[] = [];
    sweepOwner(byStart, byEnd, g.ids, dates, alloc, true, (from, to, l, working) => {
      runs.push({ from, to, load: l / SCALE, tasks: working.slice() });
    });
    load.set(owner, runs);
  }
  return load;
}

/** Allocation per task node, scaled; a missing or invalid allocation is a full day (100%). */
function allocations(g: ScheduleGraph): Float64Array {
  const alloc = new Float64Array(g.taskCount);
  for (let t = 0; t < g.taskCount; t++) {
    const a = g.tasks[t].allocation;
    alloc[t] = Math.round((a !== undefined && Number.isFinite(a) && a >= 0 ? a : 100) * SCALE);
  }
  return alloc;
}

/** Does task t work on at least one day of the sorted, disjoint ranges [from[i], to[i]]? */
function occupiesAny(dates: LoadDates, t: number, from: number[], to: number[]): boolean {
  const s = dates.start[t];
  const e = dates.end[t];
  let lo = 0;
  let hi = to.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (to[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  const cal = dates.calendars[t];
  for (let i = lo; i < from.length && from[i] <= e; i++) {
    if (cal.countWorkdays(Math.max(from[i], s), Math.min(to[i], e)) > 0) return true;
  }
  return false;
}

interface Group {
  calendar: WorkCalendar;
  load: number;
  count: number;
  /** Active task nodes of this calendar, when task lists are wanted. */
  tasks: Set<number> | undefined;
}

/**
 * Sweeps one owner's tasks in time order. Between two consecutive start/end events the set
 * of active tasks is constant (a "segment"); inside a segment, runs of working days are found
 * with the calendars' jump functions, so the cost is O(events · log + runs), never
 * O(tasks × days): a 50,000-day task adds two events and one run per working stretch.
 *
 * @param onRun called for every run, in time order, with the load scaled by SCALE and (only
 *   when `withTasks`) the sorted IDs of the tasks working in it; the array may be shared by
 *   several runs, so copy it before keeping it.
 */
function sweepOwner(
  byStart: number[],
  byEnd: number[],
  ids: string[],
  dates: LoadDates,
  alloc: Float64Array,
  withTasks: boolean,
  onRun: (from: DayNumber, to: DayNumber, load: number, working: readonly string[]) => void,
): void {
  const { start, end, calendars } = dates;
  const m = byStart.length;
  const groups = new Map<WorkCalendar, Group>();
  const active: Group[] = [];

  let i = 0;
  let j = 0;
  while (j < m) {
    const d = Math.min(i < m ? start[byStart[i]] : Infinity, end[byEnd[j]] + 1);
    for (; j < m && end[byEnd[j]] + 1 === d; j++) {
      const t = byEnd[j];
      const group = groups.get(calendars[t]) as Group;
      group.load -= alloc[t];
      group.tasks?.delete(t);
      if (--group.count === 0) remove(active, group);
    }
    for (; i < m && start[byStart[i]] === d; i++) {
      const t = byStart[i];
      let group = groups.get(calendars[t]);
      if (!group) groups.set(calendars[t], (group = { calendar: calendars[t], load: 0, count: 0, tasks: withTasks ? new Set() : undefined }));
      group.load += alloc[t];
      group.tasks?.add(t);
      if (group.count++ === 0) active.push(group);
    }
    if (active.length === 0) continue;
    const segmentEnd = Math.min(i < m ? start[byStart[i]] : Infinity, end[byEnd[j]] + 1) - 1;

    if (active.length === 1) {
      // The common case: one calendar, so every working day of the segment has the same load.
      const group = active[0];
      const cal = group.calendar;
      const working = withTasks ? idsOf(active) : NO_TASKS;
      for (let x = cal.nextWorkday(d); x <= segmentEnd; ) {
        const y = Math.min(cal.nextNonWorkday(x) - 1, segmentEnd);
        onRun(x, y, group.load, working);
        x = cal.nextWorkday(y + 1);
      }
      continue;
    }
    // Tasks on different calendars: the load changes whenever any calendar turns on or off.
    let cachedKey = '';
    let cachedIds = NO_TASKS;
    for (let x = d; x <= segmentEnd; ) {
      let load = 0;
      let next = Infinity;
      let key = '';
      const workingGroups: Group[] = [];
      for (let k = 0; k < active.length; k++) {
        const cal = active[k].calendar;
        const works = cal.isWorkday(x);
        const change = works ? cal.nextNonWorkday(x) : cal.nextWorkday(x);
        if (change < next) next = change;
        if (works) {
          load += active[k].load;
          workingGroups.push(active[k]);
          key += `${k},`;
        }
      }
      const y = Math.min(next - 1, segmentEnd);
      if (workingGroups.length > 0) {
        if (withTasks && key !== cachedKey) {
          cachedKey = key;
          cachedIds = idsOf(workingGroups);
        }
        onRun(x, y, load, withTasks ? cachedIds : NO_TASKS);
      }
      x = y + 1;
    }
  }

  function idsOf(list: Group[]): readonly string[] {
    const out: string[] = [];
    for (const group of list) for (const t of group.tasks!) out.push(ids[t]);
    return out.sort(); // code-unit order, as compareIds
  }
}

/** Removes one element in place, keeping the order (`splice` would allocate the removed part). */
function remove<T>(list: T[], element: T): void {
  const at = list.indexOf(element);
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i]!;
  list.length--;
}
