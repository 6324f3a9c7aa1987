import type { Analysis } from '../analysis/types.js';
import type { Baseline, BaselineComparison, BaselineEntry } from '../baseline/baseline.js';
import { SlipCalculator } from '../baseline/baseline.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber, Diagnostic, Item } from '../model/types.js';
import { displayId } from '../mermaid/localId.js';
import type { GanttModel, GanttModelOptions, GanttRow } from './ganttModel.js';
import { makeGanttFilter } from './ganttModel.js';
import { hasCode, LATE_CODES, OVERALLOCATED_CODES } from './problems.js';
import { cleanLine } from './text.js';
import { escapeXml, num } from './xml.js';
import baselineCss from './ganttBaseline.css.js';

/**
 * Classes of the baseline layer, added to the chart's style only when a baseline is drawn.
 * Static text of ours (no `<` or `&`). Grey as project tools draw a baseline; the slip
 * label takes the warning colour when later, the success colour when earlier.
 */
export const GANTT_BASELINE_CSS: string = baselineCss;

/** Sizes of the chart the layer draws into (the SVG renderer's own). */
export interface GanttGeometry {
  row: number;
  bar: number;
  diamond: number;
  /** Width of the label column, where a removed item's label goes. */
  labelWidth: number;
  labelChars: number;
}

/** An item of the baseline that the current chart no longer shows: removed, renamed away or dropped. */
export interface RemovedRow {
  kind: 'task' | 'milestone';
  id: string;
  item: Item;
  start: DayNumber;
  end: DayNumber;
}

type XOf = (day: DayNumber) => number;

/**
 * What the Gantt renderers draw of a baseline: per current row a thin grey bar (a hollow
 * diamond for a milestone) at its baseline dates under the row's own bar, and a slip
 * label ("+3d", "−1d", "new") after it; and a last section, "Removed since REF", with the
 * baseline bars of the tasks and milestones the chart would have shown then and no longer
 * shows (deleted, renamed, or dropped). Slips are the baseline comparison's own, in
 * working days (see `SlipCalculator`).
 */
export class GanttBaselineLayer {
  /** Earliest and latest baseline day drawn, to widen the chart's axis. */
  readonly first: DayNumber | undefined;
  readonly last: DayNumber | undefined;
  readonly removed: RemovedRow[];
  private readonly compared = new Map<string, BaselineComparison>();
  /** Rows whose ID the baseline does not have: added (or renamed) since. */
  private readonly added = new Set<string>();

  constructor(analysis: Analysis, model: GanttModel, readonly baseline: Baseline, filter: GanttModelOptions, private readonly geometry: GanttGeometry) {
    const slips = new SlipCalculator(analysis);
    let first: DayNumber | undefined;
    let last: DayNumber | undefined;
    const widen = (start: DayNumber | undefined, end: DayNumber | undefined): void => {
      if (start !== undefined && (first === undefined || start < first)) first = start;
      if (end !== undefined && (last === undefined || end > last)) last = end;
    };
    const shown = new Set<string>();
    for (const section of model.sections) {
      for (const row of section.rows) {
        shown.add(row.id);
        const c = slips.compare(row.kind, row.id, baseline);
        this.compared.set(row.id, c);
        if (!(row.kind === 'task' ? baseline.tasks : baseline.milestones).has(row.id)) this.added.add(row.id);
        widen(c.baselineStart, c.baselineEnd);
      }
    }
    for (const u of model.unscheduled) shown.add(u.id);
    // The items the chart showed at the baseline and shows no more, filtered as the chart is.
    const accept = makeGanttFilter(analysis, filter);
    this.removed = [];
    const consider = (kind: 'task' | 'milestone', entries: ReadonlyMap<string, BaselineEntry>): void => {
      for (const [id, entry] of entries) {
        if (shown.has(id) || entry.start === undefined || entry.end === undefined || entry.end < entry.start) continue;
        if (entry.item.status === 'dropped' || !accept(entry.item)) continue;
        const now = analysis.items.get(id);
        // Still there and not dropped: it is only filtered out or unscheduled, not removed.
        if (now && now.kind === kind && now.status !== 'dropped') continue;
        this.removed.push({ kind, id, item: entry.item, start: entry.start, end: entry.end });
        widen(entry.start, entry.end);
      }
    };
    consider('task', baseline.tasks);
    consider('milestone', baseline.milestones);
    this.removed.sort((a, b) => (a.item.file < b.item.file ? -1 : a.item.file > b.item.file ? 1 : 0) || a.item.idRange.start.line - b.item.idRange.start.line);
    this.first = first;
    this.last = last;
  }

