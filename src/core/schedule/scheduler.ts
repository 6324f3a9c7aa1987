import type { CalendarSpec } from '../model/types.js';
import { WorkCalendar } from './calendar.js';
import { compareIds } from './compareIds.js';
import { computeFloat } from './criticalPath.js';
import { findCycles } from './cycles.js';
import { forwardPass } from './forwardPass.js';
import { buildGraph } from './graph.js';
import type { ScheduleGraph } from './graph.js';
import { computeLoad, findOverallocation, ownersOf } from './resourceLoad.js';
import type { LoadRun } from './resourceLoad.js';
import { topologicalOrder } from './topologicalOrder.js';
import type {
  ScheduledMilestone,
  ScheduledTask,
  ScheduleInput,
  ScheduleIssue,
  ScheduleResult,
} from './types.js';

/**
 * Computes the schedule of a plan (docs/format.md#scheduling): dates of every task and milestone, total float
 * and critical path per document, owners' load, and the problems found on the way.
 *
 * Pure: the same input always gives the same result, nothing outside the input is read, and
 * nothing is kept between calls. The dependency graph is built once, cycles are found with
 * Tarjan's algorithm, and dates are computed in one pass in topological order (never by
 * repeated relaxation), so the cost is O((tasks + dependencies) · log holidays) plus sorting.
 *
 * Where docs/format.md#scheduling is silent the choices are listed in this folder's README.md; the ones a
 * caller notices first:
 * - Cycle members get no dates; tasks after them get none either, without a
 *   `schedule.unscheduled` of their own (the cycle is the root cause), unless they have an
 *   explicit `start` or `end` + `duration`, which do not depend on predecessors.
 * - `schedule.no-duration` is reported for every task with neither a valid duration (a positive
 *   whole number of working days) nor an `end`, scheduled or not.
 * - `result.load` is built on first read and then kept: it lists the working task IDs of every
 *   run, which is large for busy owners, and most callers (the checker) only need the issues,
 *   which are always computed. It is an ordinary enumerable property otherwise
 *   (`structuredClone` and spreading see it).
 *
 * Issues come sorted by code, then by ID (the owner for `resource.overallocated`, the first
 * ID for `schedule.cycle`), in UTF-16 code-unit order.
 */
export function schedule(input: ScheduleInput): ScheduleResult {
  const { g, tasks, milestones, issues, start, end, calendars } = datesOf(input);
  const loadDates = { start, end, calendars };
  const owners = ownersOf(g, loadDates);
  for (const issue of findOverallocation(g, loadDates, owners, input.capacity)) issues.push(issue);
  sortIssues(issues);
  let load: Map<string, LoadRun[]> | undefined;
  return {
    tasks,
    milestones,
    issues,
    get load() {
      return (load ??= computeLoad(g, loadDates, owners));
    },
    set load(value) {
      load = value;
    },
  };
}

/**
 * `schedule()` without the owners' load: the same dates and issues, minus
 * `resource.overallocated` and the owner sweep (owners are ignored). For a caller that
 * computes load separately (the incremental schedule does it per owner, across components).
 */
export function scheduleDates(input: ScheduleInput): Omit<ScheduleResult, 'load'> {
  const { tasks, milestones, issues } = datesOf(input);
  sortIssues(issues);
  return { tasks, milestones, issues };
}

/**
 * `schedule()` of tasks pinned at known dates: every task has `start` and `end`, no
 * predecessors and is not `fixed`, so only the load and `resource.overallocated` can come
 * out. Gives exactly what `schedule()` gives for such tasks (the forward pass moves a
 * pinned start to the next working day and an end to the previous one), without the
 * graph passes whose answers are known (no cycles, no order, no float).
 */
