/**
 * Orders IDs by UTF-16 code units, like `Array.prototype.sort()` with no comparator: locale
 * independent, so the scheduler's output (issue order, cycle order, task lists) is the same on
 * every machine.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
