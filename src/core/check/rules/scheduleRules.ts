import { formatDate } from '../../model/dates.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, relatedTo, RULE_STEP } from '../checkContext.js';
import { formatCount, namedWithMore } from '../boundedList.js';
import { MAX_NAMED_IN_MESSAGE, MAX_RELATED } from '../../model/limits.js';
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

/**
 * `schedule.cycle`: one diagnostic on each member, at the link that closes the loop. A short
 * cycle is named whole; a long one by the few members around this one and its size, with
 * the nearest members as related locations, so a 3,000-task cycle prints 3,000 short
 * messages, not 3,000 copies of the whole cycle.
 */
export function* scheduleCycle(ctx: CheckContext): Generator<void, Diagnostic[], void> {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'schedule.cycle') continue;
    const ids = issue.ids;
    const members = new Set(ids);
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at]!;
      const item = ctx.items.get(id);
      if (!item || !ctx.inScope(item.file)) continue;
      if (out.length % RULE_STEP === RULE_STEP - 1) yield;
      const ref = item.links.after?.find((r) => members.has(r.id));
      const related = [];
      for (const i of nearestFirst(at, ids.length, MAX_RELATED)) {
        const o = ctx.items.get(ids[i]!);
        if (o) related.push(relatedTo(o, `${o.id} is part of the cycle`));
      }
      out.push(diagnostic('schedule.cycle', item.file, ref?.range ?? item.idRange, `Dependency cycle: ${cyclePath(ids, at)}`,
        related, { item: id, cycle: ids })); // one shared array, not a copy per member
    }
  }
  return out;
}

/** "T-1 → T-2 → T-3 → T-1" for a short cycle; "… → T-4 → T-5 → T-6 → … (3,000 tasks in the cycle)" around member `at` of a long one. */
function cyclePath(ids: readonly string[], at: number): string {
  if (ids.length <= MAX_NAMED_IN_MESSAGE) return [...ids, ids[0]].join(' → ');
  return `… → ${cycleWindow(ids, at).join(' → ')} → … (${formatCount(ids.length)} tasks in the cycle)`;
}

/** MAX_NAMED_IN_MESSAGE members in cycle order around member `at` (two before it, the rest after). */
function cycleWindow(ids: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let k = -2; k < MAX_NAMED_IN_MESSAGE - 2; k++) out.push(ids[(at + k + ids.length) % ids.length]!);
  return out;
}

/** Up to `max` member indices other than `at`, nearest first in the cycle (after, before, two after, …). */
function nearestFirst(at: number, size: number, max: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([at]);
  for (let d = 1; out.length < max && d < size; d++) {
    for (const i of [(at + d) % size, (at - d + size) % size]) {
      if (out.length < max && !seen.has(i)) {
        seen.add(i);
        out.push(i);
      }
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

/**
 * `resource.overallocated`: on each task that loads an over-capacity day, naming the owner,
 * the peak, the days and the tasks. An owner with hundreds of tasks over capacity would make
 * every one of them repeat the whole list (quadratic output), so each message names at most
 * a few days and tasks, those overlapping this task first, and counts the rest; related
 * locations are the overlapping tasks first, capped.
 */
export function* resourceOverallocated(ctx: CheckContext): Generator<void, Diagnostic[], void> {
  const out: Diagnostic[] = [];
  for (const issue of ctx.schedule.issues) {
    if (issue.code !== 'resource.overallocated') continue;
    let peak = 0;
    for (const d of issue.days) if (d.load > peak) peak = d.load;
    const head = `${issue.owner} is over-allocated (up to ${round(peak)}% of ${round(issue.capacity)}%) on`;
    const overlap = overlapFinder(ctx, issue.tasks);
    for (const id of issue.tasks) {
      const task = ctx.items.get(id);
      if (!task || !ctx.inScope(task.file)) continue;
      if (out.length % RULE_STEP === RULE_STEP - 1) yield;
      const span = ctx.schedule.tasks.get(id);
      const from = span?.start ?? Number.NEGATIVE_INFINITY;
      const to = span?.end ?? Number.POSITIVE_INFINITY;
      const shownDays = describeDays(issue.days, from, to);
      const near = overlap(id, from, to);
      const tasks = issue.tasks.length <= MAX_NAMED_IN_MESSAGE ? issue.tasks.join(', ') : namedWithMore([id, ...near], issue.tasks.length);
      const related = [];
      for (const other of near) {
        if (related.length >= MAX_RELATED) break;
        const o = ctx.items.get(other);
        if (o) related.push(relatedTo(o, `${o.id} also loads ${issue.owner}`));
      }
      out.push(diagnostic('resource.overallocated', task.file, attributeRange(task, 'owner'), `${head} ${shownDays}: ${tasks}`,
        related, { item: id, owner: issue.owner }));
    }
  }
  return out;
}

type DayRange = { from: number; to: number };

/** The over-allocated days as text: all of a few, else the ones overlapping [from, to] first (in date order) and a count of the rest. */
function describeDays(days: readonly DayRange[], from: number, to: number): string {
  const text = (d: DayRange): string => (d.from === d.to ? formatDate(d.from) : `${formatDate(d.from)}…${formatDate(d.to)}`);
  if (days.length <= MAX_NAMED_IN_MESSAGE) return days.map(text).join(', ');
  // Days are sorted and disjoint: binary-search the first range that ends on or after `from`.
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]!.to < from) lo = mid + 1;
    else hi = mid;
  }
  const picked: number[] = [];
  for (let i = lo; i < days.length && days[i]!.from <= to && picked.length < MAX_NAMED_IN_MESSAGE; i++) picked.push(i);
  // Too few overlap this task: fill up with the earliest of the others.
  for (let i = 0; i < days.length && picked.length < MAX_NAMED_IN_MESSAGE; i++) if (!picked.includes(i)) picked.push(i);
  picked.sort((a, b) => a - b);
  return namedWithMore(picked.map((i) => text(days[i]!)), days.length);
}

/**
 * For one owner's over-allocated tasks: a function giving, for a task spanning [from, to],
 * up to MAX_RELATED other tasks of that owner whose dates overlap it (those starting inside
 * the span, then those started before it and still running), then others in ID order to
 * fill up. Each call does O(log n + MAX_RELATED) work: the backward scan over tasks that
 * started earlier is bounded, so an owner with thousands of tasks stays linear.
 */
function overlapFinder(ctx: CheckContext, ids: readonly string[]): (id: string, from: number, to: number) => string[] {
  const want = Math.max(MAX_RELATED, MAX_NAMED_IN_MESSAGE);
  const dated = ids
    .map((id) => ({ id, span: ctx.schedule.tasks.get(id) }))
    .filter((t) => t.span?.start !== undefined && t.span.end !== undefined)
    .map((t) => ({ id: t.id, start: t.span!.start!, end: t.span!.end! }))
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (id, from, to) => {
    const picked: string[] = [];
    const seen = new Set<string>([id]);
    const take = (other: string): void => {
      if (picked.length < want && !seen.has(other)) {
        seen.add(other);
        picked.push(other);
      }
    };
    let lo = 0;
    let hi = dated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dated[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < dated.length && dated[i]!.start <= to && picked.length < want; i++) take(dated[i]!.id);
    for (let i = lo - 1, budget = 4 * want; i >= 0 && budget > 0 && picked.length < want; i--, budget--) if (dated[i]!.end >= from) take(dated[i]!.id);
    for (let i = 0; i < ids.length && picked.length < want; i++) take(ids[i]!);
    return picked;
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
