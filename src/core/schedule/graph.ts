import type { ScheduleInput, ScheduleMilestone, ScheduleTask } from './types.js';

/**
 * The dependency graph with integer node indices, in compressed (CSR) adjacency arrays,
 * so the hot loops of the scheduler touch typed arrays instead of Maps of strings.
 *
 * Nodes `0 … taskCount-1` are tasks and `taskCount … n-1` milestones, both in input order.
 * An edge `p → v` means `v` is after `p` (finish-to-start).
 */
export interface ScheduleGraph {
  n: number;
  taskCount: number;
  ids: string[];
  tasks: ScheduleTask[];
  milestones: ScheduleMilestone[];
  index: Map<string, number>;
  /** Predecessors of v: pred[predStart[v] … predStart[v+1]-1], in `after` order. */
  predStart: Int32Array;
  pred: Int32Array;
  /** Successors of v: succ[succStart[v] … succStart[v+1]-1]. */
  succStart: Int32Array;
  succ: Int32Array;
}

/**
 * Builds the graph. An `after` entry that names no task or milestone is ignored (the checker
 * reports it as `ref.unknown`). When an ID is defined twice, the first definition is the one
 * scheduled and later ones are dropped: the checker reports `id.duplicate`, and the result
 * maps are keyed by ID, so there is nowhere to put a second answer.
 */
export function buildGraph(input: ScheduleInput): ScheduleGraph {
  const index = new Map<string, number>();
  const tasks: ScheduleTask[] = [];
  const milestones: ScheduleMilestone[] = [];
  const ids: string[] = [];
  // Indexed loops: for…of makes an iterator result per element in code not yet optimised.
  for (let k = 0; k < input.tasks.length; k++) {
    const t = input.tasks[k]!;
    if (index.has(t.id)) continue;
    index.set(t.id, ids.length);
    ids.push(t.id);
    tasks.push(t);
  }
  for (let k = 0; k < input.milestones.length; k++) {
    const m = input.milestones[k]!;
    if (index.has(m.id)) continue;
    index.set(m.id, ids.length);
    ids.push(m.id);
    milestones.push(m);
  }
  const taskCount = tasks.length;
  const n = ids.length;

  // Two passes over `after` (size, then fill) so the edge list is one typed array, not a
  // growing JS array: this is the hottest part of building a 100,000-task graph.
  let capacity = 0;
  for (let v = 0; v < n; v++) capacity += (v < taskCount ? tasks[v].after : milestones[v - taskCount].after).length;
  const predStart = new Int32Array(n + 1);
  const predAll = new Int32Array(capacity);
  let edges = 0;
  for (let v = 0; v < n; v++) {
    predStart[v] = edges;
    const after = v < taskCount ? tasks[v].after : milestones[v - taskCount].after;
    for (let i = 0; i < after.length; i++) {
      const p = index.get(after[i]);
      if (p !== undefined) predAll[edges++] = p;
    }
  }
  predStart[n] = edges;
  const pred = edges === capacity ? predAll : predAll.slice(0, edges);

  const succStart = new Int32Array(n + 1);
  for (let i = 0; i < pred.length; i++) succStart[pred[i] + 1]++;
  for (let v = 0; v < n; v++) succStart[v + 1] += succStart[v];
  const fill = succStart.slice(0, n);
  const succ = new Int32Array(pred.length);
  for (let v = 0; v < n; v++) {
    for (let i = predStart[v]; i < predStart[v + 1]; i++) succ[fill[pred[i]]++] = v;
  }

  return { n, taskCount, ids, tasks, milestones, index, predStart, pred, succStart, succ };
}
