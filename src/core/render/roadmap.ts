import type { Analysis, GoalInfo } from '../analysis/types.js';
import { dateParts, formatDate } from '../model/dates.js';
import type { DayNumber, Item } from '../model/types.js';
import type { FeatureHealth } from './health.js';
import { AT_RISK_MARGIN, createHealthContext, featureHealth } from './health.js';
import { htmlPage } from './htmlPage.js';
import { mdText } from './markdown.js';
import { mermaidLineStart, mermaidText } from './mermaidText.js';
import { cleanLine, percent } from './text.js';
import { escapeXml } from './xml.js';

/** How the roadmap's columns are chosen. */
export type RoadmapColumns = 'auto' | 'horizon' | 'quarter';

/** Options of {@link renderRoadmap}. */
export interface RoadmapOptions {
  format: 'markdown' | 'mermaid' | 'html';
  /**
   * `horizon`: Now / Next / Later. `quarter`: dated periods (quarters, or halves when the
   * goals' horizons are halves or years). `auto` (default): `quarter` when more goals have
   * a dated horizon than a now/next/later one, else `horizon`.
   */
  columns?: RoadmapColumns;
  title?: string;
}

/** A roadmap column: a horizon (Now/Next/Later) or a dated period. */
export interface RoadmapColumn {
  key: string;
  label: string;
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
}

/** A goal's swimlane, or the "Untraced" lane (no `goal`). */
export interface RoadmapLane {
  goal?: Item;
  goalInfo?: GoalInfo;
  /** Column of the goal itself (by its horizon), for goals without features. */
  column?: string;
  cards: RoadmapCard[];
}

/** The roadmap as data, as built by {@link buildRoadmap}; renderers only format it. */
export interface RoadmapModel {
  mode: 'horizon' | 'quarter';
  columns: RoadmapColumn[];
  lanes: RoadmapLane[];
}

type Period = 'quarter' | 'half';

const NOW = 'now';
const NEXT = 'next';
const LATER = 'later';
const UNPLANNED = 'unplanned';
const UNDATED = 'undated';

/**
 * The roadmap as data: goals as swimlanes (document order) plus an "Untraced" lane for
 * features that serve no goal, columns by horizon or by dated period, and one card per
 * feature and goal with its health ({@link featureHealth}). A feature serving two goals
 * appears in both lanes. Dropped goals and features are left out: a roadmap shows what
 * is planned.
 *
 * Column of a card: in `horizon` mode, the goal's now/next/later horizon; for a dated
 * horizon (or no horizon) the date — goal horizon end, else the feature's scheduled end,
 * its target, the goal's deadline — relative to today's quarter (this quarter or earlier:
 * Now, next quarter: Next, after: Later). In `quarter` mode the feature's own scheduled end
 * comes first (a slipped feature shows in the period it will really land), then its
 * target, the goal's horizon and deadline; undated features of now/next goals go to this
 * or next period, later ones to "Later", the rest to "Undated".
 */
