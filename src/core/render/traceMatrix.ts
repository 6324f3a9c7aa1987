import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { Status } from '../model/types.js';
import { CSV_EOL, csvField, csvRecord } from './csv.js';
import { mdText } from './markdown.js';
import { percent } from './text.js';
import { analysisCost } from '../cost/computeCost.js';
import type { MetricSummary } from '../cost/metricProgress.js';
import { metricSummary } from '../cost/metricProgress.js';
import { riceScore } from '../cost/riceScore.js';

/** A task in the matrix, with its scheduled dates when it has them. */
export interface TraceTask {
  id: string;
  title: string;
  status?: Status;
  /** `YYYY-MM-DD`, when scheduled. */
  start?: string;
  end?: string;
  scheduled: boolean;
}

/** A feature in the matrix, with the tasks that deliver it. */
export interface TraceFeature {
  id: string;
  title: string;
  status?: Status;
  /** Links to a goal and a task links to it (docs/format.md#traceability). */
  traced: boolean;
  /** At least one of its tasks has dates. */
  scheduled: boolean;
  goals: string[];
  tasks: TraceTask[];
  /** RICE score (reach × impact × confidence ÷ effort), 2 decimals; null without reach, impact and confidence. */
  score: number | null;
}

/** A goal in the matrix, with the features that serve it and its coverage. */
export interface TraceGoal {
  id: string;
  title: string;
  status?: Status;
  features: TraceFeature[];
  /** Features of the goal that are traced and scheduled (dropped features not counted). */
  covered: number;
  /** Features of the goal, dropped ones not counted. */
  total: number;
  /** `covered / total` in percent, rounded; null when the goal has no feature. */
  coverage: number | null;
  /** The outcome the goal is measured by; null when it states no metric. */
  metric: MetricSummary | null;
}

/** The goal ← feature ← task chain of a workspace, with coverage and gaps. */
export interface TraceMatrix {
  version: 1;
  goals: TraceGoal[];
  /** Features that name no goal. */
  untraced: TraceFeature[];
  /** Traced features over all features (dropped features not counted). */
  coverage: { traced: number; total: number; percent: number | null };
  gaps: {
    featuresWithoutGoal: string[];
    featuresWithoutTasks: string[];
    goalsWithoutFeatures: string[];
    tasksWithoutFeatures: string[];
  };
}

/**
 * The traceability matrix: each goal with the features that serve it and the tasks that
 * deliver them, coverage per goal and overall, and the gaps. A feature that serves two
 * goals appears under both. Dropped features and tasks are still listed but do not count
 * in coverage and are not reported as gaps: a dropped feature should not drag a goal's
 * coverage down. Items appear in document order. Linear in items and links.
 */
export function buildTraceMatrix(analysis: Analysis): TraceMatrix {
  const order = new Map<string, number>();
  for (const id of analysis.items.keys()) order.set(id, order.size);
  const byOrder = (a: string, b: string): number => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const isDropped = (id: string): boolean => analysis.items.get(id)?.status === 'dropped';

  const taskRow = (id: string): TraceTask => {
    const item = analysis.items.get(id);
    const s = analysis.schedule.tasks.get(id);
    const scheduled = s?.start !== undefined && s.end !== undefined;
    return {
      id,
      title: item?.title ?? '',
      status: item?.status,
      start: scheduled && s?.start !== undefined ? formatDate(s.start) : undefined,
      end: scheduled && s?.end !== undefined ? formatDate(s.end) : undefined,
      scheduled,
    };
  };

  // One row object per feature, shared by every goal that lists it.
  const featureRows = new Map<string, TraceFeature>();
  const featureIds = [...analysis.features.keys()].sort(byOrder);
  const deliveredTasks = new Set<string>();
  const cost = analysisCost(analysis);
  for (const id of featureIds) {
    const info = analysis.features.get(id);
    if (!info) continue;
    const item = analysis.items.get(id);
    for (const t of info.tasks) deliveredTasks.add(t);
    featureRows.set(id, {
      id,
      title: item?.title ?? '',
      status: item?.status,
      traced: info.traced,
      scheduled: info.scheduled,
      goals: [...info.goals],
      tasks: [...info.tasks].sort(byOrder).map(taskRow),
      score: item ? riceScore(item, cost.features.get(id)) : null,
    });
  }

  const goals: TraceGoal[] = [];
  const goalsWithoutFeatures: string[] = [];
  for (const id of [...analysis.goals.keys()].sort(byOrder)) {
    const info = analysis.goals.get(id);
    if (!info) continue;
    const item = analysis.items.get(id);
    const features = [...new Set(info.features)].sort(byOrder).map((f) => featureRows.get(f)).filter((f) => f !== undefined);
    const counted = features.filter((f) => f.status !== 'dropped');
    const covered = counted.filter((f) => f.traced && f.scheduled).length;
    goals.push({
      id,
      title: item?.title ?? '',
      status: item?.status,
      features,
      covered,
      total: counted.length,
      coverage: counted.length > 0 ? percent((100 * covered) / counted.length) : null,
      metric: item ? metricSummary(item) : null,
    });
    if (counted.length === 0 && item?.status !== 'dropped') goalsWithoutFeatures.push(id);
  }

  const untraced = featureIds.map((id) => featureRows.get(id)).filter((f) => f !== undefined).filter((f) => f.goals.length === 0);
  const counted = featureIds.filter((id) => !isDropped(id));
  const traced = counted.filter((id) => featureRows.get(id)?.traced).length;

  const tasksWithoutFeatures: string[] = [];
  for (const item of analysis.items.values()) {
    if (item.kind === 'task' && item.status !== 'dropped' && !deliveredTasks.has(item.id)) tasksWithoutFeatures.push(item.id);
  }

  return {
    version: 1,
    goals,
    untraced,
    coverage: { traced, total: counted.length, percent: counted.length > 0 ? percent((100 * traced) / counted.length) : null },
    gaps: {
      featuresWithoutGoal: counted.filter((id) => (featureRows.get(id)?.goals.length ?? 0) === 0),
      featuresWithoutTasks: counted.filter((id) => (featureRows.get(id)?.tasks.length ?? 0) === 0),
      goalsWithoutFeatures,
      tasksWithoutFeatures,
    },
  };
}

