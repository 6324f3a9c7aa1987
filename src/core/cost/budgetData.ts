import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { FilePath, Item, ItemKind } from '../model/types.js';
import { analysisCost } from './computeCost.js';
import { costRatios, round2 } from './ratios.js';
import type { CostFigures } from '../model/costTypes.js';

/** Figures as outputs print them: money and ratios rounded to 2 decimals, null where there is none. */
export interface BudgetFigures {
  budget: number | null;
  cost: number;
  pv: number;
  ev: number;
  ac: number;
  spi: number | null;
  cpi: number | null;
  eac: number | null;
}

/** `specline budget --format json` (docs/format.md, cost and budget). Fields are only ever added. */
export interface BudgetJson {
  version: 1;
  currency: string | null;
  today: string;
  plans: Array<{ file: FilePath; title: string | null } & BudgetFigures>;
  features: Array<{ id: string } & BudgetFigures>;
  goals: Array<{ id: string } & BudgetFigures>;
  tasks: Array<{ id: string; cost: number; pv: number; ev: number; ac: number }>;
}

/** The rounded figures and ratios of one roll-up. */
export function budgetFigures(figures: CostFigures, budget: number | undefined): BudgetFigures {
  const r = costRatios(figures);
  const opt = (n: number | null): number | null => (n === null ? null : round2(n));
  return {
    budget: budget === undefined ? null : round2(budget),
    cost: round2(figures.cost),
    pv: round2(figures.pv),
    ev: round2(figures.ev),
    ac: round2(figures.ac),
    spi: opt(r.spi),
    cpi: opt(r.cpi),
    eac: opt(r.eac),
  };
}

/**
 * Budget, planned cost and earned value of the plans, features, goals and tasks of an
 * analysis (narrowed to PATHs by the caller), each in source order. Plans are the files
 * that define tasks or set a front-matter `budget`.
 */
export function budgetData(analysis: Analysis): BudgetJson {
  const cost = analysisCost(analysis);
  const inOrder = (kind: ItemKind): Item[] => [...analysis.items.values()].filter((i) => i.kind === kind).sort(compareSource);
  const zero: CostFigures = { cost: 0, pv: 0, ev: 0, ac: 0, evSpent: 0, spentTasks: 0, personDays: 0 };
  return {
    version: 1,
    currency: analysis.config.currency ?? null,
    today: formatDate(analysis.today),
    plans: [...cost.plans].filter(([file]) => analysis.files.has(file)).map(([file, figures]) => {
      const f = analysis.files.get(file);
      return { file, title: f?.title ?? null, ...budgetFigures(figures, f?.planBudget?.amount) };
    }),
    features: inOrder('feature').map((item) => ({ id: item.id, ...budgetFigures(cost.features.get(item.id) ?? zero, item.budget) })),
    goals: inOrder('goal').map((item) => ({ id: item.id, ...budgetFigures(cost.goals.get(item.id) ?? zero, item.budget) })),
    tasks: inOrder('task').map((item) => {
      const t = cost.tasks.get(item.id) ?? zero;
      return { id: item.id, cost: round2(t.cost), pv: round2(t.pv), ev: round2(t.ev), ac: round2(t.ac) };
    }),
  };
}

function compareSource(a: Item, b: Item): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character;
}
