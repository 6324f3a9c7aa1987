import type { Analysis } from '../analysis/types.js';
import type { BlockedMarkup, ViewBlock } from './blocks.js';
import { blockAttr, BLOCKS_MARKER } from './blocks.js';
import type { GanttLink } from './ganttArrows.js';
import { arrow, linkSpan } from './ganttArrows.js';
import type { GanttSpan } from './ganttAxis.js';
import { axis, axisHeader, gridPaths, nonWorkingDays, nonWorkingPath, nonWorkingRuns, todayMarker, todaySegment } from './ganttAxis.js';
import type { PlacedRow, SectionLayout } from './ganttLayout.js';
import { HEADER, LABEL_WIDTH } from './ganttLayout.js';
import { sectionHeader } from './ganttRows.js';
import { escapeXml, num } from './xml.js';

/** A laid-out chart, as both banded forms draw it. */
export interface BandedLayout {
  analysis: Analysis;
  /** Accessible name of the chart (cleaned user text). */
  name: string;
  span: GanttSpan;
  ppd: number;
  width: number;
  height: number;
  placed: readonly PlacedRow[];
  links: readonly GanttLink[];
  sectionYs: readonly SectionLayout[];
  /** Entries (section headers and rows) per band. */
  bandRows: number;
  rowMarkup: (p: PlacedRow) => string;
  /** Rows drawn after the sections (the baseline's removed items): one entry, or one per row where bands may cut between them. */
  tail?: ReadonlyArray<{ y: number; markup: () => string }>;
}

interface Band {
  top: number;
  height: number;
  entries: Array<{ y: number; markup: () => string }>;
}

/** Section headers and rows in y order, cut into bands of `bandRows` entries that tile the chart below the header. */
function bands(l: BandedLayout): Band[] {
  const entries: Array<{ y: number; markup: () => string }> = [];
  for (const s of l.sectionYs) entries.push({ y: s.y, markup: () => sectionHeader(s, l.width, l.span.xOf) });
  for (const p of l.placed) entries.push({ y: p.y, markup: () => l.rowMarkup(p) });
  if (l.tail) entries.push(...l.tail);
  entries.sort((a, b) => a.y - b.y);
  const out: Band[] = [];
  for (let i = 0; i < entries.length; i += l.bandRows) {
    const band = entries.slice(i, i + l.bandRows);
    const top = band[0]!.y;
    const bottom = i + l.bandRows < entries.length ? entries[i + l.bandRows]!.y : l.height;
    out.push({ top, height: bottom - top, entries: band });
  }
  return out;
}

/**
 * The arrows each band draws: every arrow goes into each band its path crosses (most cross
 * one or two), found by walking the bands from the first one it reaches, so the work is
 * linear in links and bands. Each band's viewport cuts its arrows at its edges, and the
 * pieces join into the picture one layer of arrows would draw.
 */
function arrowsByBand(l: BandedLayout, cut: readonly Band[]): string[][] {
  const arrows: string[][] = cut.map(() => []);
  for (const link of l.links) {
    const { top, bottom } = linkSpan(link);
    let lo = 0;
    let hi = cut.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cut[mid]!.top + cut[mid]!.height < top) lo = mid + 1;
      else hi = mid;
    }
    const markup = arrow(link, l.span.xOf);
    for (let b = lo; b < cut.length && cut[b]!.top <= bottom; b++) arrows[b]!.push(markup);
  }
  return arrows;
}

const showsNonWorkingDays = (span: GanttSpan): boolean => span.zoom === 'day' || span.zoom === 'week';

/**
 * A large chart for a webview, drawn as layers so the browser only lays out what is on
 * screen: a background SVG (axis, grid, non-working days), then the rows in bands of
 * `bandRows` rows, each its own SVG in a `content-visibility: auto` box (off-screen bands
 * are neither laid out nor painted), then a thin overlay with the today line. Each band's
 * viewBox starts at its own y, so rows keep the coordinates of the single-SVG chart. Same
 * rows, classes and data attributes as `renderGanttSvg`.
 *
 * The dependency arrows are drawn in the bands, under their rows (see `arrowsByBand`).
 * That keeps the frame the same when a bar moves: an edit changes the bands its bar and
 * its arrows cross, and the preview patches those instead of sending the whole chart again.
 */
