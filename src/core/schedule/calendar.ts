import { weekday } from '../model/dates.js';
import type { CalendarSpec, DayNumber, Duration } from '../model/types.js';

/** Monday–Friday: docs/format.md#scheduling's default, and the fallback for a calendar with no working day. */
export const DEFAULT_WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Working-day arithmetic over one calendar (working weekdays minus holidays).
 *
 * Every method is O(log H) in the number of holidays: whole weeks are counted with
 * arithmetic and holidays with binary search, never by walking day by day, because a
 * duration can be tens of thousands of days and a plan can have 100,000 tasks.
 *
 * The core idea: number every working day since the epoch. `index(d)` is the count of
 * working days strictly before day `d`, and `dayOfIndex(k)` is its inverse (the k-th working
 * day). Everything else is a one-liner over those two.
 *
 * Day numbers are integers (days since 1970-01-01, see `model/dates.ts`).
 */
export class WorkCalendar {
  /** Working days per week; `Nw` durations mean N × weekLength working days. */
  readonly weekLength: number;
  /** The working weekdays actually used (0 = Sunday … 6 = Saturday), sorted. */
  readonly workdays: readonly number[];

  /** working[w]: weekday w is a working weekday. */
  private readonly working: boolean[];
  /** prefix[w]: working weekdays among weekdays 0..w-1 (a week runs Sunday → Saturday here). */
  private readonly prefix: Int32Array;
  /** nth[j]: the weekday of the j-th working weekday of a week. */
  private readonly nth: Int32Array;
  /** toOff[w]: days from weekday w to the next non-working weekday (0 if w is one); -1 when every weekday works. */
  private readonly toOff: Int32Array;
  /** Holidays that fall on working weekdays, sorted and unique; the others change nothing. */
  private readonly holidays: Float64Array;
  /** regularIndex(holidays[i]) - i: non-decreasing, so it can be binary-searched (see dayOfIndex). */
  private readonly holidayKey: Float64Array;

  /**
   * @param spec working weekdays (0 = Sunday … 6 = Saturday) and holidays as day numbers.
   * Invalid weekdays and non-integer holidays are ignored. A calendar with no working weekday
   * at all falls back to Monday–Friday rather than throwing: a typo in `.specline.yml` must
   * not take the whole schedule down, and the config checker is the place to report it.
   */
  constructor(spec: Required<CalendarSpec>) {
    const working = [false, false, false, false, false, false, false];
    for (const w of spec.workdays) if (Number.isInteger(w) && w >= 0 && w <= 6) working[w] = true;
    if (!working.includes(true)) for (const w of DEFAULT_WORKDAYS) working[w] = true;
    this.working = working;

    const prefix = new Int32Array(8);
    const nth: number[] = [];
    for (let w = 0; w < 7; w++) {
      prefix[w + 1] = prefix[w] + (working[w] ? 1 : 0);
      if (working[w]) nth.push(w);
    }
    this.prefix = prefix;
    this.nth = Int32Array.from(nth);
    this.weekLength = nth.length;
    this.workdays = Object.freeze(nth.slice());

    const toOff = new Int32Array(7).fill(-1);
    if (this.weekLength < 7) {
      for (let w = 0; w < 7; w++) {
        let k = 0;
        while (working[(w + k) % 7]) k++;
        toOff[w] = k;
      }
    }
    this.toOff = toOff;

    const hol = Array.from(new Set(spec.holidays))
      .filter((d) => Number.isInteger(d) && working[weekday(d)])
      .sort((a, b) => a - b);
    this.holidays = Float64Array.from(hol);
    this.holidayKey = Float64Array.from(hol, (d, i) => this.regularIndex(d) - i);
  }

  /** True when `d` is a working weekday and not a holiday. */
  isWorkday(d: DayNumber): boolean {
    return this.working[weekday(d)] && !this.isHoliday(d);
  }

