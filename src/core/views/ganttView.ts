import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath } from '../model/types.js';
import { ganttLegendHtml, unscheduledListHtml } from '../render/ganttHtml.js';
import type { GanttModelOptions } from '../render/ganttModel.js';
import { buildGanttModel } from '../render/ganttModel.js';
import type { BlockedMarkup } from '../render/blocks.js';
import { joinBlocks } from '../render/blocks.js';
import type { GanttZoom } from '../render/ganttSvg.js';
import { renderGanttChartFromModel } from '../render/ganttSvg.js';
import { renderMermaidGantt } from '../render/mermaidGantt.js';
import { cleanLine, ownerKey } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import type { Choice } from './toolbar.js';
import { menuControl, segmentedControl, selectControl, toolbarGroup, toolbarRow, toolbarStatus } from './toolbar.js';
import type { GanttCompareState } from './ganttCompare.js';
import { baselineCounts, compareControl, isBaselineRef } from './ganttCompare.js';
import type { GanttGroupBy } from './ganttOptions.js';
import { GANTT_GROUP_BY, GANTT_ZOOM } from './ganttOptions.js';
import { parseChoice, restoreChoice, toolbarChoices } from './optionSchema.js';

/** The plan choice that follows the active editor. */
export const ACTIVE_PLAN = '';
/** The plan choice that shows every plan of the folder. */
export const ALL_PLANS = '*';

/** What the Gantt preview shows; persisted with the panel. */
export interface GanttViewOptions {
  /** `''` follows the active editor, `'*'` is the whole workspace, else a plan file. */
  plan: string;
  feature: string;
  goal: string;
  owner: string;
  milestone: string;
  groupBy: GanttGroupBy;
  zoom: GanttZoom;
  /** `data-toggle` keys of collapsed sections. */
  collapsed: string[];
  /** `specline` draws the SVG itself (fast at any size); `mermaid` shows what GitHub will draw. */
  renderer: 'specline' | 'mermaid';
  /** The git revision drawn as the baseline ("Compare with…"); `''` for none. */
  baseline: string;
}


export const DEFAULT_GANTT_OPTIONS: Readonly<GanttViewOptions> = {
  plan: ACTIVE_PLAN, feature: '', goal: '', owner: '', milestone: '', groupBy: GANTT_GROUP_BY.default, zoom: GANTT_ZOOM.default, collapsed: [], renderer: 'specline', baseline: '',
};

/** Above this many rows mermaid takes seconds; the view says so and suggests the default renderer. */
export const MERMAID_SLOW_ROWS = 500;
const MAX_COLLAPSED = 2000;
/**
 * Charts with more rows than this are drawn in bands of this many rows that the webview
 * lays out only when on screen: a 3,000-task chart then costs about what 200 rows cost.
 */
export const BAND_ROWS = 150;

const str = (v: unknown, max = 500): string => (typeof v === 'string' && v.length <= max ? v : '');

/** Options from persisted or posted state: anything unknown falls back to the default. */
export function restoreGanttOptions(raw: unknown): GanttViewOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    plan: str(o.plan, 4096),
    feature: str(o.feature, 200),
    goal: str(o.goal, 200),
    owner: str(o.owner, 200),
    milestone: str(o.milestone, 200),
    groupBy: restoreChoice(GANTT_GROUP_BY, o.groupBy),
    zoom: restoreChoice(GANTT_ZOOM, o.zoom),
    collapsed: Array.isArray(o.collapsed) ? o.collapsed.filter((k): k is string => typeof k === 'string' && k.length <= 40).slice(0, MAX_COLLAPSED) : [],
    renderer: o.renderer === 'mermaid' ? 'mermaid' : 'specline',
    baseline: typeof o.baseline === 'string' && isBaselineRef(o.baseline) ? o.baseline : '',
  };
}

