import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';

/** Dropped features need no goal or tasks: they are not going to be built. */
function active<T extends { status?: string }>(item: T): boolean {
  return item.status !== 'dropped';
}

/** `trace.feature-no-goal`: a feature traces to no goal — an untraced requirement. */
export function traceFeatureNoGoal(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const feature of ctx.check.feature) {
    const info = ctx.features.get(feature.id);
    if (!active(feature) || !info || info.goals.length > 0) continue;
    out.push(diagnostic('trace.feature-no-goal', feature.file, feature.idRange, `${feature.id} traces to no goal: add goals: [G-…] to say why it is built`, [], { item: feature.id }));
  }
  return out;
}

/** `trace.feature-no-task`: no task delivers the feature. */
export function traceFeatureNoTask(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const feature of ctx.check.feature) {
    const info = ctx.features.get(feature.id);
    if (!active(feature) || !info || info.tasks.length > 0) continue;
    out.push(diagnostic('trace.feature-no-task', feature.file, feature.idRange, `No task delivers ${feature.id}: plan a task with features: [${feature.id}]`, [], { item: feature.id }));
  }
  return out;
}

/** `trace.feature-unscheduled`: the feature has tasks but none can be scheduled. */
export function traceFeatureUnscheduled(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const feature of ctx.check.feature) {
    const info = ctx.features.get(feature.id);
    if (!active(feature) || !info || info.tasks.length === 0 || info.scheduled) continue;
    const tasks = info.tasks.map((id) => ctx.items.get(id)).filter((t) => t !== undefined);
    out.push(diagnostic('trace.feature-unscheduled', feature.file, feature.idRange,
      `${feature.id} has ${info.tasks.length === 1 ? 'a task' : `${info.tasks.length} tasks`} (${info.tasks.join(', ')}) but none can be scheduled`,
      tasks.map((t) => relatedTo(t, `${t.id} has no computable dates`)), { item: feature.id }));
  }
  return out;
}

/** `trace.goal-no-feature`: no feature serves the goal. */
export function traceGoalNoFeature(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const goal of ctx.check.goal) {
    const info = ctx.goals.get(goal.id);
    if (!active(goal) || !info || info.features.length > 0) continue;
    out.push(diagnostic('trace.goal-no-feature', goal.file, goal.idRange, `No feature serves ${goal.id}`, [], { item: goal.id }));
  }
  return out;
}

/** `trace.task-no-feature`: the task delivers no feature (sub-tasks inherit their parent's). */
export function traceTaskNoFeature(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const task of ctx.check.task) {
    if (task.status === 'dropped') continue;
    let current: typeof task | undefined = task;
    let delivers = false;
    for (let depth = 0; current && depth < 32; depth++) {
      if ((current.links.features?.length ?? 0) > 0) { delivers = true; break; }
      current = current.parent ? ctx.items.get(current.parent) : undefined;
    }
    if (delivers) continue;
    out.push(diagnostic('trace.task-no-feature', task.file, task.idRange, `${task.id} delivers no feature`, [], { item: task.id }));
  }
  return out;
}
