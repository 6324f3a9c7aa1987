import type { CalendarSpec, DayNumber, ItemKind, Severity } from '../model/types.js';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** `.specline.yml` after validation, with defaults filled in (FORMAT §6). */
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
