/** A duration as mermaid reads it: a number and a dayjs unit. */
export interface GanttDuration {
  value: number;
  /** `ms`, `s`, `m` (minutes), `h`, `d`, `w`, `M` (months) or `y`. */
  unit: string;
}

/**
 * mermaid's `parseDuration`: a decimal number directly followed by one unit, nothing
 * else. Anything else (`7days`, `1h15m`, `5min`, `2 d`) is not a duration; mermaid then
 * gives the task no length at all.
 */
export function parseGanttDuration(text: string): GanttDuration | undefined {
  const m = /^(\d+(?:\.\d+)?)([Mdhmswy]|ms)$/.exec(text.trim());
  return m ? { value: Number.parseFloat(m[1]!), unit: m[2]! } : undefined;
}

const STEP_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `dayjs(t).add(value, unit)` on a naive time: days and weeks move the calendar date by a
 * rounded number of days, months and years by whole calendar months and years (the day
 * clamps to the month as JavaScript's `setMonth` does not — dayjs clamps), hours and
 * smaller units add milliseconds. NaN where the result is not a date.
 */
export function addGanttDuration(t: number, d: GanttDuration): number {
  const step = STEP_MS[d.unit];
  if (step !== undefined) return t + d.value * step;
  const date = new Date(t);
  if (d.unit === 'd' || d.unit === 'w') {
    date.setUTCDate(date.getUTCDate() + Math.round(d.value * (d.unit === 'w' ? 7 : 1)));
    return date.getTime();
  }
  const months = Math.trunc(d.value) * (d.unit === 'y' ? 12 : 1);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date.getTime();
}
