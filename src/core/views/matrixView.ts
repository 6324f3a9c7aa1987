import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath } from '../model/types.js';
import { buildTraceMatrix } from '../render/traceMatrix.js';
import type { BlockedMarkup } from '../render/blocks.js';
import { frameAround, joinBlocks } from '../render/blocks.js';
import { escapeXml } from '../render/xml.js';
import { matrixGroups } from './matrixRows.js';
import { matrixSummaryHtml } from './matrixSummary.js';
import { matrixTableBlocks } from './matrixTable.js';
import { matrixToolbar } from './matrixToolbar.js';
import type { MatrixViewOptions } from './matrixViewOptions.js';
import matrixCss from './matrixView.css.js';

/** Numbers on screen, for the status line, the API and tests. */
export interface MatrixCounts {
  /** Goal groups shown (not the "No goal" group). */
  goals: number;
  /** Distinct features shown. */
  features: number;
  /** Table rows shown. */
  rows: number;
  /** Task links shown (a task delivering two features counts twice), plus tasks without a feature. */
  tasks: number;
  /** Overall, as `specline trace`: traced features, counted features, and the percentage. */
  traced: number;
  total: number;
  /** Absent when there is no feature. */
  coveragePercent?: number;
  /** Gaps as `specline trace` counts them (whole workspace, whatever the filter). */
  gaps: number;
  featuresWithoutGoal: number;
  featuresWithoutTasks: number;
  goalsWithoutFeatures: number;
  tasksWithoutFeatures: number;
  /** Features that have tasks but none scheduled (dropped ones not counted). */
  unscheduled: number;
}

/** The rendered matrix view: toolbar and body markup, title and counts. */
export interface MatrixViewResult {
  toolbar: string;
  html: string;
  /** `html` as keyed blocks (summary, header, one per goal group) when there are rows. */
  blocks?: BlockedMarkup;
  title: string;
  counts: MatrixCounts & Record<string, number>;
}

/**
 * Renders the traceability matrix preview. Pure. The numbers are {@link buildTraceMatrix}'s,
 * so they equal `specline trace --format json` on the same files; the filters only hide
 * rows. `activePath` is accepted for the common view signature; the matrix always covers
 * the whole workspace.
 */
export function renderMatrixView(analysis: Analysis, options: MatrixViewOptions, _activePath?: FilePath): MatrixViewResult {
  const matrix = buildTraceMatrix(analysis);
  const shown = matrixGroups(matrix, analysis, options);
  const features = new Set<string>();
  let rows = 0;
  let tasks = 0;
  for (const g of shown) {
    for (const r of g.rows) {
      rows++;
      if (r.kind === 'feature') {
        features.add(r.feature.id);
        tasks += r.feature.tasks.length;
      } else if (r.kind === 'orphan-task') {
        tasks++;
      }
    }
  }
  const gaps = matrix.gaps;
  const unscheduled = [...new Map([...matrix.goals.flatMap((g) => g.features), ...matrix.untraced].map((f) => [f.id, f])).values()]
    .filter((f) => f.status !== 'dropped' && f.tasks.length > 0 && !f.scheduled).length;
  const gapTotal = gaps.featuresWithoutGoal.length + gaps.featuresWithoutTasks.length + gaps.goalsWithoutFeatures.length + gaps.tasksWithoutFeatures.length;
  const counts: MatrixCounts = {
    goals: shown.filter((g) => g.goal).length,
    features: features.size,
    rows,
    tasks,
    traced: matrix.coverage.traced,
    total: matrix.coverage.total,
    ...(matrix.coverage.percent === null ? {} : { coveragePercent: matrix.coverage.percent }),
    gaps: gapTotal,
    featuresWithoutGoal: gaps.featuresWithoutGoal.length,
    featuresWithoutTasks: gaps.featuresWithoutTasks.length,
    goalsWithoutFeatures: gaps.goalsWithoutFeatures.length,
    tasksWithoutFeatures: gaps.tasksWithoutFeatures.length,
    unscheduled,
  };

  const empty = matrix.goals.length === 0 && matrix.untraced.length === 0 && gaps.tasksWithoutFeatures.length === 0;
  const body: string[] = [];
  let blocks: BlockedMarkup | undefined;
  if (empty) {
    body.push(emptyMatrix());
  } else if (shown.length === 0) {
    body.push('<div class="sl-matrix-view">');
    body.push(matrixSummaryHtml(matrix, analysis, unscheduled));
    body.push(`<div class="sl-empty-state"><h2>${options.gapsOnly ? 'No gaps' : 'Nothing to show'}</h2><p>${escapeXml(options.gapsOnly
      ? 'Every feature shown has a goal and scheduled tasks, and every task delivers a feature.'
      : 'No row matches this goal.')}</p></div>`);
    body.push('</div>');
  } else {
    blocks = {
      frame: frameAround('<div class="sl-matrix-view">', '</div>'),
      blocks: [{ key: 'tiles', html: matrixSummaryHtml(matrix, analysis, unscheduled) }, ...matrixTableBlocks(shown, analysis)],
    };
    body.push(joinBlocks(blocks));
  }
  const pct = matrix.coverage.percent;
  const status = empty
    ? `as of ${formatDate(analysis.today)}`
    : `${pct === null ? 'no features' : `${matrix.coverage.traced} of ${matrix.coverage.total} features traced (${pct}%)`} · ${gapTotal === 0 ? 'no gaps' : `${gapTotal} gap${gapTotal === 1 ? '' : 's'}`} · as of ${formatDate(analysis.today)}`;
  return { toolbar: matrixToolbar(matrix, options, status), html: body.join('\n'), ...(blocks ? { blocks } : {}), title: 'Traceability Matrix', counts: { ...counts } };
}

/** What to write to get a matrix: shown when the workspace has no goal, feature or task. */
function emptyMatrix(): string {
  return [
    '<div class="sl-empty-state">',
    '<h2>Nothing to trace yet</h2>',
    '<p>The matrix follows the chain goal ← feature ← task: a feature names its goals (<code>goals&#58; [G-1]</code>) and a task names the features it delivers (<code>features&#58; FEAT-1</code>).',
    ' Write goals in a roadmap (<code>## G-1 Halve onboarding time</code>), features in specs (front matter <code>id&#58; FEAT-1</code>) and tasks in a plan, and coverage and gaps appear here as you type.</p>',
    '</div>',
  ].join('');
}

/** The matrix view's styles (static, ours): theme variables with light fallbacks. */
export const MATRIX_CSS: string = matrixCss;
