import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber } from '../model/types.js';
import type { FeatureHealth, HealthContext, HealthLevel } from './health.js';
import { createHealthContext, featureHealth, HEALTH_LABEL } from './health.js';

/** The result of {@link goalHealth}: a {@link FeatureHealth}-like verdict plus the feature tally. */
export interface GoalHealth {
  level: HealthLevel;
  label: string;
  /** Plain-text explanations (IDs, dates and counts only: no user text), worst first. */
  reasons: string[];
  /** The goal's own deadline: the earlier of its target and its dated horizon. */
  deadline?: DayNumber;
  /** Features serving the goal, dropped ones not counted. */
  features: number;
  /** Of those, how many are done. */
  done: number;
  late: number;
  atRisk: number;
}

/** How many feature IDs a reason names before "and N more". */
const MAX_LISTED = 3;

/**
 * The health of a goal: the worst health of the features that serve it, plus its own
 * deadline. Worst means late, then at risk; a goal whose open features are all on track
 * (or some not planned yet) is on track; one whose features are all not planned is not
 * planned; one whose features are all done (or whose status is done) is done.
 *
 * Its own deadline adds what no feature can say: a goal with a deadline and no feature
 * is at risk (late once the deadline has passed), and a goal whose deadline has passed
 * with features still open is late even when those features have no date of their own.
 *
 * `features` may pass the health already computed for some features (the roadmap has it
 * for its cards), so each feature's health is computed once.
 */
export function goalHealth(analysis: Analysis, goalId: string, context?: HealthContext, features?: ReadonlyMap<string, FeatureHealth>): GoalHealth {
  const ctx = context ?? createHealthContext(analysis);
  const item = analysis.items.get(goalId);
  const info = analysis.goals.get(goalId);
  const deadline = info?.deadline;
  const healths: { id: string; health: FeatureHealth }[] = [];
  for (const id of new Set(info?.features ?? [])) {
    if (analysis.items.get(id)?.status === 'dropped') continue;
    healths.push({ id, health: features?.get(id) ?? featureHealth(analysis, id, ctx) });
  }
  const ids = (level: HealthLevel): string[] => healths.filter((h) => h.health.level === level).map((h) => h.id);
  const late = ids('late');
  const atRisk = ids('at-risk');
  const onTrack = ids('on-track');
  const unplanned = ids('unplanned');
  const done = ids('done');
  const tally = { deadline, features: healths.length, done: done.length, late: late.length, atRisk: atRisk.length };
  const verdict = (level: HealthLevel, reasons: string[]): GoalHealth => ({ level, label: HEALTH_LABEL[level], reasons, ...tally });

  if (item?.status === 'dropped') return verdict('dropped', []);
  if (item?.status === 'done') return verdict('done', []);
  if (healths.length > 0 && done.length === healths.length) return verdict('done', []);

  const open = healths.length - done.length;
  const passed = deadline !== undefined && deadline < ctx.today;
  const lateReasons: string[] = [];
  const riskReasons: string[] = [];
  if (healths.length === 0) {
    if (passed) lateReasons.push(`its deadline ${formatDate(deadline)} has passed and no feature serves it`);
    else if (deadline !== undefined) riskReasons.push(`no feature serves it before its deadline ${formatDate(deadline)}`);
  } else if (passed) {
    lateReasons.push(`its deadline ${formatDate(deadline)} has passed with ${open} feature${open === 1 ? '' : 's'} open`);
  }
  if (late.length > 0) lateReasons.push(`${late.length === 1 ? 'feature' : 'features'} ${listIds(late)} ${late.length === 1 ? 'is' : 'are'} late`);
  if (atRisk.length > 0) riskReasons.push(`${atRisk.length === 1 ? 'feature' : 'features'} ${listIds(atRisk)} ${atRisk.length === 1 ? 'is' : 'are'} at risk`);

  if (lateReasons.length > 0) return verdict('late', [...lateReasons, ...riskReasons]);
  if (riskReasons.length > 0) return verdict('at-risk', riskReasons);
  if (onTrack.length > 0) {
    return verdict('on-track', unplanned.length > 0 ? [`${listIds(unplanned)} ${unplanned.length === 1 ? 'has' : 'have'} no scheduled task yet`] : []);
  }
  return verdict('unplanned', [healths.length === 0 ? 'no feature serves it yet' : 'no feature of it has a scheduled task']);
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}
