import * as z from 'zod';
import { parseIsoDate, dayNumber, MIN_YEAR, MAX_YEAR } from './dates.js';
import type { AttributeKey, DayNumber, Duration, Horizon, Level, Measure, Money, Priority, Status } from './types.js';
import { STATUSES } from './types.js';
import { MAX_DURATION_DAYS, MAX_EFFORT_WEEKS, MAX_MEASURE, MAX_MONEY } from './limits.js';

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

/** Currency symbols read as their codes; anything else is written as a three-letter code. */
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS', '₫': 'VND', '₴': 'UAH', '₦': 'NGN', '฿': 'THB' };
const CURRENCY = String.raw`[A-Za-z]{3}|[\u20AC$\u00A3\u00A5\u20B9\u20A9\u20BD\u20BA\u20AA\u20AB\u20B4\u20A6\u0E3F]`;
/** A plain number: `12500`, `12,500`, `12,500.50`, `12.5` (`,` only as a thousands separator, in groups of three). */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MONEY = new RegExp(String.raw`^(?:(${CURRENCY})\s*)?(${NUMBER})\s*([kKmM])?(?:\s*(${CURRENCY}))?$`);

/** A currency code or symbol as its upper-case code; undefined when it is neither. */
export function currencyCode(written: string): string | undefined {
  const s = written.trim();
  if (CURRENCY_SYMBOLS[s]) return CURRENCY_SYMBOLS[s];
  return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : undefined;
}

/**
 * Money (`12,500`, `12.5k`, `1.2m`, `EUR 900`, `€900`, `900 EUR`): at least 0 and at most
 * MAX_MONEY. The currency is only read here; whether it is the configured one is the
 * item builder's question (it knows the config).
 */
const money = scalar.transform((v, ctx): Money => {
  if (typeof v === 'boolean') return fail(ctx, `expected an amount of money such as 12,500 or EUR 900, got "${v}"`);
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return fail(ctx, `an amount of money is a number of at least 0, got ${v}`);
    if (v > MAX_MONEY) return fail(ctx, `amount ${v} is implausibly large (at most ${MAX_MONEY.toLocaleString('en-US')})`);
    return { amount: v };
  }
  const s = v.trim();
  const m = MONEY.exec(s);
  if (!m || (m[1] && m[4])) {
    if (/^-/.test(s) || /^[^\d]*-\s*\d/.test(s)) return fail(ctx, `an amount of money is at least 0, got "${clip(s)}"`);
    return fail(ctx, `expected an amount of money such as 12,500, 12.5k, EUR 900 or €900, got "${clip(s)}"`);
  }
  const written = m[1] ?? m[4];
  const scale = m[3] ? (m[3].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  // Scale by shifting the decimal point in the text, so 1.2m is exactly 1,200,000.
  const amount = scaled(m[2]!.replace(/,/g, ''), scale);
  if (amount > MAX_MONEY) return fail(ctx, `amount ${clip(s)} is implausibly large (at most ${MAX_MONEY.toLocaleString('en-US')})`);
  const currency = written ? currencyCode(written) : undefined;
  return currency ? { amount, currency } : { amount };
});

function scaled(digits: string, scale: number): number {
  if (scale === 1) return Number(digits);
  const places = scale === 1e3 ? 3 : 6;
  const [int, frac = ''] = digits.split('.');
  const shifted = `${int}${frac.padEnd(places, '0').slice(0, places)}.${frac.slice(places) || '0'}`;
  return Number(shifted);
}

const UNIT_ALIASES: Record<string, string> = { percent: '%', days: 'd', day: 'd' };
/**
 * A metric value: a number (negative allowed: NPS, deltas) with an optional unit — `%`, `d`
 * or a word (`42 users`, `3.5 days`). Units compare case-insensitively; `day`/`days` are `d`
 * and `percent` is `%`.
 */
const measure = scalar.transform((v, ctx): Measure => {
  if (typeof v === 'boolean') return fail(ctx, `expected a number with an optional unit such as 40%, 3d or 120 users, got "${v}"`);
  const s = String(v).trim();
  const m = new RegExp(String.raw`^([-+\u2212]?${NUMBER})\s*(%|[\p{L}][\p{L}\s/-]*)?$`, 'u').exec(s);
  if (!m) return fail(ctx, `expected a number with an optional unit such as 40%, 3d or 120 users, got "${clip(s)}"`);
  const value = Number(m[1]!.replace(/,/g, '').replace('−', '-'));
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MEASURE) return fail(ctx, `${clip(s)} is out of range (at most ${MAX_MEASURE.toLocaleString('en-US')} either way)`);
  const unit = (m[2] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return { value, unit: UNIT_ALIASES[unit] ?? unit };
});

function nonNegative(what: string, max: number) {
  return scalar.transform((v, ctx): number => {
    const s = String(v).trim();
    if (typeof v === 'boolean' || !new RegExp(`^${NUMBER}$`).test(s)) return fail(ctx, `expected ${what} as a number, got "${clip(s)}"`);
    const n = Number(s.replace(/,/g, ''));
    if (n > max) return fail(ctx, `${what} ${clip(s)} is out of range (at most ${max.toLocaleString('en-US')})`);
    return n;
  });
}

