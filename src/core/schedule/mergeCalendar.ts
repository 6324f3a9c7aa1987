import type { CalendarSpec } from '../model/types.js';

/** A plan's calendar replaces the project's workdays and adds to its holidays. */
export function mergeCalendar(project: Required<CalendarSpec>, plan: CalendarSpec | undefined): Required<CalendarSpec> {
  if (!plan) return project;
  return {
    workdays: plan.workdays ?? project.workdays,
    holidays: plan.holidays ? [...new Set([...project.holidays, ...plan.holidays])].sort((a, b) => a - b) : project.holidays,
  };
}
