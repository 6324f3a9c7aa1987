import type { FileResult, Item } from './types.js';

/**
 * What the last comparison found, per new parse result: the previous result it was
 * compared with and whether their items were equal. The analysis asks the same question
 * the workspace just answered; remembering it halves the cost of an edit in a large plan.
 */
const verdicts = new WeakMap<FileResult, { previous: FileResult; equal: boolean }>();

/**
 * Whether two parses of a file define exactly the same items (same order, same fields,
 * same ranges). Compares item by item and stops at the first difference, so an edit in
 * the middle of a 1,000-task plan serialises about half of it, once.
 */
export function sameFileItems(previous: FileResult, next: FileResult): boolean {
  if (previous.items === next.items) return true;
  const known = verdicts.get(next);
  if (known && known.previous === previous) return known.equal;
  const equal = itemsEqual(previous.items, next.items);
  verdicts.set(next, { previous, equal });
  return equal;
}

function itemsEqual(a: readonly Item[], b: readonly Item[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  }
  return true;
}
