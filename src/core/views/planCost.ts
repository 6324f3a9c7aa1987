import type { Analysis } from '../analysis/types.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney, formatRatio } from '../cost/formatMoney.js';
import { costRatios } from '../cost/ratios.js';
import type { CostFigures } from '../model/costTypes.js';
import type { Item } from '../model/types.js';
import type { PlanNode } from './planTree.js';

/** What the Plan Explorer adds to a row when it shows cost. */
export interface PlanNodeCost {
  /** Short, for the row: "planned 2,000 of 1,500 EUR · over budget · CPI 0.83". */
  description: string;
  /** Markdown for the tooltip: "Cost: planned … · earned … · spent … · SPI … · CPI … · forecast …". */
  tooltip: string;
}

/**
 * The cost of a goal, feature or task row: its planned cost (a feature's and a goal's share
 * as the roll-ups define it), its budget when one is set, and CPI once money is spent.
 * Undefined for milestones and groups (they cost nothing of their own) and for items
 * that cost nothing, have no budget and spent nothing — a workspace without rates shows
 * no cost at all rather than a row of zeros. Only IDs and numbers: no user text.
 */
export function planNodeCost(analysis: Analysis, node: Pick<PlanNode, 'kind' | 'id'>): PlanNodeCost | undefined {
  if (node.id === undefined || (node.kind !== 'goal' && node.kind !== 'feature' && node.kind !== 'task')) return undefined;
  const item = analysis.items.get(node.id);
  if (!item) return undefined;
  const cost = analysisCost(analysis);
  const figures = node.kind === 'task' ? cost.tasks.get(node.id) : node.kind === 'feature' ? cost.features.get(node.id) : cost.goals.get(node.id);
  if (!figures) return undefined;
  const budget = node.kind === 'task' ? undefined : item.budget;
  if (figures.cost === 0 && figures.ac === 0 && budget === undefined) return undefined;
  return { description: shortCost(analysis, figures, budget), tooltip: longCost(analysis, item, figures, budget) };
}

/**
 * The tree with each row's cost added to its description and tooltip (a copy: the input
 * is not changed). Rows without cost are kept as they are.
 */
export function withPlanCost(analysis: Analysis, nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.map((node) => {
    const cost = planNodeCost(analysis, node);
    const children = withPlanCost(analysis, node.children);
    if (!cost) return { ...node, children };
    return {
      ...node,
      description: node.description ? `${node.description} · ${cost.description}` : cost.description,
      tooltip: `${node.tooltip}\n\n${cost.tooltip}`,
      children,
    };
  });
}

const cents = (n: number): number => Math.round(n * 100);

function shortCost(analysis: Analysis, f: CostFigures, budget: number | undefined): string {
  const currency = analysis.config.currency;
  const parts = [budget === undefined ? `planned ${formatMoney(f.cost, currency)}` : `planned ${formatMoney(f.cost)} of ${formatMoney(budget, currency)}`];
  if (budget !== undefined && cents(f.cost) > cents(budget)) parts.push('over budget');
  const { cpi } = costRatios(f);
  if (cpi !== null) parts.push(`CPI ${formatRatio(cpi)}`);
  return parts.join(' · ');
}

function longCost(analysis: Analysis, item: Item, f: CostFigures, budget: number | undefined): string {
  const currency = analysis.config.currency;
  const parts = [`planned ${formatMoney(f.cost, currency)}${budget === undefined ? '' : ` of budget ${formatMoney(budget, currency)}${cents(f.cost) > cents(budget) ? ' (over)' : ''}`}`];
  parts.push(`planned value to date ${formatMoney(f.pv)}`, `earned ${formatMoney(f.ev)}`);
  if (f.spentTasks > 0) parts.push(`spent ${formatMoney(f.ac)}`);
  const { spi, cpi, eac } = costRatios(f);
  if (spi !== null) parts.push(`SPI ${formatRatio(spi)}`);
  if (cpi !== null) parts.push(`CPI ${formatRatio(cpi)}`);
  if (item.kind !== 'task' && cpi !== null && eac !== null) parts.push(`forecast ${formatMoney(eac, currency)}`);
  return `Cost: ${parts.join(' · ')}`;
}