const RICE_IMPACT: Record<string, number> = { massive: 3, high: 2, medium: 1, low: 0.5, minimal: 0.25 };
/** A feature's RICE impact: a word of the RICE scale or the number itself. */
const riceImpact = scalar.transform((v, ctx): number => {
  const s = String(v).trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(RICE_IMPACT, s)) return RICE_IMPACT[s]!;
  if (typeof v !== 'boolean' && new RegExp(`^${NUMBER}$`).test(s)) {
    const n = Number(s.replace(/,/g, ''));
    if (n <= MAX_MEASURE) return n;
  }
  return fail(ctx, `impact of a feature is massive, high, medium, low, minimal or a number, got "${clip(String(v))}"`);
});

/** RICE effort in person-weeks: a number above 0, optionally followed by `w`, `pw` or `weeks`. */
const effort = scalar.transform((v, ctx): number => {
  const s = String(v).trim().toLowerCase();
  const m = typeof v === 'boolean' ? null : new RegExp(String.raw`^(${NUMBER})\s*(?:w|wks?|weeks?|pw|person[- ]weeks?)?$`).exec(s);
  if (!m) return fail(ctx, `effort is in person-weeks, such as 3 or 2.5w, got "${clip(String(v))}"`);
  const n = Number(m[1]!.replace(/,/g, ''));
  if (n <= 0) return fail(ctx, 'effort must be more than 0 person-weeks');
  if (n > MAX_EFFORT_WEEKS) return fail(ctx, `effort ${clip(s)} is implausibly large (at most ${MAX_EFFORT_WEEKS.toLocaleString('en-US')} person-weeks)`);
  return n;
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
  budget: money,
  cost: money,
  spent: money,
  metricBaseline: measure,
  metricTarget: measure,
  metricCurrent: measure,
  reach: nonNegative('reach', MAX_MEASURE),
  confidence: percent(0, 100, 'confidence'),
  effort,
} satisfies Partial<Record<AttributeKey, z.ZodType>>;

/** Schemas that depend on the item's kind: `impact` is a risk level, but a RICE input on a feature. */
export const FEATURE_IMPACT = riceImpact;

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
  budget: 'an amount of money such as 12,500 or EUR 12.5k',
  cost: 'an amount of money such as 900 or EUR 900',
  spent: 'an amount of money such as 9,800',
  metricBaseline: 'a measure such as 55% or 12 d',
  metricTarget: 'a measure such as 80% or 5 d',
  metricCurrent: 'a measure such as 71% or 8 d',
  reach: 'a number of people or events, such as 2,000',
  confidence: 'a percentage such as 80%',
  effort: 'person-weeks, such as 3',
};
export type ValueOf<K extends ValueKey> = z.output<(typeof VALUE_SCHEMAS)[K]>;

export function isValueKey(key: AttributeKey): key is ValueKey {
  return Object.prototype.hasOwnProperty.call(VALUE_SCHEMAS, key);
}

export type ParsedValue<K extends ValueKey> = { ok: true; value: ValueOf<K> } | { ok: false; message: string };

/**
 * Results of {@link parseValue} for short scalar values, by key, type and text. A workspace
 * writes the same few values over and over (`3d`, `todo`, `P1`, a handful of dates), and
 * zod's parse of each was a tenth of reading a plan; the schema still decides every
 * distinct value. Object results are handed out as copies, so no two items share one.
 */
const PARSED = new Map<string, ParsedValue<ValueKey>>();
/** Entries kept before the memo starts over: plenty for the values one workspace repeats. */
const PARSED_ENTRIES = 8192;
/** Longer values are rarely repeated and would only fill the memo. */
const PARSED_MAX_LENGTH = 64;

/** Validates one value; the message names the key as the user wrote it. Same results as {@link parseValueUncached}. */
export function parseValue<K extends ValueKey>(key: K, value: unknown): ParsedValue<K> {
  const memoKey = typeof value === 'string' ? (value.length <= PARSED_MAX_LENGTH ? `${key}\u0000s${value}` : undefined)
    : typeof value === 'number' ? (Object.is(value, -0) ? undefined : `${key}\u0000n${value}`)
      : typeof value === 'boolean' ? `${key}\u0000b${value}` : undefined;
  if (memoKey === undefined) return parseValueUncached(key, value);
  let result = PARSED.get(memoKey) as ParsedValue<K> | undefined;
  if (result === undefined) {
    result = parseValueUncached(key, value);
    if (PARSED.size >= PARSED_ENTRIES) PARSED.clear();
    PARSED.set(memoKey, result);
  }
  if (!result.ok) return result;
  const v: unknown = result.value;
  return typeof v === 'object' && v !== null ? { ok: true, value: { ...v } as ValueOf<K> } : result;
}

/** {@link parseValue} without the memo: zod's answer for this one value. */
export function parseValueUncached<K extends ValueKey>(key: K, value: unknown): ParsedValue<K> {
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

type ParsedOwners = { ok: true; value: string[] } | { ok: false; message: string };
/** {@link parseOwners}' answers for short strings, as {@link PARSED} holds parseValue's. */
const OWNERS = new Map<string, ParsedOwners>();

/** Owner handles: `@ana`, `@ana, @bo`, a YAML list, or bare handles (`ana`) which get their `@`. Same results as {@link parseOwnersUncached}. */
export function parseOwners(value: unknown): ParsedOwners {
  if (typeof value !== 'string' || value.length > PARSED_MAX_LENGTH) return parseOwnersUncached(value);
  let result = OWNERS.get(value);
  if (result === undefined) {
    result = parseOwnersUncached(value);
    if (OWNERS.size >= PARSED_ENTRIES) OWNERS.clear();
    OWNERS.set(value, result);
  }
  return result.ok ? { ok: true, value: [...result.value] } : result;
}

/** {@link parseOwners} without the memo. */
export function parseOwnersUncached(value: unknown): ParsedOwners {
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
