import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath, Item } from '../model/types.js';
import { cleanLine } from '../render/text.js';
import type { TraceFeature, TraceGoal, TraceMatrix, TraceTask } from '../render/traceMatrix.js';
import { buildTraceMatrix } from '../render/traceMatrix.js';
import type { BlockedMarkup, ViewBlock } from '../render/blocks.js';
import { blockAttr, frameAround, joinBlocks } from '../render/blocks.js';
import { escapeXml } from '../render/xml.js';
import type { Choice } from './toolbar.js';
import { commandButton, segmentedControl, selectControl, toolbarGroup, toolbarStatus } from './toolbar.js';
import type { MatrixOrder } from './matrixOptions.js';
import { MATRIX_ORDER, MATRIX_ROWS } from './matrixOptions.js';
import { parseChoice, restoreChoice, toolbarChoices } from './optionSchema.js';

export type { MatrixOrder } from './matrixOptions.js';

/** What the traceability matrix shows; persisted with the panel. */
export interface MatrixViewOptions {
  /** Only rows with a gap: untraced, taskless or unscheduled features, goals without features, tasks without a feature. */
  gapsOnly: boolean;
  /** One goal's rows (`''`: all; `'-'`: only the rows without a goal). */
  goal: string;
  /** Feature rows within a goal: as written, by priority then score, or by score then priority. */
  order: MatrixOrder;
}

export const DEFAULT_MATRIX_OPTIONS: Readonly<MatrixViewOptions> = { gapsOnly: MATRIX_ROWS.default === 'gaps', goal: '', order: MATRIX_ORDER.default };

/** The goal choice that shows only what has no goal (untraced features, tasks without a feature). */
export const NO_GOAL = '-';

/** Options from persisted or posted state: anything unknown falls back to the default. */
export function restoreMatrixOptions(raw: unknown): MatrixViewOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    gapsOnly: o.gapsOnly === true,
    goal: typeof o.goal === 'string' && o.goal.length <= 200 ? o.goal : '',
    order: restoreChoice(MATRIX_ORDER, o.order),
  };
}

/** Applies one toolbar change; undefined for keys or values the toolbar cannot produce. */
export function setMatrixOption(options: MatrixViewOptions, key: string, value: string): MatrixViewOptions | undefined {
  switch (key) {
    case MATRIX_ROWS.key: {
      const rows = parseChoice(MATRIX_ROWS, value);
      return rows ? { ...options, gapsOnly: rows === 'gaps' } : undefined;
    }
    case 'goal':
      return value.length <= 200 ? { ...options, goal: value } : undefined;
    case MATRIX_ORDER.key: {
      const order = parseChoice(MATRIX_ORDER, value);
      return order ? { ...options, order } : undefined;
    }
    default:
      return undefined;
  }
}

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

/** Why a feature row is a gap; empty when it is fine (or dropped). */
function featureGaps(f: TraceFeature): string[] {
  if (f.status === 'dropped') return [];
  const gaps: string[] = [];
  if (f.goals.length === 0) gaps.push('no goal');
  if (f.tasks.length === 0) gaps.push('no tasks');
  else if (!f.scheduled) gaps.push('not scheduled');
  return gaps;
}

/** One row of the table, before rendering. */
type Row =
  | { kind: 'feature'; feature: TraceFeature }
  | { kind: 'goal-empty' }
  | { kind: 'orphan-task'; task: TraceTask };

