import type { Analysis } from '../analysis/types.js';
import type { BudgetFigures } from '../cost/budgetData.js';
import { budgetData } from '../cost/budgetData.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney, formatRatio } from '../cost/formatMoney.js';
import { emptyFigures, addShare } from '../cost/ratios.js';
import { budgetFigures } from '../cost/budgetData.js';
import { MAX_REPORT_OVERRUNS } from '../model/limits.js';
import { mdText } from '../render/markdown.js';

/**
 * The status report's "Budget" section: the whole workspace's planned cost, earned value
 * and forecast, each budget (plans, features, goals) against its planned cost, spent money
 * and forecast, and the biggest overruns (planned, spent or forecast above budget, largest
 * first). "None." when nothing is costed and no budget is set.
 */
export function budgetSection(analysis: Analysis): string[] {
  const data = budgetData(analysis);
  const currency = data.currency ?? undefined;
  const money = (n: number | null): string => (n === null ? '—' : formatMoney(n, currency));
  const total = emptyFigures();
  for (const t of analysisCost(analysis).tasks.values()) if (analysis.items.get(t.id)?.kind === 'task') addShare(total, t, 1);
  const budgets: Array<{ name: string } & BudgetFigures> = [
    ...data.plans.filter((p) => p.budget !== null).map((p) => ({ ...p, name: `plan ${mdText(p.title ?? p.file, 80)}` })),
    ...data.features.filter((f) => f.budget !== null).map((f) => ({ ...f, name: mdText(f.id) })),
    ...data.goals.filter((g) => g.budget !== null).map((g) => ({ ...g, name: mdText(g.id) })),
  ];
  if (total.cost === 0 && total.ac === 0 && budgets.length === 0) return ['None. No budgets, day rates or costs are set.'];
  const all = budgetFigures(total, undefined);
  const out = [
    `- **Planned cost:** ${money(all.cost)}; planned value to date ${money(all.pv)}, earned ${money(all.ev)}, spent ${money(all.ac)}.`,
    `- **Performance:** SPI ${formatRatio(all.spi)}, CPI ${formatRatio(all.cpi)}; forecast at completion (EAC) ${money(all.eac)}.`,
    '',
  ];
  if (budgets.length === 0) {
    out.push('No budgets are set.');
    return out;
  }
  out.push('| Budget of | Budget | Planned | Earned | Spent | CPI | Forecast (EAC) |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const b of budgets) out.push(`| ${b.name} | ${money(b.budget)} | ${money(b.cost)} | ${money(b.ev)} | ${money(b.ac)} | ${formatRatio(b.cpi)} | ${money(b.eac)} |`);
  // An overrun is measured by the largest of planned cost, spent money and forecast.
  const overruns = budgets
    .map((b) => {
      const [what, amount] = ([['planned', b.cost], ['spent', b.ac], ['forecast', b.eac ?? 0]] as const).reduce((x, y) => (y[1] > x[1] ? y : x));
      return { b, what, amount, over: amount - (b.budget ?? 0) };
    })
    .filter((o) => Math.round(o.over * 100) > 0)
    .sort((x, y) => y.over - x.over)
    .slice(0, MAX_REPORT_OVERRUNS);
  out.push('', '**Biggest overruns**', '');
  if (overruns.length === 0) out.push('None: every budget covers its planned cost, spending and forecast.');
  for (const { b, what, amount, over } of overruns) {
    out.push(`- ${b.name}: ${money(over)} over budget (${what} ${money(amount)} of ${money(b.budget)})`);
  }
  return out;
}
