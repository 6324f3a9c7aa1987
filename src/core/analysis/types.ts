import type { SpeclineConfig } from '../model/configTypes.js';
import type { DayNumber, Diagnostic, FilePath, FileResult, Item } from '../model/types.js';
import type { ScheduleResult } from '../schedule/types.js';
import type { CostResult } from '../model/costTypes.js';
import type { Baseline } from '../model/baselineTypes.js';

/** Roll-up of one feature: what traces to it and when it happens (docs/format.md#traceability and #scheduling). */
export interface FeatureInfo {
  id: string;
  /** Goals it names that exist and are goals. */
  goals: string[];
  /** Tasks that name it in `features:`. */
  tasks: string[];
  /** Milestones that name it in `features:`, and the one its `milestone:` names. */
  milestones: string[];
  /** Earliest start / latest end of its scheduled tasks. */
  start?: DayNumber;
  end?: DayNumber;
  /** Links to at least one goal and at least one task links to it. */
  traced: boolean;
  /** At least one of its tasks has computable dates. */
  scheduled: boolean;
  /** Completed working days over total working days of its scheduled tasks, 0–100. */
  progress?: number;
}

export interface GoalInfo {
  id: string;
  /** Features that name this goal. */
  features: string[];
  /** The last day the goal allows: the earlier of its target and its dated horizon. */
  deadline?: DayNumber;
}

/** Everything Specline knows about a workspace at one moment: the input of every view. */
export interface Analysis {
  config: SpeclineConfig;
  /** The date "today" was taken to be. */
  today: DayNumber;
  readonly files: ReadonlyMap<FilePath, FileResult>;
  /** The first definition of each ID (in file order); duplicates are in `definitions`. */
  readonly items: ReadonlyMap<string, Item>;
  readonly definitions: ReadonlyMap<string, readonly Item[]>;
  readonly features: ReadonlyMap<string, FeatureInfo>;
  readonly goals: ReadonlyMap<string, GoalInfo>;
  readonly schedule: ScheduleResult;
  /**
   * Cost and earned value (docs/format.md, cost and budget), computed once per analysis.
   * Optional for analyses built elsewhere: read it through `analysisCost()`.
   */
  cost?: CostResult;
  /**
   * The plan at the configured `baseline:` revision, when it could be read: hovers and the
   * Plan Explorer show each item's baseline date and slip from it.
   */
  baseline?: Baseline;
  /** Final diagnostics: severities from the config applied, `off` and suppressed ones removed, sorted by file and position. */
  diagnostics: Diagnostic[];
}
