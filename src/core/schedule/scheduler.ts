import type { CalendarSpec } from '../model/types.js';
import { WorkCalendar } from './calendar.js';
import { compareIds } from './compareIds.js';
import { computeFloat } from './criticalPath.js';
import { findCycles } from './cycles.js';
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

type StartFrom = NonNullable<ScheduledTask['startFrom']>;
const START_FROM: readonly StartFrom[] = ['start', 'after', 'end', 'plan', 'project'];
const NO_START = 255;

/**
 * Computes the schedule of a plan (FORMAT §5): dates of every task and milestone, total float
 * and critical path per document, owners' load, and the problems found on the way.
 *
 * Pure: the same input always gives the same result, nothing outside the input is read, and
 * nothing is kept between calls. The dependency graph is built once, cycles are found with
 * Tarjan's algorithm, and dates are computed in one pass in topological order (never by
 * repeated relaxation), so the cost is O((tasks + dependencies) · log holidays) plus sorting.
 *
 * Rules the contract leaves open, decided here:
 * - Cycle members get no dates; tasks after them get none either, without a
 *   `schedule.unscheduled` of their own (the cycle is the root cause), unless they have an
 *   explicit `start` or `end` + `duration`, which do not depend on predecessors.
 * - `schedule.no-duration` is reported for every task with neither a valid duration nor an
 *   `end`, scheduled or not (also in a cycle): it is a fact about what is written.
 * - A duration that is not a positive whole number of working days (`0d`, `1.5d`, `1.5w` on a
 *   five-day week) counts as no duration.
 * - Of several predecessors ending on the same latest day, the first in `after` order is the
 *   one named in `schedule.dependency-violated`.
 * - An ID defined twice is scheduled from its first definition only.
 * - `load` is computed on first read of `result.load` (then kept): it lists the working task
 *   IDs for every run, which is large for busy owners, and most callers (the checker) only
 *   need the issues, which are always computed.
 *
 * Issues come sorted by code, then by ID (the owner for `resource.overallocated`, the first
 * ID for `schedule.cycle`), in UTF-16 code-unit order.
 */
export function schedule(input: ScheduleInput): ScheduleResult {
  const g = buildGraph(input);
  const { n, taskCount, predStart, pred } = g;
  const issues: ScheduleIssue[] = [];

  const calendars = nodeCalendars(g, input);
  const { inCycle, cycles } = findCycles(g);
  for (const ids of cycles) issues.push({ code: 'schedule.cycle', ids });
  const order = topologicalOrder(g, inCycle);

  const start = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const days = new Int32Array(n);
  const startFrom = new Uint8Array(n).fill(NO_START);

  for (let k = 0; k < n; k++) {
    const v = order[k];
    const cal = calendars[v];

    // Latest end among known predecessors; any predecessor without an end makes an
    // `after`-derived date unknown.
    let hasPred = false;
    let unknownPred = false;
    let latest = -Infinity;
    let latestPred = -1;
    for (let i = predStart[v]; i < predStart[v + 1]; i++) {
      const p = pred[i];
      hasPred = true;
      const e = end[p];
      if (e !== e) unknownPred = true;
      else if (e > latest) {
        latest = e;
        latestPred = p;
      }
    }

    if (v >= taskCount) {
      if (inCycle[v] === 1) continue;
      const m = g.milestones[v - taskCount];
      if (m.date !== undefined) {
        // A dated milestone is a commitment: it is never moved, only reported.
        end[v] = m.date;
        if (latestPred >= 0 && latest > m.date) {
          issues.push({ code: 'schedule.dependency-violated', id: m.id, predecessor: g.ids[latestPred], predecessorEnd: latest, start: m.date });
        }
      } else if (hasPred) {
        if (!unknownPred) end[v] = latest;
      } else {
        issues.push({ code: 'schedule.unscheduled', id: m.id });
      }
      continue;
    }

    const t = g.tasks[v];
    const d = cal.durationDays(t.duration) ?? 0;
    if (d === 0 && t.end === undefined) issues.push({ code: 'schedule.no-duration', id: t.id });
    if (inCycle[v] === 1) continue;

    // Start (FORMAT §5, in order of precedence).
    let s = NaN;
    let from = NO_START;
    if (t.start !== undefined) {
      s = cal.nextWorkday(t.start);
      from = 0;
      if (latestPred >= 0 && s <= latest) {
        issues.push({ code: 'schedule.dependency-violated', id: t.id, predecessor: g.ids[latestPred], predecessorEnd: latest, start: s });
      }
    } else if (t.end !== undefined && d > 0) {
      s = cal.subtractWorkdays(cal.prevWorkday(t.end), d);
      from = 2;
      if (latestPred >= 0 && latest >= s) {
        issues.push({ code: 'schedule.dependency-violated', id: t.id, predecessor: g.ids[latestPred], predecessorEnd: latest, start: s });
      }
    } else if (hasPred) {
      if (!unknownPred) {
        s = cal.nextWorkday(latest + 1);
        from = 1;
      }
    } else if (t.planStart !== undefined) {
      s = cal.nextWorkday(t.planStart);
      from = 3;
    } else if (input.projectStart !== undefined) {
      s = cal.nextWorkday(input.projectStart);
      from = 4;
    } else {
      issues.push({ code: 'schedule.unscheduled', id: t.id });
    }
    if (s !== s) continue;
    start[v] = s;
    startFrom[v] = from;

    // End.
    let e = NaN;
    if (t.end !== undefined) {
      const written = cal.prevWorkday(t.end);
      if (written < s) {
        issues.push({ code: 'schedule.overspecified', id: t.id, expected: d, actual: 0, reason: 'end-before-start' });
      } else {
        e = written;
        const occupied = cal.countWorkdays(s, e);
        if (d > 0 && d !== occupied) {
          issues.push({ code: 'schedule.overspecified', id: t.id, expected: d, actual: occupied, reason: 'mismatch' });
        }
      }
    } else if (d > 0) {
      e = cal.addWorkdays(s, d);
    }
    if (e !== e) continue;
    end[v] = e;
    days[v] = cal.countWorkdays(s, e);
  }

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
      startFrom: startFrom[v] === NO_START ? undefined : START_FROM[startFrom[v]],
    });
  }
  const milestones = new Map<string, ScheduledMilestone>();
  for (let v = taskCount; v < n; v++) {
    const date = end[v];
    milestones.set(g.ids[v], { id: g.ids[v], date: date === date ? date : undefined });
  }

  const loadDates = { start, end, calendars };
  const owners = ownersOf(g, loadDates);
  issues.push(...findOverallocation(g, loadDates, owners, input.capacity));
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
