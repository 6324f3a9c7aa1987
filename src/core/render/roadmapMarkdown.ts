import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import { AT_RISK_MARGIN } from './health.js';
import { mdText } from './markdown.js';
import { cardTitle, columnLabel, formatScore } from './roadmapLabels.js';
import type { RoadmapLane, RoadmapModel, RoadmapOrder } from './roadmapModel.js';
import { cardsByColumn } from './roadmapModel.js';
import { cleanLine, percent } from './text.js';

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

/** The roadmap as Markdown: an overview matrix of lanes by column, then a table per lane. */
export function roadmapMarkdown(analysis: Analysis, model: RoadmapModel, title: string | undefined): string {
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
    const grouped = cardsByColumn(lane);
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
