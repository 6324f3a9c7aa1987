import type { Analysis, FeatureInfo, GoalInfo } from '../analysis/types.js';
import type { FilePath, Item } from '../model/types.js';
import { WorkCalendar } from '../schedule/calendar.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import { addShare, emptyFigures } from './ratios.js';
import { taskCost } from './taskCost.js';
import type { CostFigures, CostResult, TaskCost } from '../model/costTypes.js';

/** What the cost figures are computed from: an analysis without its cost. */
export type CostSource = Pick<Analysis, 'config' | 'today' | 'files' | 'items' | 'features' | 'goals' | 'schedule'>;

/**
 * Every cost figure of a workspace: tasks, then the roll-ups (docs/format.md, cost and
 * budget). A plan sums the tasks defined in its document; a feature sums each of its
 * tasks' figures divided by the number of features that task delivers; a goal sums each
 * of its features' figures divided by the number of goals that feature serves. Linear in
 * the number of items and links; after an edit the analysis updates it with `updateCost`.
 */
export function computeCost(src: CostSource): CostResult {
  const calendarOf = calendarsOf(src);
  const tasks = new Map<string, TaskCost>();
  const plans = new Map<FilePath, CostFigures>();
  for (const f of src.files.values()) if (f.planBudget) plans.set(f.file, emptyFigures());
  // Items come file by file: the calendar and the plan's sum change only with the file.
  let file: FilePath | undefined;
  let calendar: WorkCalendar | undefined;
  let plan: CostFigures | undefined;
  for (const item of src.items.values()) {
    if (item.kind !== 'task') continue;
    if (item.file !== file) {
      file = item.file;
      calendar = calendarOf(file);
      plan = plans.get(file);
      if (!plan) plans.set(file, (plan = emptyFigures()));
    }
    const t = taskCost(item, src.schedule.tasks.get(item.id), calendar!, src.config.rates, src.today, deliveredCount(item, src.items));
    tasks.set(item.id, t);
    addShare(plan!, t, 1);
  }
  const features = new Map<string, CostFigures>();
  // forEach, not entries: no [key, value] pair per entry.
  src.features.forEach((info, id) => features.set(id, featureFigures(info, tasks)));
  const goals = new Map<string, CostFigures>();
  src.goals.forEach((info, id) => goals.set(id, goalFigures(info, features, src.features)));
  return { tasks, features, goals, plans: byPath(plans) };
}

/** The plans' figures sorted by path (usually already are: files are analysed in path order). */
function byPath(plans: Map<FilePath, CostFigures>): Map<FilePath, CostFigures> {
  let previous: FilePath | undefined;
  let sorted = true;
  for (const file of plans.keys()) {
    if (previous !== undefined && !(previous < file)) sorted = false;
    previous = file;
  }
  return sorted ? plans : new Map([...plans].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The work calendar of each plan file, made on first use (a calendar costs more than a
 * task). Files without a calendar of their own share the project's.
 */
export function calendarsOf(src: Pick<CostSource, 'config' | 'files'>): (file: FilePath) => WorkCalendar {
  const calendars = new Map<FilePath, WorkCalendar>();
  let project: WorkCalendar | undefined;
  return (file) => {
    let cal = calendars.get(file);
    if (!cal) {
      const spec = mergeCalendar(src.config.calendar, src.files.get(file)?.planCalendar);
      // mergeCalendar gives the project's own spec back when the plan sets no calendar.
      cal = spec === src.config.calendar ? (project ??= new WorkCalendar(spec)) : new WorkCalendar(spec);
      calendars.set(file, cal);
    }
    return cal;
  };
}

/** A feature's sum: each of its tasks' figures divided by the number of features that task delivers. */
export function featureFigures(info: FeatureInfo, tasks: ReadonlyMap<string, TaskCost>): CostFigures {
  const sum = emptyFigures();
  for (let i = 0; i < info.tasks.length; i++) {
    const t = tasks.get(info.tasks[i]!);
    if (t && t.featureCount > 0) addShare(sum, t, 1 / t.featureCount);
  }
  return sum;
}

/** A goal's sum: each of its features' figures divided by the number of goals that feature serves. */
export function goalFigures(info: GoalInfo, features: ReadonlyMap<string, CostFigures>, infos: ReadonlyMap<string, FeatureInfo>): CostFigures {
  const sum = emptyFigures();
  for (const featureId of info.features) {
    const figures = features.get(featureId);
    const served = infos.get(featureId)?.goals.length ?? 0;
    if (figures && served > 0) addShare(sum, figures, 1 / served);
  }
  return sum;
}

/** How many distinct existing features a task names in `features:` (`deliveredFeatures().length` without the list). */
export function deliveredCount(task: Item, items: ReadonlyMap<string, Item>): number {
  const refs = task.links.features;
  if (refs === undefined || refs.length === 0) return 0;
  // A long list is deduplicated through a list; a short one against the refs before it.
  if (refs.length > 8) return deliveredFeatures(task, items).length;
  let count = 0;
  for (let i = 0; i < refs.length; i++) {
    const id = refs[i]!.id;
    if (items.get(id)?.kind !== 'feature') continue;
    let repeat = false;
    for (let j = 0; j < i; j++) if (refs[j]!.id === id) repeat = true;
    if (!repeat) count++;
  }
  return count;
}

/** The distinct existing features a task names in `features:`. */
export function deliveredFeatures(task: Item, items: ReadonlyMap<string, Item>): string[] {
  const out: string[] = [];
  for (const ref of task.links.features ?? []) {
    if (items.get(ref.id)?.kind === 'feature' && !out.includes(ref.id)) out.push(ref.id);
  }
  return out;
}

const computed = new WeakMap<object, CostResult>();

/**
 * The cost figures of an analysis: those the analyzer computed, or computed once on first
 * use (analyses built by hand, narrowed copies without them).
 */
export function analysisCost(analysis: CostSource & { cost?: CostResult }): CostResult {
  if (analysis.cost) return analysis.cost;
  let result = computed.get(analysis);
  if (!result) {
    result = computeCost(analysis);
    computed.set(analysis, result);
  }
  return result;
}
