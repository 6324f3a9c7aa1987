import type { CalendarSpec, DayNumber } from '../model/types.js';
import { DEFAULT_WORKDAYS, WorkCalendar as ScheduleCalendar } from '../schedule/calendar.js';

/**
 * Working-day arithmetic for the views (health margins, days late, progress weights): the
 * scheduler's calendar behind the small interface the views use, so a view can never count
 * days differently from the schedule it shows.
 */
export interface WorkCalendar {
  isWorkingDay(day: DayNumber): boolean;
  /** Working days in `from..to`, both inclusive; 0 when `to < from`. */
  countWorkingDays(from: DayNumber, to: DayNumber): number;
  /** Working days per full week (the length of a `1w` duration). */
  readonly daysPerWeek: number;
}

/** A calendar from a spec; missing parts default to Monday–Friday without holidays (docs/format.md#scheduling). */
export function workCalendar(spec: CalendarSpec | undefined): WorkCalendar {
  const cal = new ScheduleCalendar({ workdays: spec?.workdays ?? [...DEFAULT_WORKDAYS], holidays: spec?.holidays ?? [] });
  return {
    isWorkingDay: (day) => cal.isWorkday(day),
    countWorkingDays: (from, to) => cal.countWorkdays(from, to),
    daysPerWeek: cal.weekLength,
  };
}
