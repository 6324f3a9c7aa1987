import { weekday } from '../model/dates.js';
import type { CalendarSpec, DayNumber } from '../model/types.js';

/**
 * Working-day arithmetic for the views (health margins, days late, progress weights).
 * The scheduler has its own calendar logic; the views only need to count, so this stays
 * small and loop-free: counting over a span costs O(log holidays), not O(days), because
 * reports call it once per feature or task.
 */
export interface WorkCalendar {
  isWorkingDay(day: DayNumber): boolean;
  /** Working days in `from..to`, both inclusive; 0 when `to < from`. */
  countWorkingDays(from: DayNumber, to: DayNumber): number;
  /** Working days per full week (the length of a `1w` duration). */
  readonly daysPerWeek: number;
}

const DEFAULT_WORKDAYS = [1, 2, 3, 4, 5];

/** A calendar from a spec; missing parts default to Monday–Friday without holidays (FORMAT §5). */
export function workCalendar(spec: CalendarSpec | undefined): WorkCalendar {
  const workdays = new Set((spec?.workdays ?? DEFAULT_WORKDAYS).filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  // Only holidays that fall on a working day change a count; sorted for binary search.
  const holidays = [...new Set(spec?.holidays ?? [])].filter((h) => workdays.has(weekday(h))).sort((a, b) => a - b);
  const holidaySet = new Set(holidays);

  const isWorkingDay = (day: DayNumber): boolean => workdays.has(weekday(day)) && !holidaySet.has(day);

  const countWorkingDays = (from: DayNumber, to: DayNumber): number => {
    if (to < from) return 0;
    const span = to - from + 1;
    const weeks = Math.floor(span / 7);
    let count = weeks * workdays.size;
    for (let d = from + weeks * 7; d <= to; d++) {
      if (workdays.has(weekday(d))) count++;
    }
    return count - (upperBound(holidays, to) - upperBound(holidays, from - 1));
  };

  return { isWorkingDay, countWorkingDays, daysPerWeek: workdays.size };
}

/** Number of entries of the sorted array that are ≤ value. */
function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
