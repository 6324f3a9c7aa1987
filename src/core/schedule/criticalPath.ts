import type { WorkCalendar } from './calendar.js';
import type { ScheduleGraph } from './graph.js';

/** What the backward pass needs from the forward pass, per node (NaN = unknown). */
export interface ForwardDates {
  /** Tasks: last working day; milestones: the date. */
  end: Float64Array;
  /** Tasks: working days occupied (start to end); 0 when not both known. */
  days: Int32Array;
  /** The calendar each node is scheduled in. */
  calendars: WorkCalendar[];
}

/**
 * Total float of every task, in working days, by a backward pass in reverse topological
 * order (docs/format.md#critical-path-and-float: the critical path is per document).
 *
 * Each document has its own project end PE, the latest end among its scheduled tasks, and
 * only edges with both ends in the same document are followed, so a plan's critical path is
 * not decided by another team's file. Late finish LF: PE for a task with no constraining
 * same-document successor, else the minimum over successors s of the day before s's late
 * start (a task) or s's late date (a milestone). Successors without a late finish (not
 * scheduled, in a cycle) do not constrain. A milestone's late date is computed the same way.
 *
 * @returns float per node: NaN for milestones and for tasks without both start and end.
 */
export function computeFloat(g: ScheduleGraph, order: Int32Array, dates: ForwardDates): Float64Array {
  const { n, taskCount, succStart, succ } = g;
  const { end, days, calendars } = dates;

  const docIndex = new Map<string, number>();
  const docOf = new Int32Array(n);
  // Tasks of one document usually come together: skip the Map lookup while the doc repeats.
  let lastDoc: string | undefined;
  let last = -1;
  for (let v = 0; v < n; v++) {
    const doc = v < taskCount ? g.tasks[v].doc : g.milestones[v - taskCount].doc;
    if (doc !== lastDoc) {
      let d = docIndex.get(doc);
      if (d === undefined) {
        d = docIndex.size;
        docIndex.set(doc, d);
      }
      lastDoc = doc;
      last = d;
    }
    docOf[v] = last;
  }
  const projectEnd = new Float64Array(docIndex.size).fill(NaN);
  for (let v = 0; v < taskCount; v++) {
    const e = end[v];
    const pe = projectEnd[docOf[v]];
    if (e === e && !(pe >= e)) projectEnd[docOf[v]] = e;
  }

  const lateFinish = new Float64Array(n).fill(NaN);
  const float = new Float64Array(n).fill(NaN);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k];
    const e = end[v];
    // Unscheduled nodes (including cycle members, whose end is NaN) have no late finish.
    if (e !== e) continue;
    const cal = calendars[v];
    const doc = docOf[v];
    let lf = Infinity;
    for (let i = succStart[v]; i < succStart[v + 1]; i++) {
      const s = succ[i];
      const lfs = lateFinish[s];
      if (docOf[s] !== doc || lfs !== lfs) continue;
      const bound = s < taskCount ? cal.prevWorkday(calendars[s].subtractWorkdays(lfs, days[s]) - 1) : lfs;
      if (bound < lf) lf = bound;
    }
    if (lf === Infinity) lf = projectEnd[doc];
    lateFinish[v] = lf;
    if (v < taskCount && lf === lf) {
      float[v] = lf >= e ? cal.countWorkdays(e + 1, lf) : -cal.countWorkdays(lf + 1, e);
    }
  }
  return float;
}
