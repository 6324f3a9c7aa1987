import type { ScheduleGraph } from './graph.js';
import { compareIds } from './compareIds.js';

export interface CycleResult {
  /** inCycle[v] = 1 when node v is on a dependency cycle (and so cannot be scheduled). */
  inCycle: Uint8Array;
  /** One entry per cycle (strongly connected component of size > 1, or a self-loop), IDs in cycle order. */
  cycles: string[][];
}

/**
 * Finds every dependency cycle with Tarjan's strongly-connected-components algorithm,
 * written iteratively (an explicit call stack in typed arrays) so a 100,000-task chain cannot
 * overflow the JavaScript stack. O(nodes + edges).
 */
export function findCycles(g: ScheduleGraph): CycleResult {
  const { n, succStart, succ } = g;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const inCycle = new Uint8Array(n);
  const components: number[][] = [];
  let sp = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[0] = root;
    callEdge[0] = succStart[root];
    let cp = 1;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const e = callEdge[cp - 1];
      if (e < succStart[v + 1]) {
        callEdge[cp - 1] = e + 1;
        const w = succ[e];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[cp] = w;
          callEdge[cp] = succStart[w];
          cp++;
        } else if (onStack[w] === 1 && order[w] < low[v]) {
          low[v] = order[w];
        }
        continue;
      }
      cp--;
      if (low[v] === order[v]) {
        let from = sp - 1;
        while (stack[from] !== v) from--;
        if (sp - from > 1 || hasSelfLoop(g, v)) {
          const members = Array.from(stack.subarray(from, sp));
          for (const m of members) inCycle[m] = 1;
          components.push(members);
        }
        for (let i = from; i < sp; i++) onStack[stack[i]] = 0;
        sp = from;
      }
      if (cp > 0) {
        const u = callNode[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }

  const cycles = components.map((members) => cycleOrder(g, members));
  cycles.sort((a, b) => compareIds(a[0], b[0]));
  return { inCycle, cycles };
}

function hasSelfLoop(g: ScheduleGraph, v: number): boolean {
  for (let i = g.succStart[v]; i < g.succStart[v + 1]; i++) if (g.succ[i] === v) return true;
  return false;
}

/**
 * Lists a component's members in cycle order, starting from its smallest ID: each member
 * depends on the one before it, and the first on the last.
 *
 * A simple cycle through every member is what a reader wants ("T-1 → T-2 → T-3 → T-1").
 * Finding one is a Hamiltonian-cycle search, so it is tried by backtracking with a step
 * budget (linear for the usual plain cycle, where there is only one way round). A tangle of
 * cycles with no such route, or one too big to search, falls back to a depth-first walk that
 * still lists every member once and keeps dependency order wherever the walk goes forward.
 * Successors are tried in ID order, so the answer is stable.
 */
function cycleOrder(g: ScheduleGraph, members: number[]): string[] {
  const { ids, succStart, succ } = g;
  // Component-local numbering keeps the work O(size of the component), not O(graph).
  const local = new Map<number, number>();
  members.forEach((m, i) => local.set(m, i));
  let edges = 0;
  const next: number[][] = members.map((m) => {
    const out = new Set<number>();
    for (let i = succStart[m]; i < succStart[m + 1]; i++) {
      const w = local.get(succ[i]);
      if (w !== undefined) out.add(w);
    }
    edges += out.size;
    return [...out].sort((a, b) => compareIds(ids[members[a]], ids[members[b]]));
  });

  let first = 0;
  for (let i = 1; i < members.length; i++) if (compareIds(ids[members[i]], ids[members[first]]) < 0) first = i;

  const budget = Math.max(10_000, 4 * (members.length + edges));
  const order = simpleCycle(next, first, budget) ?? depthFirstOrder(next, first);
  return order.map((i) => ids[members[i]]);
}

/** A cycle through every node starting at `first`, by bounded backtracking; undefined if none found. */
function simpleCycle(next: number[][], first: number, budget: number): number[] | undefined {
  const size = next.length;
  const used = new Uint8Array(size);
  const path: number[] = [first];
  const pos: number[] = [0];
  used[first] = 1;
  for (let steps = 0; path.length > 0 && steps < budget; steps++) {
    const top = path.length - 1;
    const v = path[top];
    if (path.length === size && next[v].includes(first)) return path;
    if (path.length === size || pos[top] >= next[v].length) {
      used[v] = 0;
      path.pop();
      pos.pop();
      continue;
    }
    const w = next[v][pos[top]++];
    if (used[w] === 0) {
      used[w] = 1;
      path.push(w);
      pos.push(0);
    }
  }
  return undefined;
}

/** Every node reachable from `first` (the whole component), in depth-first preorder. */
function depthFirstOrder(next: number[][], first: number): number[] {
  const seen = new Uint8Array(next.length);
  const result: number[] = [first];
  const nodeStack: number[] = [first];
  const posStack: number[] = [0];
  seen[first] = 1;
  while (nodeStack.length > 0) {
    const top = nodeStack.length - 1;
    const v = nodeStack[top];
    if (posStack[top] >= next[v].length) {
      nodeStack.pop();
      posStack.pop();
      continue;
    }
    const w = next[v][posStack[top]++];
    if (seen[w] === 0) {
      seen[w] = 1;
      result.push(w);
      nodeStack.push(w);
      posStack.push(0);
    }
  }
  return result;
}
