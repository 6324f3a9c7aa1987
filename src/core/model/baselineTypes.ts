import type { DayNumber, Item } from './types.js';

// The baseline's shape lives with the model so that an Analysis can carry one (hovers and
// the Plan Explorer read it) without the analysis type depending on the comparison code.

/** Where an item was, and when it happened, in the baseline. */
export interface BaselineEntry {
  start?: DayNumber;
  /** The last day (tasks, features) or the date (milestones). */
  end?: DayNumber;
  /** The item as defined at the baseline revision: its file and range there. */
  item: Item;
}

/**
 * The plan as it was at a git revision, reduced to what comparisons read: the computed
 * dates of every task, milestone and feature. Taken once per revision and kept, so a
 * baseline never holds on to a whole old analysis.
 */
export interface Baseline {
  /** The revision as the user wrote it (`v1.0`, `HEAD~3`). */
  ref: string;
  /** The full commit hash it resolved to. */
  commit: string;
  tasks: ReadonlyMap<string, BaselineEntry>;
  milestones: ReadonlyMap<string, BaselineEntry>;
  features: ReadonlyMap<string, BaselineEntry>;
  /** Goals as they were (no dates of their own: the status report compares their status). */
  goals: ReadonlyMap<string, BaselineEntry>;
}