export function buildRoadmap(analysis: Analysis, columns: RoadmapColumns = 'auto'): RoadmapModel {
  const today = analysis.today;
  const goals = [...analysis.items.values()].filter((i) => i.kind === 'goal' && i.status !== 'dropped');
  const mode = columns === 'auto' ? autoMode(goals) : columns;
  const period: Period = goals.some((g) => g.horizon?.bucket === 'quarter') || !goals.some((g) => g.horizon?.bucket === 'half' || g.horizon?.bucket === 'year') ? 'quarter' : 'half';
  const health = createHealthContext(analysis, today);
  const order = new Map<string, number>();
  for (const id of analysis.items.keys()) order.set(id, order.size);

  const usedPeriods = new Set<number>();
  const columnOf = (goal: Item | undefined, goalInfo: GoalInfo | undefined, feature: Item | undefined): string => {
    const fEnd = feature ? analysis.features.get(feature.id)?.end : undefined;
    const bucket = goal?.horizon?.bucket;
    if (mode === 'horizon') {
      if (bucket === 'now' || bucket === 'next' || bucket === 'later') return bucket;
      const date = goal?.horizon?.end ?? fEnd ?? feature?.target ?? goalInfo?.deadline;
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
    return {
      id: featureId,
      item,
      column: columnOf(goal, goalInfo, item),
      progress: analysis.features.get(featureId)?.progress,
      health: featureHealth(analysis, featureId, health),
    };
  };

  const lanes: RoadmapLane[] = [];
  for (const goal of goals) {
    const info = analysis.goals.get(goal.id);
    const cards = [...new Set(info?.features ?? [])].map((f) => card(f, goal, info)).filter((c) => c !== undefined);
    lanes.push({ goal, goalInfo: info, column: cards.length === 0 ? columnOf(goal, info, undefined) : undefined, cards });
  }
  const untraced: RoadmapCard[] = [];
  for (const [id, info] of analysis.features) {
    if (info.goals.length > 0) continue;
    const c = card(id, undefined, undefined);
    if (c) untraced.push(c);
  }
  if (untraced.length > 0) lanes.push({ cards: untraced });

  const cols = mode === 'horizon' ? horizonColumns(lanes) : periodColumns(usedPeriods, period, lanes);
  const colOrder = new Map(cols.map((c, i) => [c.key, i]));
  for (const lane of lanes) {
    lane.cards.sort((a, b) =>
      (colOrder.get(a.column) ?? 0) - (colOrder.get(b.column) ?? 0) ||
      (a.item?.priority?.rank ?? 9) - (b.item?.priority?.rank ?? 9) ||
      (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }
  return { mode, columns: cols, lanes };
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

function horizonColumns(lanes: RoadmapLane[]): RoadmapColumn[] {
  const cols = [{ key: NOW, label: 'Now' }, { key: NEXT, label: 'Next' }, { key: LATER, label: 'Later' }];
  if (laneColumns(lanes).has(UNPLANNED)) cols.push({ key: UNPLANNED, label: 'Unplanned' });
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
    for (const i of range) cols.push({ key: `p${i}`, label: periodLabel(i, period) });
  }
  const other = laneColumns(lanes);
  if (other.has(LATER)) cols.push({ key: LATER, label: 'Later' });
  if (other.has(UNDATED)) cols.push({ key: UNDATED, label: 'Undated' });
  return cols;
}

/**
 * The roadmap as Markdown (an overview matrix and a table per goal), a mermaid `timeline`
 * (columns as sections, goals as periods, features as events; user text made inert as in
 * the Gantt chart) or a self-contained HTML board (strict CSP, no script).
 */
export function renderRoadmap(analysis: Analysis, options: RoadmapOptions): string {
  const model = buildRoadmap(analysis, options.columns ?? 'auto');
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

function cardTitle(card: RoadmapCard): string {
  return cleanLine(card.item?.title);
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
  return facts;
}

function healthText(h: FeatureHealth): string {
  return h.reasons.length > 0 ? `${h.label}: ${h.reasons.join('; ')}` : h.label;
}

function roadmapMarkdown(analysis: Analysis, model: RoadmapModel, title: string | undefined): string {
  const out: string[] = [`# ${mdText(title) || 'Roadmap'}`, ''];
  out.push(`_As of ${formatDate(analysis.today)}. Columns: ${model.columns.map((c) => c.label).join(' / ') || 'none'}. ` +
    `Health: late when a feature is scheduled to end after its deadline; at risk when it ends within ${AT_RISK_MARGIN} working days of it or has overdue or blocked tasks._`, '');
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
    if (!lane.goal) out.push('Features that serve no goal.', '');
    if (lane.cards.length === 0) {
      out.push(`_No features yet${lane.column ? ` (${mdText(columnLabel(model, lane.column))})` : ''}._`, '');
      continue;
    }
    out.push('| When | Feature | Status | Priority | Owner | Progress | Health |', '|---|---|---|---|---|---:|---|');
    for (const c of lane.cards) {
      const item = c.item;
      out.push(`| ${mdText(columnLabel(model, c.column))} | **${mdText(c.id)}** ${mdText(cardTitle(c))} | ${item?.status ?? ''} | ${mdText(item?.priority?.text, 20)} | ${mdText(item?.owners.join(', '), 80)} | ${c.progress === undefined ? '—' : `${percent(c.progress)}%`} | ${mdText(healthText(c.health), 300)} |`);
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

export const ROADMAP_CSS = `
.sl-roadmap { border-collapse: collapse; width: 100%; table-layout: fixed; }
.sl-roadmap th, .sl-roadmap td { border: 1px solid var(--vscode-panel-border, #ddd); padding: 8px; vertical-align: top; text-align: left; }
.sl-roadmap thead th { background: var(--vscode-editorWidget-background, #f5f5f5); }
.sl-roadmap tbody th { width: 18%; font-weight: 600; }
.sl-sub { font-weight: normal; color: var(--vscode-descriptionForeground, #666); font-size: 12px; margin-top: 4px; }
.sl-card { border: 1px solid var(--vscode-panel-border, #ccc); border-left-width: 4px; border-radius: 4px; padding: 6px 8px; margin: 0 0 8px;
  background: var(--vscode-editor-background, #fff); }
.sl-card-head { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; }
.sl-id { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-weight: 600; }
.sl-card-title { margin: 2px 0; }
.sl-card-meta, .sl-reasons { color: var(--vscode-descriptionForeground, #666); font-size: 12px; }
.sl-card progress { width: 100%; height: 6px; }
.sl-health-late { border-left-color: var(--vscode-charts-red, #e15759); }
.sl-health-at-risk { border-left-color: var(--vscode-charts-orange, #f28e2b); }
.sl-health-on-track { border-left-color: var(--vscode-charts-green, #59a14f); }
.sl-health-done { border-left-color: var(--vscode-charts-blue, #4e79a7); }
.sl-health-unplanned { border-left-color: var(--vscode-disabledForeground, #aaa); }
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

/** The roadmap board (a table: goals as rows, columns by horizon or period), without a page around it. */
export function roadmapBoardHtml(model: RoadmapModel): string {
  const body: string[] = [];
  if (model.lanes.length === 0) {
    body.push('<p>No goals or features yet.</p>');
  } else {
    body.push('<table class="sl-roadmap"><thead><tr><th scope="col">Goal</th>');
    for (const col of model.columns) body.push(`<th scope="col">${escapeXml(col.label)}</th>`);
    body.push('</tr></thead><tbody>');
    for (const lane of model.lanes) {
      const goal = lane.goal;
      const head = goal
        ? `<span class="sl-id">${escapeXml(goal.id)}</span> ${escapeXml(cleanLine(goal.title))}`
        : 'Untraced';
      const facts = goalFacts(lane);
      const data = goal ? ` data-id="${escapeXml(goal.id)}" data-file="${escapeXml(goal.file)}" data-line="${goal.idRange.start.line}"` : '';
      body.push(`<tr><th scope="row"${data}>${head}${facts.length > 0 ? `<div class="sl-sub">${escapeXml(facts.join(' · '))}</div>` : ''}</th>`);
      const grouped = byColumn(lane);
      for (const col of model.columns) {
        const cards = grouped.get(col.key) ?? [];
        body.push(`<td>${cards.map(cardHtml).join('')}</td>`);
      }
      body.push('</tr>');
    }
    body.push('</tbody></table>');
  }
  return body.join('\n');
}

function cardHtml(c: RoadmapCard): string {
  const item = c.item;
  const data = item ? ` data-id="${escapeXml(c.id)}" data-file="${escapeXml(item.file)}" data-line="${item.idRange.start.line}"` : ` data-id="${escapeXml(c.id)}"`;
  const meta = [item?.status, item?.priority?.text, item?.owners.join(', ')].map((m) => cleanLine(m, 80)).filter(Boolean).join(' · ');
  const parts = [`<div class="sl-card sl-health-${c.health.level}"${data}>`];
  parts.push(`<div class="sl-card-head"><span class="sl-id">${escapeXml(c.id)}</span><span class="sl-health">${escapeXml(c.health.label)}</span></div>`);
  parts.push(`<div class="sl-card-title">${escapeXml(cardTitle(c))}</div>`);
  if (meta) parts.push(`<div class="sl-card-meta">${escapeXml(meta)}</div>`);
  if (c.progress !== undefined) {
    const p = percent(c.progress);
    parts.push(`<progress max="100" value="${p}" title="${p}% done">${p}%</progress>`);
  }
  if (c.health.reasons.length > 0) parts.push(`<div class="sl-reasons">${escapeXml(c.health.reasons.join('; '))}</div>`);
  parts.push('</div>');
  return parts.join('');
}
