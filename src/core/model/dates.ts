import type { DayNumber } from './types.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates Specline accepts: anything else is an "absurd date" and reported. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Day number of a valid `YYYY-MM-DD` within MIN_YEAR..MAX_YEAR; undefined otherwise. */
export function parseIsoDate(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The day number of a calendar date given as numbers (month 1–12). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a day number. */
export function formatDate(day: DayNumber): string {
  // Views format the same few hundred days tens of thousands of times per render.
  let text = FORMATTED.get(day);
  if (text !== undefined) return text;
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  text = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
  if (FORMATTED.size >= 20_000) FORMATTED.clear();
  FORMATTED.set(day, text);
  return text;
}

const FORMATTED = new Map<DayNumber, string>();

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Today's date in the local time zone of the machine, as a day number. */
export function systemToday(now: Date = new Date()): DayNumber {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Year, month (1–12) and day of a day number. */
export function dateParts(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
