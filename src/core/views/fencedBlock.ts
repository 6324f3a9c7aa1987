import type { Analysis } from '../analysis/types.js';
import type { FilePath } from '../model/types.js';
import type { GanttModelOptions } from '../render/ganttModel.js';
import { buildGanttModel } from '../render/ganttModel.js';
import { renderGanttSvgFromModel } from '../render/ganttSvg.js';
import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import { blockErrors, parseBlockOptions } from './blockOptions.js';
import { GANTT_CHOICES, GANTT_GROUP_BY, GANTT_ZOOM } from './ganttOptions.js';
import { blockChoice } from './optionSchema.js';
import { renderRoadmapBlock } from './roadmapBlock.js';

/** Info strings of the fenced blocks Specline draws in the Markdown preview. */
export const GANTT_FENCE = 'specline-gantt';
export const ROADMAP_FENCE = 'specline-roadmap';

/** Block keys that take free text (or a path list); the fixed-value keys come from the schema. */
const GANTT_TEXT_KEYS = ['plan', 'plans', 'file', 'files', 'feature', 'goal', 'owner', 'milestone', 'title'];
const GANTT_KEYS = new Set([...GANTT_TEXT_KEYS, ...GANTT_CHOICES.flatMap((c) => c.block ?? [])]);
/** The keys an unknown-key message suggests: the documented spelling of each. */
const GANTT_KEY_HINT = ['plan', 'feature', 'goal', 'owner', 'milestone', ...GANTT_CHOICES.map((c) => c.block?.[0] ?? c.key), 'title'].join(', ');

/**
 * A `specline-gantt` block rendered for the Markdown preview: the same SVG chart as the
 * Gantt panel, with the block's filters. `plan:` paths are relative to the workspace
 * folder, or to the Markdown file when they start with `./` or `../`.
 */
export function renderGanttBlock(analysis: Analysis, source: string, documentPath: FilePath | undefined): string {
  const { options, errors } = parseBlockOptions(source);
  for (const key of options.keys()) if (!GANTT_KEYS.has(key)) errors.push(`unknown option "${key}" (use ${GANTT_KEY_HINT})`);
  const filter: GanttModelOptions = {};
  const plan = options.get('plan') ?? options.get('plans') ?? options.get('file') ?? options.get('files');
  if (plan) {
    filter.files = plan.split(',').map((p) => resolvePath(p.trim(), documentPath)).filter(Boolean);
    for (const f of filter.files) {
      const known = analysis.files.has(f) || [...analysis.files.keys()].some((k) => k.startsWith(f.endsWith('/') ? f : `${f}/`));
      if (!known) errors.push(`plan "${f}" is not an indexed file or folder`);
    }
  }
  for (const key of ['feature', 'goal', 'milestone'] as const) {
    const id = options.get(key);
    if (!id) continue;
    filter[key] = id;
    if (!analysis.items.has(id)) errors.push(`${key} "${id}" is not defined in this workspace`);
  }
  const owner = options.get('owner');
  if (owner) filter.owner = owner;
  const groupBy = blockChoice(GANTT_GROUP_BY, options, errors);
  if (groupBy) filter.groupBy = groupBy;
  const zoom = blockChoice(GANTT_ZOOM, options, errors);

  const model = buildGanttModel(analysis, filter);
  const title = options.get('title') ?? 'Gantt chart';
  const svg = renderGanttSvgFromModel(analysis, model, { ...filter, zoom: zoom ?? GANTT_ZOOM.default, title });
  const parts = [`<div class="specline-block specline-gantt-block">`];
  if (options.has('title')) parts.push(`<p class="specline-block-title">${escapeXml(cleanLine(title, 200))}</p>`);
  parts.push(`<div class="specline-block-scroll">${svg}</div>`);
  if (model.unscheduled.length > 0) {
    const ids = model.unscheduled.slice(0, 50).map((u) => u.id).join(', ');
    parts.push(`<p class="specline-block-note">Unscheduled: ${escapeXml(ids)}${model.unscheduled.length > 50 ? ' …' : ''}</p>`);
  }
  parts.push(blockErrors(errors));
  parts.push('</div>');
  return parts.join('\n');
}

/** Dispatches a fenced block by its info string; undefined for blocks that are not ours. */
export function renderFencedBlock(info: string, analysis: Analysis | undefined, source: string, documentPath: FilePath | undefined): string | undefined {
  const lang = info.trim().split(/\s+/)[0];
  if (lang !== GANTT_FENCE && lang !== ROADMAP_FENCE) return undefined;
  if (!analysis) {
    return `<div class="specline-block specline-block-pending"><p>Specline is indexing the workspace; the ${lang === GANTT_FENCE ? 'Gantt chart' : 'roadmap'} appears when it is done.</p></div>`;
  }
  try {
    return lang === GANTT_FENCE ? renderGanttBlock(analysis, source, documentPath) : renderRoadmapBlock(analysis, source);
  } catch (error) {
    return `<div class="specline-block">${blockErrors([`could not draw this block: ${error instanceof Error ? error.message : String(error)}`])}</div>`;
  }
}

/** A workspace-relative path from a block option. */
function resolvePath(path: string, documentPath: FilePath | undefined): FilePath {
  const clean = path.replace(/\\/g, '/');
  if (!documentPath || !(clean.startsWith('./') || clean.startsWith('../'))) return clean.replace(/^\/+/, '');
  const parts = documentPath.split('/').slice(0, -1);
  for (const segment of clean.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}
