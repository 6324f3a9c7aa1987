import type { Item, Status } from '../model/types.js';

/** Done or dropped: nothing more will happen, so it can be neither late nor at risk. */
export function isClosed(status: Status | undefined): boolean {
  return status === 'done' || status === 'dropped';
}

/**
 * Progress of one item in percent. `done` means 100 whatever `progress` says (a checked
 * box is the stronger statement); otherwise the written progress, else 0.
 */
export function itemProgress(item: Item): number {
  if (item.status === 'done') return 100;
  const p = item.progress;
  if (p === undefined || !Number.isFinite(p)) return 0;
  return Math.max(0, Math.min(100, p));
}