/** Applies one toolbar change; undefined for keys or values the toolbar cannot produce. */
export function setGanttOption(options: GanttViewOptions, key: string, value: string): GanttViewOptions | undefined {
  switch (key) {
    case 'plan': case 'feature': case 'goal': case 'owner': case 'milestone':
      return { ...options, [key]: value };
    case GANTT_GROUP_BY.key: {
      const groupBy = parseChoice(GANTT_GROUP_BY, value);
      return groupBy ? { ...options, groupBy, collapsed: [] } : undefined;
    }
    case GANTT_ZOOM.key: {
      const zoom = parseChoice(GANTT_ZOOM, value);
      return zoom ? { ...options, zoom } : undefined;
    }
    case 'renderer':
      return value === 'specline' || value === 'mermaid' ? { ...options, renderer: value } : undefined;
    case 'baseline':
      return value === '' || isBaselineRef(value) ? { ...options, baseline: value } : undefined;
    default:
      return undefined;
  }
}

/** Collapses or expands one section. */
export function toggleGanttSection(options: GanttViewOptions, key: string): GanttViewOptions | undefined {
  if (!/^s[0-9a-z]{1,30}$/.test(key)) return undefined;
  const collapsed = options.collapsed.includes(key) ? options.collapsed.filter((k) => k !== key) : [...options.collapsed, key].slice(-MAX_COLLAPSED);
  return { ...options, collapsed };
}

/** Files that define tasks or milestones: the "plans" of the plan filter. */
export function planFiles(analysis: Analysis): FilePath[] {
  const plans: FilePath[] = [];
  for (const [path, file] of analysis.files) {
    if (file.items.some((i) => i.kind === 'task' || i.kind === 'milestone')) plans.push(path);
  }
  return plans;
}

/**
 * The model filter for the options: an explicit plan, or for "active plan" the active
 * editor's file when it holds tasks or milestones, its feature when it is a spec with one
 * feature, its goal when it defines one goal, else the whole workspace.
 */
export function ganttFilter(analysis: Analysis, options: GanttViewOptions, activePath: FilePath | undefined): { filter: GanttModelOptions; scope: string } {
  const filter: GanttModelOptions = { groupBy: options.groupBy };
  let scope = 'All plans';
  if (options.plan === ACTIVE_PLAN) {
    const items = activePath ? analysis.files.get(activePath)?.items ?? [] : [];
    const features = items.filter((i) => i.kind === 'feature');
    const goals = items.filter((i) => i.kind === 'goal');
    if (items.some((i) => i.kind === 'task' || i.kind === 'milestone')) {
      filter.files = [activePath as FilePath];
      scope = activePath as string;
    } else if (features.length === 1 && !options.feature) {
      filter.feature = features[0].id;
      scope = `${features[0].id} ${cleanLine(features[0].title, 60)}`;
    } else if (goals.length === 1 && !options.goal) {
      filter.goal = goals[0].id;
      scope = `${goals[0].id} ${cleanLine(goals[0].title, 60)}`;
    }
  } else if (options.plan !== ALL_PLANS) {
    filter.files = [options.plan];
    scope = options.plan;
  }
  if (options.feature) filter.feature = options.feature;
  if (options.goal) filter.goal = options.goal;
  if (options.owner) filter.owner = options.owner;
  if (options.milestone) filter.milestone = options.milestone;
  return { filter, scope };
}

/** The rendered Gantt view: toolbar and body markup, title and counts. */
export interface GanttViewResult {
  toolbar: string;
  html: string;
  /** `html` as keyed blocks (the chart's row bands) when the chart is banded. */
  blocks?: BlockedMarkup;
  title: string;
  counts: { bars: number; milestones: number; unscheduled: number; sections: number; baselineRows?: number; slipped?: number };
}

/**
 * Renders the Gantt preview for one analysis. Pure: the same function feeds the
 * webview, the security tests in Chromium and the benchmark.
 */
