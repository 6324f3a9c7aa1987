import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { UnscheduledRow } from './ganttModel.js';
import { buildGanttModel } from './ganttModel.js';
import type { GanttSvgOptions } from './ganttSvg.js';
import { GANTT_CSS, renderGanttSvgFromModel } from './ganttSvg.js';
import { GANTT_PAGE_CSS } from './ganttPageCss.js';
import { htmlPage } from './htmlPage.js';
import { cleanLine } from './text.js';
import { escapeXml } from './xml.js';
import { BASELINE_LEGEND, GANTT_BASELINE_CSS } from './ganttBaseline.js';

/** Options of {@link renderGanttHtml}: those of the SVG chart (its layout is the page's own). */
export type GanttHtmlOptions = Omit<GanttSvgOptions, 'bandRows' | 'pageBands' | 'embedStyle'>;

/**
 * Rows per band of the page. Small enough that a band fits on a printed page even at full
 * scale (25 rows are 600 px; a landscape A4 page holds about 718), large enough that a
 * 3,000-task chart is about 120 bands.
 */
export const PAGE_BAND_ROWS = 25;

/** Legend entries: a sample shape drawn with the chart's own classes, and its meaning. */
const LEGEND: Array<{ shape: string; label: string }> = [
  { shape: '<g class="sl-task"><rect class="sl-bar" x="1" y="3" width="20" height="10" rx="2"/></g>', label: 'Task' },
  { shape: '<g class="sl-task"><rect class="sl-bar" x="1" y="3" width="20" height="10" rx="2"/><rect class="sl-progress" x="1" y="3" width="9" height="10" rx="2"/></g>', label: 'Progress' },
  { shape: '<g class="sl-task sl-critical"><rect class="sl-bar" x="1" y="3" width="20" height="10" rx="2"/></g>', label: 'Critical path' },
  { shape: '<g class="sl-task sl-done"><rect class="sl-bar" x="1" y="3" width="20" height="10" rx="2"/></g>', label: 'Done' },
  { shape: '<g class="sl-task"><path class="sl-milestone" d="M11 1l7 7l-7 7l-7 -7z"/></g>', label: 'Milestone' },
  { shape: '<path class="sl-dep" d="M1 4H8V12H20"/><path class="sl-dep-head" d="M21 12l-5 -3.5v7z"/>', label: 'Dependency (finish to start)' },
  { shape: '<line class="sl-today" x1="11" y1="0" x2="11" y2="16"/>', label: 'Today' },
  { shape: '<path class="sl-marker-late" d="M6 13l5 -10l5 10z"/>', label: 'Late or overdue' },
  { shape: '<circle class="sl-marker-overallocated" cx="11" cy="8" r="4.5"/>', label: 'Owner over-allocated' },
  { shape: '<rect class="sl-nonworking" x="1" y="1" width="20" height="14"/>', label: 'Non-working day' },
];

/**
 * A self-contained HTML page around the chart: strict CSP (nothing loads, nothing runs),
 * the chart inline, a legend, and the selected tasks and milestones the scheduler could
 * not place, each with the reason. No scripts anywhere. The chart is banded as in the
 * preview, so opening a 3,000-task export costs about what a screenful costs, and it prints
 * a band at a time (see `pageBandedChart` and `GANTT_PAGE_CSS`).
 */
