import type { Analysis } from '../analysis/types.js';
import { buildRoadmap, ROADMAP_COLUMNS, ROADMAP_CSS, roadmapBoardHtml, roadmapLegendHtml } from '../render/roadmap.js';
import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import { blockErrors, parseBlockOptions } from './blockOptions.js';

/**
 * A `specline-roadmap` block for the Markdown preview: the roadmap board with its own
 * style element (the preview allows inline styles; class names are `sl-` prefixed).
 * Options: `columns: auto | horizon | quarter | half`, `goal: G-1` (one lane), `title`.
 */
export function renderRoadmapBlock(analysis: Analysis, source: string): string {
  const { options, errors } = parseBlockOptions(source);
  for (const key of options.keys()) if (!['columns', 'goal', 'title'].includes(key)) errors.push(`unknown option "${key}" (use columns, goal, title)`);
  const columnsText = options.get('columns') ?? 'auto';
  const columns = ROADMAP_COLUMNS.find((c) => c === columnsText);
  if (!columns) errors.push('columns must be auto, horizon, quarter or half');
  const model = buildRoadmap(analysis, columns ?? 'auto');
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