export function renderGanttView(analysis: Analysis, options: GanttViewOptions, activePath?: FilePath, compare: GanttCompareState = {}): GanttViewResult {
  const { filter, scope } = ganttFilter(analysis, options, activePath);
  const model = buildGanttModel(analysis, filter);
  let bars = 0;
  let milestones = 0;
  for (const s of model.sections) for (const r of s.rows) if (r.kind === 'task') bars++; else milestones++;
  const counts: GanttViewResult['counts'] = { bars, milestones, unscheduled: model.unscheduled.length, sections: model.sections.length };
  const title = `Gantt: ${cleanLine(scope, 60)}`;
  const short = `${plural(bars, 'task')} · ${plural(milestones, 'milestone')}${model.unscheduled.length ? ` · ${model.unscheduled.length} unscheduled` : ''}`;
  // Drawn only once read, and only the revision asked for (a stale one is never shown as it).
  const baseline = options.baseline && compare.baseline?.ref === options.baseline ? compare.baseline : undefined;
  const versus = baseline ? ` · vs ${cleanLine(baseline.ref, 40)}` : '';
  if (baseline) Object.assign(counts, baselineCounts(analysis, model, baseline));
  const status = { short: short + versus, long: `${short}${versus}${baseline ? ` (${baseline.commit.slice(0, 7)})` : ''} · scope: ${cleanLine(scope, 120)} · as of ${formatDate(analysis.today)}` };

  const body: string[] = [];
  if (options.baseline && !baseline && compare.status) body.push(`<p class="sl-notice sl-baseline-status"${compare.failed ? ' role="alert"' : ''}>${escapeXml(compare.status)}</p>`);
  else if (baseline && options.renderer === 'mermaid') body.push(`<p class="sl-notice">${escapeXml(`Mermaid cannot draw a baseline: switch to the Specline renderer to compare with ${cleanLine(baseline.ref, 40)}.`)}</p>`);
  let chartBlocks: BlockedMarkup | undefined;
  if (model.rowCount === 0 && model.unscheduled.length === 0) {
    body.push(emptyState(analysis, options));
  } else if (options.renderer === 'mermaid') {
    if (model.rowCount > MERMAID_SLOW_ROWS) {
      body.push(`<p class="sl-notice">${escapeXml(`${model.rowCount} rows: mermaid takes several seconds for charts this size. The Specline renderer draws the same schedule at once.`)}</p>`);
    }
    const text = renderMermaidGantt(analysis, { ...filter, title: scope });
    body.push(`<pre class="sl-mermaid-source" data-mermaid-source hidden>${escapeXml(text)}</pre>`);
  } else {
    const collapsed = new Set(options.collapsed);
    const chart = renderGanttChartFromModel(analysis, model, { ...filter, zoom: options.zoom, title: `Gantt chart: ${scope}`, embedStyle: false, tooltips: 'data', bandRows: BAND_ROWS, collapsed, ...(baseline ? { baseline } : {}) });
    chartBlocks = chart.blocks;
    body.push(`<div class="sl-chart">${chart.blocks ? chart.blocks.frame : chart.html}</div>`);
  }
  if (model.unscheduled.length > 0) body.push(unscheduledListHtml(analysis, model.unscheduled));
  if (model.rowCount > 0 && options.renderer === 'specline') body.push(`<details class="sl-legend-box"><summary>Legend</summary>${ganttLegendHtml({ baseline: baseline !== undefined })}</details>`);

  const toolbar = ganttToolbar(analysis, options, status, compare);
  if (!chartBlocks) return { toolbar, html: body.join('\n'), title, counts };
  // A banded chart: the page is the frame, its bands the blocks (see RenderSync).
  const blocks = { frame: body.join('\n'), blocks: chartBlocks.blocks };
  // Joined only when read (tests, exports): the panel sends the blocks, a megabyte a render.
  return { toolbar, get html() { return joinBlocks(blocks); }, blocks, title, counts };
}

