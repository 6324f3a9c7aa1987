import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import { htmlPage } from './htmlPage.js';
import { ROADMAP_CSS, roadmapBoardHtml } from './roadmapBoard.js';
import { roadmapMarkdown } from './roadmapMarkdown.js';
import { roadmapMermaid } from './roadmapMermaid.js';
import type { RoadmapColumns, RoadmapModel, RoadmapOrder } from './roadmapModel.js';
import { buildRoadmap } from './roadmapModel.js';
import { cleanLine } from './text.js';
import { escapeXml } from './xml.js';

/** Options of {@link renderRoadmap}. */
export interface RoadmapOptions {
  format: 'markdown' | 'mermaid' | 'html';
  /**
   * `horizon`: Now / Next / Later. `quarter` / `half`: dated periods. `auto` (default):
   * dated periods when more goals have a dated horizon than a now/next/later one (quarters,
   * or halves when no goal horizon is a quarter but some are halves or years), else
   * `horizon`.
   */
  columns?: RoadmapColumns;
  /** Card order within a cell (default `priority`). */
  order?: RoadmapOrder;
  title?: string;
}

/**
 * The roadmap as Markdown (an overview matrix and a table per goal), a mermaid `timeline`
 * (columns as sections, goals as periods, features as events; user text made inert as in
 * the Gantt chart) or a self-contained HTML board (strict CSP, no script).
 */
export function renderRoadmap(analysis: Analysis, options: RoadmapOptions): string {
  const model = buildRoadmap(analysis, options.columns ?? 'auto', options.order ?? 'priority');
  switch (options.format) {
    case 'mermaid':
      return roadmapMermaid(model, options.title);
    case 'html':
      return roadmapHtml(analysis, model, options.title);
    case 'markdown':
    default:
      return roadmapMarkdown(analysis, model, options.title);
  }
}

/** The self-contained HTML page of `specline roadmap --format html`: a heading, the date and the board. */
function roadmapHtml(analysis: Analysis, model: RoadmapModel, title: string | undefined): string {
  const name = cleanLine(title, 200) || 'Roadmap';
  const body: string[] = [];
  body.push(`<header><h1>${escapeXml(name)}</h1><p class="sl-meta">As of ${formatDate(analysis.today)}</p></header>`);
  body.push('<main>');
  body.push(roadmapBoardHtml(model));
  body.push('</main>');
  return htmlPage(name, ROADMAP_CSS, body.join('\n'));
}