export function renderGanttHtml(analysis: Analysis, options: GanttHtmlOptions = {}): string {
  const model = buildGanttModel(analysis, options);
  const title = cleanLine(options.title, 200) || 'Gantt chart';
  const chart = renderGanttSvgFromModel(analysis, model, { ...options, title, pageBands: PAGE_BAND_ROWS, embedStyle: false });

  const body: string[] = [];
  body.push(`<header><h1>${escapeXml(title)}</h1>`);
  const counts = `${model.rowCount} scheduled item${model.rowCount === 1 ? '' : 's'}, ${model.unscheduled.length} unscheduled`;
  const compared = options.baseline ? ` · baseline ${escapeXml(cleanLine(options.baseline.ref, 60))} (${escapeXml(options.baseline.commit.slice(0, 7))})` : '';
  body.push(`<p class="sl-meta">As of ${formatDate(analysis.today)} · ${counts}${compared}</p></header>`);
  body.push('<main>');
  body.push(`<div class="sl-scroll sl-scroll-bands">\n${chart}</div>`);
  body.push(ganttLegendHtml({ baseline: options.baseline !== undefined }));
  body.push(unscheduledListHtml(analysis, model.unscheduled));
  body.push('</main>');
  return htmlPage(title, GANTT_CSS + (options.baseline ? GANTT_BASELINE_CSS : '') + GANTT_PAGE_CSS, body.join('\n'));
}

/** The legend: a sample of each shape, drawn with the chart's own classes (and the baseline's, when one is drawn). */
export function ganttLegendHtml(shown: { baseline?: boolean } = {}): string {
  const body: string[] = ['<section class="sl-legend"><h2>Legend</h2><ul>'];
  for (const entry of shown.baseline ? [...LEGEND, ...BASELINE_LEGEND] : LEGEND) {
    body.push(`<li><svg class="sl-gantt" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">${entry.shape}</svg>${escapeXml(entry.label)}</li>`);
  }
  body.push('</ul></section>');
  return body.join('\n');
}

/** The selected tasks and milestones the scheduler could not place, each with the reason. */
export function unscheduledListHtml(analysis: Analysis, unscheduled: readonly UnscheduledRow[]): string {
  const body: string[] = ['<section class="sl-unscheduled"><h2>Unscheduled</h2>'];
  if (unscheduled.length === 0) {
    body.push('<p>Every selected task and milestone has dates.</p>');
  } else {
    const reasons = unscheduledReasons(analysis);
    body.push('<ul>');
    for (const u of unscheduled) body.push(unscheduledItem(u, reasons.get(u.id)));
    body.push('</ul>');
  }
  body.push('</section>');
  return body.join('\n');
}

function unscheduledItem(u: UnscheduledRow, reasons: string[] | undefined): string {
  const item = u.item;
  const why = reasons && reasons.length > 0 ? reasons.join('; ') : 'its dates cannot be computed';
  const owner = item.owners.length > 0 ? ` · ${item.owners.map((o) => cleanLine(o, 60)).join(', ')}` : '';
  const where = `${item.file}:${item.idRange.start.line + 1}`;
  return `<li data-id="${escapeXml(u.id)}" data-file="${escapeXml(item.file)}" data-line="${item.idRange.start.line}"><strong>${escapeXml(u.id)}</strong> ${escapeXml(cleanLine(item.title))}${escapeXml(owner)} — ${escapeXml(why)} <small>(${escapeXml(where)})</small></li>`;
}

/** Why each item has no dates, from the scheduler's own findings. */
function unscheduledReasons(analysis: Analysis): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  const add = (id: string, text: string): void => {
    const list = reasons.get(id);
    if (list === undefined) reasons.set(id, [text]);
    else if (!list.includes(text)) list.push(text);
  };
  for (const issue of analysis.schedule.issues) {
    switch (issue.code) {
      case 'schedule.unscheduled':
        add(issue.id, 'no start, predecessor or default start');
        break;
      case 'schedule.no-duration':
        add(issue.id, 'no duration or end');
        break;
      case 'schedule.cycle': {
        // Capped: every member repeats the text, so a long cycle would grow quadratically.
        const shown = issue.ids.slice(0, 8).map((id) => cleanLine(id, 40));
        const cycle = shown.join(' → ') + (issue.ids.length > shown.length ? ' → …' : '');
        for (const id of issue.ids) add(id, `in a dependency cycle (${cycle})`);
        break;
      }
      default:
        break;
    }
  }
  return reasons;
}
