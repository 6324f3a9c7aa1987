import { PatchedMap } from '../model/patchedMap.js';
import type { FilePath, Item } from '../model/types.js';
import type { WorkCalendar } from '../schedule/calendar.js';
import { calendarsOf, deliveredFeatures, featureFigures, goalFigures, type CostSource } from './computeCost.js';
import { addShare, emptyFigures } from './ratios.js';
import { taskCost } from './taskCost.js';
import type { CostFigures, CostResult, TaskCost } from '../model/costTypes.js';

/** What an edit may have changed, as the incremental analysis knows it. */
export interface CostChange {
  /** Tasks whose item or schedule entry may differ (old or new objects; IDs are what count). */
  tasks: Iterable<Item>;
  /** Files whose text changed: their plan totals and front-matter budgets. */
  files: Iterable<FilePath>;
  /** Features and goals whose roll-up (members, goals) was computed again. */
  features: Iterable<string>;
  goals: Iterable<string>;
}

/** The new figures and the features and goals whose sums were added up again. */
export interface CostUpdate {
  cost: CostResult;
  features: Set<string>;
  goals: Set<string>;
}

/**
 * The cost figures after an edit that kept every ID, its kind and its file (the analysis
 * patches its index then): only the given tasks are costed again, and only the plans,
 * features and goals that contain a task whose figures changed, or whose members changed,
 * are summed again, in the same order as `computeCost`, so every figure is bit-for-bit the
 * one a full pass gives. `prev` is not changed: the new figures go into patched copies
 * of its maps (an analysis stays as it was for whoever holds it).
 */
export function updateCost(prev: CostResult, src: CostSource, change: CostChange): CostUpdate {
  const calendarOf: (file: FilePath) => WorkCalendar = calendarsOf(src);
  const changedTasks = new Map<string, TaskCost>();
  const features = new Set(change.features);
  const goals = new Set(change.goals);
  const planFiles = new Set(change.files);
  const seen = new Set<string>();
  for (const old of change.tasks) {
    if (seen.has(old.id)) continue;
    seen.add(old.id);
    const item = src.items.get(old.id);
    if (!item || item.kind !== 'task') continue;
    const before = prev.tasks.get(item.id);
    const t = taskCost(item, src.schedule.tasks.get(item.id), calendarOf(item.file), src.config.rates, src.today, deliveredFeatures(item, src.items).length);
    if (before && sameTaskCost(before, t)) continue;
    changedTasks.set(item.id, t);
    planFiles.add(item.file);
    for (const ref of item.links.features ?? []) features.add(ref.id);
    for (const ref of old.links.features ?? []) features.add(ref.id);
  }

  const tasks = PatchedMap.with(prev.tasks, changedTasks);
  const plans = updatePlans(prev.plans, planFiles, tasks, src);

  const changedFeatures = new Map<string, CostFigures>();
  const summed = new Set<string>();
  for (const id of features) {
    const info = src.features.get(id);
    if (!info) continue;
    summed.add(id);
    changedFeatures.set(id, featureFigures(info, tasks));
    for (const g of info.goals) goals.add(g);
  }
  const featureCosts = PatchedMap.with(prev.features, changedFeatures);
  const changedGoals = new Map<string, CostFigures>();
  const goalsSummed = new Set<string>();
  for (const id of goals) {
    const info = src.goals.get(id);
    if (!info) continue;
    goalsSummed.add(id);
    changedGoals.set(id, goalFigures(info, featureCosts, src.features));
  }
  return { cost: { tasks, features: featureCosts, goals: PatchedMap.with(prev.goals, changedGoals), plans }, features: summed, goals: goalsSummed };
}

/** The plan totals of the given files summed again; the key list is rebuilt only when a file gained or lost a plan. */
function updatePlans(prev: ReadonlyMap<FilePath, CostFigures>, files: Set<FilePath>, tasks: ReadonlyMap<string, TaskCost>, src: CostSource): ReadonlyMap<FilePath, CostFigures> {
  const fresh = new Map<FilePath, CostFigures | undefined>();
  let reorder = false;
  for (const path of files) {
    const f = src.files.get(path);
    let sum: CostFigures | undefined = f?.planBudget ? emptyFigures() : undefined;
    // The tasks a plan sums are the first definitions in its file, in file order (the
    // order of the item map, which `computeCost` walks).
    for (const item of f?.items ?? []) {
      if (item.kind !== 'task' || src.items.get(item.id) !== item) continue;
      sum ??= emptyFigures();
      addShare(sum, tasks.get(item.id)!, 1);
    }
    fresh.set(path, sum);
    if (prev.has(path) !== (sum !== undefined)) reorder = true;
  }
  if (!reorder) {
    const sums = new Map<FilePath, CostFigures>();
    for (const [path, sum] of fresh) if (sum) sums.set(path, sum);
    return PatchedMap.with(prev, sums);
  }
  const out = new Map(prev);
  for (const [path, sum] of fresh) {
    if (sum) out.set(path, sum);
    else out.delete(path);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameTaskCost(a: TaskCost, b: TaskCost): boolean {
  return a.cost === b.cost && a.pv === b.pv && a.ev === b.ev && a.ac === b.ac && a.evSpent === b.evSpent && a.spentTasks === b.spentTasks
    && a.personDays === b.personDays && a.days === b.days && a.featureCount === b.featureCount
    && a.unratedOwners.length === b.unratedOwners.length && a.unratedOwners.every((o, i) => b.unratedOwners[i] === o);
}
