import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath, Item, ItemKind, Range } from '../model/types.js';
import { milestoneTasks } from './analysisIndex.js';
import { count, goalRollup } from './rollups.js';
import { analysisCost } from '../cost/computeCost.js';
import { costRatios } from '../cost/ratios.js';
import { formatMoney, formatRatio } from '../cost/formatMoney.js';

/** A line of roll-up text above an item, and what a command on it would show. */
export interface CodeLens {
  /** The item's ID where it is defined (the lens sits on that line). */
  range: Range;
  /** The item's ID; for a plan's budget, the plan file. */
  id: string;
  kind: ItemKind | 'plan';
  /** `2 features · 5 tasks · ends 2027-03-31 · 40% done`. */
  title: string;
  /** The IDs the lens counts, for a command that lists or reveals them (goals, features, tasks; late tasks first for milestones). */
  related: string[];
  /** What the lens points out, for a command that offers to fix it. */
  gap?: 'no-feature' | 'no-goal' | 'no-task' | 'late';
}

/**
 * Code lenses for one file: on each goal, feature and milestone, the numbers a planner
 * wants without opening another file.
 * - goal: "N features · M tasks · ends YYYY-MM-DD · P% done", or "no feature yet";
 * - feature: "N goals · M tasks · ends … · P% done", naming a gap as "no goal" / "no task";
 * - milestone: "due YYYY-MM-DD · M tasks", with "K of M tasks late" when some end after it.
 * - budget (of a plan, feature or goal): "planned 42,300 of 40,000 EUR · CPI 0.91", on the
 *   budget value, with "· over budget" when the plan costs more.
 * Parts without data (no dates, no progress) are left out. Only index lookups: no scan of
 * the workspace.
 */
export function getCodeLenses(analysis: Analysis, file: FilePath): CodeLens[] {
  const out: CodeLens[] = [];
  const f = analysis.files.get(file);
  if (f?.planBudget) {
    const figures = analysisCost(analysis).plans.get(file);
    const tasks = f.items.filter((i) => i.kind === 'task').map((i) => i.id);
    if (figures) out.push(budgetLens(analysis, f.planBudget.range, file, 'plan', f.planBudget.amount, figures, tasks));
  }
  for (const item of f?.items ?? []) {
    const lens = item.kind === 'goal' ? goalLens(analysis, item)
      : item.kind === 'feature' ? featureLens(analysis, item)
        : item.kind === 'milestone' ? milestoneLens(analysis, item)
          : undefined;
    if (lens) out.push(lens);
    const budget = item.attributes.budget;
    if (budget && item.budget !== undefined && (item.kind === 'goal' || item.kind === 'feature')) {
      const cost = analysisCost(analysis);
      const figures = item.kind === 'goal' ? cost.goals.get(item.id) : cost.features.get(item.id);
      const related = item.kind === 'goal' ? analysis.goals.get(item.id)?.features ?? [] : analysis.features.get(item.id)?.tasks ?? [];
      if (figures) out.push(budgetLens(analysis, budget.range, item.id, item.kind, item.budget, figures, related));
    }
  }
  return out;
}

function budgetLens(analysis: Analysis, range: Range, id: string, kind: CodeLens['kind'], budget: number, figures: { cost: number; pv: number; ev: number; ac: number; evSpent: number; spentTasks: number; personDays: number }, related: string[]): CodeLens {
  const currency = analysis.config.currency;
  const parts = [`planned ${formatMoney(figures.cost)} of ${formatMoney(budget, currency)}`];
  const { cpi } = costRatios(figures);
  if (cpi !== null) parts.push(`CPI ${formatRatio(cpi)}`);
  if (figures.ac > 0) parts.push(`spent ${formatMoney(figures.ac)}`);
  if (Math.round(figures.cost * 100) > Math.round(budget * 100)) parts.push('over budget');
  return { range, id, kind, title: parts.join(' · '), related };
}

function goalLens(analysis: Analysis, item: Item): CodeLens {
  const r = goalRollup(analysis, item.id);
  if (!r.features.length) return { range: item.idRange, id: item.id, kind: 'goal', title: 'no feature yet', related: [], gap: 'no-feature' };
  const parts = [count(r.features.length, 'feature'), count(r.tasks.length, 'task')];
  if (r.end !== undefined) parts.push(`ends ${formatDate(r.end)}`);
  if (r.progress !== undefined) parts.push(`${Math.round(r.progress)}% done`);
  return { range: item.idRange, id: item.id, kind: 'goal', title: parts.join(' · '), related: [...r.features, ...r.tasks] };
}

function featureLens(analysis: Analysis, item: Item): CodeLens | undefined {
  const info = analysis.features.get(item.id);
  if (!info) return undefined;
  const parts = [count(info.goals.length, 'goal'), count(info.tasks.length, 'task')];
  if (info.end !== undefined) parts.push(`ends ${formatDate(info.end)}`);
  else if (info.tasks.length) parts.push('not scheduled');
  if (info.progress !== undefined) parts.push(`${Math.round(info.progress)}% done`);
  const gap = info.goals.length === 0 ? 'no-goal' : info.tasks.length === 0 ? 'no-task' : undefined;
  return { range: item.idRange, id: item.id, kind: 'feature', title: parts.join(' · '), related: [...info.goals, ...info.tasks], ...(gap ? { gap } : {}) };
}

function milestoneLens(analysis: Analysis, item: Item): CodeLens {
  const date = analysis.schedule.milestones.get(item.id)?.date;
  const tasks = milestoneTasks(analysis, item.id);
  const late = date === undefined ? [] : tasks.filter((t) => (analysis.schedule.tasks.get(t)?.end ?? -Infinity) > date);
  const parts = [date === undefined ? 'no date' : `due ${formatDate(date)}`];
  if (late.length) parts.push(`${late.length} of ${count(tasks.length, 'task')} late`);
  else parts.push(count(tasks.length, 'task'));
  const lateSet = new Set(late);
  return {
    range: item.idRange, id: item.id, kind: 'milestone', title: parts.join(' · '),
    related: [...late, ...tasks.filter((t) => !lateSet.has(t))],
    ...(late.length ? { gap: 'late' as const } : {}),
  };
}