function ganttToolbar(analysis: Analysis, options: GanttViewOptions, status: { short: string; long: string }, compare: GanttCompareState): string {
  const plans: Choice[] = [{ value: ACTIVE_PLAN, label: 'Active plan' }, { value: ALL_PLANS, label: 'All plans' }, ...planFiles(analysis).map((p) => ({ value: p, label: p }))];
  if (options.plan && !plans.some((p) => p.value === options.plan)) plans.push({ value: options.plan, label: `${options.plan} (missing)` });
  const ofKind = (kind: 'feature' | 'goal' | 'milestone', all: string): Choice[] => {
    const choices: Choice[] = [{ value: '', label: all }];
    for (const item of analysis.items.values()) if (item.kind === kind) choices.push({ value: item.id, label: `${item.id} ${cleanLine(item.title, 50)}` });
    return choices;
  };
  const owners = new Map<string, string>();
  for (const item of analysis.items.values()) {
    if (item.kind !== 'task' && item.kind !== 'milestone') continue;
    for (const o of item.owners) if (!owners.has(ownerKey(o))) owners.set(ownerKey(o), o);
  }
  const ownerChoices: Choice[] = [{ value: '', label: 'All owners' }, ...[...owners.values()].sort().map((o) => ({ value: o, label: o }))];
  const keep = (choices: Choice[], value: string): Choice[] => (value && !choices.some((c) => c.value === value) ? [...choices, { value, label: `${value} (missing)` }] : choices);

  const hidden = { hideLabel: true };
  return [
    toolbarRow(
      toolbarGroup(
        selectControl('plan', 'Plan', options.plan, plans, 'Which plan to draw: the one in the active editor, all plans, or one plan file', hidden),
        selectControl(GANTT_GROUP_BY.key, GANTT_GROUP_BY.label, options.groupBy, toolbarChoices(GANTT_GROUP_BY), 'Group the bars by plan section or by feature', hidden),
      ),
      toolbarGroup(
        segmentedControl(GANTT_ZOOM.key, GANTT_ZOOM.label, options.zoom, toolbarChoices(GANTT_ZOOM)),
      ),
      toolbarGroup(
        selectControl('renderer', 'Draw with', options.renderer, [{ value: 'specline', label: 'Specline' }, { value: 'mermaid', label: 'Mermaid' }], 'Draw with Specline, or with Mermaid to see the chart as GitHub will draw the exported text', hidden),
        menuControl('Export', [
          { command: 'copyMermaid', label: 'Copy as Mermaid' },
          { command: 'saveSvg', label: 'Save as SVG…' },
          { command: 'savePng', label: 'Save as PNG…' },
        ], 'Copy the chart as mermaid gantt text (explicit dates), or save it as an image'),
      ),
    ),
    toolbarRow(
      toolbarGroup(
        selectControl('feature', 'Feature', options.feature, keep(ofKind('feature', 'All features'), options.feature), undefined, hidden),
        selectControl('goal', 'Goal', options.goal, keep(ofKind('goal', 'All goals'), options.goal), undefined, hidden),
        selectControl('owner', 'Owner', options.owner, keep(ownerChoices, options.owner), undefined, hidden),
        selectControl('milestone', 'Milestone', options.milestone, keep(ofKind('milestone', 'All milestones'), options.milestone), undefined, hidden),
      ),
      // With the filters (which also change what is drawn) rather than on the first row,
      // which a half-width panel already fills: the toolbar stays two rows high.
      toolbarGroup(compareControl(options, compare)),
      toolbarStatus(status.short, status.long),
    ),
  ].join('');
}

function emptyState(analysis: Analysis, options: GanttViewOptions): string {
  const filtered = options.feature || options.goal || options.owner || options.milestone || (options.plan !== ACTIVE_PLAN && options.plan !== ALL_PLANS);
  const anyTasks = [...analysis.items.values()].some((i) => i.kind === 'task' || i.kind === 'milestone');
  const why = !anyTasks
    ? 'This workspace has no tasks or milestones yet. Write a plan with a task table or task list (Specline: Open Documentation describes the format) and its bars appear here as you type.'
    : filtered
      ? 'No task or milestone matches these filters.'
      : 'The active file has no scheduled tasks or milestones.';
  return `<div class="sl-empty-state"><h2>Nothing to draw</h2><p>${escapeXml(why)}</p></div>`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
