import type { Diagnostic } from '../../model/types.js';
import { formatMoney } from '../../cost/formatMoney.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import { aboveBudget, biggestParts, budgetTargets } from './budgetTargets.js';

/** `budget.exceeded`: the planned cost of a plan, feature or goal is above its `budget` (on the budget value; related: what costs most). */
export function budgetExceeded(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const currency = ctx.config.currency;
  for (const t of budgetTargets(ctx)) {
    if (!aboveBudget(t.figures.cost, t.budget)) continue;
    out.push(diagnostic('budget.exceeded', t.file, t.range,
      `${t.name} is planned to cost ${formatMoney(t.figures.cost, currency)}, ${formatMoney(t.figures.cost - t.budget, currency)} over its budget of ${formatMoney(t.budget, currency)}`,
      biggestParts(t, 'cost', currency), t.item ? { item: t.item } : undefined));
  }
  return out;
}
