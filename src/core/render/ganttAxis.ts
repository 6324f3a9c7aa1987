import type { Analysis } from '../analysis/types.js';
import { dateParts, dayNumber, formatDate } from '../model/dates.js';
import type { DayNumber } from '../model/types.js';
import { workCalendar } from './calendar.js';
import type { XOf } from './ganttLayout.js';
import { HEADER, LABEL_WIDTH } from './ganttLayout.js';
import type { GanttZoom } from './ganttScale.js';
import { dayOfWeek } from './ganttScale.js';
import { escapeXml, num } from './xml.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time axis of a chart: its zoom and its days, `stop` exclusive. */
export interface GanttSpan {
  zoom: GanttZoom;
  origin: DayNumber;
  stop: DayNumber;
  xOf: XOf;
}

interface Ticks {
  upper: Array<{ day: DayNumber; label: string }>;
  lower: Array<{ day: DayNumber; label: string; major: boolean }>;
}

/**
 * The axis' two bands of labels. Day/week zoom: months above, days (day) or Mondays (week)
 * below. Month zoom: years above, months below. Quarter: years, quarters.
 */
function ticks(zoom: GanttZoom, origin: DayNumber, stop: DayNumber): Ticks {
  const upper: Ticks['upper'] = [];
  const lower: Ticks['lower'] = [];
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
  return { upper, lower };
}

/** Two bands of labels and the vertical grid down to `height`, in one group. */
export function axis(zoom: GanttZoom, origin: DayNumber, stop: DayNumber, xOf: XOf, height: number): string {
  return axisMarkup({ zoom, origin, stop, xOf }, height);
}

/**
 * The axis alone, `HEADER` high, on an opaque background: the header a long chart keeps
 * in view while its rows scroll under it (the grid is drawn with the rows, see {@link gridPaths}).
 */
export function axisHeader(span: GanttSpan, width: number): string {
  return `<rect class="sl-bg" x="0" y="0" width="${num(width)}" height="${HEADER}"/>\n${axisMarkup(span, HEADER)}`;
}

