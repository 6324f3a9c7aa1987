import type { WorkCalendar } from './calendar.js';
import type { ScheduleGraph } from './graph.js';
import type { ScheduledTask, ScheduleInput, ScheduleIssue } from './types.js';

type StartFrom = NonNullable<ScheduledTask['startFrom']>;

/** Dates per node (NaN = unknown); for milestones `end` is the date. */
export interface ForwardResult {
  start: Float64Array;
  end: Float64Array;
  /** Working days a task occupies, when start and end are known; else 0. */
  days: Int32Array;
  startFrom: Array<StartFrom | undefined>;
}

/**
 * The forward pass: start and end of every task and the date of every milestone, each node
 * visited once in topological order, so every predecessor is final when it is read
 * (docs/format.md#scheduling, made precise in `schedule()`'s documentation). Problems found on the way are
 * appended to `issues`.
 */
export function forwardPass(
  g: ScheduleGraph,
  input: ScheduleInput,
  calendars: WorkCalendar[],
  inCycle: Uint8Array,
  order: Int32Array,
  issues: ScheduleIssue[],
): ForwardResult {
  const { n, taskCount, predStart, pred } = g;
  const start = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const days = new Int32Array(n);
  const startFrom = new Array<StartFrom | undefined>(n).fill(undefined);

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
      } else if (!m.fixed) {
        issues.push({ code: 'schedule.unscheduled', id: m.id });
      }
      continue;
    }

    const t = g.tasks[v];
    if (t.fixed) {
      if (t.start !== undefined && t.end !== undefined && inCycle[v] !== 1) {
        start[v] = t.start;
        end[v] = t.end;
        days[v] = cal.countWorkdays(t.start, t.end);
      }
      continue;
    }
    const d = cal.durationDays(t.duration) ?? 0;
    if (d === 0 && t.end === undefined) issues.push({ code: 'schedule.no-duration', id: t.id });
    if (inCycle[v] === 1) continue;

    // Start (in the order of precedence of docs/format.md#task-dates).
    let s = NaN;
    let from: StartFrom | undefined;
    if (t.start !== undefined) {
      s = cal.nextWorkday(t.start);
      from = 'start';
      if (latestPred >= 0 && s <= latest) {
        issues.push({ code: 'schedule.dependency-violated', id: t.id, predecessor: g.ids[latestPred], predecessorEnd: latest, start: s });
      }
    } else if (t.end !== undefined && d > 0) {
      s = cal.subtractWorkdays(cal.prevWorkday(t.end), d);
      from = 'end';
      if (latestPred >= 0 && latest >= s) {
        issues.push({ code: 'schedule.dependency-violated', id: t.id, predecessor: g.ids[latestPred], predecessorEnd: latest, start: s });
      }
    } else if (hasPred) {
      if (!unknownPred) {
        s = cal.nextWorkday(latest + 1);
        from = 'after';
      }
    } else if (t.planStart !== undefined) {
      s = cal.nextWorkday(t.planStart);
      from = 'plan';
    } else if (input.projectStart !== undefined) {
      s = cal.nextWorkday(input.projectStart);
      from = 'project';
    } else {
      issues.push({ code: 'schedule.unscheduled', id: t.id });
    }
    if (s !== s) continue;
    start[v] = s;
    startFrom[v] = from;

    // End.
    if (t.end !== undefined) {
      const e = cal.prevWorkday(t.end);
      if (e < s) {
        // Kept as a start without an end: which of the two is wrong is the writer's call.
        issues.push({ code: 'schedule.overspecified', id: t.id, expected: d, actual: 0, reason: 'end-before-start' });
        continue;
      }
      const occupied = cal.countWorkdays(s, e);
      if (d > 0 && d !== occupied) {
        issues.push({ code: 'schedule.overspecified', id: t.id, expected: d, actual: occupied, reason: 'mismatch' });
      }
      end[v] = e;
      days[v] = occupied;
    } else if (d > 0) {
      end[v] = cal.addWorkdays(s, d);
      days[v] = d;
    }
  }
  return { start, end, days, startFrom };
}
