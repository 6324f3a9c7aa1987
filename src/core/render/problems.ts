import type { Analysis } from '../analysis/types.js';
import type { Diagnostic, FilePath, Item, Position } from '../model/types.js';

/** Diagnostic codes that mean "this item finishes too late". */
export const LATE_CODES: ReadonlySet<string> = new Set(['schedule.overdue', 'schedule.milestone-missed', 'schedule.goal-late']);
/** Diagnostic codes that mean "someone on this item has too much work". */
export const OVERALLOCATED_CODES: ReadonlySet<string> = new Set(['resource.overallocated']);

/**
 * The final diagnostics grouped by the item they are about, so views can decorate a bar
 * or a card without scanning every diagnostic per item (which would be quadratic).
 *
 * Attribution, most precise first:
 * 1. `data.item` when it names a known item (the checker's own statement);
 * 2. `data.tasks` (a list of IDs) for diagnostics about several tasks at once, such as
 *    `resource.overallocated`; for that code the related locations count too, since they
 *    point at the other tasks that overload the owner;
 * 3. otherwise the innermost item whose source range contains the diagnostic's start.
 */
export function problemsByItem(analysis: Analysis): Map<string, Diagnostic[]> {
  const steps = problemsByItemSteps(analysis);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Diagnostics grouped between two yields of {@link problemsByItemSteps}. */
const PROBLEMS_STEP = 1_000;

/**
 * `problemsByItem` in steps, a yield every {@link PROBLEMS_STEP} diagnostics, for a host
 * that builds its views in slices (`core/live/slices.ts`): a workspace of tens of
 * thousands of problems must not hold the editor in one piece.
 */
export function* problemsByItemSteps(analysis: Analysis): Generator<void, Map<string, Diagnostic[]>, void> {
  const result = new Map<string, Diagnostic[]>();
  const locate = itemLocator(analysis);
  yield;
  let count = 0;
  // The items this diagnostic was already added to: a diagnostic is added to an item once.
  // (Searching the item's list instead is quadratic when one ID collects thousands, e.g.
  // a duplicated ID.)
  const addedTo = new Set<string>();
  const add = (id: string, d: Diagnostic): void => {
    if (addedTo.has(id)) return;
    addedTo.add(id);
    const list = result.get(id);
    if (list === undefined) result.set(id, [d]);
    else list.push(d);
  };

  for (const d of analysis.diagnostics) {
    if (++count % PROBLEMS_STEP === 0) yield;
    addedTo.clear();
    const data = d.data;
    let attributed = false;
    if (data && typeof data.item === 'string' && analysis.items.has(data.item)) {
      add(data.item, d);
      attributed = true;
    }
    const tasks = data?.['tasks'];
    if (Array.isArray(tasks)) {
      for (const id of tasks) {
        if (typeof id === 'string' && analysis.items.has(id)) {
          add(id, d);
          attributed = true;
        }
      }
    }
    if (OVERALLOCATED_CODES.has(d.code)) {
      for (const r of d.related) {
        const id = locate(r.file, r.range.start);
        if (id !== undefined) {
          add(id, d);
          attributed = true;
        }
      }
    }
    if (!attributed) {
      const id = locate(d.file, d.range.start);
      if (id !== undefined) add(id, d);
    }
  }
  return result;
}

/**
 * A function from a source position to the innermost item containing it. Items are
 * indexed per file by start position once; each lookup is a binary search plus a walk
 * up the enclosing items.
 */
function itemLocator(analysis: Analysis): (file: FilePath, pos: Position) => string | undefined {
  const byFile = new Map<FilePath, Item[]>();
  for (const item of analysis.items.values()) {
    const list = byFile.get(item.file);
    if (list === undefined) byFile.set(item.file, [item]);
    else list.push(item);
  }
  // parent[i]: the innermost earlier item enclosing item i (-1 for none). Item ranges nest
  // or are disjoint, so a stack over the start-sorted list finds it in linear time, and a
  // lookup follows at most "nesting depth" links instead of scanning back over siblings.
  const indexed = new Map<FilePath, { items: Item[]; parent: Int32Array }>();
  for (const [file, list] of byFile) {
    list.sort((a, b) => comparePos(a.range.start, b.range.start));
    const parent = new Int32Array(list.length);
    const stack: number[] = [];
    for (let i = 0; i < list.length; i++) {
      while (stack.length > 0 && comparePos(list[stack[stack.length - 1]].range.end, list[i].range.start) < 0) stack.pop();
      parent[i] = stack.length > 0 ? stack[stack.length - 1] : -1;
      stack.push(i);
    }
    indexed.set(file, { items: list, parent });
  }

  return (file, pos) => {
    const entry = indexed.get(file);
    if (entry === undefined) return undefined;
    const { items, parent } = entry;
    // Last item starting at or before pos.
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePos(items[mid].range.start, pos) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i = parent[i]) {
      if (comparePos(pos, items[i].range.end) <= 0) return items[i].id;
    }
    return undefined;
  };
}

function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when any of the diagnostics has one of the codes. */
export function hasCode(diagnostics: readonly Diagnostic[] | undefined, codes: ReadonlySet<string>): boolean {
  return diagnostics !== undefined && diagnostics.some((d) => codes.has(d.code));
}
