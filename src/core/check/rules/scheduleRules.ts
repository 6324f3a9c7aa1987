import { formatDate } from '../../model/dates.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `schedule.cycle`; see ruleMeta.ts. */
export const scheduleCycleMeta: RuleMeta = {
  code: 'schedule.cycle',
  defaultSeverity: 'error',
  description: 'Dependencies form a cycle.',
  docs: {
    meaning: 'Tasks and milestones wait for each other in a loop through `after`. Every member is reported, on the link that closes the loop (or its ID), and the message names the whole cycle.',
    why: 'No member of a cycle can ever start, so none of them (and nothing after them) gets dates.',
    fix: 'Remove the `after` link that is wrong; the message lists the cycle in dependency order.',
    suppress: 'Never helps: the cycle still has no dates.',
    example: '- [ ] T-1 Design\n  - after: T-2\n- [ ] T-2 Build\n  - after: T-1',
  },
};

/** Documentation of `schedule.unscheduled`; see ruleMeta.ts. */
export const scheduleUnscheduledMeta: RuleMeta = {
  code: 'schedule.unscheduled',
  defaultSeverity: 'warning',
  description: 'The task has no start, predecessor or default start.',
  docs: {
    meaning: 'A task has no `start`, no `after`, no `end` with a duration, and neither its plan\'s front matter nor `.specline.yml` sets a `start`; or a milestone has neither `date` nor `after`. Reported on the ID. Tasks that wait for an unscheduled task are not reported again: only the root cause is.',
    why: 'Without a start there are no dates: the task is missing from the Gantt chart, and its feature and goal cannot be forecast.',
    fix: 'Add `start: YYYY-MM-DD` or `after: T-…` to the task, or set a `start` for the whole plan (front matter) or the project (`.specline.yml`).',
    suppress: 'For backlog items that are not planned yet.',
    example: '- [ ] T-4 Write the migration guide\n  - duration: 2d',
  },
};

/** Documentation of `schedule.no-duration`; see ruleMeta.ts. */
export const scheduleNoDurationMeta: RuleMeta = {
  code: 'schedule.no-duration',
  defaultSeverity: 'warning',
  description: 'The task has neither duration nor end.',
  docs: {
    meaning: 'A task has no valid `duration` and no `end`. Reported on the task\'s ID. It may still have a start, but it has no end, and tasks after it cannot be scheduled.',
    why: 'Without a length the task has no end date, so nothing after it can be placed and its feature has no end.',
    fix: 'Add `duration: 3d` (working days) or `2w` (weeks), or an `end` date. Use a milestone for an event that takes no time.',
    suppress: 'For tasks still being estimated.',
    example: '- [ ] T-5 Load test\n  - start: 2027-02-01',
  },
};

/** Documentation of `schedule.dependency-violated`; see ruleMeta.ts. */
export const scheduleDependencyViolatedMeta: RuleMeta = {
  code: 'schedule.dependency-violated',
  defaultSeverity: 'warning',
  description: 'An explicit start is before a predecessor ends.',
  docs: {
    meaning: 'A task with an explicit `start` (or placed backwards from `end` and `duration`) starts on or before the last day of a task or milestone it waits for (`after`). The explicit date is kept. Reported on the `start` (or `end`) value, with the predecessor as a related location.',
    why: 'Finish-to-start dependencies say the task cannot begin until its predecessor is finished; the written date says otherwise, so one of them is wrong.',
    fix: 'Remove the explicit `start` and let the dependency place the task, move the date after the predecessor\'s end, or remove the dependency.',
    suppress: 'When the overlap is agreed (work starts on a partial hand-over).',
    example: '- [ ] T-1 Design\n  - start: 2027-01-04\n  - duration: 5d\n- [ ] T-2 Build\n  - after: T-1\n  - start: 2027-01-06\n  - duration: 5d',
  },
};

/** Documentation of `schedule.overspecified`; see ruleMeta.ts. */
export const scheduleOverspecifiedMeta: RuleMeta = {
  code: 'schedule.overspecified',
  defaultSeverity: 'warning',
  description: 'Start, end and duration disagree.',
  docs: {
    meaning: 'A task has `start`, `end` and `duration` and the working days from start to end differ from the duration; or its `end` is before its start (then the end is ignored). Reported on the `duration` (or `end`) value.',
    why: 'Two of the three values say different things; the schedule uses start and duration, which may not be what was meant.',
    fix: 'Keep two of the three values, or correct the one that is wrong.',
    suppress: 'Rarely right: remove the redundant value instead.',
    example: '- [ ] T-6 Beta rollout\n  - start: 2027-03-01\n  - end: 2027-03-05\n  - duration: 10d',
  },
};

/** Documentation of `resource.overallocated`; see ruleMeta.ts. */
export const resourceOverallocatedMeta: RuleMeta = {
  code: 'resource.overallocated',
  defaultSeverity: 'warning',
  description: 'An owner is over capacity on some days.',
  docs: {
    meaning: 'On some working days the allocations of the tasks an owner works on add up to more than their capacity (100% unless `.specline.yml` sets `capacity`). Reported on the `owner` value of every task that loads such a day; the message names the peak load, the days and the tasks.',
    why: 'One person cannot do two full-time tasks at once: the plan is late before it starts.',
    fix: 'Move one task after the other (`after`), lower `allocation`, give the task to someone else, or raise the owner\'s `capacity`.',
    suppress: 'For short, agreed overlaps.',
    example: '- [ ] T-1 API\n  - owner: @ana\n  - start: 2027-01-04\n  - duration: 5d\n- [ ] T-2 UI\n  - owner: @ana\n  - start: 2027-01-06\n  - duration: 5d',
  },
};

