import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath, Status } from '../model/types.js';
import type { BlockedMarkup } from '../render/blocks.js';
import { joinBlocks } from '../render/blocks.js';
import type { HealthLevel } from '../render/health.js';
import { HEALTH_LABEL } from '../render/health.js';
import { roadmapBoardBlocks, roadmapLegendHtml } from '../render/roadmapBoard.js';
import type { RoadmapCard, RoadmapColumns, RoadmapLane, RoadmapModel, RoadmapOrder } from '../render/roadmapModel.js';
import { buildRoadmap } from '../render/roadmapModel.js';
import { cleanLine, ownerKey } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import type { Choice } from './toolbar.js';
import { commandButton, segmentedControl, selectControl, toolbarGroup, toolbarStatus } from './toolbar.js';
import { parseChoice, restoreChoice, toolbarChoices } from './optionSchema.js';
import { ROADMAP_COLUMNS_OPTION, ROADMAP_ORDER_OPTION } from './roadmapOptions.js';
import roadmapViewCss from './roadmapView.css.js';

/** The health filter's extra choice: late or at risk. */
export const NEEDS_ATTENTION = 'attention';

/** What the roadmap preview shows; persisted with the panel. */
export interface RoadmapViewOptions {
  /** Column mode; `auto` picks Now / Next / Later or dated periods from the goals' horizons. */
  columns: RoadmapColumns;
  /** One goal's lane (`''`: every lane; `'-'`: only the Untraced lane). */
  goal: string;
  /** Features this person owns (case and `@` ignored). */
  owner: string;
  /** Features with this status (`''`: any). */
  status: string;
  /** Features with this health (`''`: any; `attention`: late or at risk). */
  health: string;
  /** Card order within a cell: by priority, or by RICE score. */
  order: RoadmapOrder;
}

export const DEFAULT_ROADMAP_OPTIONS: Readonly<RoadmapViewOptions> = {
  columns: ROADMAP_COLUMNS_OPTION.default, goal: '', owner: '', status: '', health: '', order: ROADMAP_ORDER_OPTION.default,
};

/** The goal choice that shows only the Untraced lane. */
export const UNTRACED_LANE = '-';

const HEALTH_FILTERS: readonly string[] = ['', NEEDS_ATTENTION, 'late', 'at-risk', 'on-track', 'unplanned', 'done'];
const STATUSES: readonly Status[] = ['draft', 'proposed', 'approved', 'todo', 'in-progress', 'blocked', 'done'];

const str = (v: unknown, max = 200): string => (typeof v === 'string' && v.length <= max ? v : '');

/** Options from persisted or posted state: anything unknown falls back to the default. */
export function restoreRoadmapOptions(raw: unknown): RoadmapViewOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    columns: restoreChoice(ROADMAP_COLUMNS_OPTION, o.columns),
    goal: str(o.goal),
    owner: str(o.owner),
    status: STATUSES.find((s) => s === o.status) ?? '',
    health: HEALTH_FILTERS.find((h) => h === o.health) ?? '',
    order: restoreChoice(ROADMAP_ORDER_OPTION, o.order),
  };
}

/** Applies one toolbar change; undefined for keys or values the toolbar cannot produce. */
export function setRoadmapOption(options: RoadmapViewOptions, key: string, value: string): RoadmapViewOptions | undefined {
  switch (key) {
    case ROADMAP_COLUMNS_OPTION.key: {
      const columns = parseChoice(ROADMAP_COLUMNS_OPTION, value);
      return columns ? { ...options, columns } : undefined;
    }
    case 'goal': case 'owner':
      return value.length <= 200 ? { ...options, [key]: value } : undefined;
    case 'status':
      return value === '' || STATUSES.some((s) => s === value) ? { ...options, status: value } : undefined;
    case 'health':
      return HEALTH_FILTERS.includes(value) ? { ...options, health: value } : undefined;
    case ROADMAP_ORDER_OPTION.key: {
      const order = parseChoice(ROADMAP_ORDER_OPTION, value);
      return order ? { ...options, order } : undefined;
    }
    default:
      return undefined;
  }
}

