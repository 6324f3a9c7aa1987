import type { Analysis } from '../analysis/types.js';
import { dateParts, dayNumber, formatDate } from '../model/dates.js';
import type { DayNumber, Diagnostic } from '../model/types.js';
import { workCalendar } from './calendar.js';
import type { GanttModel, GanttModelOptions, GanttRow } from './ganttModel.js';
import { buildGanttModel } from './ganttModel.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney } from '../cost/formatMoney.js';
import { hasCode, LATE_CODES, OVERALLOCATED_CODES, problemsByItem } from './problems.js';
import type { BlockedMarkup, ViewBlock } from './blocks.js';
import { blockAttr, BLOCKS_MARKER, joinBlocks } from './blocks.js';
import { cleanLine } from './text.js';
import { escapeXml, num } from './xml.js';
import { displayId } from '../mermaid/localId.js';
import type { Baseline } from '../baseline/baseline.js';
import { GANTT_BASELINE_CSS, GanttBaselineLayer } from './ganttBaseline.js';

/** Horizontal scale of the chart. */
export type GanttZoom = 'day' | 'week' | 'month' | 'quarter';

/** Options of {@link renderGanttSvg}. */
export interface GanttSvgOptions extends GanttModelOptions {
  /** Pixels per day: day 24, week 10, month 3, quarter 1.2. Default `week`. */
  zoom?: GanttZoom;
  /** Accessible name of the chart (user text). */
  title?: string;
  /**
   * Include the `<style>` element (default). A webview leaves it out and loads the same
   * CSS once from its page, so a re-render does not re-parse it.
   */
  embedStyle?: boolean;
  /**
   * `title` (default): hover text in `<title>` elements, which every SVG viewer shows.
   * `data`: in a `data-tip` attribute for the webview's own tooltip, sparing it thousands
   * of elements to parse and then move.
   */
  tooltips?: 'title' | 'data';
  /**
   * Webviews only: above this many rows, draw the chart in bands of this many rows that
   * the browser lays out only when on screen (see `bandedChart`). Output is HTML then, not
   * a single SVG document.
   */
  bandRows?: number;
  /** Keys of sections drawn collapsed: the header and its summary bar, no rows. */
  collapsed?: ReadonlySet<string>;
  /** Draw this baseline under the bars, with slip labels (see `GanttBaselineLayer`). */
  baseline?: Baseline;
}

/**
 * The `data-toggle` value of a section: a short hash of its grouping key, so no heading
 * text (however long or hostile) is repeated into an attribute. FNV-1a over UTF-16 code
 * units, twice with different seeds: a collision between two sections of one chart would
 * only make them collapse together.
 */
