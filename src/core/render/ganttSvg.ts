import type { Analysis } from '../analysis/types.js';
import type { Baseline } from '../baseline/baseline.js';
import type { DayNumber } from '../model/types.js';
import type { GanttModel, GanttModelOptions } from './ganttModel.js';
import { buildGanttModel } from './ganttModel.js';
import { problemsByItem } from './problems.js';
import type { BlockedMarkup } from './blocks.js';
import { joinBlocks } from './blocks.js';
import { cleanLine } from './text.js';
import { escapeXml, num } from './xml.js';
import { GANTT_BASELINE_CSS, GanttBaselineLayer } from './ganttBaseline.js';
import ganttCss from './ganttSvg.css.js';
import { arrow, placedLinks } from './ganttArrows.js';
import type { GanttSpan } from './ganttAxis.js';
import { axis, nonWorkingDays, todayMarker } from './ganttAxis.js';
import { bandedChart, pageBandedChart } from './ganttBands.js';
import type { PlacedRow, SectionLayout } from './ganttLayout.js';
import { BAR, DIAMOND, HEADER, LABEL_CHARS, LABEL_WIDTH, PAD_RIGHT, ROW } from './ganttLayout.js';
import { sectionHeader, sectionToggleKey, taskGroup } from './ganttRows.js';
import type { GanttZoom } from './ganttScale.js';
import { fitZoom, PX_PER_DAY, unitEnd, unitStart } from './ganttScale.js';

// The chart's vocabulary, for the views and tests that name it with the renderer.
export type { GanttZoom } from './ganttScale.js';
export { PX_PER_DAY } from './ganttScale.js';
export { sectionToggleKey } from './ganttRows.js';

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
  /**
   * Standalone pages (the HTML export): draw the chart, whatever its size, as a sticky axis
   * header over bands of this many rows, each self-contained (see `pageBandedChart`), so
   * the page paints only what is on screen and prints with breaks between bands. Output
   * is HTML whose CSS the page carries (`GANTT_CSS` and `GANTT_PAGE_CSS`). Wins over `bandRows`.
   */
  pageBands?: number;
  /** Keys of sections drawn collapsed: the header and its summary bar, no rows. */
  collapsed?: ReadonlySet<string>;
  /** Draw this baseline under the bars, with slip labels (see `GanttBaselineLayer`). */
  baseline?: Baseline;
}

/**
 * Theme hooks: every colour is a CSS variable of the VS Code webview with a fallback for
 * standalone files. Static text only, no user input, no `<` or `&`, so it needs no CDATA.
 * Classes are prefixed `sl-` because the SVG is inlined into HTML pages where its style
 * element applies to the whole document.
 */
export const GANTT_CSS: string = ganttCss;

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
  const placed: PlacedRow[] = [];
  const byId = new Map<string, PlacedRow>();
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
  const rowMarkup = (p: PlacedRow): string => {
    const own = taskGroup(analysis, p.row, p.y, xOf, problems.get(p.row.id), tipsAsData);
    return base ? base.under(p.row, p.y, xOf, tipsAsData) + own + base.over(p.row, p.y, xOf, problems.get(p.row.id)) : own;
  };
  const tail = base && base.tailHeight > 0 ? { y: tailY, markup: () => base.tail(tailY, width, xOf, tipsAsData) } : undefined;
  const links = placedLinks(placed, byId);
  const span: GanttSpan = { zoom, origin, stop, xOf };
  const layout = { analysis, name, span, ppd, width, height, placed, links, sectionYs, rowMarkup };
  if (options.pageBands !== undefined) {
    const tailRows = base ? base.tailRows(tailY, width, xOf, tipsAsData) : [];
    return pageBandedChart({ ...layout, bandRows: Math.max(10, options.pageBands), tail: tailRows });
  }
  if (options.bandRows !== undefined && placed.length > options.bandRows) return bandedChart({ ...layout, bandRows: Math.max(10, options.bandRows), ...(tail ? { tail: [tail] } : {}) });

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
  for (const link of links) out.push(arrow(link, xOf));
  out.push('</g>');

  out.push('<g class="sl-tasks">');
  for (const p of placed) out.push(rowMarkup(p));
  if (tail) out.push(tail.markup());
  out.push('</g>');

  out.push(todayMarker(analysis.today, origin, stop, xOf, height));
  out.push('</svg>');
  return out.join('\n') + '\n';
}