/** The options with every filter cleared (the column mode and the order are kept). */
export function clearRoadmapFilters(options: RoadmapViewOptions): RoadmapViewOptions {
  return { ...DEFAULT_ROADMAP_OPTIONS, columns: options.columns, order: options.order };
}

const isFiltered = (o: RoadmapViewOptions): boolean => Boolean(o.goal || o.owner || o.status || o.health);

function cardMatches(card: RoadmapCard, options: RoadmapViewOptions): boolean {
  const item = card.item;
  if (options.owner && !(item?.owners ?? []).some((o) => ownerKey(o) === ownerKey(options.owner))) return false;
  if (options.status && item?.status !== options.status) return false;
  if (options.health === NEEDS_ATTENTION) return card.health.level === 'late' || card.health.level === 'at-risk';
  if (options.health && card.health.level !== options.health) return false;
  return true;
}

/**
 * The model narrowed by the filters. The goal filter keeps one lane; the other filters
 * keep the cards that match, and drop lanes left without a card (a goal without features
 * stays only when nothing but the goal filter is set). Column headers keep every column
 * of the unfiltered board, so switching filters never moves the timeline.
 */
export function filterRoadmap(model: RoadmapModel, options: RoadmapViewOptions): RoadmapModel {
  const cardFilter = Boolean(options.owner || options.status || options.health);
  const lanes: RoadmapLane[] = [];
  for (const lane of model.lanes) {
    if (options.goal === UNTRACED_LANE ? lane.goal !== undefined : options.goal && lane.goal?.id !== options.goal) continue;
    if (!cardFilter) {
      lanes.push(lane);
      continue;
    }
    const cards = lane.cards.filter((c) => cardMatches(c, options));
    if (cards.length > 0) lanes.push({ ...lane, cards, column: undefined });
  }
  return { ...model, lanes };
}

/** Numbers on screen, for the status line, the API and tests. */
export interface RoadmapCounts {
  /** Cards on the board (a feature serving two goals is two cards). */
  cards: number;
  /** Distinct features on the board. */
  features: number;
  /** Lanes, the Untraced lane included. */
  lanes: number;
  /** Goal lanes. */
  goals: number;
  columns: number;
  /** Cards in the Untraced lane. */
  untraced: number;
  /** Distinct features by health. */
  late: number;
  atRisk: number;
  onTrack: number;
  unplanned: number;
  done: number;
  /** Goal lanes by goal health. */
  goalsLate: number;
  goalsAtRisk: number;
  /** 1 when the board shows dated columns (quarters or halves), 0 for Now / Next / Later. */
  dated: number;
}

/** Counts what a (filtered) model shows. */
export function roadmapCounts(model: RoadmapModel): RoadmapCounts {
  const features = new Map<string, HealthLevel>();
  let cards = 0;
  let untraced = 0;
  let goals = 0;
  let goalsLate = 0;
  let goalsAtRisk = 0;
  for (const lane of model.lanes) {
    cards += lane.cards.length;
    if (lane.goal) {
      goals++;
      if (lane.health?.level === 'late') goalsLate++;
      if (lane.health?.level === 'at-risk') goalsAtRisk++;
    } else {
      untraced += lane.cards.length;
    }
    for (const c of lane.cards) features.set(c.id, c.health.level);
  }
  const levels = [...features.values()];
  const count = (l: HealthLevel): number => levels.filter((x) => x === l).length;
  return {
    cards, features: features.size, lanes: model.lanes.length, goals, columns: model.columns.length, untraced,
    late: count('late'), atRisk: count('at-risk'), onTrack: count('on-track'), unplanned: count('unplanned'), done: count('done'),
    goalsLate, goalsAtRisk, dated: model.mode === 'quarter' ? 1 : 0,
  };
}

/** The rendered roadmap view: toolbar and body markup, title and counts. */
export interface RoadmapViewResult {
  toolbar: string;
  html: string;
  /** `html` as keyed blocks (header, one per lane) when there is a board. */
  blocks?: BlockedMarkup;
  title: string;
  counts: RoadmapCounts & Record<string, number>;
}

