import { formatDate } from '../../model/dates.js';
import type { Diagnostic, Item, Range } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, isClosed, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `schedule.milestone-missed`; see ruleMeta.ts. */
export const scheduleMilestoneMissedMeta: RuleMeta = {
  code: 'schedule.milestone-missed',
  defaultSeverity: 'warning',
  description: 'A task or feature of a milestone ends after its date.',
  docs: {
    meaning: 'A milestone has a date, and something it depends on ends after that date: a task or feature that names it (`milestone:`), a feature it names (`features:`), or a task in its `after`. Reported on the link (or the late item\'s ID), with the milestone as a related location.',
    why: 'A milestone is a promise: the work it stands for will not be ready on the day.',
    fix: 'Move the milestone\'s `date`, shorten or start the late work earlier, or take the item out of the milestone.',
    suppress: 'When the slip is known and agreed; better record it by moving the date.',
    example: '- M-1 Beta\n  - date: 2027-01-08\n- [ ] T-1 Build\n  - milestone: M-1\n  - start: 2027-01-04\n  - duration: 10d',
  },
};

/** Documentation of `schedule.goal-late`; see ruleMeta.ts. */
export const scheduleGoalLateMeta: RuleMeta = {
  code: 'schedule.goal-late',
  defaultSeverity: 'warning',
  description: "A feature ends after its goal's horizon or target, or its own target.",
  docs: {
    meaning: 'A feature\'s last task ends after its own `target`, or after the deadline of a goal it serves (the earlier of the goal\'s `target` and the last day of its dated `horizon`). Reported on the feature\'s `target` or on the goal\'s ID in `goals`, with the goal as a related location.',
    why: 'The roadmap promises the goal by then; the plan says it will not be reached.',
    fix: 'Bring the feature\'s tasks forward, move the target or horizon, or serve the goal with another feature.',
    suppress: 'When the goal is known to slip and the roadmap says so elsewhere.',
    example: '## G-1 Faster onboarding\n\n- horizon: 2027-Q1\n\n## FEAT-1 Single sign-on\n\n- goals: G-1\n\n## Tasks\n\n- [ ] T-1 Build\n  - features: FEAT-1\n  - start: 2027-03-22\n  - duration: 2w',
  },
};

/** Documentation of `schedule.overdue`; see ruleMeta.ts. */
export const scheduleOverdueMeta: RuleMeta = {
  code: 'schedule.overdue',
  defaultSeverity: 'warning',
  description: 'A task that is not done has an end before today.',
  docs: {
    meaning: 'A task that is not `done` or `dropped` and not at 100% progress ends before today (the system date, or `--today` and the `specline.today` setting). Reported on its `end` value or its ID.',
    why: 'Either the work is late, or it is finished and the plan was not updated; both make every forecast after it wrong.',
    fix: 'Mark the task done (tick its box), or give it a new end or duration.',
    suppress: 'Rarely right: an old plan kept for reference can be checked with `--today` set to its date.',
    example: '- [ ] T-2 Kick-off workshop\n  - start: 2020-01-06\n  - duration: 1d',
  },
};

/** End of an item as scheduled: a task's end, a feature's span end. */
function endOf(ctx: CheckContext, item: Item): number | undefined {
  if (item.kind === 'task') return ctx.schedule.tasks.get(item.id)?.end;
  if (item.kind === 'feature') return ctx.features.get(item.id)?.end;
  return undefined;
}

/** `schedule.milestone-missed`: a task or feature of a milestone ends after its date. */
export function scheduleMilestoneMissed(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (item: Item, milestone: Item, range: Range): void => {
    const key = `${item.id}>${milestone.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const date = ctx.schedule.milestones.get(milestone.id)?.date;
    const end = endOf(ctx, item);
    if (date === undefined || end === undefined || end <= date) return;
    out.push(diagnostic('schedule.milestone-missed', item.file, range,
      `${item.id} ends ${formatDate(end)}, after milestone ${milestone.id} (${formatDate(date)})`,
      [relatedTo(milestone, `${milestone.id} is due ${formatDate(date)}`)], { item: item.id, milestone: milestone.id }));
  };
  // Dated milestones name the features they deliver and the tasks before them; those must
  // be finished by then. Index them by the named item so each item is checked on its own.
  const listedBy = new Map<string, Item[]>();
  for (const m of ctx.byKind.milestone) {
    if ((m.date ?? m.end) === undefined) continue;
    for (const ref of [...(m.links.features ?? []), ...(m.links.after ?? [])]) {
      const list = listedBy.get(ref.id);
      if (list) list.push(m);
      else listedBy.set(ref.id, [m]);
    }
  }
  // Indexed loops without a list per item: this walks every task and feature.
  for (const list of [ctx.check.task, ctx.check.feature]) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i]!;
      const refs = item.links.milestone;
      if (refs !== undefined) {
        for (let k = 0; k < refs.length; k++) {
          const m = ctx.items.get(refs[k]!.id);
          if (m?.kind === 'milestone') check(item, m, refs[k]!.range);
        }
      }
      if (listedBy.size === 0) continue;
      const listing = listedBy.get(item.id);
      if (listing !== undefined) for (let k = 0; k < listing.length; k++) check(item, listing[k]!, item.idRange);
    }
  }
  return out;
}

/** `schedule.goal-late`: a feature ends after its goal's horizon or target, or its own target. */
export function scheduleGoalLate(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const feature of ctx.check.feature) {
    const info = ctx.features.get(feature.id);
    if (!info || info.end === undefined || feature.status === 'dropped') continue;
    if (feature.target !== undefined && info.end > feature.target) {
      out.push(diagnostic('schedule.goal-late', feature.file, attributeRange(feature, 'target'),
        `${feature.id} ends ${formatDate(info.end)}, after its target ${formatDate(feature.target)}`, [], { item: feature.id }));
    }
    for (const ref of feature.links.goals ?? []) {
      const goal = ctx.items.get(ref.id);
      const deadline = goal ? ctx.goals.get(goal.id)?.deadline : undefined;
      if (!goal || deadline === undefined || info.end <= deadline) continue;
      const why = goal.target !== undefined && goal.target === deadline ? `target ${formatDate(deadline)}` : `horizon ${goal.horizon?.text ?? ''} (ends ${formatDate(deadline)})`;
      out.push(diagnostic('schedule.goal-late', feature.file, ref.range,
        `${feature.id} ends ${formatDate(info.end)}, after ${goal.id}'s ${why}`,
        [relatedTo(goal, `${goal.id} is due ${formatDate(deadline)}`)], { item: feature.id, goal: goal.id }));
    }
  }
  return out;
}

/** `schedule.overdue`: a task not done has an end before today. */
export function scheduleOverdue(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const tasks = ctx.check.task;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    if (isClosed(task) || task.progress === 100) continue;
    const end = ctx.schedule.tasks.get(task.id)?.end;
    if (end === undefined || end >= ctx.today) continue;
    out.push(diagnostic('schedule.overdue', task.file, task.attributes.end ? task.attributes.end.range : task.idRange,
      `${task.id} was due ${formatDate(end)} and is ${task.status ?? 'not done'}`, [], { item: task.id }));
  }
  return out;
}
