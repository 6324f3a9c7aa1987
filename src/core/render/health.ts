import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber, Diagnostic } from '../model/types.js';
import type { WorkCalendar } from './calendar.js';
import { workCalendar } from './calendar.js';
import { problemsByItem } from './problems.js';
import { isClosed } from './progress.js';

/**
 * How a feature is doing, worst first when sorting by `HEALTH_ORDER`:
 * - `late`: its scheduled end is after its deadline (its own target or a goal's
 *   deadline), or the deadline has passed with no end in sight;
 * - `at-risk`: it ends within {@link AT_RISK_MARGIN} working days of the deadline, a task
 *   of it is overdue or blocked, it is blocked itself, it misses a milestone, or it has a
 *   deadline but no scheduled task;
 * - `on-track`: scheduled, and none of the above;
 * - `unplanned`: no scheduled task and no deadline: nothing to be late against;
 * - `done` / `dropped`: closed, so never late or at risk.
 */
export type HealthLevel = 'late' | 'at-risk' | 'on-track' | 'unplanned' | 'done' | 'dropped';

/** Display order: what needs attention first. */
export const HEALTH_ORDER: Readonly<Record<HealthLevel, number>> = {
  late: 0, 'at-risk': 1, 'on-track': 2, unplanned: 3, done: 4, dropped: 5,
};

/** Words a manager would write. */
export const HEALTH_LABEL: Readonly<Record<HealthLevel, string>> = {
  late: 'Late', 'at-risk': 'At risk', 'on-track': 'On track', unplanned: 'Not planned', done: 'Done', dropped: 'Dropped',
};

/** A feature ending this many working days or fewer before its deadline is at risk. */
export const AT_RISK_MARGIN = 5;

/** The result of {@link featureHealth}. */
export interface FeatureHealth {
  level: HealthLevel;
  label: string;
  /** Plain-text explanations (IDs, dates and counts only: no user text), worst first. */
  reasons: string[];
  /** The feature's scheduled end. */
  end?: DayNumber;
  /** The earliest of its own target and its goals' deadlines. */
  deadline?: DayNumber;
  /** Where the deadline comes from: the feature's ID (own target) or a goal's ID. */
  deadlineFrom?: string;
  /** Working days from the end to the deadline (negative when late). */
  slack?: number;
}

/**
 * What health needs besides the analysis, built once and shared across features so a
 * roadmap or report stays linear. Build it with {@link createHealthContext}.
 */
export interface HealthContext {
  calendar: WorkCalendar;
  problems: Map<string, Diagnostic[]>;
  today: DayNumber;
}

/**
 * Indexes the analysis for repeated {@link featureHealth} calls; `problems`, when the
 * caller has grouped them already (`problemsByItem`), is used as it is.
 */
export function createHealthContext(analysis: Analysis, today: DayNumber = analysis.today, problems?: Map<string, Diagnostic[]>): HealthContext {
  return { calendar: workCalendar(analysis.config.calendar), problems: problems ?? problemsByItem(analysis), today };
}

/** How many overdue/blocked task IDs a reason names before "and N more". */
const MAX_LISTED = 3;

/**
 * The health of one feature (see {@link HealthLevel}). Pass a context from
 * {@link createHealthContext} when calling it for many features; without one, one is
 * built on the spot (linear in the diagnostics).
 */
export function featureHealth(analysis: Analysis, featureId: string, context?: HealthContext): FeatureHealth {
  const ctx = context ?? createHealthContext(analysis);
  const item = analysis.items.get(featureId);
  const info = analysis.features.get(featureId);
  if (item?.status === 'dropped') return { level: 'dropped', label: HEALTH_LABEL.dropped, reasons: [], end: info?.end };

  const tasks = (info?.tasks ?? []).map((id) => analysis.items.get(id)).filter((t) => t !== undefined);
  const openTasks = tasks.filter((t) => !isClosed(t.status));
  if (item?.status === 'done' || (tasks.length > 0 && openTasks.length === 0 && tasks.some((t) => t.status === 'done'))) {
    return { level: 'done', label: HEALTH_LABEL.done, reasons: [], end: info?.end };
  }

  // Deadline: the earliest of the feature's own target and its goals' deadlines.
  let deadline: DayNumber | undefined;
  let deadlineFrom: string | undefined;
  if (item?.target !== undefined) {
    deadline = item.target;
    deadlineFrom = featureId;
  }
  for (const goalId of info?.goals ?? []) {
    const d = analysis.goals.get(goalId)?.deadline;
    if (d !== undefined && (deadline === undefined || d < deadline)) {
      deadline = d;
      deadlineFrom = goalId;
    }
  }
  const end = info?.scheduled ? info.end : undefined;
  const late: string[] = [];
  const risk: string[] = [];
  let slack: number | undefined;
  const whose = deadlineFrom === featureId ? 'its target' : `${deadlineFrom}'s deadline`;

  if (deadline !== undefined && end !== undefined) {
    if (end > deadline) {
      slack = -ctx.calendar.countWorkingDays(deadline + 1, end);
      late.push(`ends ${formatDate(end)}, ${-slack} working day${slack === -1 ? '' : 's'} after ${whose} ${formatDate(deadline)}`);
    } else {
      slack = ctx.calendar.countWorkingDays(end + 1, deadline);
      if (slack <= AT_RISK_MARGIN) {
        risk.push(`ends ${formatDate(end)}, ${slack} working day${slack === 1 ? '' : 's'} before ${whose} ${formatDate(deadline)}`);
      }
    }
  } else if (deadline !== undefined) {
    if (deadline < ctx.today) late.push(`${whose} ${formatDate(deadline)} has passed and no task is scheduled`);
    else risk.push(`no scheduled task before ${whose} ${formatDate(deadline)}`);
  }

  const own = ctx.problems.get(featureId) ?? [];
  if (late.length === 0 && own.some((d) => d.code === 'schedule.goal-late')) late.push('reported late against a goal or target');
  if (own.some((d) => d.code === 'schedule.milestone-missed')) risk.push('misses a milestone');
  if (item?.status === 'blocked') risk.push('the feature is blocked');

  const overdue: string[] = [];
  const blocked: string[] = [];
  for (const t of openTasks) {
    const taskEnd = analysis.schedule.tasks.get(t.id)?.end;
    if ((taskEnd !== undefined && taskEnd < ctx.today) || (ctx.problems.get(t.id) ?? []).some((d) => d.code === 'schedule.overdue')) overdue.push(t.id);
    if (t.status === 'blocked') blocked.push(t.id);
  }
  if (overdue.length > 0) risk.push(`${overdue.length === 1 ? 'task' : 'tasks'} ${listIds(overdue)} ${overdue.length === 1 ? 'is' : 'are'} overdue`);
  if (blocked.length > 0) risk.push(`${blocked.length === 1 ? 'task' : 'tasks'} ${listIds(blocked)} ${blocked.length === 1 ? 'is' : 'are'} blocked`);

  let level: HealthLevel;
  let reasons: string[];
  if (late.length > 0) [level, reasons] = ['late', [...late, ...risk]];
  else if (risk.length > 0) [level, reasons] = ['at-risk', risk];
  else if (end === undefined) [level, reasons] = ['unplanned', ['no scheduled task and no deadline']];
  else [level, reasons] = ['on-track', []];
  return { level, label: HEALTH_LABEL[level], reasons, end: info?.end, deadline, deadlineFrom, slack };
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}
