import type { Diagnostic } from '../../model/types.js';
import { formatMoney } from '../../cost/formatMoney.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import { aboveBudget, biggestParts, budgetTargets } from './budgetTargets.js';

/** `budget.overspent`: the money spent on a plan, feature or goal is above its `budget` (on the budget value; related: what spent most). */
export function budgetOverspent(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const currency = ctx.config.currency;
  for (const t of budgetTargets(ctx)) {
    if (!aboveBudget(t.figures.ac, t.budget)) continue;
    out.push(diagnostic('budget.overspent', t.file, t.range,
      `${t.name} has spent ${formatMoney(t.figures.ac, currency)}, ${formatMoney(t.figures.ac - t.budget, currency)} over its budget of ${formatMoney(t.budget, currency)}`,
      biggestParts(t, 'ac', currency), t.item ? { item: t.item } : undefined));
  }
  return out;
}