  /** Height of the "Removed since" section (0 when nothing was removed). */
  get tailHeight(): number {
    return this.removed.length === 0 ? 0 : this.geometry.row * (this.removed.length + 1);
  }

  /** The comparison of a row shown now, and whether the baseline lacks it. */
  comparison(id: string): { compared: BaselineComparison; added: boolean } | undefined {
    const compared = this.compared.get(id);
    return compared ? { compared, added: this.added.has(id) } : undefined;
  }

  /**
   * Drawn before the row's own group: the baseline bar below the current bar, or the
   * hollow diamond behind the current one (hidden by it when the date did not move).
   */
  under(row: GanttRow, y: number, xOf: XOf, tipsAsData: boolean): string {
    const c = this.compared.get(row.id);
    if (!c || c.baselineStart === undefined || c.baselineEnd === undefined) return '';
    const data = `data-baseline-id="${escapeXml(row.id)}" data-file="${escapeXml(row.item.file)}" data-line="${row.item.idRange.start.line}"`;
    const tip = escapeXml(this.tooltip(row.kind, row.id, row.item.title, c));
    const open = tipsAsData ? `<g class="sl-baseline" ${data} data-tip="${tip}">` : `<g class="sl-baseline" ${data}><title>${tip}</title>`;
    return `${open}${this.shape(row.kind, c.baselineStart, c.baselineEnd, y, xOf)}</g>`;
  }

  /** Drawn after the row's own group: the slip label, right of the bar, its markers and the baseline bar. */
  over(row: GanttRow, y: number, xOf: XOf, problems: Diagnostic[] | undefined): string {
    const c = this.compared.get(row.id);
    if (!c) return '';
    const label = slipLabel(c, this.added.has(row.id));
    if (label === undefined) return '';
    const g = this.geometry;
    const right = row.kind === 'milestone' ? (xOf(row.start) + xOf(row.start + 1)) / 2 + g.diamond : Math.max(xOf(row.start) + 2, xOf(row.end + 1));
    // Past the late and over-allocated markers the row group draws after its bar, else
    // past the 6 px stub of a dependency arrow leaving the bar's end.
    const markers = (hasCode(problems, LATE_CODES) ? 13 : 0) + (hasCode(problems, OVERALLOCATED_CODES) ? 13 : 0);
    let x = right + (markers > 0 ? 5 + markers : 9);
    if (c.baselineEnd !== undefined) x = Math.max(x, xOf(c.baselineEnd + 1) + 4);
    const kind = this.added.has(row.id) ? 'sl-slip-new' : (c.slip ?? 0) > 0 ? 'sl-slip-late' : 'sl-slip-early';
    return `<text class="sl-slip ${kind}" data-slip-id="${escapeXml(row.id)}" x="${num(x)}" y="${num(y + g.row / 2 + 4)}">${escapeXml(label)}</text>`;
  }

  /** The "Removed since REF" section at `y`: a header band and one row per removed item. */
  tail(y: number, width: number, xOf: XOf, tipsAsData: boolean): string {
    return this.tailRows(y, width, xOf, tipsAsData).map((r) => r.markup()).join('\n');
  }

