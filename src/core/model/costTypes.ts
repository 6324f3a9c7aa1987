import type { FilePath } from './types.js';

/**
 * Cost and earned-value sums of one task or one roll-up (plan, feature, goal), unrounded.
 * Outputs round them to 2 decimals; ratios are computed from these sums, never from
 * rounded figures.
 */
export interface CostFigures {
  /** Planned cost (BAC). */
  cost: number;
  /** Planned value as of today. */
  pv: number;
  /** Earned value as of today. */
  ev: number;
  /** Actual cost: the sum of `spent`. */
  ac: number;
  /** Earned value of the tasks that have `spent` only: CPI's numerator. */
  evSpent: number;
  /** How many tasks (or shares of tasks) with `spent` went into `ac`; 0: CPI is null. */
  spentTasks: number;
  /** Planned person-days (working days × owners' allocations), for RICE effort. */
  personDays: number;
}

/** One task's figures and what they were computed from. */
export interface TaskCost extends CostFigures {
  id: string;
  /** Working days costed (0 when the task has neither dates nor a duration). */
  days: number;
  /** Distinct existing features it delivers: its figures are shared among them. */
  featureCount: number;
  /** Owners with no rate when the workspace has rates but no default (for `budget.no-rate`). */
  unratedOwners: string[];
}

/** Cost figures of a whole workspace (docs/format.md, cost and budget). */
export interface CostResult {
  readonly tasks: ReadonlyMap<string, TaskCost>;
  readonly features: ReadonlyMap<string, CostFigures>;
  readonly goals: ReadonlyMap<string, CostFigures>;
  /** Per plan document: the files that define tasks or set a front-matter budget, by path. */
  readonly plans: ReadonlyMap<FilePath, CostFigures>;
}

/** SPI, CPI and EAC of a set of figures; null where a divisor is 0 (EAC is BAC without a CPI). */
export interface CostRatios {
  spi: number | null;
  cpi: number | null;
  eac: number | null;
}
