import { formatDate } from '../../model/dates.js';
import type { Diagnostic, Item, Range } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, isClosed, relatedTo } from '../checkContext.js';

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
  for (const item of [...ctx.check.task, ...ctx.check.feature]) {
    for (const ref of item.links.milestone ?? []) {
      const m = ctx.items.get(ref.id);
      if (m?.kind === 'milestone') check(item, m, ref.range);
    }
    for (const m of listedBy.get(item.id) ?? []) check(item, m, item.idRange);
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
  for (const task of ctx.check.task) {
    if (isClosed(task) || task.progress === 100) continue;
    const end = ctx.schedule.tasks.get(task.id)?.end;
    if (end === undefined || end >= ctx.today) continue;
    out.push(diagnostic('schedule.overdue', task.file, task.attributes.end ? task.attributes.end.range : task.idRange,
      `${task.id} was due ${formatDate(end)} and is ${task.status ?? 'not done'}`, [], { item: task.id }));
  }
  return out;
}
