import { formatDate } from '../model/dates.js';
import type { HealthLevel } from './health.js';
import { AT_RISK_MARGIN, HEALTH_LABEL } from './health.js';
import type { BlockedMarkup, ViewBlock } from './blocks.js';
import { blockAttr, frameAround, joinBlocks } from './blocks.js';
import { cardTitle, formatScore } from './roadmapLabels.js';
import type { RoadmapCard, RoadmapLane, RoadmapModel } from './roadmapModel.js';
import { cardsByColumn } from './roadmapModel.js';
import { cleanLine, percent } from './text.js';
import { escapeXml } from './xml.js';
import boardCss from './roadmapBoard.css.js';

/**
 * Lane height estimates (for lanes not laid out yet) go up to this many cards in a column:
 * roadmapBoard.css sizes each `data-rows` value from 2 to this one (a test checks both agree).
 */
export const MAX_ESTIMATED_LANE_ROWS = 12;

/**
 * The board's styles, shared by the preview panel, the Markdown preview block and the
 * CLI's HTML page. Colours come from VS Code's theme variables (light, dark, high
 * contrast) with light fallbacks for a page opened outside VS Code. Health is never
 * colour alone: every badge has a shape and a word.
 */
export const ROADMAP_CSS: string = boardCss;

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
  const grouped = model.lanes.map(cardsByColumn);
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
    const html: string[] = [`<div class="sl-lane-band" data-rows="${Math.min(rows, MAX_ESTIMATED_LANE_ROWS)}"${blockAttr(key)}><table class="sl-roadmap"><tbody>` +
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
