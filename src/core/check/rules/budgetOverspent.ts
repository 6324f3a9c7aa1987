import type { Diagnostic } from '../../model/types.js';
import { formatMoney } from '../../cost/formatMoney.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import { aboveBudget, biggestParts, budgetTargets } from './budgetTargets.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `budget.overspent`; see ruleMeta.ts. */
export const budgetOverspentMeta: RuleMeta = {
  code: 'budget.overspent',
  defaultSeverity: 'warning',
  description: 'The money spent on a plan, feature or goal is above its budget.',
  docs: {
    meaning: 'The money spent on a plan, feature or goal (the sum of its tasks\' `spent`, shared among features and goals like cost) is above its `budget`. Reported on the `budget` value, with the tasks (or features) that spent most as related locations, at most five. A budget can be both exceeded and overspent: both are reported.',
    why: 'Unlike a plan that might cost too much, this money is gone.',
    fix: 'Record a new budget decision, or correct a `spent` figure entered wrongly.',
    suppress: 'When the overspend is approved; say so next to the budget.',
    example: '## FEAT-1 Sign-up form\n\n- budget: 8,000\n\n## Tasks\n\n- [x] T-1 Build the form\n  - features: FEAT-1\n  - spent: 9,800',
  },
};


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