/** Options of {@link renderTraceMatrix}. */
export interface TraceMatrixOptions {
  format: 'markdown' | 'csv' | 'json';
}

/**
 * The traceability matrix as Markdown (for people), CSV (for spreadsheets: RFC 4180,
 * formula-injection guarded) or JSON (for tools: the {@link TraceMatrix} structure).
 */
export function renderTraceMatrix(analysis: Analysis, options: TraceMatrixOptions): string {
  const matrix = buildTraceMatrix(analysis);
  switch (options.format) {
    case 'csv':
      return traceCsv(matrix);
    case 'json':
      return safeJson(matrix);
    case 'markdown':
    default:
      return traceMarkdown(matrix);
  }
}

/**
 * JSON with `<`, `>`, `&` and U+2028/U+2029 as `\u` escapes: still the same JSON value, but
 * safe to paste into an HTML `<script>` block or evaluate as JavaScript.
 */
function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

const CSV_HEADER = ['goal_id', 'goal_title', 'feature_id', 'feature_title', 'feature_traced', 'feature_scheduled', 'task_id', 'task_title', 'task_status', 'task_start', 'task_end'];

/** One record per goal × feature × task; empty cells where a link is missing. */
function traceCsv(matrix: TraceMatrix): string {
  const records: string[] = [csvRecord(CSV_HEADER)];
  const emit = (goal: TraceGoal | undefined, feature: TraceFeature | undefined, task: TraceTask | undefined): void => {
    records.push(csvRecord([
      csvField(goal?.id),
      csvField(goal?.title, true),
      csvField(feature?.id),
      csvField(feature?.title, true),
      csvField(feature ? String(feature.traced) : ''),
      csvField(feature ? String(feature.scheduled) : ''),
      csvField(task?.id),
      csvField(task?.title, true),
      csvField(task?.status),
      csvField(task?.start),
      csvField(task?.end),
    ]));
  };
  const emitFeature = (goal: TraceGoal | undefined, feature: TraceFeature): void => {
    if (feature.tasks.length === 0) emit(goal, feature, undefined);
    for (const task of feature.tasks) emit(goal, feature, task);
  };
  for (const goal of matrix.goals) {
    if (goal.features.length === 0) emit(goal, undefined, undefined);
    for (const feature of goal.features) emitFeature(goal, feature);
  }
  for (const feature of matrix.untraced) emitFeature(undefined, feature);
  for (const id of matrix.gaps.tasksWithoutFeatures) emit(undefined, undefined, { id, title: '', scheduled: false });
  return records.join(CSV_EOL) + CSV_EOL;
}

/** Markdown: the matrix, coverage by goal, and the gaps, each as a short section. */
function traceMarkdown(matrix: TraceMatrix): string {
  const out: string[] = ['# Traceability matrix', ''];
  const c = matrix.coverage;
  out.push(c.total > 0
    ? `Coverage: ${c.traced} of ${c.total} feature${c.total === 1 ? '' : 's'} traced to a goal and a task (${c.percent}%).`
    : 'Coverage: no features yet.');
  out.push('');

  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  const tasks = (f: TraceFeature): string => (f.tasks.length > 0 ? f.tasks.map((t) => mdText(t.id)).join(', ') : '—');
  out.push('| Goal | Feature | Tasks | Traced | Scheduled |', '|---|---|---|---|---|');
  for (const goal of matrix.goals) {
    const goalCell = `**${mdText(goal.id)}** ${mdText(goal.title)}`.trimEnd();
    if (goal.features.length === 0) out.push(`| ${goalCell} | — | — | | |`);
    goal.features.forEach((f, i) => {
      out.push(`| ${i === 0 ? goalCell : ''} | **${mdText(f.id)}** ${mdText(f.title)} | ${tasks(f)} | ${yes(f.traced)} | ${yes(f.scheduled)} |`);
    });
  }
  matrix.untraced.forEach((f, i) => {
    out.push(`| ${i === 0 ? '_No goal_' : ''} | **${mdText(f.id)}** ${mdText(f.title)} | ${tasks(f)} | ${yes(f.traced)} | ${yes(f.scheduled)} |`);
  });
  out.push('');

  out.push('## Coverage by goal', '');
  if (matrix.goals.length === 0) {
    out.push('No goals yet.');
  } else {
    out.push('| Goal | Traced and scheduled | Features | Coverage |', '|---|---:|---:|---:|');
    for (const g of matrix.goals) {
      out.push(`| **${mdText(g.id)}** ${mdText(g.title)} | ${g.covered} | ${g.total} | ${g.coverage === null ? '—' : `${g.coverage}%`} |`);
    }
  }
  out.push('');

  out.push('## Gaps', '');
  const gap = (label: string, ids: string[]): string => `- ${label}: ${ids.length > 0 ? ids.map((id) => mdText(id)).join(', ') : 'none'}`;
  out.push(
    gap('Features without a goal', matrix.gaps.featuresWithoutGoal),
    gap('Features without tasks', matrix.gaps.featuresWithoutTasks),
    gap('Goals without features', matrix.gaps.goalsWithoutFeatures),
    gap('Tasks without a feature', matrix.gaps.tasksWithoutFeatures),
  );
  return out.join('\n') + '\n';
}
