import type { ScheduleGraph } from './graph.js';

/**
 * Kahn's algorithm: every node once, each after all of its predecessors. Edges into cycle
 * members are dropped first, which makes the rest acyclic, so cycle members and everything
 * downstream of them still get a place in the order: a task after a cycle may have its own
 * explicit start and must still be scheduled. Ties are taken in input order for a stable result.
 */
export function topologicalOrder(g: ScheduleGraph, inCycle: Uint8Array): Int32Array {
  const { n, predStart, succStart, succ } = g;
  const inDegree = new Int32Array(n);
  for (let v = 0; v < n; v++) inDegree[v] = inCycle[v] === 1 ? 0 : predStart[v + 1] - predStart[v];

  // The order array doubles as the FIFO queue: `head` reads, `tail` appends.
  const order = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) if (inDegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let i = succStart[v]; i < succStart[v + 1]; i++) {
      const w = succ[i];
      if (inCycle[w] === 0 && --inDegree[w] === 0) order[tail++] = w;
    }
  }
  if (tail !== n) throw new Error(`topologicalOrder: ${n - tail} nodes left after removing cycles (bug)`);
  return order;
}
