import type { DayNumber, Item } from '../model/types.js';
import type { ScheduledTask } from '../schedule/types.js';
import type { WorkCalendar } from '../schedule/calendar.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { TaskCost } from '../model/costTypes.js';

/** The `unratedOwners` of every task whose owners all have a rate (most): one frozen list, not one each. */
const NO_OWNERS = Object.freeze([]) as unknown as string[];

/**
 * One task's figures (docs/format.md, cost and budget):
 * - cost (BAC) = working days × Σ owners (allocation × day rate) + fixed `cost`; a task with
 *   no owner is one person at the default rate; an owner with no rate and no default, and
 *   unowned work without a default, cost nothing;
 * - working days: the scheduled ones, else the written duration on the task's calendar,
 *   else none (only the fixed cost counts);
 * - PV = BAC × working days on or before today ÷ working days (0 for a task without dates);
 * - EV = BAC × progress (`progress`, else 100% when done, else 0%); AC = `spent`.
 */
export function taskCost(task: Item, scheduled: ScheduledTask | undefined, calendar: WorkCalendar, rates: SpeclineConfig['rates'], today: DayNumber, featureCount: number): TaskCost {
  const dated = scheduled?.start !== undefined && scheduled.end !== undefined;
  const days = dated
    ? scheduled.duration ?? calendar.countWorkdays(scheduled.start!, scheduled.end!)
    : calendar.durationDays(task.duration) ?? 0;
  const allocation = (task.allocation ?? 100) / 100;
  let unratedOwners = NO_OWNERS;
  let dayRate = 0;
  if (task.owners.length === 0) {
    dayRate = allocation * (rates?.default ?? 0);
  } else {
    for (let k = 0; k < task.owners.length; k++) {
      const owner = task.owners[k]!;
      const rate = rates?.owners.get(owner) ?? rates?.default;
      if (rate === undefined) {
        if (rates) {
          if (unratedOwners === NO_OWNERS) unratedOwners = [];
          unratedOwners.push(owner);
        }
        continue;
      }
      dayRate += allocation * rate;
    }
  }
  const cost = days * dayRate + (task.cost ?? 0);
  const elapsed = dated && days > 0 ? calendar.countWorkdays(scheduled.start!, Math.min(scheduled.end!, today)) : 0;
  const pv = days > 0 ? (cost * elapsed) / days : 0;
  const progress = task.progress ?? (task.status === 'done' ? 100 : 0);
  const ev = (cost * progress) / 100;
  const hasSpent = task.spent !== undefined;
  return {
    id: task.id,
    days,
    featureCount,
    unratedOwners,
    cost,
    pv,
    ev,
    ac: task.spent ?? 0,
    evSpent: hasSpent ? ev : 0,
    spentTasks: hasSpent ? 1 : 0,
    personDays: days * Math.max(1, task.owners.length) * allocation,
  };
}
