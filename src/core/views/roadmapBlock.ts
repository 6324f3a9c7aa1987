import type { Analysis } from '../analysis/types.js';
import { buildRoadmap, ROADMAP_COLUMNS, ROADMAP_CSS, ROADMAP_ORDERS, roadmapBoardHtml, roadmapLegendHtml } from '../render/roadmap.js';
import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import { blockErrors, parseBlockOptions } from './blockOptions.js';

/**
 * A `specline-roadmap` block for the Markdown preview: the roadmap board with its own
 * style element (the preview allows inline styles; class names are `sl-` prefixed).
 * Options: `columns: auto | horizon | quarter | half`, `goal: G-1` (one lane),
 * `order: priority | score` (cards by priority or by RICE score), `title`.
 */
export function renderRoadmapBlock(analysis: Analysis, source: string): string {
  const { options, errors } = parseBlockOptions(source);
  for (const key of options.keys()) if (!['columns', 'goal', 'order', 'title'].includes(key)) errors.push(`unknown option "${key}" (use columns, goal, order, title)`);
  const columnsText = options.get('columns') ?? 'auto';
  const columns = ROADMAP_COLUMNS.find((c) => c === columnsText);
  if (!columns) errors.push('columns must be auto, horizon, quarter or half');
  const orderText = options.get('order') ?? 'priority';
  const order = ROADMAP_ORDERS.find((o) => o === orderText);
  if (!order) errors.push('order must be priority or score');
  const model = buildRoadmap(analysis, columns ?? 'auto', order ?? 'priority');
  const goal = options.get('goal');
  if (goal) {
    if (!analysis.items.has(goal)) errors.push(`goal "${goal}" is not defined in this workspace`);
    model.lanes = model.lanes.filter((l) => l.goal?.id === goal);
  }
  const parts = ['<div class="specline-block specline-roadmap-block">', `<style>${ROADMAP_CSS}</style>`];
  const title = options.get('title');
  if (title) parts.push(`<p class="specline-block-title">${escapeXml(cleanLine(title, 200))}</p>`);
  parts.push(roadmapLegendHtml());
  parts.push(`<div class="specline-block-scroll">${roadmapBoardHtml(model)}</div>`);
  parts.push(blockErrors(errors));
  parts.push('</div>');
  return parts.join('\n');
}
