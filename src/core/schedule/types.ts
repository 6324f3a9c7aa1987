import type { CalendarSpec, DayNumber, Duration } from '../model/types.js';

/**
 * The scheduler's input: a plain graph, decoupled from Markdown. The checker builds it
 * from the index (links already resolved: every `after` entry names a task or milestone
 * that exists), and maps the result back to items and diagnostics.
 */
export interface ScheduleInput {
  /** The project calendar (`.specline.yml`), already merged with defaults. */
  calendar: Required<CalendarSpec>;
  /** Extra calendars by key (a plan document's own calendar, already merged with the project's). */
  calendars?: Map<string, Required<CalendarSpec>>;
  /** Project default start (`.specline.yml` `start`). */
  projectStart?: DayNumber;
  tasks: ScheduleTask[];
  milestones: ScheduleMilestone[];
  /** Capacity in percent: default and per owner. */
  capacity: { default: number; owners: Map<string, number> };
}

export interface ScheduleTask {
  id: string;
  /** The document that defines it: the critical path is computed per document. */
  doc: string;
  /** Key into `calendars`; the project calendar when undefined or unknown. */
  calendar?: string;
  start?: DayNumber;
  end?: DayNumber;
  duration?: Duration;
  /** Predecessors (task or milestone IDs), finish-to-start. Unknown IDs are ignored. */
  after: string[];
  /** The plan document's front-matter start. */
  planStart?: DayNumber;
  owners: string[];
  /** Percent, default 100. */
  allocation?: number;
  /**
   * Dates computed elsewhere (a mermaid gantt chart, by mermaid's rules): `start` and `end`
   * are kept as they are, never moved to a working day, and a task without them is left
   * undated without a problem of its own (the chart's diagnostics say why).
   */
  fixed?: boolean;
}

export interface ScheduleMilestone {
  id: string;
  doc: string;
  calendar?: string;
  date?: DayNumber;
  after: string[];
  /** The date comes from a mermaid gantt chart; without one the milestone is left undated quietly. */
  fixed?: boolean;
}

export interface ScheduledTask {
  id: string;
  /** Undefined when the start cannot be computed. */
  start?: DayNumber;
  /** Undefined when the end cannot be computed (no duration, unscheduled, cycle). */
  end?: DayNumber;
  /** Working days occupied, when start and end are known. */
  duration?: number;
  /** Total float in working days (negative when a constraint makes it late); undefined when unscheduled. */
  float?: number;
  critical: boolean;
  /** How the start was found. */
  startFrom?: 'start' | 'after' | 'end' | 'plan' | 'project';
}

export interface ScheduledMilestone {
  id: string;
  date?: DayNumber;
}

/** Problems the scheduler finds; the checker turns them into diagnostics. */
export type ScheduleIssue =
  | { code: 'schedule.cycle'; ids: string[] }
  | { code: 'schedule.unscheduled'; id: string }
  | { code: 'schedule.no-duration'; id: string }
  | { code: 'schedule.dependency-violated'; id: string; predecessor: string; predecessorEnd: DayNumber; start: DayNumber }
  | { code: 'schedule.overspecified'; id: string; expected: number; actual: number; reason: 'mismatch' | 'end-before-start' }
  | { code: 'resource.overallocated'; owner: string; capacity: number; days: Array<{ from: DayNumber; to: DayNumber; load: number }>; tasks: string[] };

export interface ScheduleResult {
  readonly tasks: ReadonlyMap<string, ScheduledTask>;
  readonly milestones: ReadonlyMap<string, ScheduledMilestone>;
  readonly issues: readonly ScheduleIssue[];
  /** Per owner: contiguous runs of days with a constant load, for load charts. */
  readonly load: ReadonlyMap<string, Array<{ from: DayNumber; to: DayNumber; load: number; tasks: string[] }>>;
}
