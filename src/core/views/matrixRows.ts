import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { TraceFeature, TraceGoal, TraceMatrix, TraceTask } from '../render/traceMatrix.js';
import type { MatrixOrder } from './matrixOptions.js';
import type { MatrixViewOptions } from './matrixViewOptions.js';
import { NO_GOAL } from './matrixViewOptions.js';

/** Why a feature row is a gap; empty when it is fine (or dropped). */
export function featureGaps(f: TraceFeature): string[] {
  if (f.status === 'dropped') return [];
  const gaps: string[] = [];
  if (f.goals.length === 0) gaps.push('no goal');
  if (f.tasks.length === 0) gaps.push('no tasks');
  else if (!f.scheduled) gaps.push('not scheduled');
  return gaps;
}

/** One row of the table, before rendering. */
export type MatrixRow =
  | { kind: 'feature'; feature: TraceFeature }
  | { kind: 'goal-empty' }
  | { kind: 'orphan-task'; task: TraceTask };

/** A goal's rows, or the rows without a goal (`none`) or without a feature (`orphans`). */
export interface MatrixGroup {
  goal?: TraceGoal;
  /** `none`: untraced features; `orphans`: tasks without a feature. */
  key: string;
  rows: MatrixRow[];
}

/** Rank of a feature without a priority: after the lowest priority there is. */
const NO_PRIORITY = 9;

/**
 * Feature rows in the chosen order. The matrix lists features as written (file, then line);
 * the priority and score orders are stable sorts over that, so ties keep it, as on the roadmap.
 */
function ordered(features: TraceFeature[], analysis: Analysis, order: MatrixOrder): TraceFeature[] {
  if (order === 'source') return features;
  const rank = (f: TraceFeature): number => analysis.items.get(f.id)?.priority?.rank ?? NO_PRIORITY;
  // Higher score first; a feature without a score goes after every scored one.
  const score = (a: TraceFeature, b: TraceFeature): number => (b.score ?? -Infinity) - (a.score ?? -Infinity) || 0;
  const priority = (a: TraceFeature, b: TraceFeature): number => rank(a) - rank(b);
  const [first, second] = order === 'score' ? [score, priority] : [priority, score];
  return [...features].sort((a, b) => first(a, b) || second(a, b));
}

/** The groups of rows the options show, in order: each goal's, then untraced features, then tasks without a feature. */
export function matrixGroups(matrix: TraceMatrix, analysis: Analysis, options: MatrixViewOptions): MatrixGroup[] {
  const out: MatrixGroup[] = [];
  const keepFeature = (f: TraceFeature): boolean => !options.gapsOnly || featureGaps(f).length > 0;
  for (const goal of matrix.goals) {
    if (options.goal && options.goal !== goal.id) continue;
    const rows: MatrixRow[] = ordered(goal.features.filter(keepFeature), analysis, options.order).map((feature) => ({ kind: 'feature', feature }));
    if (goal.features.length === 0 && (!options.gapsOnly || goal.status !== 'dropped')) rows.push({ kind: 'goal-empty' });
    if (rows.length > 0) out.push({ goal, key: goal.id, rows });
  }
  if (!options.goal || options.goal === NO_GOAL) {
    const untraced: MatrixRow[] = ordered(matrix.untraced.filter(keepFeature), analysis, options.order).map((feature) => ({ kind: 'feature', feature }));
    if (untraced.length > 0) out.push({ key: 'none', rows: untraced });
    const orphans: MatrixRow[] = matrix.gaps.tasksWithoutFeatures.map((id) => {
      const item = analysis.items.get(id);
      const s = analysis.schedule.tasks.get(id);
      const scheduled = s?.start !== undefined && s.end !== undefined;
      return {
        kind: 'orphan-task',
        task: {
          id, title: item?.title ?? '', status: item?.status, scheduled,
          ...(scheduled && s?.start !== undefined && s.end !== undefined ? { start: formatDate(s.start), end: formatDate(s.end) } : {}),
        },
      };
    });
    if (orphans.length > 0) out.push({ key: 'orphans', rows: orphans });
  }
  return out;
}
