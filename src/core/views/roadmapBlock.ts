import type { Analysis } from '../analysis/types.js';
import { ROADMAP_CSS, roadmapBoardHtml, roadmapLegendHtml } from '../render/roadmapBoard.js';
import { buildRoadmap } from '../render/roadmapModel.js';
import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import { blockErrors, parseBlockOptions } from './blockOptions.js';
import { blockChoice } from './optionSchema.js';
import { ROADMAP_CHOICES, ROADMAP_COLUMNS_OPTION, ROADMAP_ORDER_OPTION } from './roadmapOptions.js';

/** Block keys that take free text; the fixed-value keys come from the schema. */
const ROADMAP_KEYS = [...ROADMAP_CHOICES.flatMap((c) => c.block ?? []), 'goal', 'title'];

/**
 * A `specline-roadmap` block for the Markdown preview: the roadmap board with its own
 * style element (the preview allows inline styles; class names are `sl-` prefixed).
 * Options: `columns: auto | horizon | quarter | half`, `goal: G-1` (one lane),
 * `order: priority | score` (cards by priority or by RICE score), `title`.
 */
export function renderRoadmapBlock(analysis: Analysis, source: string): string {
  const { options, errors } = parseBlockOptions(source);
  for (const key of options.keys()) if (!ROADMAP_KEYS.includes(key)) errors.push(`unknown option "${key}" (use ${ROADMAP_KEYS.join(', ')})`);
  const columns = blockChoice(ROADMAP_COLUMNS_OPTION, options, errors) ?? ROADMAP_COLUMNS_OPTION.default;
  const order = blockChoice(ROADMAP_ORDER_OPTION, options, errors) ?? ROADMAP_ORDER_OPTION.default;
  const model = buildRoadmap(analysis, columns, order);
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
