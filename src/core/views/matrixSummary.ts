import type { Analysis } from '../analysis/types.js';
import type { TraceMatrix } from '../render/traceMatrix.js';
import { blockAttr } from '../render/blocks.js';
import { escapeXml } from '../render/xml.js';
import { coverageBar, itemData } from './matrixMarkup.js';

function idChip(id: string, analysis: Analysis, extraClass = ''): string {
  return `<span class="sl-chip sl-id-chip${extraClass}"${itemData(id, analysis.items.get(id))}>${escapeXml(id)}</span>`;
}

/** The tiles above the table: coverage, fully covered goals, and the four gap lists with their IDs. */
export function matrixSummaryHtml(matrix: TraceMatrix, analysis: Analysis, unscheduled: number): string {
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