/**
 * Renders the roadmap preview for one analysis. Pure: the same function feeds the
 * webview, the security tests in Chromium and the benchmark. The board is
 * {@link roadmapBoardHtml}, the same markup as `specline roadmap --format html` and the
 * `specline-roadmap` Markdown block. `activePath` is accepted for the common view
 * signature; the roadmap always shows the whole workspace.
 */
export function renderRoadmapView(analysis: Analysis, options: RoadmapViewOptions, _activePath?: FilePath): RoadmapViewResult {
  const full = buildRoadmap(analysis, options.columns, options.order);
  const model = filterRoadmap(full, options);
  const counts = roadmapCounts(model);
  const body: string[] = [];
  let blocks: BlockedMarkup | undefined;
  if (full.lanes.length === 0) {
    body.push(emptyRoadmap());
  } else if (model.lanes.length === 0) {
    body.push(`<div class="sl-empty-state"><h2>No feature matches these filters</h2><p>${escapeXml(filterSummary(analysis, options))}</p><p>${commandButton('clearFilters', 'Clear filters', { primary: true })}</p></div>`);
  } else {
    const board = roadmapBoardBlocks(model);
    if (board) {
      blocks = { frame: `<div class="sl-roadmap-view">${roadmapLegendHtml()}${board.frame}</div>`, blocks: board.blocks };
      body.push(joinBlocks(blocks));
    }
  }
  const attention = counts.late + counts.atRisk;
  const status = full.lanes.length === 0
    ? `as of ${formatDate(analysis.today)}`
    : `${plural(counts.features, 'feature')} in ${plural(counts.goals, 'goal')}` +
      `${counts.late ? ` · ${counts.late} late` : ''}${counts.atRisk ? ` · ${counts.atRisk} at risk` : ''}${attention === 0 && counts.features > 0 ? ' · nothing late' : ''}` +
      `${counts.untraced ? ` · ${counts.untraced} untraced` : ''} · as of ${formatDate(analysis.today)}`;
  return { toolbar: roadmapToolbar(full, options, status), html: body.join('\n'), ...(blocks ? { blocks } : {}), title: 'Roadmap', counts: { ...counts } };
}

function roadmapToolbar(model: RoadmapModel, options: RoadmapViewOptions, status: string): string {
  const resolved = model.mode === 'horizon' ? 'Now / Next / Later' : model.period === 'half' ? 'halves' : 'quarters';
  // "Auto" says which mode it picked.
  const columns: Choice[] = toolbarChoices(ROADMAP_COLUMNS_OPTION).map((c) => (c.value === 'auto' ? { ...c, label: `${c.label} (${resolved})` } : c));
  const goals: Choice[] = [{ value: '', label: 'All goals' }];
  for (const lane of model.lanes) if (lane.goal) goals.push({ value: lane.goal.id, label: `${lane.goal.id} ${cleanLine(lane.goal.title, 50)}` });
  if (model.lanes.some((l) => !l.goal)) goals.push({ value: UNTRACED_LANE, label: 'Untraced features' });
  const owners = new Map<string, string>();
  const statuses = new Set<string>();
  for (const lane of model.lanes) {
    for (const c of lane.cards) {
      for (const o of c.item?.owners ?? []) if (!owners.has(ownerKey(o))) owners.set(ownerKey(o), o);
      if (c.item?.status) statuses.add(c.item.status);
    }
  }
  const ownerChoices: Choice[] = [{ value: '', label: 'Everyone' }, ...[...owners.values()].sort().map((o) => ({ value: o, label: o }))];
  const statusChoices: Choice[] = [{ value: '', label: 'Any' }, ...STATUSES.filter((s) => statuses.has(s)).map((s) => ({ value: s, label: s.replace('-', ' ') }))];
  const healthChoices: Choice[] = [
    { value: '', label: 'Any' },
    { value: NEEDS_ATTENTION, label: 'Late or at risk' },
    ...(['late', 'at-risk', 'on-track', 'unplanned', 'done'] as const).map((h) => ({ value: h, label: HEALTH_LABEL[h] })),
  ];
  const keep = (choices: Choice[], value: string): Choice[] => (value && !choices.some((c) => c.value === value) ? [...choices, { value, label: `${value} (none)` }] : choices);
  const filters = [
    selectControl('goal', 'Goal', options.goal, keep(goals, options.goal)),
    selectControl('owner', 'Owner', options.owner, keep(ownerChoices, options.owner)),
    selectControl('status', 'Status', options.status, keep(statusChoices, options.status)),
    selectControl('health', 'Health', options.health, healthChoices),
  ];
  if (isFiltered(options)) filters.push(commandButton('clearFilters', 'Clear', { title: 'Show every goal and feature' }));
  return [
    toolbarGroup(segmentedControl(ROADMAP_COLUMNS_OPTION.key, ROADMAP_COLUMNS_OPTION.label, options.columns, columns)),
    toolbarGroup(segmentedControl(ROADMAP_ORDER_OPTION.key, ROADMAP_ORDER_OPTION.label, options.order, toolbarChoices(ROADMAP_ORDER_OPTION))),
    toolbarGroup(...filters),
    toolbarGroup(
      commandButton('copyMarkdown', 'Copy Markdown', { title: 'Copy the whole roadmap as Markdown (as specline roadmap --format markdown)' }),
      commandButton('copyMermaid', 'Copy Mermaid', { title: 'Copy the whole roadmap as a mermaid timeline (as specline roadmap --format mermaid)' }),
      commandButton('saveHtml', 'Save HTML…', { title: 'Save the whole roadmap as a self-contained page (as specline roadmap --format html)' }),
    ),
    toolbarStatus(status),
  ].join('');
}

