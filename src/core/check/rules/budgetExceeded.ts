import type { Diagnostic } from '../../model/types.js';
import { formatMoney } from '../../cost/formatMoney.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import { aboveBudget, biggestParts, budgetTargets } from './budgetTargets.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `budget.exceeded`; see ruleMeta.ts. */
export const budgetExceededMeta: RuleMeta = {
  code: 'budget.exceeded',
  defaultSeverity: 'warning',
  description: 'The planned cost of a plan, feature or goal is above its budget.',
  docs: {
    meaning: 'The planned cost of a plan (the tasks of its document), a feature (its tasks\' shares) or a goal (its features\' shares) is above its `budget`. Planned cost per task = working days × Σ owners (allocation × day rate) + fixed `cost`; amounts are compared in whole cents. Reported on the `budget` value, with the tasks (for plans and features) or features (for goals) that cost most as related locations, largest first, at most five.',
    why: 'A plan that costs more than it was given fails before the first task starts; the earlier the gap shows, the cheaper it is to cut scope or ask for money.',
    fix: 'Raise the budget, cut or re-plan tasks, or correct `rates` in `.specline.yml`. `specline budget` lists every figure.',
    suppress: 'When an overrun is agreed and recorded elsewhere; a budget in front matter cannot carry a comment, so use the config there.',
    example: '## FEAT-1 Checklists\n\n- budget: 1,000\n\n## Tasks\n\n- [ ] T-1 Build the checklist\n  - features: FEAT-1\n  - cost: 1,500',
  },
};


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
