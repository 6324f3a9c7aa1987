import { formatDate } from '../../model/dates.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, relatedTo } from '../checkContext.js';

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