  /** The first working day on or after `d`. */
  nextWorkday(d: DayNumber): DayNumber {
    return this.dayOfIndex(this.index(d));
  }

  /** The last working day on or before `d`. */
  prevWorkday(d: DayNumber): DayNumber {
    return this.dayOfIndex(this.index(d + 1) - 1);
  }

  /**
   * The n-th working day counting `start` as the first (n ≥ 1): the end of an n-day task
   * starting on `start`. A non-working `start` counts from the next working day.
   */
  addWorkdays(start: DayNumber, n: number): DayNumber {
    return this.dayOfIndex(this.index(start) + n - 1);
  }

  /**
   * The mirror of `addWorkdays`: the start of an n-day task whose last day is `end` (n ≥ 1).
   * A non-working `end` counts back from the previous working day.
   */
  subtractWorkdays(end: DayNumber, n: number): DayNumber {
    return this.dayOfIndex(this.index(end + 1) - n);
  }

  /** Working days in [a, b], both inclusive; 0 when b < a. */
  countWorkdays(a: DayNumber, b: DayNumber): number {
    return b < a ? 0 : this.index(b + 1) - this.index(a);
  }

  /**
   * The first non-working day on or after `d`; `Infinity` when every weekday works and no
   * holiday follows. Used by the load sweep to jump over whole runs of working days.
   */
  nextNonWorkday(d: DayNumber): DayNumber {
    const i = lowerBound(this.holidays, d);
    const holiday = i < this.holidays.length ? this.holidays[i] : Infinity;
    const off = this.toOff[weekday(d)];
    return off < 0 ? holiday : Math.min(d + off, holiday);
  }

  /**
   * Whole working days of a duration (`Nd` → N, `Nw` → N × weekLength); undefined unless it
   * is a positive whole number (zero, negative and fractional durations cannot be placed).
   */
  durationDays(duration: Duration | undefined): number | undefined {
    if (!duration || !Number.isFinite(duration.amount)) return undefined;
    let days: number;
    if (duration.unit === 'd') days = duration.amount;
    else if (duration.unit === 'w') days = duration.amount * this.weekLength;
    else return undefined;
    // `0.2w` on a five-day week is one day, but 0.2 * 5 need not be exactly 1 in binary.
    const whole = Math.round(days);
    return whole >= 1 && Math.abs(days - whole) < 1e-9 ? whole : undefined;
  }

  private isHoliday(d: DayNumber): boolean {
    const i = lowerBound(this.holidays, d);
    return i < this.holidays.length && this.holidays[i] === d;
  }

  /** Working weekdays strictly before `d`, ignoring holidays (negative before the epoch). */
  private regularIndex(d: DayNumber): number {
    // Shift so that a week starts on Sunday: day 0 (1970-01-01) was a Thursday.
    const s = d + 4;
    const week = Math.floor(s / 7);
    return week * this.weekLength + this.prefix[s - week * 7];
  }

  /** Working days strictly before `d`. */
  private index(d: DayNumber): number {
    return this.regularIndex(d) - lowerBound(this.holidays, d);
  }

  /** The working day whose index is k (the inverse of `index` on working days). */
  private dayOfIndex(k: number): DayNumber {
    // Holiday i lies before the answer iff the non-holiday working days before it,
    // regularIndex(h_i) - i, are at most k; that key is non-decreasing in i.
    const r = k + upperBound(this.holidayKey, k);
    const week = Math.floor(r / this.weekLength);
    return week * 7 + this.nth[r - week * this.weekLength] - 4;
  }
}

/** First i with a[i] >= x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First i with a[i] > x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to` when `to`
 * is later, negative the other way. A Friday to the next Monday is 1; a date on a
 * non-working day counts as the working day before it.
 */
export function workdaysBetween(calendar: WorkCalendar, from: DayNumber, to: DayNumber): number {
  return to >= from ? calendar.countWorkdays(from + 1, to) : -calendar.countWorkdays(to + 1, from);
}