function filterSummary(analysis: Analysis, options: RoadmapViewOptions): string {
  const parts: string[] = [];
  if (options.goal === UNTRACED_LANE) parts.push('untraced features');
  else if (options.goal) parts.push(`goal ${options.goal}${analysis.items.has(options.goal) ? '' : ' (not defined)'}`);
  if (options.owner) parts.push(`owner ${options.owner}`);
  if (options.status) parts.push(`status ${options.status}`);
  if (options.health) parts.push(`health ${options.health === NEEDS_ATTENTION ? 'late or at risk' : HEALTH_LABEL[options.health as HealthLevel] ?? options.health}`);
  return `Nothing on the roadmap has ${parts.join(', ')}.`;
}

/** What to write to get a roadmap: shown when the workspace has no goal and no feature. */
function emptyRoadmap(): string {
  const goal = ['## G-1 Halve onboarding time', '', '- horizon: 2027-Q2', '- priority: must', '- owner: @ana'].join('\n');
  const feature = ['---', 'id: FEAT-1', 'title: Guided setup', 'goals: [G-1]', 'owner: "@ben"', '---'].join('\n');
  const task = ['| ID | Task | Features | Duration | Owner |', '|---|---|---|---|---|', '| T-1 | Setup wizard | FEAT-1 | 5d | @ben |'].join('\n');
  return [
    '<div class="sl-empty-state sl-roadmap-empty">',
    '<h2>No roadmap yet</h2>',
    '<p>The roadmap shows goals as swimlanes and the features that serve them as cards, placed by horizon. Write them in Markdown anywhere in the workspace:</p>',
    '<ol>',
    `<li>Goals in a roadmap file, with a horizon (<code>now</code>, <code>next</code>, <code>later</code> or a quarter such as <code>2027-Q2</code>):<pre>${escapeXml(goal)}</pre></li>`,
    `<li>A feature spec that names its goals:<pre>${escapeXml(feature)}</pre></li>`,
    `<li>Tasks in a plan that deliver the feature, for dates, progress and health:<pre>${escapeXml(task)}</pre></li>`,
    '</ol>',
    '<p>The board updates as you type.</p>',
    '</div>',
  ].join('');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Panel-only styles around the shared board ({@link ROADMAP_CSS} does the board itself). */
export const ROADMAP_VIEW_CSS: string = roadmapViewCss;
