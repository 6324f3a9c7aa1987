import type { Analysis, GoalInfo } from '../analysis/types.js';
import { dateParts, formatDate } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import type { FeatureHealth, HealthLevel } from './health.js';
import { AT_RISK_MARGIN, createHealthContext, featureHealth, HEALTH_LABEL } from './health.js';
import type { GoalHealth } from './goalHealth.js';
import { goalHealth } from './goalHealth.js';
import { htmlPage } from './htmlPage.js';
import { mdText } from './markdown.js';
import { mermaidLineStart, mermaidText } from './mermaidText.js';
import { cleanLine, percent } from './text.js';
import type { BlockedMarkup, ViewBlock } from './blocks.js';
import { blockAttr, frameAround, joinBlocks } from './blocks.js';
import { escapeXml } from './xml.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney } from '../cost/formatMoney.js';
import { metricSummary } from '../cost/metricProgress.js';
import { riceScore } from '../cost/riceScore.js';

/**
 * How the roadmap's columns are chosen: `horizon` is Now / Next / Later, `quarter` and
 * `half` are dated periods, `auto` picks one of them from the goals' horizons.
 */
export type RoadmapColumns = 'auto' | 'horizon' | 'quarter' | 'half';

/**
 * How the cards of one cell are ordered: `priority` (must first, then the higher RICE
 * score) or `score` (the higher RICE score first, then priority). Cards without a priority
 * or a score come after those with one; ties go by where the feature is written (file,
 * then line), then by ID, so the order never depends on how the files were read.
 */
export type RoadmapOrder = 'priority' | 'score';

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

/** A roadmap column: a horizon (Now/Next/Later) or a dated period. */
export interface RoadmapColumn {
  key: string;
  label: string;
  /** What the column covers, e.g. "Jan–Mar" or "2027 Q2" (ours, no user text). */
  hint: string;
}

/** One feature in one lane. */
export interface RoadmapCard {
  id: string;
  item?: Item;
  /** Key of the column it sits in. */
  column: string;
  /** 0–100, working-day weighted (from the analysis); undefined when unscheduled. */
  progress?: number;
  health: FeatureHealth;
  /** RICE score; undefined without reach, impact and confidence (or with no effort). */
  score?: number;
}

/** A goal's swimlane, or the "Untraced" lane (no `goal`). */
export interface RoadmapLane {
  goal?: Item;
  goalInfo?: GoalInfo;
  /** The goal's health (worst of its features plus its own deadline); undefined for the Untraced lane. */
  health?: GoalHealth;
  /** Column of the goal itself (by its horizon), for goals without features. */
  column?: string;
  cards: RoadmapCard[];
  /** Budget health: "Budget 40,000 EUR · planned 42,300 · over budget"; undefined when the goal has no budget and costs nothing. */
  budget?: { text: string; over: boolean };
  /** Metric progress: "30% → 60% (from 20%), 25% of the way"; undefined without metric values. */
  metric?: string;
}

/** The roadmap as data, as built by {@link buildRoadmap}; renderers only format it. */
export interface RoadmapModel {
  mode: 'horizon' | 'quarter';
  /** The length of a dated column (in `horizon` mode: the quarter Now / Next are counted in). */
  period: Period;
  columns: RoadmapColumn[];
  lanes: RoadmapLane[];
  today: DayNumber;
  /** How the cards of each cell are ordered. */
  order: RoadmapOrder;
}

/** The length of a dated roadmap column. */
export type RoadmapPeriod = 'quarter' | 'half';
type Period = RoadmapPeriod;

const NOW = 'now';
const NEXT = 'next';
const LATER = 'later';
const UNPLANNED = 'unplanned';
const UNDATED = 'undated';

/**
 * The roadmap as data: goals as swimlanes (document order) plus an "Untraced" lane for
 * features that serve no goal, columns by horizon or by dated period, and one card per
 * feature and goal with its health ({@link featureHealth}, {@link goalHealth}). A feature
 * serving two goals appears in both lanes. Dropped goals and features are left out: a
 * roadmap shows what is planned.
 *
 * Column of a card: in `horizon` mode, the goal's now/next/later horizon; for a dated
 * horizon (or no horizon) the date — the feature's scheduled end, else its target, the
 * goal's horizon end or deadline — relative to today's quarter (this quarter or earlier:
 * Now, next quarter: Next, after: Later), so work finishing this quarter shows in Now
 * even when its goal runs all year. In dated modes the same date picks the period (a
 * slipped feature shows in the period it will really land); undated features of now/next goals go to this
 * or next period, later ones to "Later", the rest to "Undated".
 *
 * Within a cell, cards follow `order` ({@link RoadmapOrder}); each card carries its RICE
 * score (docs/format.md, RICE score) so the board can show what it was ordered by.
 */