function axisMarkup({ zoom, origin, stop, xOf }: GanttSpan, height: number): string {
  const parts: string[] = ['<g class="sl-axis">'];
  parts.push(`<rect class="sl-axis-band" x="${LABEL_WIDTH}" y="0" width="${num(xOf(stop) - LABEL_WIDTH)}" height="${HEADER}"/>`);
  const top = HEADER / 2;
  const { upper, lower } = ticks(zoom, origin, stop);
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

/**
 * The vertical grid between `y0` and `y1` as two paths (minor, major lines): a band of a
 * long chart repeats it, so it is two elements per band, however many columns. After the
 * first line each moves relative to the previous one (`m70 -600v600`), a third of the
 * bytes of absolute moves: a wide chart repeats hundreds of lines in every band.
 */
export function gridPaths({ zoom, origin, stop, xOf }: GanttSpan, y0: number, y1: number): string {
  const minor = new RelativeColumns(y0, y1);
  const major = new RelativeColumns(y0, y1);
  for (const l of ticks(zoom, origin, stop).lower) (l.major ? major : minor).line(xOf(l.day));
  const out: string[] = [];
  if (!minor.empty) out.push(`<path class="sl-grid" d="${minor.d}"/>`);
  if (!major.empty) out.push(`<path class="sl-grid-major" d="${major.d}"/>`);
  return out.join('\n');
}

/** Path data of vertical lines or columns from `y0` to `y1`, each placed relative to the one before. */
class RelativeColumns {
  private readonly parts: string[] = [];
  private x: number | undefined;
  private readonly h: string;
  constructor(private readonly y0: number, y1: number) {
    this.h = num(y1 - y0);
  }
  get empty(): boolean {
    return this.parts.length === 0;
  }
  get d(): string {
    return this.parts.join('');
  }
  /** Moves to `x` at the top: absolute the first time, else relative (from the last top-left, where a line ends at the bottom). */
  private moveTo(x: number, fromBottom: boolean): void {
    const rx = Number(num(x));
    this.parts.push(this.x === undefined ? `M${num(rx)} ${num(this.y0)}` : `m${num(rx - this.x)} ${fromBottom ? `-${this.h}` : '0'}`);
    this.x = rx;
  }
  line(x: number): void {
    this.moveTo(x, true);
    this.parts.push(`v${this.h}`);
  }
  /** A filled column from `x` to `x2`; closing it returns to its top-left corner. */
  column(x: number, x2: number): void {
    this.moveTo(x, false);
    const w = num(Number(num(x2)) - Number(num(x)));
    this.parts.push(`h${w}v${this.h}h-${w}z`);
  }
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

/** Runs of non-working days (weekends, holidays) of the project calendar in [origin, stop), `end` exclusive. */
export function nonWorkingRuns(analysis: Analysis, origin: DayNumber, stop: DayNumber): Array<{ start: DayNumber; end: DayNumber }> {
  const calendar = workCalendar(analysis.config.calendar);
  const runs: Array<{ start: DayNumber; end: DayNumber }> = [];
  let runStart: DayNumber | undefined;
  for (let d = origin; d <= stop; d++) {
    const off = d < stop && !calendar.isWorkingDay(d);
    if (off && runStart === undefined) runStart = d;
    if (!off && runStart !== undefined) {
      runs.push({ start: runStart, end: d });
      runStart = undefined;
    }
  }
  return runs;
}

/** Shaded columns for non-working days, one rect per run, below the header. */
export function nonWorkingDays(analysis: Analysis, origin: DayNumber, stop: DayNumber, xOf: XOf, height: number): string {
  const parts: string[] = ['<g class="sl-nonworking-days">'];
  for (const r of nonWorkingRuns(analysis, origin, stop)) {
    parts.push(`<rect class="sl-nonworking" x="${num(xOf(r.start))}" y="${HEADER}" width="${num(xOf(r.end) - xOf(r.start))}" height="${num(height - HEADER)}"/>`);
  }
  parts.push('</g>');
  return parts.join('\n');
}

/** The same columns between `y0` and `y1` as one path (relative moves, as {@link gridPaths}), for a band that repeats them. */
export function nonWorkingPath(runs: ReadonlyArray<{ start: DayNumber; end: DayNumber }>, xOf: XOf, y0: number, y1: number): string {
  if (runs.length === 0) return '';
  const columns = new RelativeColumns(y0, y1);
  for (const r of runs) columns.column(xOf(r.start), xOf(r.end));
  return `<path class="sl-nonworking" d="${columns.d}"/>`;
}

/** The today line and its tag, or nothing when today is outside the chart. */
export function todayMarker(today: DayNumber, origin: DayNumber, stop: DayNumber, xOf: XOf, height: number): string {
  if (today < origin || today >= stop) return '';
  const x = xOf(today);
  return [
    `<line class="sl-today" x1="${num(x)}" y1="${HEADER / 2}" x2="${num(x)}" y2="${num(height)}"><title>Today ${formatDate(today)}</title></line>`,
    // The tag sits in the upper band on a backing rect, so it stays readable over a month label.
    `<rect class="sl-today-tag" x="${num(x - 18)}" y="3" width="36" height="15" rx="3"/>`,
    `<text class="sl-today-label" x="${num(x)}" y="14" text-anchor="middle">today</text>`,
  ].join('\n');
}

/** The today line between `y0` and `y1` only (a band's part of it), or nothing. */
export function todaySegment(today: DayNumber, { origin, stop, xOf }: GanttSpan, y0: number, y1: number): string {
  if (today < origin || today >= stop) return '';
  const x = num(xOf(today));
  return `<line class="sl-today" x1="${x}" y1="${num(y0)}" x2="${x}" y2="${num(y1)}"/>`;
}