export function bandedChart(l: BandedLayout): BlockedMarkup {
  const { width, height, span } = l;
  const { xOf } = span;
  const out: string[] = [];
  out.push(`<div class="sl-gantt-stack" style="width:${num(width)}px;height:${num(height)}px">`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt sl-gantt-back" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-label="${escapeXml(l.name)}" data-origin-day="${span.origin}" data-px-per-day="${l.ppd}" data-chart-left="${LABEL_WIDTH}">`);
  out.push(`<rect class="sl-bg" x="0" y="0" width="${num(width)}" height="${num(height)}"/>`);
  if (showsNonWorkingDays(span)) out.push(nonWorkingDays(l.analysis, span.origin, span.stop, xOf, height));
  out.push(axis(span.zoom, span.origin, span.stop, xOf, height));
  out.push('</svg>');

  out.push(`<div class="sl-band-spacer" style="height:${HEADER}px"></div>`);
  // The bands are the blocks; the wrapper holds nothing else, as blocks require.
  out.push(`<div class="sl-bands">${BLOCKS_MARKER}</div>`);
  const cut = bands(l);
  const arrows = arrowsByBand(l, cut);
  const blocks: ViewBlock[] = cut.map((band, i) => {
    const key = `band/${i}`;
    const markup = [`<div class="sl-band" style="height:${num(band.height)}px"${blockAttr(key)}>`];
    markup.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt" width="${num(width)}" height="${num(band.height)}" viewBox="0 ${num(band.top)} ${num(width)} ${num(band.height)}">`);
    if (arrows[i]!.length > 0) markup.push(`<g class="sl-deps">${arrows[i]!.join('')}</g>`);
    markup.push('<g class="sl-tasks">');
    for (const e of band.entries) markup.push(e.markup());
    markup.push('</g></svg></div>');
    return { key, html: markup.join('\n') };
  });
  const today = todayMarker(l.analysis.today, span.origin, span.stop, xOf, height);
  if (today) out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt sl-gantt-front" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" aria-hidden="true">${today}</svg>`);
  out.push('</div>');
  return { frame: out.join('\n') + '\n', blocks };
}

/**
 * A chart for a standalone page (the HTML export), banded like the preview so the browser
 * lays out and paints only the bands on screen, but with no layer spanning the whole
 * chart: the axis is a header of its own (sticky on screen), and every band is one SVG
 * with its own background, grid, non-working days, the arrows that cross it and its part
 * of the today line. A band therefore looks the same wherever it lands, which is what
 * printing needs: pages break between bands, never through a row, and nothing drawn
 * across bands can shift against them. Rows keep the single-SVG chart's coordinates (each
 * band's viewBox starts at its own y); no script, and every row is in the document.
 */
export function pageBandedChart(l: BandedLayout): string {
  const { width, span } = l;
  const runs = showsNonWorkingDays(span) ? nonWorkingRuns(l.analysis, span.origin, span.stop) : [];
  const cut = bands(l);
  const arrows = arrowsByBand(l, cut);
  const out: string[] = [];
  out.push(`<div class="sl-gantt-pages" style="width:${num(width)}px" role="group" aria-label="${escapeXml(l.name)}">`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt sl-gantt-head" width="${num(width)}" height="${HEADER}" viewBox="0 0 ${num(width)} ${HEADER}" data-origin-day="${span.origin}" data-px-per-day="${l.ppd}" data-chart-left="${LABEL_WIDTH}">`);
  out.push(axisHeader(span, width));
  out.push(todayMarker(l.analysis.today, span.origin, span.stop, span.xOf, HEADER));
  out.push('</svg>');
  cut.forEach((band, b) => {
    const top = band.top;
    const bottom = top + band.height;
    out.push(`<div class="sl-band" style="height:${num(band.height)}px">`);
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sl-gantt" width="${num(width)}" height="${num(band.height)}" viewBox="0 ${num(top)} ${num(width)} ${num(band.height)}">`);
    out.push(`<rect class="sl-bg" x="0" y="${num(top)}" width="${num(width)}" height="${num(band.height)}"/>`);
    const shade = nonWorkingPath(runs, span.xOf, top, bottom);
    if (shade) out.push(shade);
    out.push(gridPaths(span, top, bottom));
    out.push(`<g class="sl-deps">${arrows[b]!.join('')}</g>`);
    out.push('<g class="sl-tasks">');
    for (const e of band.entries) out.push(e.markup());
    out.push('</g>');
    const today = todaySegment(l.analysis.today, span, top, bottom);
    if (today) out.push(today);
    out.push('</svg></div>');
  });
  out.push('</div>');
  return out.join('\n') + '\n';
}
