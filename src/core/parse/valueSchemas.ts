import { z } from 'zod';
import { parseIsoDate, dayNumber, MIN_YEAR, MAX_YEAR } from '../model/dates.js';
import type { AttributeKey, DayNumber, Duration, Horizon, Level, Priority, Status } from '../model/types.js';
import { STATUSES } from '../model/types.js';
import { MAX_DURATION_DAYS } from '../model/limits.js';

/**
 * zod schemas for attribute values. Each accepts what YAML or a Markdown cell can give
 * (string, number, boolean, null, list) and either yields the typed value or an issue
 * with a message a planner can act on. Link attributes (ID lists) are parsed elsewhere
 * because every ID needs its own source range.
 */

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const text = scalar.transform((v) => String(v).trim());

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

const date = scalar.transform((v, ctx): DayNumber => {
  const s = String(v).trim();
  const d = parseIsoDate(s);
  if (d !== undefined) return d;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const year = Number(s.slice(0, 4));
    return year < MIN_YEAR || year > MAX_YEAR
      ? fail(ctx, `date ${s} is out of range (${MIN_YEAR}–${MAX_YEAR})`)
      : fail(ctx, `${s} is not a calendar date`);
  }
  return fail(ctx, `expected a date as YYYY-MM-DD, got "${clip(s)}"`);
});


const duration = scalar.transform((v, ctx): Duration => {
  const s = String(v).trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(d|days?|w|wks?|weeks?)?$/.exec(s);
  if (!m) return fail(ctx, `expected a duration such as 3d or 2w, got "${clip(String(v))}"`);
  const amount = Number(m[1]);
  const unit = m[2]?.startsWith('w') ? 'w' : 'd';
  // 400 digits read as Infinity, which is no whole number but must not be called a fraction.
  if (!Number.isFinite(amount)) return fail(ctx, `duration ${clip(s)} is implausibly long (at most ${MAX_DURATION_DAYS} days)`);
  if (!Number.isInteger(amount)) return fail(ctx, `durations are whole working days or weeks, got "${clip(String(v))}"`);
  if (amount < 1) return fail(ctx, 'a task takes at least 1 working day (use a milestone for a zero-length event)');
  if ((unit === 'w' ? amount * 7 : amount) > MAX_DURATION_DAYS) return fail(ctx, `duration ${s} is implausibly long (at most ${MAX_DURATION_DAYS} days)`);
  return { amount, unit };
});

function percent(min: number, max: number, what: string) {
  return scalar.transform((v, ctx): number => {
    const s = String(v).trim();
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(s);
    if (!m) return fail(ctx, `expected ${what} as a percentage such as 50%, got "${clip(s)}"`);
    const n = Number(m[1]);
    if (!(n >= min && n <= max)) return fail(ctx, `${what} must be between ${min}% and ${max}%, got ${clip(s)}`);
    return n;
  });
}

const status = scalar.transform((v, ctx): Status => {
  const s = String(v).trim().toLowerCase().replace(/[\s_]+/g, '-');
  const found = STATUSES.find((x) => x === s);
  return found ?? fail(ctx, `unknown status "${clip(String(v))}"; expected one of ${STATUSES.join(', ')}`);
});

const PRIORITY_WORDS: Record<string, number> = { must: 0, should: 1, could: 2, wont: 3, "won't": 3 };
const priority = scalar.transform((v, ctx): Priority => {
  const s = String(v).trim();
  const lower = s.toLowerCase();
  if (lower in PRIORITY_WORDS) return { text: lower === "won't" ? 'wont' : lower, rank: PRIORITY_WORDS[lower]! };
  const p = /^p([0-3])$/i.exec(s);
  if (p) return { text: `P${p[1]}`, rank: Number(p[1]) };
  return fail(ctx, `unknown priority "${clip(s)}"; expected must, should, could, wont or P0–P3`);
});

const horizon = scalar.transform((v, ctx): Horizon => {
  const s = String(v).trim();
  const lower = s.toLowerCase();
  if (lower === 'now' || lower === 'next' || lower === 'later') return { text: lower, bucket: lower };
  const m = /^(\d{4})(?:-([QqHh])([1-4]))?$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return fail(ctx, `horizon year ${year} is out of range`);
    if (!m[2]) return { text: s, bucket: 'year', end: dayNumber(year, 12, 31) };
    const n = Number(m[3]);
    if (m[2].toUpperCase() === 'Q') return { text: `${year}-Q${n}`, bucket: 'quarter', end: dayNumber(year, n * 3 + 1, 0) };
    if (n <= 2) return { text: `${year}-H${n}`, bucket: 'half', end: dayNumber(year, n * 6 + 1, 0) };
  }
  return fail(ctx, `unknown horizon "${clip(s)}"; expected now, next, later, YYYY, YYYY-Hn or YYYY-Qn`);
});

