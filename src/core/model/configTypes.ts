import type { CalendarSpec, DayNumber, ItemKind, Range, Severity } from './types.js';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** `.specline.yml` after validation, with defaults filled in (docs/format.md#configuration). */
export interface SpeclineConfig {
  /** Prefix → kind. Built from `kinds`, defaults when absent. */
  prefixes: Map<string, ItemKind>;
  include: string[];
  exclude: string[];
  start?: DayNumber;
  calendar: Required<CalendarSpec>;
  /** Percent capacity per `@owner`, and the default. */
  capacity: { default: number; owners: Map<string, number> };
  /** Code → level overrides. */
  rules: Map<string, RuleLevel>;
  /** `baseline:`: the git revision the plan is compared with, and where it is written (for a warning when it cannot be read). */
  baseline?: { ref: string; range: Range };
  /** `slip-tolerance:` working days a milestone or feature may slip before `schedule.slipped` (default 0). */
  slipTolerance?: number;
  /**
   * `follow-links`: read files and folders that symbolic links inside the workspace lead
   * to outside it. Off by default, so nothing outside the root is read unasked.
   */
  followLinks?: boolean;
  /** The workspace currency (`EUR`): money in another currency is invalid. Display only otherwise. */
  currency?: string;
  /** Cost of one working day at 100% allocation: per `@owner`, and the default for everyone else. Undefined: nothing is costed but fixed costs. */
  rates?: { default?: number; owners: Map<string, number> };
}

export const DEFAULT_KINDS: Record<ItemKind, string[]> = {
  goal: ['G', 'GOAL', 'OKR'],
  feature: ['FEAT', 'F', 'EPIC'],
  task: ['T', 'TASK'],
  milestone: ['M', 'MS'],
  risk: ['R', 'RISK'],
  persona: ['P', 'PERSONA'],
};