/** `schedule.cycle`: one diagnostic on each member, at the link that closes the loop, naming the whole cycle. */
export function scheduleCycle(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.cycle') continue;
    const members = new Set(issue.ids);
    const path = [...issue.ids, issue.ids[0]!].join(' → ');
    for (const id of issue.ids) {
      const item = ctx.items.get(id);
      if (!item || !ctx.inScope(item.file)) continue;
      const ref = item.links.after?.find((r) => members.has(r.id));
      const others = issue.ids.filter((x) => x !== id).map((x) => ctx.items.get(x)).filter((x) => x !== undefined);
      out.push(diagnostic('schedule.cycle', item.file, ref?.range ?? item.idRange, `Dependency cycle: ${path}`,
        others.map((o) => relatedTo(o, `${o.id} is part of the cycle`)), { item: id, cycle: issue.ids }));
    }
  }
  return out;
}

/** `schedule.unscheduled`: no start, no predecessor, no plan or project start. */
export function scheduleUnscheduled(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.unscheduled') continue;
    const item = ctx.items.get(issue.id);
    if (!item || !ctx.inScope(item.file)) continue;
    const message = item.kind === 'milestone'
      ? `${item.id} has no date and no predecessors: add date: YYYY-MM-DD or after: …`
      : `${item.id} cannot be scheduled: it has no start, no predecessor, and neither the plan nor .specline.yml sets a start`;
    out.push(diagnostic('schedule.unscheduled', item.file, item.idRange, message, [], { item: item.id }));
  }
  return out;
}

/** `schedule.no-duration`: neither duration nor end. */
export function scheduleNoDuration(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.no-duration') continue;
    const item = ctx.items.get(issue.id);
    if (!item || !ctx.inScope(item.file)) continue;
    out.push(diagnostic('schedule.no-duration', item.file, item.idRange, `${item.id} has neither a duration nor an end date`, [], { item: item.id }));
  }
  return out;
}

/** `schedule.dependency-violated`: an explicit start before a predecessor ends (milestones report milestone-missed instead). */
export function scheduleDependencyViolated(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.dependency-violated') continue;
    const item = ctx.items.get(issue.id);
    const pred = ctx.items.get(issue.predecessor);
    if (!item || item.kind === 'milestone' || !ctx.inScope(item.file)) continue;
    const range = item.attributes.start ? item.attributes.start.range : attributeRange(item, 'end');
    out.push(diagnostic('schedule.dependency-violated', item.file, range,
      `${item.id} starts ${formatDate(issue.start)}, before its predecessor ${issue.predecessor} ends (${formatDate(issue.predecessorEnd)})`,
      pred ? [relatedTo(pred, `${pred.id} ends ${formatDate(issue.predecessorEnd)}`)] : [], { item: item.id, predecessor: issue.predecessor }));
  }
  return out;
}

/** `schedule.overspecified`: start, end and duration disagree. */
export function scheduleOverspecified(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.overspecified') continue;
    const item = ctx.items.get(issue.id);
    if (!item || !ctx.inScope(item.file)) continue;
    const message = issue.reason === 'end-before-start'
      ? `${item.id} ends before it starts`
      : `${item.id}: start to end is ${issue.actual} working day${issue.actual === 1 ? '' : 's'}, but duration says ${issue.expected}`;
    const range = issue.reason === 'end-before-start' ? attributeRange(item, 'end') : attributeRange(item, 'duration');
    out.push(diagnostic('schedule.overspecified', item.file, range, message, [], { item: item.id, expected: issue.expected, actual: issue.actual }));
  }
  return out;
}

/** `resource.overallocated`: on each task that loads an over-capacity day, naming the days and the tasks. */
export function resourceOverallocated(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'resource.overallocated') continue;
    const days = issue.days.map((d) => (d.from === d.to ? formatDate(d.from) : `${formatDate(d.from)}…${formatDate(d.to)}`));
    const peak = Math.max(...issue.days.map((d) => d.load));
    const shownDays = days.length > 6 ? `${days.slice(0, 6).join(', ')} and ${days.length - 6} more` : days.join(', ');
    for (const id of issue.tasks) {
      const task = ctx.items.get(id);
      if (!task || !ctx.inScope(task.file)) continue;
      const others = issue.tasks.filter((t) => t !== id).map((t) => ctx.items.get(t)).filter((t) => t !== undefined);
      out.push(diagnostic('resource.overallocated', task.file, attributeRange(task, 'owner'),
        `${issue.owner} is over-allocated (up to ${round(peak)}% of ${round(issue.capacity)}%) on ${shownDays}: ${issue.tasks.join(', ')}`,
        others.slice(0, 20).map((o) => relatedTo(o, `${o.id} also loads ${issue.owner}`)), { item: id, owner: issue.owner }));
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
