import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `trace.feature-no-goal`; see ruleMeta.ts. */
export const traceFeatureNoGoalMeta: RuleMeta = {
  code: 'trace.feature-no-goal',
  defaultSeverity: 'warning',
  description: 'A feature traces to no goal: an untraced requirement.',
  docs: {
    meaning: 'A feature that is not `dropped` names no goal in `goals` (or names only unknown or wrong-kind IDs). Reported on the feature\'s ID.',
    why: 'A feature without a goal has no stated reason to be built: it cannot be weighed against other work, and the roadmap cannot show it under any goal.',
    fix: 'Add `goals: G-…` to the feature (the quick fix offers the goals whose words match it best), or mark the feature `status: dropped`.',
    suppress: 'For housekeeping work that serves no goal by design, or turn the code down to `info` in `.specline.yml`.',
    example: '## FEAT-4 Dark mode\n\n- status: proposed',
  },
};

/** Documentation of `trace.feature-no-task`; see ruleMeta.ts. */
export const traceFeatureNoTaskMeta: RuleMeta = {
  code: 'trace.feature-no-task',
  defaultSeverity: 'warning',
  description: 'No task delivers the feature.',
  docs: {
    meaning: 'No task or milestone names the feature in its `features`, and the feature is not `dropped`. Reported on the feature\'s ID.',
    why: 'Nobody has planned the work: the feature has no dates, its goal cannot be forecast, and it will not appear in the Gantt chart.',
    fix: 'Plan a task with `features: FEAT-…` (the quick fix "plan a task" writes a stub into a plan), or drop the feature.',
    suppress: 'For features that are only ideas so far; `status: dropped` is clearer for ones that will not be built.',
    example: '## FEAT-5 Export to PDF\n\n- goals: G-1',
  },
};

/** Documentation of `trace.feature-unscheduled`; see ruleMeta.ts. */
export const traceFeatureUnscheduledMeta: RuleMeta = {
  code: 'trace.feature-unscheduled',
  defaultSeverity: 'warning',
  description: 'The feature has tasks but none can be scheduled.',
  docs: {
    meaning: 'Tasks deliver the feature, but none of them has computable dates (no start, no predecessor with dates, no plan or project start, or no duration). Reported on the feature\'s ID, with each task as a related location.',
    why: 'The feature is planned in name only: it has no end date, so its goal and milestones cannot be checked against it.',
    fix: 'Give one of its tasks a `start` or an `after`, or set `start` in the plan\'s front matter or in `.specline.yml`; and give each task a `duration` or an `end`.',
    suppress: 'While a plan is still being drafted.',
    example: '## FEAT-2 Audit log\n\n- goals: G-1\n\n## Tasks\n\n- [ ] T-8 Store audit events\n  - features: FEAT-2',
  },
};

/** Documentation of `trace.goal-no-feature`; see ruleMeta.ts. */
export const traceGoalNoFeatureMeta: RuleMeta = {
  code: 'trace.goal-no-feature',
  defaultSeverity: 'info',
  description: 'No feature serves the goal.',
  docs: {
    meaning: 'No feature names the goal in its `goals`, and the goal is not `dropped`. Reported on the goal\'s ID.',
    why: 'A goal nothing works towards will not be reached. Early in planning that is normal, hence the default level `info`.',
    fix: 'Link a feature to the goal (`goals: G-…` on the feature), or drop the goal.',
    suppress: 'For goals that are met without feature work, or set the code to `off` while the roadmap is a draft.',
    example: '## G-3 Cut support tickets by a third\n\n- horizon: 2027-H2',
  },
};

/** Documentation of `trace.task-no-feature`; see ruleMeta.ts. */
export const traceTaskNoFeatureMeta: RuleMeta = {
  code: 'trace.task-no-feature',
  defaultSeverity: 'info',
  description: 'The task delivers no feature.',
  docs: {
    meaning: 'A task that is not `dropped` names no feature in `features`, and neither does any parent task it is nested under. Reported on the task\'s ID.',
    why: 'Work that delivers no feature does not show up in any feature\'s dates or progress. Some such work is fine (set-up, chores), hence `info`.',
    fix: 'Add `features: FEAT-…` to the task, or nest it under a task that names one.',
    suppress: 'For chores that deliver no feature by design.',
    example: '- [ ] T-12 Renew certificates\n  - duration: 1d',
  },
};

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
  const tasks = ctx.check.task;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
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
