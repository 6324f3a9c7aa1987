import type { Analysis, GoalInfo } from '../analysis/types.js';
import { dateParts } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import type { FeatureHealth } from './health.js';
import { createHealthContext, featureHealth } from './health.js';
import type { GoalHealth } from './goalHealth.js';
import { goalHealth } from './goalHealth.js';
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

/** The lane's cards by column key, so renderers do not filter once per column. */
export function cardsByColumn(lane: RoadmapLane): Map<string, RoadmapCard[]> {
  const map = new Map<string, RoadmapCard[]>();
  for (const c of lane.cards) {
    const list = map.get(c.column);
    if (list) list.push(c);
    else map.set(c.column, [c]);
  }
  return map;
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