export function buildRoadmap(analysis: Analysis, columns: RoadmapColumns = 'auto', order: RoadmapOrder = 'priority'): RoadmapModel {
  const today = analysis.today;
  const goals = [...analysis.items.values()].filter((i) => i.kind === 'goal' && i.status !== 'dropped');
  const mode = columns === 'auto' ? autoMode(goals) : columns === 'horizon' ? 'horizon' : 'quarter';
  const autoPeriod: Period = goals.some((g) => g.horizon?.bucket === 'quarter') || !goals.some((g) => g.horizon?.bucket === 'half' || g.horizon?.bucket === 'year') ? 'quarter' : 'half';
  const period: Period = columns === 'half' ? 'half' : columns === 'quarter' || columns === 'horizon' ? 'quarter' : autoPeriod;
  const health = createHealthContext(analysis, today);
  const featureHealths = new Map<string, FeatureHealth>();
  const healthOf = (id: string): FeatureHealth => {
    let h = featureHealths.get(id);
    if (!h) {
      h = featureHealth(analysis, id, health);
      featureHealths.set(id, h);
    }
    return h;
  };
  const cost = analysisCost(analysis);
  const usedPeriods = new Set<number>();
  const columnOf = (goal: Item | undefined, goalInfo: GoalInfo | undefined, feature: Item | undefined): string => {
    const fEnd = feature ? analysis.features.get(feature.id)?.end : undefined;
    const bucket = goal?.horizon?.bucket;
    if (mode === 'horizon') {
      if (bucket === 'now' || bucket === 'next' || bucket === 'later') return bucket;
      const date = fEnd ?? feature?.target ?? goal?.horizon?.end ?? goalInfo?.deadline;
      return date === undefined ? UNPLANNED : relativeBucket(date, today);
    }
    const date = fEnd ?? feature?.target ?? goal?.horizon?.end ?? goalInfo?.deadline;
    let index: number | undefined;
    if (date !== undefined) index = periodIndex(date, period);
    else if (bucket === 'now') index = periodIndex(today, period);
    else if (bucket === 'next') index = periodIndex(today, period) + 1;
    else if (bucket === 'later') return LATER;
    if (index === undefined) return UNDATED;
    usedPeriods.add(index);
    return `p${index}`;
  };

  const card = (featureId: string, goal: Item | undefined, goalInfo: GoalInfo | undefined): RoadmapCard | undefined => {
    const item = analysis.items.get(featureId);
    if (item?.status === 'dropped') return undefined;
    const score = item ? riceScore(item, cost.features.get(featureId)) : null;
    return {
      id: featureId,
      item,
      column: columnOf(goal, goalInfo, item),
      progress: analysis.features.get(featureId)?.progress,
      health: healthOf(featureId),
      ...(score === null ? {} : { score }),
    };
  };

  const lanes: RoadmapLane[] = [];
  for (const goal of goals) {
    const info = analysis.goals.get(goal.id);
    const cards = [...new Set(info?.features ?? [])].map((f) => card(f, goal, info)).filter((c) => c !== undefined);
    const budget = laneBudget(analysis, goal);
    const metric = laneMetric(goal);
    lanes.push({
      goal,
      goalInfo: info,
      health: goalHealth(analysis, goal.id, health, featureHealths),
      column: cards.length === 0 ? columnOf(goal, info, undefined) : undefined,
      cards,
      ...(budget ? { budget } : {}),
      ...(metric ? { metric } : {}),
    });
  }
  const untraced: RoadmapCard[] = [];
  for (const [id, info] of analysis.features) {
    if (info.goals.length > 0) continue;
    const c = card(id, undefined, undefined);
    if (c) untraced.push(c);
  }
  if (untraced.length > 0) lanes.push({ cards: untraced });

  const cols = mode === 'horizon' ? horizonColumns(lanes, today) : periodColumns(usedPeriods, period, lanes);
  const colOrder = new Map(cols.map((c, i) => [c.key, i]));
  const within = order === 'score' ? [byScore, byPriority] : [byPriority, byScore];
  for (const lane of lanes) {
    lane.cards.sort((a, b) =>
      (colOrder.get(a.column) ?? 0) - (colOrder.get(b.column) ?? 0) || within[0](a, b) || within[1](a, b) || bySource(a, b));
  }
  return { mode, period, columns: cols, lanes, today, order };
}

/** Rank of a card without a priority: after wont (P3). */
const NO_PRIORITY = 9;

function byPriority(a: RoadmapCard, b: RoadmapCard): number {
  return (a.item?.priority?.rank ?? NO_PRIORITY) - (b.item?.priority?.rank ?? NO_PRIORITY);
}

/** Higher score first; cards without a score last. */
function byScore(a: RoadmapCard, b: RoadmapCard): number {
  return (b.score ?? -Infinity) - (a.score ?? -Infinity) || 0;
}

/** File, then line, then ID; a card whose feature is not defined goes last. */
function bySource(a: RoadmapCard, b: RoadmapCard): number {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  if (a.item && b.item) {
    return cmp(a.item.file, b.item.file) || a.item.idRange.start.line - b.item.idRange.start.line || cmp(a.id, b.id);
  }
  return (a.item ? 0 : 1) - (b.item ? 0 : 1) || cmp(a.id, b.id);
}

function autoMode(goals: Item[]): 'horizon' | 'quarter' {
  let dated = 0;
  let relative = 0;
  for (const g of goals) {
    if (g.horizon?.end !== undefined) dated++;
    else if (g.horizon) relative++;
  }
  return dated > relative ? 'quarter' : 'horizon';
}