const level = scalar.transform((v, ctx): Level => {
  const s = String(v).trim().toLowerCase();
  if (s === 'low' || s === 'medium' || s === 'high') return s;
  return fail(ctx, `expected low, medium or high, got "${clip(String(v))}"`);
});

/** Non-link attribute schemas. */
export const VALUE_SCHEMAS = {
  title: text,
  start: date,
  end: date,
  date,
  target: date,
  duration,
  allocation: percent(0, 1000, 'allocation'),
  progress: percent(0, 100, 'progress'),
  status,
  priority,
  horizon,
  metric: text,
  probability: level,
  impact: level,
} satisfies Partial<Record<AttributeKey, z.ZodType>>;

export type ValueKey = keyof typeof VALUE_SCHEMAS;

/** What each key takes, for messages about values no schema can read. */
const EXPECTED: Record<ValueKey, string> = {
  title: 'text',
  start: 'a date as YYYY-MM-DD',
  end: 'a date as YYYY-MM-DD',
  date: 'a date as YYYY-MM-DD',
  target: 'a date as YYYY-MM-DD',
  duration: 'a duration such as 3d or 2w',
  allocation: 'a percentage such as 50%',
  progress: 'a percentage such as 50%',
  status: 'a status such as todo or done',
  priority: 'must, should, could, wont or P0–P3',
  horizon: 'now, next, later, YYYY, YYYY-Hn or YYYY-Qn',
  metric: 'text',
  probability: 'low, medium or high',
  impact: 'low, medium or high',
};
export type ValueOf<K extends ValueKey> = z.output<(typeof VALUE_SCHEMAS)[K]>;

export function isValueKey(key: AttributeKey): key is ValueKey {
  return Object.prototype.hasOwnProperty.call(VALUE_SCHEMAS, key);
}

/** Validates one value; the message names the key as the user wrote it. */
export function parseValue<K extends ValueKey>(key: K, value: unknown): { ok: true; value: ValueOf<K> } | { ok: false; message: string } {
  // YAML reads `1e309` as Infinity (and `.nan` as NaN): no value of any key, and saying so
  // beats "expected a single value" or an Infinity that reaches a date or a load.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { ok: false, message: `${key}: ${Number.isNaN(value) ? 'not a number' : 'a number too large to use (it reads as infinity)'}; expected ${EXPECTED[key]}` };
  }
  const result = VALUE_SCHEMAS[key].safeParse(value);
  if (result.success) return { ok: true, value: result.data as ValueOf<K> };
  const issue = result.error.issues[0];
  const message = issue && issue.code === 'custom' ? issue.message : `expected a single value, got ${describe(value)}`;
  return { ok: false, message };
}

/** Owner handles: `@ana`, `@ana, @bo`, a YAML list, or bare handles (`ana`) which get their `@`. */
export function parseOwners(value: unknown): { ok: true; value: string[] } | { ok: false; message: string } {
  const parts: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const entry of list) {
    if (entry === null || entry === undefined) continue;
    if (typeof entry !== 'string' && typeof entry !== 'number') return { ok: false, message: `expected @handles, got ${describe(entry)}` };
    for (const token of String(entry).split(/[,;]/)) {
      const t = token.trim();
      if (!t) continue;
      const handles = t.match(/@[\p{L}\p{N}_.-]+/gu);
      // Loops, not push(...handles): a value of 500,000 handles would overflow the stack.
      if (handles && handles.join(' ') === t.replace(/\s+/g, ' ')) { for (const h of handles) parts.push(h); continue; }
      if (/^[\p{L}\p{N}_.-]+$/u.test(t)) { parts.push(`@${t}`); continue; }
      if (handles && /^(@[\p{L}\p{N}_.-]+[\s,]*)+$/u.test(t)) { for (const h of handles) parts.push(h); continue; }
      return { ok: false, message: `owners are @handles separated by commas, got "${clip(t)}"` };
    }
  }
  return { ok: true, value: [...new Set(parts)] };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' || typeof value === 'symbol') return 'a mapping or a nested value';
  return `"${clip(String(value))}"`;
}

/** Keeps hostile or huge values out of messages. */
export function clip(s: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a message
  const one = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