  /**
   * The same section row by row (its header first), each with its y: a page cuts its
   * bands between them, so a long section never makes a band taller than a printed page.
   */
  tailRows(y: number, width: number, xOf: XOf, tipsAsData: boolean): Array<{ y: number; markup: () => string }> {
    if (this.removed.length === 0) return [];
    const g = this.geometry;
    const rows = [{
      y,
      markup: () => [
        `<g class="sl-section sl-baseline-removed" data-baseline-section="removed">`,
        `<rect class="sl-section-band" x="0" y="${num(y)}" width="${num(width)}" height="${g.row}"/>`,
        `<text class="sl-section-label" x="22" y="${num(y + g.row / 2 + 4)}">${escapeXml(`Removed since ${cleanLine(this.baseline.ref, 60)}`)}</text>`,
        '</g>',
      ].join('\n'),
    }];
    this.removed.forEach((r, i) => {
      const rowY = y + g.row * (i + 1);
      rows.push({
        y: rowY,
        markup: () => {
          const c: BaselineComparison = { baselineStart: r.start, baselineEnd: r.end, slip: null };
          const tip = escapeXml(this.tooltip(r.kind, r.id, r.item.title, c, true));
          const data = `data-baseline-id="${escapeXml(r.id)}" data-removed="true"`;
          const label = cleanLine(`${displayId(r.id)} ${cleanLine(r.item.title)}`, g.labelChars);
          return [
            tipsAsData ? `<g class="sl-baseline sl-removed" ${data} data-tip="${tip}">` : `<g class="sl-baseline sl-removed" ${data}><title>${tip}</title>`,
            `<text class="sl-label sl-removed-label" x="16" y="${num(rowY + g.row / 2 + 4)}">${escapeXml(label)}</text>`,
            this.shape(r.kind, r.start, r.end, rowY, xOf),
            '</g>',
          ].join('\n');
        },
      });
    });
    return rows;
  }

  private shape(kind: 'task' | 'milestone', start: DayNumber, end: DayNumber, y: number, xOf: XOf): string {
    const g = this.geometry;
    const mid = y + g.row / 2;
    const dates = `data-start="${formatDate(start)}" data-end="${formatDate(end)}"`;
    if (kind === 'milestone') {
      const centre = (xOf(start) + xOf(start + 1)) / 2;
      const d = g.diamond;
      return `<path class="sl-baseline-milestone" ${dates} d="M${num(centre)} ${num(mid - d)}l${d} ${d}l${-d} ${d}l${-d} ${-d}z"/>`;
    }
    const left = xOf(start);
    const right = Math.max(left + 2, xOf(end + 1));
    // A thin bar in the gap below the current bar, inside the row.
    const top = mid + g.bar / 2 + 1;
    const height = Math.max(2, Math.min(4, g.row / 2 - g.bar / 2 - 2));
    return `<rect class="sl-baseline-bar" ${dates} x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${num(height)}" rx="1"/>`;
  }

  private tooltip(kind: 'task' | 'milestone', id: string, title: string, c: BaselineComparison, removed = false): string {
    const ref = cleanLine(this.baseline.ref, 60);
    const head = `${displayId(id)} ${cleanLine(title, 200)}`.trimEnd();
    const when = c.baselineStart === undefined || c.baselineEnd === undefined ? 'no dates'
      : kind === 'milestone' ? formatDate(c.baselineEnd) : `${formatDate(c.baselineStart)} → ${formatDate(c.baselineEnd)}`;
    if (removed) return `${head}\nBaseline (${ref}): ${when}\nRemoved since ${ref}`;
    return `${head}\nBaseline (${ref}): ${when}\n${slipSentence(kind, c, false)}`;
  }
}

/** "+3d", "−2d" (a true minus), "new"; undefined when on the baseline date or not comparable. */
export function slipLabel(c: BaselineComparison, added: boolean): string | undefined {
  if (added) return 'new';
  if (c.slip === null) return undefined;
  if (c.slip === 0) return undefined;
  return c.slip > 0 ? `+${c.slip}d` : `−${-c.slip}d`;
}

/** "Slipped +3 working days", "On the baseline date", "Ahead by 1 working day". */
export function slipSentence(kind: 'task' | 'milestone' | 'feature', c: BaselineComparison, added: boolean): string {
  if (added) return 'Not in the baseline (added since)';
  if (c.slip === null) return 'No slip: no end to compare';
  const days = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;
  if (c.slip === 0) return kind === 'milestone' ? 'On the baseline date' : 'Ends on the baseline date';
  return c.slip > 0 ? `Slipped +${days(c.slip)}` : `Ahead by ${days(-c.slip)}`;
}

/** The legend entries of the baseline layer, with the chart's own classes. */
export const BASELINE_LEGEND: ReadonlyArray<{ shape: string; label: string }> = [
  { shape: '<rect class="sl-baseline-bar" x="1" y="10" width="20" height="4" rx="1"/>', label: 'Baseline dates' },
  { shape: '<path class="sl-baseline-milestone" d="M11 2l6 6l-6 6l-6 -6z"/>', label: 'Baseline milestone' },
  { shape: '<text class="sl-slip sl-slip-late" x="1" y="12">+3d</text>', label: 'Slip in working days' },
];