function periodIndex(day: DayNumber, period: Period): number {
  const { year, month } = dateParts(day);
  return period === 'quarter' ? year * 4 + Math.floor((month - 1) / 3) : year * 2 + Math.floor((month - 1) / 6);
}

function periodLabel(index: number, period: Period): string {
  return period === 'quarter' ? `${Math.floor(index / 4)} Q${(index % 4) + 1}` : `${Math.floor(index / 2)} H${(index % 2) + 1}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The months a period covers: "Jan–Mar". */
function periodMonths(index: number, period: Period): string {
  const first = period === 'quarter' ? (index % 4) * 3 : (index % 2) * 6;
  return `${MONTHS[first]}–${MONTHS[first + (period === 'quarter' ? 2 : 5)]}`;
}

function relativeBucket(date: DayNumber, today: DayNumber): string {
  const d = periodIndex(date, 'quarter');
  const t = periodIndex(today, 'quarter');
  return d <= t ? NOW : d === t + 1 ? NEXT : LATER;
}

function laneColumns(lanes: RoadmapLane[]): Set<string> {
  const used = new Set<string>();
  for (const lane of lanes) {
    if (lane.column) used.add(lane.column);
    for (const c of lane.cards) used.add(c.column);
  }
  return used;
}

function horizonColumns(lanes: RoadmapLane[], today: DayNumber): RoadmapColumn[] {
  const t = periodIndex(today, 'quarter');
  const cols = [
    { key: NOW, label: 'Now', hint: `this quarter · ${periodLabel(t, 'quarter')}` },
    { key: NEXT, label: 'Next', hint: `next quarter · ${periodLabel(t + 1, 'quarter')}` },
    { key: LATER, label: 'Later', hint: `from ${periodLabel(t + 2, 'quarter')}` },
  ];
  if (laneColumns(lanes).has(UNPLANNED)) cols.push({ key: UNPLANNED, label: 'Unplanned', hint: 'no horizon or date' });
  return cols;
}

/** Dated periods in order; gaps filled when the span is short, so the board reads as a timeline. */
function periodColumns(used: Set<number>, period: Period, lanes: RoadmapLane[]): RoadmapColumn[] {
  const indices = [...used].sort((a, b) => a - b);
  const cols: RoadmapColumn[] = [];
  if (indices.length > 0) {
    const first = indices[0];
    const last = indices[indices.length - 1];
    const range = last - first + 1 <= 12 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : indices;
    for (const i of range) cols.push({ key: `p${i}`, label: periodLabel(i, period), hint: periodMonths(i, period) });
  }
  const other = laneColumns(lanes);
  if (other.has(LATER)) cols.push({ key: LATER, label: 'Later', hint: 'horizon later, no date' });
  if (other.has(UNDATED)) cols.push({ key: UNDATED, label: 'Undated', hint: 'no horizon or date' });
  return cols;
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

function laneTitle(lane: RoadmapLane): string {
  return lane.goal ? `${lane.goal.id} ${cleanLine(lane.goal.title)}`.trimEnd() : 'Untraced';
}

/** The lane's cards by column key, so renderers do not filter once per column. */
function byColumn(lane: RoadmapLane): Map<string, RoadmapCard[]> {
  const map = new Map<string, RoadmapCard[]>();
  for (const c of lane.cards) {
    const list = map.get(c.column);
    if (list) list.push(c);
    else map.set(c.column, [c]);
  }
  return map;
}

function columnLabel(model: RoadmapModel, key: string | undefined): string {
  return model.columns.find((c) => c.key === key)?.label ?? '';
}

/** A RICE score as written on a card: thousands separated, at most 2 decimals. */
export function formatScore(score: number): string {
  return formatMoney(score);
}

function cardTitle(card: RoadmapCard): string {
  return cleanLine(card.item?.title);
}

/** A goal's budget against its planned cost (and spent money), the roadmap's budget health. */
function laneBudget(analysis: Analysis, goal: Item): RoadmapLane['budget'] {
  const figures = analysisCost(analysis).goals.get(goal.id);
  if (!figures || (goal.budget === undefined && figures.cost === 0 && figures.ac === 0)) return undefined;
  const currency = analysis.config.currency;
  const parts = [goal.budget === undefined ? `Planned ${formatMoney(figures.cost, currency)}` : `Budget ${formatMoney(goal.budget, currency)} · planned ${formatMoney(figures.cost)}`];
  if (figures.ac > 0) parts.push(`spent ${formatMoney(figures.ac)}`);
  const cents = (n: number): number => Math.round(n * 100);
  const over = goal.budget !== undefined && (cents(figures.cost) > cents(goal.budget) || cents(figures.ac) > cents(goal.budget));
  if (goal.budget !== undefined) parts.push(over ? 'over budget' : 'within budget');
  return { text: parts.join(' · '), over };
}

/** A goal's metric values and progress, when it states any. */
function laneMetric(goal: Item): string | undefined {
  const m = metricSummary(goal);
  if (!m || m.current === null || m.target === null) return undefined;
  const show = (v: number): string => `${v}${m.unit === '%' ? '%' : m.unit ? ` ${m.unit}` : ''}`;
  return `${show(m.current)} → ${show(m.target)}${m.baseline !== null ? ` (from ${show(m.baseline)})` : ''}${m.progress !== null ? `, ${m.progress}% of the way` : ''}`;
}

function goalFacts(lane: RoadmapLane): string[] {
  const facts: string[] = [];
  const goal = lane.goal;
  if (!goal) return facts;
  if (goal.horizon) facts.push(`Horizon: ${cleanLine(goal.horizon.text, 40)}`);
  if (lane.goalInfo?.deadline !== undefined) facts.push(`Deadline: ${formatDate(lane.goalInfo.deadline)}`);
  if (goal.priority) facts.push(`Priority: ${cleanLine(goal.priority.text, 20)}`);
  if (goal.status) facts.push(`Status: ${goal.status}`);
  if (goal.metric) facts.push(`Metric: ${cleanLine(goal.metric)}`);
  if (lane.metric) facts.push(`Now: ${cleanLine(lane.metric, 120)}`);
  if (lane.budget) facts.push(cleanLine(lane.budget.text, 160));
  return facts;
}

function healthText(h: { label: string; reasons: string[] }): string {
  return h.reasons.length > 0 ? `${h.label}: ${h.reasons.join('; ')}` : h.label;
}

/** How the Markdown roadmap says what its cards are ordered by. */
const ORDER_NOTE: Readonly<Record<RoadmapOrder, string>> = {
  priority: 'Features in each column by priority, then RICE score.',
  score: 'Features in each column by RICE score (highest first), then priority.',
};

function roadmapMarkdown(analysis: Analysis, model: RoadmapModel, title: string | undefined): string {
  const out: string[] = [`# ${mdText(title) || 'Roadmap'}`, ''];
  out.push(`_As of ${formatDate(analysis.today)}. Columns: ${model.columns.map((c) => c.label).join(' / ') || 'none'}. ` +
    `Health: late when a feature is scheduled to end after its deadline; at risk when it ends within ${AT_RISK_MARGIN} working days of it or has overdue or blocked tasks. ` +
    `${ORDER_NOTE[model.order]}_`, '');
  if (model.lanes.length === 0) {
    out.push('No goals or features yet.');
    return out.join('\n') + '\n';
  }

  out.push('## Overview', '');
  out.push(`| Goal | ${model.columns.map((c) => mdText(c.label)).join(' | ')} |`);
  out.push(`|---|${model.columns.map(() => '---').join('|')}|`);
  for (const lane of model.lanes) {
    const grouped = byColumn(lane);
    const cells = model.columns.map((col) => (grouped.get(col.key) ?? [])
      .map((c) => (c.health.level === 'late' || c.health.level === 'at-risk' ? `${mdText(c.id)} (${c.health.label.toLowerCase()})` : mdText(c.id)))
      .join(', '));
    const name = lane.goal ? `**${mdText(lane.goal.id)}** ${mdText(lane.goal.title, 60)}` : '_Untraced_';
    out.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  out.push('');

  for (const lane of model.lanes) {
    out.push(`## ${lane.goal ? `${mdText(lane.goal.id)} ${mdText(lane.goal.title)}` : 'Untraced'}`.trimEnd(), '');
    const facts = goalFacts(lane);
    if (facts.length > 0) out.push(mdText(facts.join(' · '), 400), '');
    if (lane.health) out.push(`Health: ${mdText(healthText(lane.health), 400)}`, '');
    if (!lane.goal) out.push('Features that serve no goal.', '');
    if (lane.cards.length === 0) {
      out.push(`_No features yet${lane.column ? ` (${mdText(columnLabel(model, lane.column))})` : ''}._`, '');
      continue;
    }
    // The RICE column only where a card of the lane has a score: most roadmaps have none.
    const scored = lane.cards.some((c) => c.score !== undefined);
    out.push(`| When | Feature | Status | Priority |${scored ? ' RICE |' : ''} Owner | Progress | Health |`, `|---|---|---|---|${scored ? '---:|' : ''}---|---:|---|`);
    for (const c of lane.cards) {
      const item = c.item;
      const score = scored ? ` ${c.score === undefined ? '—' : formatScore(c.score)} |` : '';
      out.push(`| ${mdText(columnLabel(model, c.column))} | **${mdText(c.id)}** ${mdText(cardTitle(c))} | ${item?.status ?? ''} | ${mdText(item?.priority?.text, 20)} |${score} ${mdText(item?.owners.join(', '), 80)} | ${c.progress === undefined ? '—' : `${percent(c.progress)}%`} | ${mdText(healthText(c.health), 300)} |`);
    }
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/**
 * Mermaid `timeline`: one section per column, one period per lane with features in it,
 * the features as events. Every line starts with a keyword we write (`timeline`, `title`,
 * `section`) or with an item ID / "Untraced", and all user text goes through
 * `mermaidText` (see mermaidText.ts for what it neutralises).
 */
function roadmapMermaid(model: RoadmapModel, title: string | undefined): string {
  const lines = ['timeline'];
  const t = mermaidText(title, 80, '');
  lines.push(`    title ${t || 'Roadmap'}`);
  const grouped = model.lanes.map(byColumn);
  for (const col of model.columns) {
    const periods: string[] = [];
    for (const [i, lane] of model.lanes.entries()) {
      const cards = grouped[i].get(col.key) ?? [];
      if (cards.length === 0 && lane.column !== col.key) continue;
      const period = mermaidLineStart(laneTitle(lane), 60);
      const events = cards.map((c) => {
        const facts = [c.health.label.toLowerCase()];
        if (c.progress !== undefined) facts.push(`${percent(c.progress)}٪`);
        return mermaidText(`${c.id} ${cardTitle(c)}`, 60) + ` (${facts.join(', ')})`;
      });
      periods.push(`        ${[period, ...events].join(' : ')}`);
    }
    if (periods.length === 0) continue;
    lines.push(`    section ${mermaidText(col.label, 40)}`);
    lines.push(...periods);
  }
  return lines.join('\n') + '\n';
}

/**
 * The board's styles, shared by the preview panel, the Markdown preview block and the
 * CLI's HTML page. Colours come from VS Code's theme variables (light, dark, high
 * contrast) with light fallbacks for a page opened outside VS Code. Health is never
 * colour alone: every badge has a shape and a word.
 */
/** Lane height estimates (for lanes not laid out yet) go up to this many cards in a column. */
const MAX_ESTIMATED_ROWS = 12;

export const ROADMAP_CSS = `
:root { --sl-late: var(--vscode-charts-red, #d73a49); --sl-risk: var(--vscode-charts-orange, #d18616); --sl-ok: var(--vscode-charts-green, #2da44e);
  --sl-done: var(--vscode-charts-blue, #3b82c4); --sl-none: var(--vscode-disabledForeground, #8b8b8b);
  --sl-line: var(--vscode-panel-border, var(--vscode-editorWidget-border, #d0d7de)); --sl-muted: var(--vscode-descriptionForeground, #59636e);
  --sl-surface: var(--vscode-editorWidget-background, #f6f8fa); --sl-card: var(--vscode-editor-background, #fff); }
.sl-board { min-width: calc(230px + var(--sl-cols, 3) * 210px); }
.sl-board[data-columns="1"] { --sl-cols: 1; } .sl-board[data-columns="2"] { --sl-cols: 2; } .sl-board[data-columns="4"] { --sl-cols: 4; }
.sl-board[data-columns="5"] { --sl-cols: 5; } .sl-board[data-columns="6"] { --sl-cols: 6; } .sl-board[data-columns="7"] { --sl-cols: 7; }
.sl-board[data-columns="8"] { --sl-cols: 8; } .sl-board[data-columns="9"] { --sl-cols: 9; } .sl-board[data-columns="10"] { --sl-cols: 10; }
.sl-board[data-columns="11"] { --sl-cols: 11; } .sl-board[data-columns="12"] { --sl-cols: 12; }
.sl-roadmap { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; }
.sl-roadmap-head { position: sticky; top: 0; z-index: 2; }
.sl-lane-band { content-visibility: auto; contain-intrinsic-size: auto 150px; }
${Array.from({ length: MAX_ESTIMATED_ROWS - 1 }, (_, i) => `.sl-lane-band[data-rows="${i + 2}"] { contain-intrinsic-size: auto ${(i + 2) * 118 + 16}px; }`).join('\n')}
.sl-roadmap th, .sl-roadmap td { vertical-align: top; text-align: left; padding: 8px; border-right: 1px solid var(--sl-line); border-bottom: 1px solid var(--sl-line); }
.sl-roadmap th:last-child, .sl-roadmap td:last-child { border-right: none; }
.sl-roadmap thead th { background: var(--sl-surface); border-bottom: 2px solid var(--sl-line); font-weight: 600; }
.sl-roadmap thead th.sl-corner { position: sticky; left: 0; z-index: 3; width: 230px; border-left: 4px solid transparent; }
.sl-col-head { display: flex; align-items: baseline; gap: 6px; }
.sl-col-label { font-size: 13px; }
.sl-col-count { margin-left: auto; min-width: 18px; padding: 0 6px; border-radius: 9px; text-align: center; font-size: 11px; font-weight: 600;
  color: var(--vscode-badge-foreground, #fff); background: var(--vscode-badge-background, #59636e); }
.sl-col-hint { font-weight: normal; font-size: 11px; color: var(--sl-muted); margin-top: 2px; }
.sl-lane-head { position: sticky; left: 0; z-index: 1; width: 230px; background: var(--sl-surface); font-weight: normal; border-left: 4px solid var(--sl-none); }
.sl-lane-head.sl-h-late { border-left-color: var(--sl-late); }
.sl-lane-head.sl-h-at-risk { border-left-color: var(--sl-risk); }
.sl-lane-head.sl-h-on-track { border-left-color: var(--sl-ok); }
.sl-lane-head.sl-h-done { border-left-color: var(--sl-done); }
.sl-lane-top { display: flex; align-items: center; justify-content: space-between; gap: 6px; }
.sl-lane-title { font-weight: 600; margin: 4px 0; line-height: 1.3; }
.sl-lane-facts, .sl-lane-tally { font-size: 11px; color: var(--sl-muted); line-height: 1.45; }
.sl-over-budget { color: var(--sl-late); }
.sl-lane-metric { font-size: 11px; color: var(--sl-muted); margin-top: 4px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.sl-lane-untraced .sl-lane-head { border-left: 4px dashed var(--sl-risk); }
.sl-lane-untraced td { background: var(--vscode-inputValidation-warningBackground, rgba(209, 134, 22, 0.06)); }
.sl-id { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, monospace); font-size: 12px; font-weight: 600; }
.sl-card { position: relative; margin: 0 0 8px; padding: 8px 10px 8px 12px; border-radius: 6px; border: 1px solid var(--sl-line); border-left: 4px solid var(--sl-none);
  background: var(--sl-card); box-shadow: 0 1px 2px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.08)); }
.sl-card:last-child { margin-bottom: 0; }
.sl-card[data-file]:hover { border-color: var(--vscode-focusBorder, #0969da); }
.sl-card.sl-h-late { border-left-color: var(--sl-late); }
.sl-card.sl-h-at-risk { border-left-color: var(--sl-risk); }
.sl-card.sl-h-on-track { border-left-color: var(--sl-ok); }
.sl-card.sl-h-done { border-left-color: var(--sl-done); }
.sl-card.sl-h-done .sl-card-title { color: var(--sl-muted); }
.sl-card-head { display: flex; align-items: center; justify-content: space-between; gap: 6px; }
.sl-card-title { margin: 4px 0 6px; line-height: 1.3; overflow-wrap: anywhere; }
.sl-card-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; font-size: 11px; color: var(--sl-muted); }
.sl-chip { padding: 0 6px; border-radius: 9px; border: 1px solid var(--sl-line); line-height: 16px; white-space: nowrap; }
.sl-prio-0 { border-color: var(--sl-late); color: var(--vscode-foreground, inherit); font-weight: 600; }
.sl-prio-1 { color: var(--vscode-foreground, inherit); }
.sl-score { font-variant-numeric: tabular-nums; }
.sl-owner { white-space: nowrap; }
.sl-badge { display: inline-flex; align-items: center; gap: 4px; padding: 0 7px; border-radius: 9px; font-size: 11px; font-weight: 600; line-height: 18px; white-space: nowrap;
  border: 1px solid currentColor; }
.sl-badge-icon { font-size: 9px; }
.sl-badge.sl-h-late { color: var(--sl-late); }
.sl-badge.sl-h-at-risk { color: var(--sl-risk); }
.sl-badge.sl-h-on-track { color: var(--sl-ok); }
.sl-badge.sl-h-done { color: var(--sl-done); }
.sl-badge.sl-h-unplanned { color: var(--sl-muted); border-style: dashed; }
.sl-progress { display: flex; align-items: center; gap: 6px; margin-top: 8px; font-size: 11px; color: var(--sl-muted); }
.sl-progress progress { flex: 1; height: 6px; border: none; border-radius: 3px; overflow: hidden; appearance: none; -webkit-appearance: none;
  background: var(--vscode-progressBar-background-track, var(--sl-line)); }
.sl-progress progress::-webkit-progress-bar { background: var(--sl-line); border-radius: 3px; }
.sl-progress progress::-webkit-progress-value { background: var(--vscode-progressBar-background, #0969da); border-radius: 3px; }
.sl-progress progress::-moz-progress-bar { background: var(--vscode-progressBar-background, #0969da); border-radius: 3px; }
.sl-progress-value { min-width: 30px; text-align: right; font-variant-numeric: tabular-nums; }
.sl-dates { margin-top: 4px; font-size: 11px; color: var(--sl-muted); font-variant-numeric: tabular-nums; }
.sl-reasons { margin-top: 6px; font-size: 11px; line-height: 1.35; color: var(--vscode-foreground, inherit); }
.sl-h-late .sl-reasons { color: var(--vscode-errorForeground, var(--sl-late)); }
.sl-placeholder { padding: 8px; border: 1px dashed var(--sl-line); border-radius: 6px; font-size: 12px; color: var(--sl-muted); text-align: center; }
.sl-legend-row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin: 0 0 10px; font-size: 12px; color: var(--sl-muted); }
.sl-selected.sl-card, th.sl-selected { outline: 2px solid var(--vscode-focusBorder, #0969da); outline-offset: -1px; }
body.vscode-high-contrast .sl-card, body.vscode-high-contrast-light .sl-card { border-top-color: var(--vscode-contrastBorder); border-right-color: var(--vscode-contrastBorder);
  border-bottom-color: var(--vscode-contrastBorder); border-left-width: 6px; }
body.vscode-high-contrast .sl-progress progress, body.vscode-high-contrast .sl-progress progress::-webkit-progress-bar { background: transparent; box-shadow: inset 0 0 0 1px var(--vscode-contrastBorder); }
`;

function roadmapHtml(analysis: Analysis, model: RoadmapModel, title: string | undefined): string {
  const name = cleanLine(title, 200) || 'Roadmap';
  const body: string[] = [];
  body.push(`<header><h1>${escapeXml(name)}</h1><p class="sl-meta">As of ${formatDate(analysis.today)}</p></header>`);
  body.push('<main>');
  body.push(roadmapBoardHtml(model));
  body.push('</main>');
  return htmlPage(name, ROADMAP_CSS, body.join('\n'));
}

/** Shape and word of each health level: never colour alone. */
const HEALTH_ICON: Readonly<Record<HealthLevel, string>> = {
  late: '■', 'at-risk': '▲', 'on-track': '●', unplanned: '○', done: '✓', dropped: '–',
};

/** A health badge: shape, word, and the reasons as a tooltip (IDs and dates only). */
export function healthBadgeHtml(h: { level: HealthLevel; label: string; reasons: string[] }): string {
  const tip = h.reasons.length > 0 ? ` data-tip="${escapeXml(`${h.label}: ${h.reasons.join('; ')}`)}"` : '';
  return `<span class="sl-badge sl-h-${h.level}"${tip}><span class="sl-badge-icon" aria-hidden="true">${HEALTH_ICON[h.level]}</span>${escapeXml(h.label)}</span>`;
}

/** The health legend shown above the board. */
export function roadmapLegendHtml(): string {
  const levels: HealthLevel[] = ['late', 'at-risk', 'on-track', 'unplanned', 'done'];
  return `<div class="sl-legend-row"><span>Health:</span>${levels.map((l) => healthBadgeHtml({ level: l, label: HEALTH_LABEL[l], reasons: [] })).join('')}` +
    `<span>Late: ends after its deadline · At risk: within ${AT_RISK_MARGIN} working days of it, or overdue or blocked work</span></div>`;
}

/**
 * The roadmap board: goals as swimlanes (the Untraced lane last) across the model's
 * columns, feature cards in the cells. Every goal head and card carries `data-id`, and
 * `data-file` / `data-line` when it has a definition, so the preview can reveal it and
 * highlight it from the cursor. Without a page around it.
 *
 * Each lane is its own one-row table in a `content-visibility: auto` band, under a
 * sticky header table: with fixed table layout and the same width, the columns line up,
 * and the browser lays out only the lanes on screen. One table for the whole board cost
 * 250–450 ms of layout at 480 lanes; the banded board costs a few lanes' worth.
 */
export function roadmapBoardHtml(model: RoadmapModel): string {
  const board = roadmapBoardBlocks(model);
  return board ? joinBlocks(board) : '<p class="sl-placeholder">No goals or features yet.</p>';
}

/**
 * {@link roadmapBoardHtml} as keyed blocks: the header (`head`) and one block per lane
 * (`lane/<goal id>`, `lane/` for the Untraced lane), so a preview can replace the one
 * lane an edit changed. Undefined when there is no lane.
 */
export function roadmapBoardBlocks(model: RoadmapModel): BlockedMarkup | undefined {
  if (model.lanes.length === 0) return undefined;
  const grouped = model.lanes.map(byColumn);
  const blocks: ViewBlock[] = [];
  const head: string[] = [`<table class="sl-roadmap sl-roadmap-head"${blockAttr('head')}><thead><tr><th scope="col" class="sl-corner">Goal</th>`];
  for (const col of model.columns) {
    let count = 0;
    for (const g of grouped) count += g.get(col.key)?.length ?? 0;
    head.push(`<th scope="col" data-column="${escapeXml(col.key)}"><div class="sl-col-head"><span class="sl-col-label">${escapeXml(col.label)}</span>` +
      `<span class="sl-col-count" title="${count} feature card${count === 1 ? '' : 's'}">${count}</span></div><div class="sl-col-hint">${escapeXml(col.hint)}</div></th>`);
  }
  head.push('</tr></thead></table>');
  blocks.push({ key: 'head', html: head.join('') });
  model.lanes.forEach((lane, i) => {
    let rows = 1;
    for (const cards of grouped[i].values()) rows = Math.max(rows, cards.length);
    const key = `lane/${lane.goal?.id ?? ''}`;
    const html: string[] = [`<div class="sl-lane-band" data-rows="${Math.min(rows, MAX_ESTIMATED_ROWS)}"${blockAttr(key)}><table class="sl-roadmap"><tbody>` +
      `<tr class="sl-lane${lane.goal ? '' : ' sl-lane-untraced'}">${laneHeadHtml(lane)}`];
    for (const col of model.columns) {
      const cards = grouped[i].get(col.key) ?? [];
      const placeholder = cards.length === 0 && lane.column === col.key ? '<div class="sl-placeholder">No features yet</div>' : '';
      html.push(`<td>${cards.map(cardHtml).join('')}${placeholder}</td>`);
    }
    html.push('</tr></tbody></table></div>');
    blocks.push({ key, html: html.join('') });
  });
  return { frame: frameAround(`<div class="sl-board" data-columns="${model.columns.length}">`, '</div>'), blocks };
}

function laneHeadHtml(lane: RoadmapLane): string {
  const goal = lane.goal;
  if (!goal) {
    const n = lane.cards.length;
    return `<th scope="row" class="sl-lane-head sl-h-at-risk"><div class="sl-lane-top"><span class="sl-id">No goal</span>${healthBadgeHtml({ level: 'at-risk', label: 'Untraced', reasons: [] })}</div>` +
      `<div class="sl-lane-title">Untraced features</div><div class="sl-lane-facts">${n} feature${n === 1 ? '' : 's'} serve${n === 1 ? 's' : ''} no goal: add <span class="sl-id">goals&#58;</span> to ${n === 1 ? 'its' : 'their'} spec.</div></th>`;
  }
  const h = lane.health;
  const facts: string[] = [];
  if (goal.horizon) facts.push(`Horizon ${cleanLine(goal.horizon.text, 40)}`);
  if (lane.goalInfo?.deadline !== undefined) facts.push(`Due ${formatDate(lane.goalInfo.deadline)}`);
  if (goal.priority) facts.push(cleanLine(goal.priority.text, 20));
  if (goal.owners.length > 0) facts.push(cleanLine(goal.owners.join(', '), 60));
  if (goal.status) facts.push(goal.status);
  const data = ` data-id="${escapeXml(goal.id)}" data-file="${escapeXml(goal.file)}" data-line="${goal.idRange.start.line}" tabindex="0"`;
  const parts = [`<th scope="row" class="sl-lane-head sl-h-${h?.level ?? 'unplanned'}"${data}>`];
  parts.push(`<div class="sl-lane-top"><span class="sl-id">${escapeXml(goal.id)}</span>${h ? healthBadgeHtml(h) : ''}</div>`);
  parts.push(`<div class="sl-lane-title">${escapeXml(cleanLine(goal.title))}</div>`);
  if (facts.length > 0) parts.push(`<div class="sl-lane-facts">${escapeXml(facts.join(' · '))}</div>`);
  if (h && h.features > 0) parts.push(`<div class="sl-lane-tally">${h.done} of ${h.features} feature${h.features === 1 ? '' : 's'} done${h.late ? ` · ${h.late} late` : ''}${h.atRisk ? ` · ${h.atRisk} at risk` : ''}</div>`);
  if (goal.metric) parts.push(`<div class="sl-lane-metric">Metric: ${escapeXml(cleanLine(goal.metric, 200))}</div>`);
  if (lane.metric) parts.push(`<div class="sl-lane-facts">Now ${escapeXml(cleanLine(lane.metric, 120))}</div>`);
  if (lane.budget) parts.push(`<div class="sl-lane-facts${lane.budget.over ? ' sl-over-budget' : ''}">${escapeXml(cleanLine(lane.budget.text, 160))}</div>`);
  parts.push('</th>');
  return parts.join('');
}

function cardHtml(c: RoadmapCard): string {
  const item = c.item;
  const h = c.health;
  const data = item ? ` data-id="${escapeXml(c.id)}" data-file="${escapeXml(item.file)}" data-line="${item.idRange.start.line}" tabindex="0"` : ` data-id="${escapeXml(c.id)}"`;
  const parts = [`<div class="sl-card sl-h-${h.level}"${data}>`];
  parts.push(`<div class="sl-card-head"><span class="sl-id">${escapeXml(c.id)}</span>${healthBadgeHtml(h)}</div>`);
  parts.push(`<div class="sl-card-title">${escapeXml(cardTitle(c))}</div>`);
  const meta: string[] = [];
  if (item?.status) meta.push(`<span class="sl-chip sl-chip-status">${escapeXml(item.status.replace('-', ' '))}</span>`);
  if (item?.priority) meta.push(`<span class="sl-chip sl-prio-${item.priority.rank}">${escapeXml(cleanLine(item.priority.text, 20))}</span>`);
  if (c.score !== undefined) meta.push(`<span class="sl-chip sl-score" data-tip="RICE score: reach × impact × confidence ÷ effort">RICE ${escapeXml(formatScore(c.score))}</span>`);
  if (item && item.owners.length > 0) meta.push(`<span class="sl-owner">${escapeXml(cleanLine(item.owners.join(', '), 60))}</span>`);
  if (meta.length > 0) parts.push(`<div class="sl-card-meta">${meta.join('')}</div>`);
  if (c.progress !== undefined) {
    const p = percent(c.progress);
    parts.push(`<div class="sl-progress" data-tip="${p}% of the scheduled working days done"><progress max="100" value="${p}">${p}%</progress><span class="sl-progress-value">${p}%</span></div>`);
  } else {
    parts.push('<div class="sl-progress">No scheduled tasks</div>');
  }
  const dates: string[] = [];
  if (h.end !== undefined) dates.push(`Ends ${formatDate(h.end)}`);
  if (h.deadline !== undefined) dates.push(`due ${formatDate(h.deadline)}`);
  if (dates.length > 0) parts.push(`<div class="sl-dates">${escapeXml(dates.join(' · '))}</div>`);
  if ((h.level === 'late' || h.level === 'at-risk') && h.reasons.length > 0) parts.push(`<div class="sl-reasons">${escapeXml(h.reasons.join('; '))}</div>`);
  // A feature marked done whose tasks are not is worth a second look (status.inconsistent).
  else if (item?.status === 'done' && c.progress !== undefined && percent(c.progress) < 100) parts.push(`<div class="sl-reasons">marked done, but its tasks are ${percent(c.progress)}% done</div>`);
  parts.push('</div>');
  return parts.join('');
}