interface Group {
  goal?: TraceGoal;
  /** `none`: untraced features; `orphans`: tasks without a feature. */
  key: string;
  rows: Row[];
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

function groups(matrix: TraceMatrix, analysis: Analysis, options: MatrixViewOptions): Group[] {
  const out: Group[] = [];
  const keepFeature = (f: TraceFeature): boolean => !options.gapsOnly || featureGaps(f).length > 0;
  for (const goal of matrix.goals) {
    if (options.goal && options.goal !== goal.id) continue;
    const rows: Row[] = ordered(goal.features.filter(keepFeature), analysis, options.order).map((feature) => ({ kind: 'feature', feature }));
    if (goal.features.length === 0 && (!options.gapsOnly || goal.status !== 'dropped')) rows.push({ kind: 'goal-empty' });
    if (rows.length > 0) out.push({ goal, key: goal.id, rows });
  }
  if (!options.goal || options.goal === NO_GOAL) {
    const untraced: Row[] = ordered(matrix.untraced.filter(keepFeature), analysis, options.order).map((feature) => ({ kind: 'feature', feature }));
    if (untraced.length > 0) out.push({ key: 'none', rows: untraced });
    const orphans: Row[] = matrix.gaps.tasksWithoutFeatures.map((id) => {
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

/**
 * Renders the traceability matrix preview. Pure. The numbers are {@link buildTraceMatrix}'s,
 * so they equal `specline trace --format json` on the same files; the filters only hide
 * rows. `activePath` is accepted for the common view signature; the matrix always covers
 * the whole workspace.
 */
export function renderMatrixView(analysis: Analysis, options: MatrixViewOptions, _activePath?: FilePath): MatrixViewResult {
  const matrix = buildTraceMatrix(analysis);
  const shown = groups(matrix, analysis, options);
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
    body.push(summaryHtml(matrix, analysis, unscheduled));
    body.push(`<div class="sl-empty-state"><h2>${options.gapsOnly ? 'No gaps' : 'Nothing to show'}</h2><p>${escapeXml(options.gapsOnly
      ? 'Every feature shown has a goal and scheduled tasks, and every task delivers a feature.'
      : 'No row matches this goal.')}</p></div>`);
    body.push('</div>');
  } else {
    blocks = {
      frame: frameAround('<div class="sl-matrix-view">', '</div>'),
      blocks: [{ key: 'tiles', html: summaryHtml(matrix, analysis, unscheduled) }, ...tableBlocks(shown, analysis)],
    };
    body.push(joinBlocks(blocks));
  }
  const pct = matrix.coverage.percent;
  const status = empty
    ? `as of ${formatDate(analysis.today)}`
    : `${pct === null ? 'no features' : `${matrix.coverage.traced} of ${matrix.coverage.total} features traced (${pct}%)`} · ${gapTotal === 0 ? 'no gaps' : `${gapTotal} gap${gapTotal === 1 ? '' : 's'}`} · as of ${formatDate(analysis.today)}`;
  return { toolbar: matrixToolbar(matrix, options, status), html: body.join('\n'), ...(blocks ? { blocks } : {}), title: 'Traceability Matrix', counts: { ...counts } };
}

function matrixToolbar(matrix: TraceMatrix, options: MatrixViewOptions, status: string): string {
  const goals: Choice[] = [{ value: '', label: 'All goals' }, ...matrix.goals.map((g) => ({ value: g.id, label: `${g.id} ${cleanLine(g.title, 50)}` })), { value: NO_GOAL, label: 'No goal' }];
  if (options.goal && !goals.some((g) => g.value === options.goal)) goals.push({ value: options.goal, label: `${options.goal} (missing)` });
  return [
    toolbarGroup(
      segmentedControl(MATRIX_ROWS.key, MATRIX_ROWS.label, options.gapsOnly ? 'gaps' : 'all', toolbarChoices(MATRIX_ROWS)),
      selectControl('goal', 'Goal', options.goal, goals),
      segmentedControl(MATRIX_ORDER.key, MATRIX_ORDER.label, options.order, toolbarChoices(MATRIX_ORDER)),
    ),
    toolbarGroup(
      commandButton('copyMarkdown', 'Copy Markdown', { title: 'Copy the whole matrix as Markdown (as specline trace --format markdown)' }),
      commandButton('saveMarkdown', 'Export Markdown…', { title: 'Save the whole matrix as Markdown (as specline trace --format markdown)' }),
      commandButton('saveCsv', 'Export CSV…', { title: 'Save the whole matrix as CSV for a spreadsheet (as specline trace --format csv)' }),
    ),
    toolbarStatus(status),
  ].join('');
}

/** A row that reveals its item: reachable with Tab, Enter reveals (the webview script handles both). */
function rowData(id: string, item: Item | undefined): string {
  return item ? `${itemData(id, item)} tabindex="0"` : itemData(id, item);
}

/** `data-id` / `data-file` / `data-line` of an item, so a click reveals it and the cursor highlights it. */
function itemData(id: string, item: Item | undefined): string {
  return item ? ` data-id="${escapeXml(id)}" data-file="${escapeXml(item.file)}" data-line="${item.idRange.start.line}"` : ` data-id="${escapeXml(id)}"`;
}

function idChip(id: string, analysis: Analysis, extraClass = ''): string {
  return `<span class="sl-chip sl-id-chip${extraClass}"${itemData(id, analysis.items.get(id))}>${escapeXml(id)}</span>`;
}

function coverageBar(p: number | null): string {
  if (p === null) return '';
  return `<progress class="sl-coverage-bar" max="100" value="${p}">${p}%</progress>`;
}

function summaryHtml(matrix: TraceMatrix, analysis: Analysis, unscheduled: number): string {
  const c = matrix.coverage;
  const tiles: string[] = [];
  tiles.push(`<section class="sl-tile sl-tile-coverage"><h3>Coverage</h3><div class="sl-big">${c.percent === null ? '—' : `${c.percent}%`}</div>` +
    `${coverageBar(c.percent)}<p>${c.total === 0 ? 'No features yet.' : `${c.traced} of ${c.total} feature${c.total === 1 ? '' : 's'} traced to a goal and a task`}</p></section>`);
  const full = matrix.goals.filter((g) => g.coverage === 100).length;
  tiles.push(`<section class="sl-tile"><h3>Goals</h3><div class="sl-big">${full}<span class="sl-of"> of ${matrix.goals.length}</span></div>` +
    `<p>fully covered: every feature traced and scheduled${unscheduled ? ` · ${unscheduled} feature${unscheduled === 1 ? '' : 's'} not scheduled` : ''}</p></section>`);
  const gap = (label: string, ids: string[]): string => {
    const shown = ids.slice(0, 12).map((id) => idChip(id, analysis)).join('');
    const more = ids.length > 12 ? `<span class="sl-more">and ${ids.length - 12} more</span>` : '';
    return `<section class="sl-tile sl-tile-gap${ids.length > 0 ? ' sl-has-gap' : ''}"><h3>${escapeXml(label)}</h3><div class="sl-big">${ids.length > 0 ? '<span class="sl-gap-icon" aria-hidden="true">⚠</span>' : ''}${ids.length}</div>` +
      `<div class="sl-chips">${ids.length > 0 ? shown + more : '<span class="sl-none">None</span>'}</div></section>`;
  };
  const g = matrix.gaps;
  tiles.push(gap('Features without a goal', g.featuresWithoutGoal));
  tiles.push(gap('Features without tasks', g.featuresWithoutTasks));
  tiles.push(gap('Goals without features', g.goalsWithoutFeatures));
  tiles.push(gap('Tasks without a feature', g.tasksWithoutFeatures));
  return `<div class="sl-tiles"${blockAttr('tiles')}>${tiles.join('')}</div>`;
}

const STATUS_CLASS = (s: string | undefined): string => (s ? ` sl-st-${s}` : '');

/** Fixed column widths, repeated in every table so that the header and the bands line up. */
const MATRIX_COLUMNS = '<colgroup><col class="sl-col-goal"><col class="sl-col-feature"><col class="sl-col-tasks"><col class="sl-col-traced"><col class="sl-col-scheduled"></colgroup>';
/** Group height estimates (for groups not laid out yet) go up to this many rows. */
const MAX_ESTIMATED_ROWS = 16;

/**
 * The summary's blocks after it: a sticky header table (`head`), then each goal's rows as
 * their own table (`group/<goal id>`, `group/none`, `group/orphans`) in a
 * `content-visibility: auto` band, so that the browser lays out only the groups on screen
 * (one table of 1,400 rows took 450–600 ms of layout) and an edit replaces only the groups
 * it changed. Fixed table layout with the same `<colgroup>` keeps the columns aligned.
 */
function tableBlocks(shown: Group[], analysis: Analysis): ViewBlock[] {
  const out: ViewBlock[] = [{
    key: 'head',
    html: `<table class="sl-matrix sl-matrix-head"${blockAttr('head')}>${MATRIX_COLUMNS}<thead><tr>` +
      '<th scope="col" class="sl-col-goal">Goal</th><th scope="col" class="sl-col-feature">Feature</th><th scope="col" class="sl-col-tasks">Tasks</th>' +
      '<th scope="col" class="sl-col-traced">Traced</th><th scope="col" class="sl-col-scheduled">Scheduled</th></tr></thead></table>',
  }];
  for (const group of shown) {
    const key = `group/${group.key}`;
    const rows = group.rows.map((row, i) => rowHtml(row, i === 0 ? goalCell(group, analysis) : '', analysis, group.goal));
    out.push({
      key,
      html: `<div class="sl-matrix-band" data-rows="${Math.min(group.rows.length, MAX_ESTIMATED_ROWS)}"${blockAttr(key)}><table class="sl-matrix">${MATRIX_COLUMNS}` +
        `<tbody class="sl-group-${group.goal ? 'goal' : group.key}">${rows.join('')}</tbody></table></div>`,
    });
  }
  return out;
}

function goalCell(group: Group, analysis: Analysis): string {
  const span = group.rows.length > 1 ? ` rowspan="${group.rows.length}"` : '';
  const goal = group.goal;
  if (!goal) {
    const label = group.key === 'none' ? 'No goal' : 'No feature';
    const hint = group.key === 'none' ? 'Features that serve no goal: add goals: to their spec.' : 'Tasks that deliver no feature: add features: to them.';
    return `<th scope="rowgroup"${span} class="sl-goal-cell sl-gap"><div class="sl-goal-name"><span class="sl-gap-icon" aria-hidden="true">⚠</span>${label}</div><div class="sl-hint">${escapeXml(hint)}</div></th>`;
  }
  const item = analysis.items.get(goal.id);
  const coverage = goal.coverage === null
    ? '<div class="sl-hint">No feature serves it</div>'
    : `<div class="sl-goal-coverage">${coverageBar(goal.coverage)}<span>${goal.covered} of ${goal.total} · ${goal.coverage}%</span></div>`;
  const dropped = goal.status === 'dropped' ? ' sl-dropped' : '';
  return `<th scope="rowgroup"${span} class="sl-goal-cell${dropped}"${itemData(goal.id, item)}><div class="sl-goal-name"><span class="sl-id">${escapeXml(goal.id)}</span> ${escapeXml(cleanLine(goal.title))}</div>${coverage}</th>`;
}

function flag(ok: boolean, yes: string, no: string): string {
  return ok
    ? `<span class="sl-flag sl-ok"><span aria-hidden="true">✓</span> ${escapeXml(yes)}</span>`
    : `<span class="sl-flag sl-no"><span aria-hidden="true">✗</span> ${escapeXml(no)}</span>`;
}

function taskDates(tasks: TraceTask[]): { start?: string; end?: string } {
  let start: string | undefined;
  let end: string | undefined;
  for (const t of tasks) {
    if (t.status === 'dropped') continue;
    if (t.start && (!start || t.start < start)) start = t.start;
    if (t.end && (!end || t.end > end)) end = t.end;
  }
  return { start, end };
}

/**
 * A task chip's markup, by task item. Items keep their identity across analyses while
 * their file is unchanged, so after an edit nearly every chip (13,000 in a 2,000-document
 * workspace) is reused; the dates are part of the key because another file's edit can
 * move them.
 */
const chipCache = new WeakMap<Item, { dates: string; html: string }>();

function taskChips(tasks: TraceTask[], analysis: Analysis): string {
  // Joined, not `+=`: a chain of appends is a deep rope V8 must flatten later, which cost
  // more than building the chips.
  const out: string[] = [];
  for (const t of tasks) {
    const item = analysis.items.get(t.id);
    const dates = t.scheduled ? `${t.start} → ${t.end}` : 'not scheduled';
    const hit = item ? chipCache.get(item) : undefined;
    if (hit && hit.dates === dates) {
      out.push(hit.html);
      continue;
    }
    const html = taskChip(t, item, dates);
    if (item) chipCache.set(item, { dates, html });
    out.push(html);
  }
  return out.join('');
}

function taskChip(t: TraceTask, item: Item | undefined, dates: string): string {
  const cls = `${STATUS_CLASS(t.status)}${t.scheduled ? '' : ' sl-unscheduled'}`;
  const tip = [`${t.id} ${cleanLine(t.title, 100)}`, t.status ? `status: ${t.status}` : '', dates].filter(Boolean).join('\n');
  const mark = t.status === 'done' ? '<span aria-hidden="true">✓ </span>' : '';
  // Joined rather than a template: the result is cached and joined into every render, and
  // a template's pieces stay a rope that each join would walk again.
  return ['<span class="sl-chip sl-task', cls, '"', itemData(t.id, item), ' data-tip="', escapeXml(tip), '">', mark, escapeXml(t.id), '</span>'].join('');
}

function rowHtml(row: Row, head: string, analysis: Analysis, goal: TraceGoal | undefined): string {
  if (row.kind === 'goal-empty') {
    const data = goal ? rowData(goal.id, analysis.items.get(goal.id)) : '';
    return `<tr class="sl-row-gap"${data}>${head}<td class="sl-gap" colspan="4"><span class="sl-gap-icon" aria-hidden="true">⚠</span> No feature serves this goal yet</td></tr>`;
  }
  if (row.kind === 'orphan-task') {
    const t = row.task;
    const item = analysis.items.get(t.id);
    return `<tr class="sl-row-gap"${rowData(t.id, item)}>${head}<td class="sl-gap"><span class="sl-gap-icon" aria-hidden="true">⚠</span> No feature</td>` +
      `<td>${taskChips([t], analysis)} <span class="sl-task-title">${escapeXml(cleanLine(t.title, 80))}</span></td>` +
      `<td>${flag(false, '', 'No feature')}</td><td>${t.scheduled ? flag(true, `${t.start} → ${t.end}`, '') : flag(false, '', 'No')}</td></tr>`;
  }
  const f = row.feature;
  const item = analysis.items.get(f.id);
  const gaps = featureGaps(f);
  const dropped = f.status === 'dropped';
  const status = f.status ? `<span class="sl-chip sl-chip-status${STATUS_CLASS(f.status)}">${escapeXml(f.status.replace('-', ' '))}</span>` : '';
  const featureCell = `<td class="sl-feature-cell"><div><span class="sl-id">${escapeXml(f.id)}</span> ${escapeXml(cleanLine(f.title))}</div>${status}${dropped ? '<span class="sl-hint"> not counted</span>' : ''}</td>`;
  const tasksCell = f.tasks.length > 0
    ? `<td class="sl-tasks-cell"><div class="sl-chips">${taskChips(f.tasks, analysis)}</div></td>`
    : `<td class="sl-tasks-cell${dropped ? '' : ' sl-gap'}">${dropped ? '—' : '<span class="sl-gap-icon" aria-hidden="true">⚠</span> No tasks'}</td>`;
  const tracedText = f.traced ? 'Yes' : f.goals.length === 0 && f.tasks.length === 0 ? 'No goal, no tasks' : f.goals.length === 0 ? 'No goal' : 'No tasks';
  const dates = taskDates(f.tasks);
  const scheduledText = dates.start && dates.end ? `${dates.start} → ${dates.end}` : 'Yes';
  const cls = gaps.length > 0 ? ' class="sl-row-gap"' : dropped ? ' class="sl-dropped"' : '';
  return `<tr${cls}${rowData(f.id, item)}>${head}${featureCell}${tasksCell}` +
    `<td class="${!f.traced && !dropped ? 'sl-gap' : ''}">${flag(f.traced, tracedText, tracedText)}</td>` +
    `<td class="${!f.scheduled && !dropped ? 'sl-gap' : ''}">${flag(f.scheduled, scheduledText, f.tasks.length === 0 ? 'No tasks' : 'No dates')}</td></tr>`;
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
export const MATRIX_CSS = `
.sl-matrix-view { padding: 12px 16px 24px; --sl-line: var(--vscode-panel-border, var(--vscode-editorWidget-border, #d0d7de)); --sl-muted: var(--vscode-descriptionForeground, #59636e);
  --sl-surface: var(--vscode-editorWidget-background, #f6f8fa); --sl-warn: var(--vscode-editorWarning-foreground, #9a6700);
  --sl-warn-bg: var(--vscode-inputValidation-warningBackground, rgba(212, 167, 44, 0.15)); --sl-ok: var(--vscode-charts-green, #2da44e); }
.sl-tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px; margin-bottom: 16px; }
.sl-tile { border: 1px solid var(--sl-line); border-radius: 6px; padding: 10px 12px; background: var(--sl-surface); min-width: 0; }
.sl-tile h3 { margin: 0 0 4px; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--sl-muted); }
.sl-tile p { margin: 4px 0 0; font-size: 12px; color: var(--sl-muted); }
.sl-big { font-size: 24px; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }
.sl-of { font-size: 13px; font-weight: normal; color: var(--sl-muted); }
.sl-tile-gap.sl-has-gap { border-left: 4px solid var(--sl-warn); }
.sl-tile-gap.sl-has-gap .sl-big { color: var(--sl-warn); }
.sl-gap-icon { color: var(--sl-warn); margin-right: 4px; }
.sl-chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.sl-chip { display: inline-block; padding: 0 6px; border-radius: 9px; border: 1px solid var(--sl-line); font-size: 11px; line-height: 17px; white-space: nowrap;
  background: var(--vscode-editor-background, #fff); }
.sl-id, .sl-id-chip, .sl-task { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, monospace); }
.sl-id { font-weight: 600; font-size: 12px; }
.sl-chip[data-file]:hover { border-color: var(--vscode-focusBorder, #0969da); }
.sl-task.sl-st-done { color: var(--sl-muted); }
.sl-task.sl-st-in-progress { border-color: var(--vscode-charts-blue, #3b82c4); }
.sl-task.sl-st-blocked { border-color: var(--vscode-charts-red, #d73a49); }
.sl-task.sl-unscheduled { border-style: dashed; }
.sl-none, .sl-more, .sl-hint { font-size: 11px; color: var(--sl-muted); }
.sl-matrix { width: 100%; min-width: 640px; border-collapse: separate; border-spacing: 0; table-layout: fixed; border: 1px solid var(--sl-line); border-top: none; border-bottom: none; }
.sl-matrix th, .sl-matrix td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--sl-line); overflow-wrap: anywhere; }
.sl-matrix-head { position: sticky; top: 0; z-index: 1; border-top: 1px solid var(--sl-line); border-radius: 6px 6px 0 0; }
.sl-matrix thead th { background: var(--sl-surface); font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--sl-muted); border-bottom: 2px solid var(--sl-line); }
.sl-matrix-head thead th:first-child { border-top-left-radius: 5px; } .sl-matrix-head thead th:last-child { border-top-right-radius: 5px; }
.sl-matrix-band { content-visibility: auto; contain-intrinsic-size: auto 64px; }
${Array.from({ length: MAX_ESTIMATED_ROWS - 1 }, (_, i) => `.sl-matrix-band[data-rows="${i + 2}"] { contain-intrinsic-size: auto ${(i + 2) * 40}px; }`).join('\n')}
.sl-matrix-band:last-child .sl-matrix { border-bottom: 1px solid var(--sl-line); border-radius: 0 0 6px 6px; }
.sl-matrix-band:last-child tr:last-child > * { border-bottom: none; }
.sl-matrix-band + .sl-matrix-band tr:first-child > * { border-top: 2px solid var(--sl-line); }
.sl-col-goal { width: 22%; } .sl-col-feature { width: 24%; } .sl-col-traced { width: 11%; } .sl-col-scheduled { width: 17%; }
.sl-goal-cell { font-weight: normal; border-right: 1px solid var(--sl-line); background: var(--sl-surface); }
.sl-goal-name { font-weight: 600; line-height: 1.3; margin-bottom: 4px; }
.sl-goal-coverage { display: flex; align-items: center; gap: 6px; font-size: 11px; color: var(--sl-muted); font-variant-numeric: tabular-nums; }
.sl-coverage-bar { width: 100%; max-width: 140px; height: 6px; border: none; border-radius: 3px; overflow: hidden; appearance: none; -webkit-appearance: none; }
.sl-coverage-bar::-webkit-progress-bar { background: var(--sl-line); border-radius: 3px; }
.sl-coverage-bar::-webkit-progress-value { background: var(--sl-ok); border-radius: 3px; }
.sl-coverage-bar::-moz-progress-bar { background: var(--sl-ok); }
.sl-goal-coverage span { white-space: nowrap; }
.sl-goal-coverage .sl-coverage-bar { flex: 1; min-width: 40px; }
.sl-feature-cell .sl-chip-status { margin-top: 3px; }
.sl-flag { white-space: nowrap; font-size: 12px; }
.sl-flag.sl-ok { color: var(--sl-ok); }
.sl-flag.sl-no { color: var(--sl-warn); font-weight: 600; }
.sl-matrix td.sl-gap, .sl-matrix th.sl-gap { background: var(--sl-warn-bg); }
.sl-matrix tr.sl-row-gap > td:first-of-type { box-shadow: inset 3px 0 0 var(--sl-warn); }
.sl-matrix tr.sl-dropped td { opacity: 0.6; }
.sl-task-title { font-size: 12px; color: var(--sl-muted); }
.sl-matrix tr[data-file]:hover > td { background: var(--vscode-list-hoverBackground, rgba(128, 128, 128, 0.08)); }
.sl-matrix tr[data-file]:hover > td.sl-gap { background: var(--sl-warn-bg); }
.sl-matrix tr.sl-selected { outline: none; }
.sl-matrix tr.sl-selected > td { background: var(--vscode-list-inactiveSelectionBackground, rgba(9, 105, 218, 0.12)); }
.sl-matrix th.sl-selected, .sl-chip.sl-selected { outline: 2px solid var(--vscode-focusBorder, #0969da); outline-offset: -2px; }
.sl-empty-state code { font-family: var(--vscode-editor-font-family, monospace); }
body.vscode-high-contrast .sl-coverage-bar::-webkit-progress-bar { background: transparent; box-shadow: inset 0 0 0 1px var(--vscode-contrastBorder); }
body.vscode-high-contrast .sl-tile, body.vscode-high-contrast .sl-chip, body.vscode-high-contrast .sl-matrix { border-color: var(--vscode-contrastBorder, currentColor); }
`;
