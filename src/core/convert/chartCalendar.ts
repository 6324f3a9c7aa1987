import type { CalendarSpec, DayNumber } from '../model/types.js';
import { parseIsoDate } from '../model/dates.js';
import { formatDate, parseStrict } from '../mermaid/dayjsFormat.js';
import type { GanttSettings } from '../mermaid/ganttDates.js';

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The Specline calendar that takes out the days a chart's `excludes` takes out. */
export interface ChartCalendar {
  /** Working weekdays (0 = Sunday … 6 = Saturday) and holidays. */
  spec: Required<CalendarSpec>;
  /** `excludes`/`includes` entries this calendar does not express (kept for a note). */
  unexpressed: string[];
}

/**
 * A chart's `excludes` (`weekends`, weekday names, dates), `weekend friday` and
 * `includes` as a calendar of working weekdays and holidays. Without `excludes` every day
 * of the week is a working day, as mermaid draws it. An entry that names no day mermaid
 * matches (a date in another format, a word), or an `includes` date that would have to
 * make a whole weekday work, is listed in `unexpressed`.
 */
export function chartCalendar(settings: GanttSettings): ChartCalendar {
  const working = [true, true, true, true, true, true, true];
  const holidays = new Set<DayNumber>();
  const unexpressed: string[] = [];
  for (const token of settings.excludes) {
    if (token === 'weekends') {
      // ISO weekend of mermaid: Saturday and Sunday, or Friday and Saturday with `weekend friday`.
      for (const d of settings.weekend === 'friday' ? [5, 6] : [6, 0]) working[d] = false;
      continue;
    }
    const weekday = WEEKDAY_NAMES.indexOf(token);
    if (weekday >= 0) {
      working[weekday] = false;
      continue;
    }
    const day = chartDay(token, settings.dateFormat);
    if (day === undefined) unexpressed.push(`excludes ${token}`);
    else holidays.add(day);
  }
  for (const token of settings.includes) {
    const day = chartDay(token, settings.dateFormat);
    if (day === undefined) {
      unexpressed.push(`includes ${token}`);
      continue;
    }
    if (holidays.delete(day)) continue;
    if (!working[weekdayOf(day)]) unexpressed.push(`includes ${token}`);
  }
  const workdays = working.flatMap((w, i) => (w ? [i] : []));
  // A date on a weekday that is off anyway needs no holiday.
  for (const day of holidays) if (!working[weekdayOf(day)]) holidays.delete(day);
  // mermaid refuses to draw a chart that excludes every weekday, so this only guards odd input.
  return { spec: { workdays: workdays.length ? workdays : [0, 1, 2, 3, 4, 5, 6], holidays: [...holidays].sort((a, b) => a - b) }, unexpressed };
}

/**
 * The day an `excludes`/`includes` entry names, as mermaid matches it: the day whose
 * `YYYY-MM-DD` or whose date in `dateFormat` is the entry (which mermaid has lowercased).
 */
function chartDay(token: string, dateFormat: string): DayNumber | undefined {
  const iso = parseIsoDate(token);
  if (iso !== undefined) return iso;
  if (dateFormat === '') return undefined;
  // A format that takes parts from today (no year) names a different day each year: not a holiday.
  const t = parseStrict(token, dateFormat, NaN);
  if (t === undefined || !Number.isFinite(t) || formatDate(t, dateFormat) !== token) return undefined;
  const day = Math.floor(t / DAY_MS);
  return parseIsoDate(formatDate(day * DAY_MS, 'YYYY-MM-DD')) === undefined ? undefined : day;
}

function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Two calendars give the same working days. */
export function sameCalendar(a: Required<CalendarSpec>, b: Required<CalendarSpec>): boolean {
  const wa = a.workdays;
  const wb = b.workdays;
  if (wa.length !== wb.length || wa.some((d, i) => d !== wb[i])) return false;
  const off = (c: Required<CalendarSpec>): string => c.holidays.filter((d) => c.workdays.includes(weekdayOf(d))).sort((x, y) => x - y).join();
  return off(a) === off(b);
}