export function scheduleLoad(input: ScheduleInput): Pick<ScheduleResult, 'issues' | 'load'> {
  const g = buildGraph(input);
  const calendars = nodeCalendars(g, input);
  const start = new Float64Array(g.n).fill(NaN);
  const end = new Float64Array(g.n).fill(NaN);
  for (let v = 0; v < g.taskCount; v++) {
    const t = g.tasks[v];
    if (t.start === undefined || t.end === undefined) throw new Error('scheduleLoad: a task without pinned dates (bug)');
    const cal = calendars[v];
    const s = cal.nextWorkday(t.start);
    const e = cal.prevWorkday(t.end);
    start[v] = s;
    // The forward pass keeps a start without an end when the end comes first.
    if (e >= s) end[v] = e;
  }
  const loadDates = { start, end, calendars };
  const owners = ownersOf(g, loadDates);
  // Owners come sorted by handle, one issue each at most: already in `sortIssues` order.
  const issues: ScheduleIssue[] = findOverallocation(g, loadDates, owners, input.capacity);
  let load: Map<string, LoadRun[]> | undefined;
  return {
    issues,
    get load() {
      return (load ??= computeLoad(g, loadDates, owners));
    },
  };
}

/** The forward and backward passes: dates, float and every issue but over-allocation (unsorted). */
function datesOf(input: ScheduleInput): {
  g: ScheduleGraph;
  tasks: Map<string, ScheduledTask>;
  milestones: Map<string, ScheduledMilestone>;
  issues: ScheduleIssue[];
  start: Float64Array;
  end: Float64Array;
  calendars: WorkCalendar[];
} {
  const g = buildGraph(input);
  const { n, taskCount } = g;
  const issues: ScheduleIssue[] = [];

  const calendars = nodeCalendars(g, input);
  const { inCycle, cycles } = findCycles(g);
  for (const ids of cycles) issues.push({ code: 'schedule.cycle', ids });
  const order = topologicalOrder(g, inCycle);

  const { start, end, days, startFrom } = forwardPass(g, input, calendars, inCycle, order, issues);

  const float = computeFloat(g, order, { end, days, calendars });

  const tasks = new Map<string, ScheduledTask>();
  for (let v = 0; v < taskCount; v++) {
    const s = start[v];
    const e = end[v];
    const f = float[v];
    tasks.set(g.ids[v], {
      id: g.ids[v],
      start: s === s ? s : undefined,
      end: e === e ? e : undefined,
      duration: e === e ? days[v] : undefined,
      float: f === f ? f : undefined,
      critical: f === f && f <= 0,
      startFrom: startFrom[v],
    });
  }
  const milestones = new Map<string, ScheduledMilestone>();
  for (let v = taskCount; v < n; v++) {
    const date = end[v];
    milestones.set(g.ids[v], { id: g.ids[v], date: date === date ? date : undefined });
  }
  return { g, tasks, milestones, issues, start, end, calendars };
}

/**
 * The calendar of every node: its own (`calendars.get(key)`) or the project's. One
 * WorkCalendar per distinct calendar, built on first use.
 */
function nodeCalendars(g: ScheduleGraph, input: ScheduleInput): WorkCalendar[] {
  const project = new WorkCalendar(input.calendar);
  const byKey = new Map<string, WorkCalendar>();
  const built = new Map<Required<CalendarSpec>, WorkCalendar>([[input.calendar, project]]);
  const result = new Array<WorkCalendar>(g.n);
  for (let v = 0; v < g.n; v++) {
    const key = v < g.taskCount ? g.tasks[v].calendar : g.milestones[v - g.taskCount].calendar;
    if (key === undefined) {
      result[v] = project;
      continue;
    }
    let cal = byKey.get(key);
    if (!cal) {
      const spec = input.calendars?.get(key);
      if (!spec) cal = project;
      else {
        cal = built.get(spec) ?? new WorkCalendar(spec);
        built.set(spec, cal);
      }
      byKey.set(key, cal);
    }
    result[v] = cal;
  }
  return result;
}

function issueKey(issue: ScheduleIssue): string {
  switch (issue.code) {
    case 'schedule.cycle':
      return issue.ids[0] ?? '';
    case 'resource.overallocated':
      return issue.owner;
    default:
      return issue.id;
  }
}

/** By code, then ID; stable, so one task's issues keep the order they were found in. */
function sortIssues(issues: ScheduleIssue[]): void {
  const keys = new Map<ScheduleIssue, string>(issues.map((i) => [i, issueKey(i)]));
  issues.sort((a, b) => compareIds(a.code, b.code) || compareIds(keys.get(a) as string, keys.get(b) as string));
}
