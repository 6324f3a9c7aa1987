import type { CostFigures } from '../../model/costTypes.js';
import type { FilePath, Item, Range, RelatedInformation } from '../../model/types.js';
import { MAX_BUDGET_RELATED } from '../../model/limits.js';
import { formatMoney } from '../../cost/formatMoney.js';
import type { CheckContext } from '../checkContext.js';

/** A budget in scope: a plan's front-matter budget, or a feature's or goal's `budget`. */
export interface BudgetTarget {
  /** What the message calls it: `FEAT-3`, `plan plans/q1.md`. */
  name: string;
  file: FilePath;
  /** The `budget` value. */
  range: Range;
  budget: number;
  figures: CostFigures;
  /** What the figures roll up from, with each one's share of the cost and of the spent money (computed only for a budget that is over). */
  parts(): Array<{ item: Item; cost: number; ac: number }>;
  item?: string;
}

/** Every budget of the files being checked, with the figures it is compared with. */
export function budgetTargets(ctx: CheckContext): BudgetTarget[] {
  const out: BudgetTarget[] = [];
  for (const f of ctx.checkFiles) {
    const figures = ctx.cost.plans.get(f.file);
    if (!f.planBudget || !figures) continue;
    const parts = (): Part[] => f.items.filter((i) => i.kind === 'task' && ctx.items.get(i.id) === i).map((i) => share(ctx, i, 1));
    out.push({ name: `plan ${f.title ? `"${f.title}"` : f.file}`, file: f.file, range: f.planBudget.range, budget: f.planBudget.amount, figures, parts });
  }
  for (const feature of ctx.check.feature) {
    const figures = ctx.cost.features.get(feature.id);
    if (feature.budget === undefined || !figures || !feature.attributes.budget) continue;
    const parts = (): Part[] => (ctx.features.get(feature.id)?.tasks ?? []).map((id) => ctx.items.get(id)).filter((i): i is Item => i !== undefined)
      .map((task) => share(ctx, task, 1 / Math.max(1, ctx.cost.tasks.get(task.id)?.featureCount ?? 1)));
    out.push({ name: feature.id, file: feature.file, range: feature.attributes.budget.range, budget: feature.budget, figures, parts, item: feature.id });
  }
  for (const goal of ctx.check.goal) {
    const figures = ctx.cost.goals.get(goal.id);
    if (goal.budget === undefined || !figures || !goal.attributes.budget) continue;
    const parts = (): Part[] => {
      const list: Part[] = [];
      for (const id of ctx.goals.get(goal.id)?.features ?? []) {
        const feature = ctx.items.get(id);
        const f = ctx.cost.features.get(id);
        const served = ctx.features.get(id)?.goals.length ?? 1;
        if (feature && f) list.push({ item: feature, cost: f.cost / served, ac: f.ac / served });
      }
      return list;
    };
    out.push({ name: goal.id, file: goal.file, range: goal.attributes.budget.range, budget: goal.budget, figures, parts, item: goal.id });
  }
  return out;
}

type Part = { item: Item; cost: number; ac: number };

function share(ctx: CheckContext, task: Item, fraction: number): Part {
  const t = ctx.cost.tasks.get(task.id);
  return { item: task, cost: (t?.cost ?? 0) * fraction, ac: (t?.ac ?? 0) * fraction };
}

/** The parts that weigh most by `by`, largest first, capped at MAX_BUDGET_RELATED. */
export function biggestParts(target: BudgetTarget, by: 'cost' | 'ac', currency: string | undefined): RelatedInformation[] {
  return target.parts()
    .filter((p) => p[by] > 0)
    .sort((a, b) => b[by] - a[by] || (a.item.id < b.item.id ? -1 : 1))
    .slice(0, MAX_BUDGET_RELATED)
    .map((p) => ({ file: p.item.file, range: p.item.idRange, message: `${p.item.id}: ${by === 'cost' ? 'planned' : 'spent'} ${formatMoney(p[by], currency)}` }));
}

/** Amounts compare in cents, so float noise never makes a budget "exceeded" by 0.000001. */
export function aboveBudget(amount: number, budget: number): boolean {
  return Math.round(amount * 100) > Math.round(budget * 100);
}