export function sectionToggleKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `s${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** Pixels per calendar day for each zoom level. */
export const PX_PER_DAY: Readonly<Record<GanttZoom, number>> = { day: 24, week: 10, month: 3, quarter: 1.2 };
/** Zoom levels from fine to coarse, in {@link PX_PER_DAY}'s order (which must name every level). */
const ZOOMS = Object.keys(PX_PER_DAY) as GanttZoom[];
/**
 * Beyond this width a plan spanning decades (often a typo'd year) would produce an SVG
 * of millions of pixels and tick marks; the zoom steps out until it fits or is `quarter`.
 */
const MAX_CHART_WIDTH = 60_000;

const LABEL_WIDTH = 300;
const LABEL_CHARS = 42;
const HEADER = 44;
const ROW = 24;
const BAR = 14;
const DIAMOND = 7;
const PAD_RIGHT = 40;
/** Problems listed in a bar's tooltip before "… and N more". */
const TOOLTIP_PROBLEMS = 5;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Theme hooks: every colour is a CSS variable of the VS Code webview with a fallback for
 * standalone files. Static text only, no user input, no `<` or `&`, so it needs no CDATA.
 * Classes are prefixed `sl-` because the SVG is inlined into HTML pages where its style
 * element applies to the whole document.
 */
export const GANTT_CSS = `
.sl-gantt { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: 12px; }
.sl-gantt text { fill: var(--vscode-editor-foreground, #333); }
.sl-bg { fill: var(--vscode-editor-background, #fff); }
.sl-axis-band { fill: var(--vscode-editorWidget-background, #f5f5f5); }
.sl-axis text, .sl-axis-label { fill: var(--vscode-descriptionForeground, #666); font-size: 11px; }
.sl-grid { stroke: var(--vscode-editorIndentGuide-background, #e5e5e5); stroke-width: 1; }
.sl-grid-major { stroke: var(--vscode-editorIndentGuide-activeBackground, #c4c4c4); stroke-width: 1; }
.sl-nonworking { fill: var(--vscode-editorGutter-background, #f2f2f2); opacity: 0.8; }
.sl-section-band { fill: var(--vscode-sideBarSectionHeader-background, #e9edf2); }
.sl-section-label { font-weight: 600; }
.sl-row-alt { fill: var(--vscode-list-hoverBackground, #fafafa); }
.sl-bar { fill: var(--vscode-charts-blue, #4e79a7); }
.sl-progress { fill: var(--specline-progress, rgba(0, 0, 0, 0.28)); pointer-events: none; }
.sl-critical .sl-bar { fill: var(--vscode-charts-red, #e15759); }
.sl-done .sl-bar { fill: var(--vscode-charts-green, #59a14f); }
.sl-milestone { fill: var(--vscode-charts-purple, #8e6bb5); }
.sl-critical .sl-milestone { fill: var(--vscode-charts-red, #e15759); }
.sl-done .sl-milestone { fill: var(--vscode-charts-green, #59a14f); }
.sl-dep { fill: none; stroke: var(--vscode-charts-lines, #8a8a8a); stroke-width: 1.2; }
.sl-dep-head { fill: var(--vscode-charts-lines, #8a8a8a); }
.sl-dep-critical { stroke: var(--vscode-charts-red, #e15759); }
.sl-dep-head.sl-dep-critical { fill: var(--vscode-charts-red, #e15759); stroke: none; }
.sl-today { stroke: var(--vscode-charts-orange, #f28e2b); stroke-width: 2; }
.sl-today-tag { fill: var(--vscode-charts-orange, #f28e2b); }
.sl-gantt text.sl-today-label { fill: var(--vscode-editor-background, #fff); font-size: 10px; font-weight: 600; }
.sl-marker-late { fill: var(--vscode-editorError-foreground, #d32f2f); }
.sl-marker-overallocated { fill: var(--vscode-editorWarning-foreground, #e6a100); }
.sl-empty { fill: var(--vscode-descriptionForeground, #666); }
.sl-summary { fill: var(--vscode-editor-foreground, #333); opacity: 0.55; }
.sl-twisty { fill: var(--vscode-descriptionForeground, #666); }
`;

/**
 * A self-contained SVG Gantt chart, drawn by Specline itself (no mermaid): one row per
 * task or milestone grouped under section headers, bars positioned by day with a
 * progress fill, milestones as diamonds, finish-to-start dependency arrows, critical
 * bars highlighted, a today line, a month/week (or year/quarter) axis, `<title>`
 * tooltips and markers for late and over-allocated work.
 *
 * Every task group and bar carries `data-id`, `data-file` and `data-line` (the zero-based
 * line of the item's ID, as in the VS Code API) so a webview can reveal the source on
 * click. The output has no scripts, no event-handler attributes and no external
 * references; all user text is XML-escaped. Linear in rows and links: rows are found
 * through an id→row map, never by scanning.
 */
export function renderGanttSvg(analysis: Analysis, options: GanttSvgOptions = {}): string {
  const model = buildGanttModel(analysis, options);
  return renderGanttSvgFromModel(analysis, model, options);
}

/**
 * As {@link renderGanttSvg}, from a model already built (the HTML page builds the model
 * once for both the chart and the list of unscheduled items).
 */
export function renderGanttSvgFromModel(analysis: Analysis, model: GanttModel, options: GanttSvgOptions = {}): string {
  const chart = ganttChart(analysis, model, options);
  return typeof chart === 'string' ? chart : joinBlocks(chart);
}

/**
 * As {@link renderGanttSvgFromModel}, and when the chart is banded (`bandRows`) also as
 * keyed blocks, one per band (`band/0`, `band/1`…), so that a preview can send the first
 * bands first and later only the bands an edit changed.
 */
export function renderGanttChartFromModel(analysis: Analysis, model: GanttModel, options: GanttSvgOptions = {}): { html: string; blocks?: BlockedMarkup } {
  const chart = ganttChart(analysis, model, options);
  // The joined markup only when asked for: a preview sends the blocks and never needs it.
  return typeof chart === 'string' ? { html: chart } : { get html() { return joinBlocks(chart); }, blocks: chart };
}

function ganttChart(analysis: Analysis, model: GanttModel, options: GanttSvgOptions): string | BlockedMarkup {
  const name = cleanLine(options.title, 200) || 'Gantt chart';
  if (model.first === undefined || model.last === undefined || model.rowCount === 0) {
    const w = 420;
    const h = 60;
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeXml(name)}">`,
      `<style>${GANTT_CSS}</style>`,
      `<rect class="sl-bg" x="0" y="0" width="${w}" height="${h}"/>`,
      `<text class="sl-empty" x="16" y="34">No scheduled tasks or milestones.</text>`,
      '</svg>',
    ].join('\n') + '\n';
  }

  const base = options.baseline ? new GanttBaselineLayer(analysis, model, options.baseline, options, { row: ROW, bar: BAR, diamond: DIAMOND, labelWidth: LABEL_WIDTH, labelChars: LABEL_CHARS }) : undefined;
  const spanFirst = Math.min(model.first, base?.first ?? model.first);
  const spanLast = Math.max(model.last, base?.last ?? model.last);
  const zoom = fitZoom(options.zoom ?? 'week', spanFirst, spanLast);
  const ppd = PX_PER_DAY[zoom];
  const origin = unitStart(zoom, spanFirst);
  const stop = unitEnd(zoom, spanLast); // exclusive
  const chartWidth = (stop - origin) * ppd;
  const width = LABEL_WIDTH + chartWidth + PAD_RIGHT;
  const xOf = (day: DayNumber): number => LABEL_WIDTH + (day - origin) * ppd;

  // Layout pass: y of every row, and id → row for the arrows (O(1) lookups). Rows of a
  // collapsed section are not placed; arrows to them are not drawn.
  const collapsed = options.collapsed;
  const placed: Array<{ row: GanttRow; y: number }> = [];
  const byId = new Map<string, { row: GanttRow; y: number }>();
  const sectionYs: SectionLayout[] = [];
  let y = HEADER;
  for (const section of model.sections) {
    const toggle = sectionToggleKey(section.key);
    const closed = collapsed?.has(toggle) ?? false;
    let first = Infinity;
    let last = -Infinity;
    for (const row of section.rows) {
      if (row.start < first) first = row.start;
      if (row.end > last) last = row.end;
    }
    sectionYs.push({ label: section.label, y, toggle, closed, first, last, count: section.rows.length });
    y += ROW;
    if (closed) continue;
    for (const row of section.rows) {
      const p = { row, y };
      placed.push(p);
      if (!byId.has(row.id)) byId.set(row.id, p);
      y += ROW;
    }
  }
  const tailY = y;
  const height = y + (base?.tailHeight ?? 0);
  const problems = problemsByItem(analysis);
  const tipsAsData = options.tooltips === 'data';
  /** A row's group, with the baseline drawn under it and its slip label after it. */
  const rowMarkup = (p: { row: GanttRow; y: number }): string => {
    const own = taskGroup(analysis, p.row, p.y, xOf, problems.get(p.row.id), tipsAsData);
    return base ? base.under(p.row, p.y, xOf, tipsAsData) + own + base.over(p.row, p.y, xOf, problems.get(p.row.id)) : own;
  };
  const tail = base && base.tailHeight > 0 ? { y: tailY, markup: () => base.tail(tailY, width, xOf, tipsAsData) } : undefined;
  if (options.bandRows !== undefined && placed.length > options.bandRows) {
    return bandedChart({ analysis, name, zoom, ppd, origin, stop, width, height, xOf, placed, byId, sectionYs, problems, tipsAsData, bandRows: Math.max(10, options.bandRows), rowMarkup, ...(tail ? { tail } : {}) });
  }

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${escapeXml(name)}" data-origin-day="${origin}" data-px-per-day="${ppd}" data-chart-left="${LABEL_WIDTH}">`);
  if (options.embedStyle !== false) out.push(`<style>${GANTT_CSS}${base ? GANTT_BASELINE_CSS : ''}</style>`);
  out.push(`<rect class="sl-bg" x="0" y="0" width="${num(width)}" height="${num(height)}"/>`);

  // Background: non-working days, then section bands, then the grid and axis on top.
  if (zoom === 'day' || zoom === 'week') out.push(nonWorkingDays(analysis, origin, stop, xOf, height));
  for (const s of sectionYs) out.push(sectionHeader(s, width, xOf));
  out.push(axis(zoom, origin, stop, xOf, height));

  // Arrows under the bars, so a bar is never hidden by a line crossing it.
  out.push('<g class="sl-deps">');
  for (const p of placed) {
    for (const predId of p.row.predecessors) {
      const pred = byId.get(predId);
      if (pred === undefined || pred === p) continue;
      out.push(arrow(pred, p, xOf));
    }
  }
  out.push('</g>');

  out.push('<g class="sl-tasks">');
  for (const p of placed) out.push(rowMarkup(p));
  if (tail) out.push(tail.markup());
  out.push('</g>');

  out.push(todayMarker(analysis.today, origin, stop, xOf, height));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The today line and its tag, or nothing when today is outside the chart. */
function todayMarker(today: DayNumber, origin: DayNumber, stop: DayNumber, xOf: (d: DayNumber) => number, height: number): string {
  if (today < origin || today >= stop) return '';
  const x = xOf(today);
  return [
    `<line class="sl-today" x1="${num(x)}" y1="${HEADER / 2}" x2="${num(x)}" y2="${num(height)}"><title>Today ${formatDate(today)}</title></line>`,
    // The tag sits in the upper band on a backing rect, so it stays readable over a month label.
    `<rect class="sl-today-tag" x="${num(x - 18)}" y="3" width="36" height="15" rx="3"/>`,
    `<text class="sl-today-label" x="${num(x)}" y="14" text-anchor="middle">today</text>`,
  ].join('\n');
}

interface BandedLayout {
  analysis: Analysis;
  name: string;
  zoom: GanttZoom;
  ppd: number;
  origin: DayNumber;
  stop: DayNumber;
  width: number;
  height: number;
  xOf: (d: DayNumber) => number;
  placed: Array<{ row: GanttRow; y: number }>;
  byId: Map<string, { row: GanttRow; y: number }>;
  sectionYs: SectionLayout[];
  problems: Map<string, Diagnostic[]>;
  tipsAsData: boolean;
  bandRows: number;
  rowMarkup: (p: { row: GanttRow; y: number }) => string;
  /** Rows drawn after the sections (the baseline's removed items). */
  tail?: { y: number; markup: () => string };
}

/**
 * A large chart for a webview, drawn as layers so the browser only lays out what is on
 * screen: a background SVG (axis, grid, non-working days), then the rows in bands of
 * `bandRows` rows, each its own SVG in a `content-visibility: auto` box (off-screen bands
 * are neither laid out nor painted), then a thin overlay with the today line. Each band's
 * viewBox starts at its own y, so rows keep the coordinates of the single-SVG chart. Same
 * rows, classes and data attributes as {@link renderGanttSvg}.
 *
 * The dependency arrows are drawn in the bands, under their rows: each band draws every
 * arrow that crosses it, and its viewport cuts the arrow at its edges, so the pieces join
 * into the same picture as one layer of arrows. That keeps the frame the same when a bar
 * moves: an edit changes the bands its bar and its arrows cross, and the preview patches
 * those instead of sending the whole chart again.
 */
function bandedChart(l: BandedLayout): BlockedMarkup {
  const { width, height, xOf } = l;
  const out: string[] = [];
  out.push(`<div class="sl-gantt-stack" style="width:${num(width)}px;height:${num(height)}px">`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt sl-gantt-back" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${escapeXml(l.name)}" data-origin-day="${l.origin}" data-px-per-day="${l.ppd}" data-chart-left="${LABEL_WIDTH}">`);
  out.push(`<rect class="sl-bg" x="0" y="0" width="${num(width)}" height="${num(height)}"/>`);
  if (l.zoom === 'day' || l.zoom === 'week') out.push(nonWorkingDays(l.analysis, l.origin, l.stop, xOf, height));
  out.push(axis(l.zoom, l.origin, l.stop, xOf, height));
  out.push('</svg>');

  // Rows and section headers in y order, cut into bands.
  const entries: Array<{ y: number; markup: () => string }> = [];
  for (const s of l.sectionYs) entries.push({ y: s.y, markup: () => sectionHeader(s, width, xOf) });
  for (const p of l.placed) entries.push({ y: p.y, markup: () => l.rowMarkup(p) });
  if (l.tail) entries.push(l.tail);
  entries.sort((a, b) => a.y - b.y);
  out.push(`<div class="sl-band-spacer" style="height:${HEADER}px"></div>`);
  // The bands are the blocks; the wrapper holds nothing else, as blocks require.
  out.push(`<div class="sl-bands">${BLOCKS_MARKER}</div>`);
  const bands: Array<{ top: number; bottom: number; entries: typeof entries; arrows: string[] }> = [];
  for (let i = 0; i < entries.length; i += l.bandRows) {
    const top = entries[i]!.y;
    const bottom = i + l.bandRows < entries.length ? entries[i + l.bandRows]!.y : height;
    bands.push({ top, bottom, entries: entries.slice(i, i + l.bandRows), arrows: [] });
  }
  // Each arrow into every band it crosses: between its two rows, both included.
  for (const p of l.placed) {
    for (const predId of p.row.predecessors) {
      const pred = l.byId.get(predId);
      if (pred === undefined || pred === p) continue;
      const markup = arrow(pred, p, xOf);
      const lo = Math.min(pred.y, p.y);
      const hi = Math.max(pred.y, p.y) + ROW;
      for (const band of bands) if (band.top < hi && band.bottom > lo) band.arrows.push(markup);
    }
  }
  const blocks: ViewBlock[] = [];
  for (const [k, band] of bands.entries()) {
    const h = band.bottom - band.top;
    const key = `band/${k}`;
    const markup = [`<div class="sl-band" style="height:${num(h)}px"${blockAttr(key)}>`];
    markup.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt" width="${num(width)}" height="${num(h)}" viewBox="0 ${num(band.top)} ${num(width)} ${num(h)}">`);
    if (band.arrows.length > 0) markup.push(`<g class="sl-deps">${band.arrows.join('')}</g>`);
    markup.push('<g class="sl-tasks">');
    for (const e of band.entries) markup.push(e.markup());
    markup.push('</g></svg></div>');
    blocks.push({ key, html: markup.join('\n') });
  }
  const today = todayMarker(l.analysis.today, l.origin, l.stop, xOf, height);
  if (today) out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt sl-gantt-front" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" aria-hidden="true">${today}</svg>`);
  out.push('</div>');
  return { frame: out.join('\n') + '\n', blocks };
}

type SectionLayout = { label: string; y: number; toggle: string; closed: boolean; first: DayNumber; last: DayNumber; count: number };

/** A section's header row: band, twisty, label and summary bar; clicking it collapses the section. */
function sectionHeader(s: SectionLayout, width: number, xOf: (d: DayNumber) => number): string {
  const out: string[] = [];
  const twisty = s.closed ? `M8 ${num(s.y + 7)}l6 5l-6 5z` : `M6 ${num(s.y + 9)}h10l-5 6z`;
  const label = cleanLine(s.label, 80) + (s.closed ? ` (${s.count})` : '');
  out.push(`<g class="sl-section${s.closed ? ' sl-collapsed' : ''}" data-toggle="${escapeXml(s.toggle)}" role="button" aria-expanded="${!s.closed}" tabindex="0">`);
  out.push(`<rect class="sl-section-band" x="0" y="${num(s.y)}" width="${num(width)}" height="${ROW}"/>`);
  out.push(`<path class="sl-twisty" d="${twisty}"/>`);
  out.push(`<text class="sl-section-label" x="22" y="${num(s.y + ROW / 2 + 4)}">${escapeXml(label)}</text>`);
  if (s.count > 0 && Number.isFinite(s.first)) {
    // A summary bar over the section's span, as project tools draw a summary task.
    const x1 = xOf(s.first);
    const x2 = Math.max(x1 + 2, xOf(s.last + 1));
    const by = s.y + ROW / 2 - 3;
    out.push(`<path class="sl-summary" d="M${num(x1)} ${num(by)}H${num(x2)}v8l-4 -3H${num(x1 + 4)}l-4 3z"/>`);
  }
  out.push('</g>');
  return out.join('\n');
}

/** The requested zoom, or the first coarser one whose chart stays under MAX_CHART_WIDTH. */
function fitZoom(requested: GanttZoom, first: DayNumber, last: DayNumber): GanttZoom {
  let i = ZOOMS.indexOf(requested);
  if (i < 0) i = 1;
  while (i < ZOOMS.length - 1 && (last - first + 1) * PX_PER_DAY[ZOOMS[i]] > MAX_CHART_WIDTH) i++;
  return ZOOMS[i];
}

/** Start of the axis: a Monday for day/week zoom, the 1st of the month or quarter otherwise. */
function unitStart(zoom: GanttZoom, day: DayNumber): DayNumber {
  const { year, month } = dateParts(day);
  switch (zoom) {
    case 'day':
    case 'week':
      return day - ((dayOfWeek(day) + 6) % 7);
    case 'month':
      return dayNumber(year, month, 1);
    case 'quarter':
      return dayNumber(year, month - ((month - 1) % 3), 1);
  }
}

/** End of the axis, exclusive: the Monday after, or the first day of the next month/quarter. */
function unitEnd(zoom: GanttZoom, day: DayNumber): DayNumber {
  const { year, month } = dateParts(day);
  switch (zoom) {
    case 'day':
    case 'week':
      return day + 7 - ((dayOfWeek(day) + 6) % 7);
    case 'month':
      return dayNumber(year, month + 1, 1);
    case 'quarter':
      return dayNumber(year, month - ((month - 1) % 3) + 3, 1);
  }
}

function dayOfWeek(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Shaded columns for non-working days (weekends, holidays), merged into runs. */
function nonWorkingDays(analysis: Analysis, origin: DayNumber, stop: DayNumber, xOf: (d: DayNumber) => number, height: number): string {
  const calendar = workCalendar(analysis.config.calendar);
  const parts: string[] = ['<g class="sl-nonworking-days">'];
  let runStart: DayNumber | undefined;
  for (let d = origin; d <= stop; d++) {
    const off = d < stop && !calendar.isWorkingDay(d);
    if (off && runStart === undefined) runStart = d;
    if (!off && runStart !== undefined) {
      parts.push(`<rect class="sl-nonworking" x="${num(xOf(runStart))}" y="${HEADER}" width="${num(xOf(d) - xOf(runStart))}" height="${num(height - HEADER)}"/>`);
      runStart = undefined;
    }
  }
  parts.push('</g>');
  return parts.join('\n');
}

/**
 * Two bands of labels and the vertical grid. Day/week zoom: months above, days (day) or
 * Mondays (week) below. Month zoom: years above, months below. Quarter: years, quarters.
 */
function axis(zoom: GanttZoom, origin: DayNumber, stop: DayNumber, xOf: (d: DayNumber) => number, height: number): string {
  const parts: string[] = ['<g class="sl-axis">'];
  parts.push(`<rect class="sl-axis-band" x="${LABEL_WIDTH}" y="0" width="${num(xOf(stop) - LABEL_WIDTH)}" height="${HEADER}"/>`);
  const top = HEADER / 2;

  const upper: Array<{ day: DayNumber; label: string }> = [];
  const lower: Array<{ day: DayNumber; label: string; major: boolean }> = [];
  if (zoom === 'day' || zoom === 'week') {
    for (const m of monthStarts(origin, stop)) upper.push({ day: m.day, label: `${MONTHS[m.month - 1]} ${m.year}` });
    for (let d = origin; d < stop; d++) {
      const monday = dayOfWeek(d) === 1;
      if (zoom === 'day') lower.push({ day: d, label: String(dateParts(d).day), major: monday });
      else if (monday) lower.push({ day: d, label: String(dateParts(d).day), major: true });
    }
  } else {
    for (const m of monthStarts(origin, stop)) {
      if (m.month === 1 || m.day === origin) upper.push({ day: m.day, label: String(m.year) });
      if (zoom === 'month') lower.push({ day: m.day, label: MONTHS[m.month - 1], major: true });
      else if ((m.month - 1) % 3 === 0) lower.push({ day: m.day, label: `Q${(m.month - 1) / 3 + 1}`, major: true });
      else lower.push({ day: m.day, label: '', major: false });
    }
  }
  for (const u of upper) {
    const x = xOf(u.day);
    parts.push(`<line class="sl-grid-major" x1="${num(x)}" y1="0" x2="${num(x)}" y2="${top}"/>`);
    parts.push(`<text class="sl-axis-label" x="${num(x + 4)}" y="${top - 7}">${escapeXml(u.label)}</text>`);
  }
  for (const l of lower) {
    const x = xOf(l.day);
    parts.push(`<line class="${l.major ? 'sl-grid-major' : 'sl-grid'}" x1="${num(x)}" y1="${top}" x2="${num(x)}" y2="${num(height)}"/>`);
    if (l.label) parts.push(`<text class="sl-axis-label" x="${num(x + 3)}" y="${HEADER - 7}">${escapeXml(l.label)}</text>`);
  }
  parts.push(`<line class="sl-grid-major" x1="0" y1="${HEADER}" x2="${num(xOf(stop))}" y2="${HEADER}"/>`);
  parts.push('</g>');
  return parts.join('\n');
}

/** First days of the months that start within [origin, stop), plus origin itself. */
function monthStarts(origin: DayNumber, stop: DayNumber): Array<{ day: DayNumber; year: number; month: number }> {
  const result: Array<{ day: DayNumber; year: number; month: number }> = [];
  let { year, month } = dateParts(origin);
  result.push({ day: origin, year, month });
  for (;;) {
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
    const day = dayNumber(year, month, 1);
    if (day >= stop) break;
    result.push({ day, year, month });
  }
  return result;
}

/** Horizontal extent of a row's shape: a bar, or a diamond centred inside its day. */
function extent(row: GanttRow, xOf: (d: DayNumber) => number): { left: number; right: number; centre: number } {
  if (row.kind === 'milestone') {
    const centre = (xOf(row.start) + xOf(row.start + 1)) / 2;
    return { left: centre - DIAMOND, right: centre + DIAMOND, centre };
  }
  const left = xOf(row.start);
  const right = Math.max(left + 2, xOf(row.end + 1));
  return { left, right, centre: (left + right) / 2 };
}

/**
 * A finish-to-start elbow from the end of the predecessor to the start of the successor.
 * When the successor starts right of the predecessor's end, one elbow suffices; otherwise
 * the line drops to the gap between rows, runs back left, and enters from the left.
 */
function arrow(from: { row: GanttRow; y: number }, to: { row: GanttRow; y: number }, xOf: (d: DayNumber) => number): string {
  const a = extent(from.row, xOf);
  const b = extent(to.row, xOf);
  const y1 = from.y + ROW / 2;
  const y2 = to.y + ROW / 2;
  const x1 = a.right;
  const x2 = b.left;
  let d: string;
  if (x2 - x1 >= 12) {
    const xm = x1 + 6;
    d = `M${num(x1)} ${num(y1)}H${num(xm)}V${num(y2)}H${num(x2)}`;
  } else {
    const yGap = to.y > from.y ? to.y : to.y + ROW;
    d = `M${num(x1)} ${num(y1)}h6V${num(yGap)}H${num(x2 - 8)}V${num(y2)}H${num(x2)}`;
  }
  const critical = from.row.critical && to.row.critical ? ' sl-dep-critical' : '';
  return `<path class="sl-dep${critical}" data-from="${escapeXml(from.row.id)}" data-to="${escapeXml(to.row.id)}" d="${d}"/>` +
    `<path class="sl-dep-head${critical}" d="M${num(x2)} ${num(y2)}l-5 -3.5v7z"/>`;
}

function taskGroup(analysis: Analysis, row: GanttRow, y: number, xOf: (d: DayNumber) => number, problems: Diagnostic[] | undefined, tipsAsData: boolean): string {
  const late = hasCode(problems, LATE_CODES);
  const overallocated = hasCode(problems, OVERALLOCATED_CODES);
  const classes = ['sl-task', `sl-${row.kind}-row`];
  if (row.critical) classes.push('sl-critical');
  if (row.status === 'done') classes.push('sl-done');
  else if (row.status === 'in-progress') classes.push('sl-active');
  if (late) classes.push('sl-late');
  if (overallocated) classes.push('sl-overallocated');

  // The bar's first and last day (day numbers): the preview moves and resizes bars from them.
  const data = `data-id="${escapeXml(row.id)}" data-file="${escapeXml(row.item.file)}" data-line="${row.item.idRange.start.line}" data-start-day="${row.start}" data-end-day="${row.end}"`;
  const label = cleanLine(`${displayId(row.id)} ${cleanLine(row.item.title)}`, LABEL_CHARS);
  const mid = y + ROW / 2;
  const { left, right, centre } = extent(row, xOf);
  const parts: string[] = [];
  const tip = escapeXml(tooltip(analysis, row, problems));
  parts.push(tipsAsData ? `<g class="${classes.join(' ')}" ${data} data-tip="${tip}">` : `<g class="${classes.join(' ')}" ${data}>`);
  // The group carries the file and line (a click anywhere in the row finds them with
  // closest()); the shape only names its item, which keeps large charts small.
  const shapeData = `data-id="${escapeXml(row.id)}"`;
  if (!tipsAsData) parts.push(`<title>${tip}</title>`);
  parts.push(`<text class="sl-label" x="16" y="${num(mid + 4)}">${escapeXml(label)}</text>`);
  if (row.kind === 'milestone') {
    parts.push(`<path class="sl-milestone" ${shapeData} d="M${num(centre)} ${num(mid - DIAMOND)}l${DIAMOND} ${DIAMOND}l${-DIAMOND} ${DIAMOND}l${-DIAMOND} ${-DIAMOND}z"/>`);
  } else {
    const top = mid - BAR / 2;
    parts.push(`<rect class="sl-bar" ${shapeData} x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${BAR}" rx="3"/>`);
    if (row.progress > 0) {
      parts.push(`<rect class="sl-progress" x="${num(left)}" y="${num(top)}" width="${num(((right - left) * row.progress) / 100)}" height="${BAR}" rx="3"/>`);
    }
  }
  let mx = right + 5;
  if (late) {
    parts.push(`<path class="sl-marker sl-marker-late" d="M${num(mx)} ${num(mid + 5)}l5 -10l5 10z"/>`);
    mx += 13;
  }
  if (overallocated) parts.push(`<circle class="sl-marker sl-marker-overallocated" cx="${num(mx + 5)}" cy="${num(mid)}" r="4.5"/>`);
  parts.push('</g>');
  return parts.join('');
}

/** One cleaned line per diagnostic, computed once: many rows share one diagnostic. */
const problemLines = new WeakMap<Diagnostic, string>();
function problemLine(d: Diagnostic): string {
  let line = problemLines.get(d);
  if (line === undefined) {
    line = `${d.severity}: ${d.code}: ${cleanLine(d.message, 200)}`;
    problemLines.set(d, line);
  }
  return line;
}

/** Plain text (escaped by the caller) shown on hover. */
function tooltip(analysis: Analysis, row: GanttRow, problems: Diagnostic[] | undefined): string {
  const lines: string[] = [`${displayId(row.id)} ${cleanLine(row.item.title, 200)}`];
  if (row.kind === 'milestone') {
    lines.push(`Milestone: ${formatDate(row.start)}`);
  } else {
    lines.push(`${formatDate(row.start)} → ${formatDate(row.end)} (${row.duration} working day${row.duration === 1 ? '' : 's'})`);
  }
  const status = [row.status ? `Status: ${row.status}` : '', row.kind === 'task' ? `Progress: ${Math.round(row.progress)}%` : ''].filter(Boolean);
  if (status.length > 0) lines.push(status.join(' · '));
  if (row.item.owners.length > 0) lines.push(`Owner: ${row.item.owners.map((o) => cleanLine(o, 60)).join(', ')}`);
  const cost = row.kind === 'task' ? analysisCost(analysis).tasks.get(row.id) : undefined;
  if (cost && (cost.cost > 0 || cost.spentTasks > 0)) {
    lines.push(`Cost: ${formatMoney(cost.cost, analysis.config.currency)} planned${cost.spentTasks > 0 ? ` · ${formatMoney(cost.ac)} spent` : ''}`);
  }
  if (row.float !== undefined) lines.push(`Float: ${row.float} working day${Math.abs(row.float) === 1 ? '' : 's'}${row.critical ? ' (critical path)' : ''}`);
  else if (row.critical) lines.push('On the critical path');
  const goals = new Set<string>();
  for (const f of row.features) {
    lines.push(`Feature: ${f} ${cleanLine(analysis.items.get(f)?.title, 120)}`.trimEnd());
    for (const g of analysis.features.get(f)?.goals ?? []) goals.add(g);
  }
  for (const g of goals) lines.push(`Goal: ${g} ${cleanLine(analysis.items.get(g)?.title, 120)}`.trimEnd());
  // A few problems, then a count: an over-allocated owner's finding names every task of a
  // busy period, and a tooltip of hundreds of lines helps nobody (and costs a page load).
  // Identical lines (one finding reported for several periods or files) are shown once.
  const seen = new Set<string>();
  let more = 0;
  for (const d of problems ?? []) {
    const line = problemLine(d);
    if (seen.has(line)) continue;
    if (seen.size >= TOOLTIP_PROBLEMS) more++;
    else {
      seen.add(line);
      lines.push(line);
    }
  }
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? '' : 's'} (see the Problems panel)`);
  return lines.join('\n');
}
