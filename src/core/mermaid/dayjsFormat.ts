/**
 * Mermaid reads and writes dates with dayjs (`customParseFormat`, strict). These two
 * functions do what dayjs does with a format string, on "naive" times: milliseconds since
 * 1970 whose UTC fields are the wall-clock fields mermaid shows (mermaid works in local
 * time; Specline has no time zones, so local time is read as UTC).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// dayjs' own token patterns, in its order: the first alternative that matches wins.
const PARSE_TOKENS = /(\[[^[]*\])|([-_:/.,()\s]+)|(A|a|Q|YYYY|YY?|ww?|MM?M?M?|Do|DD?|hh?|HH?|mm?|ss?|S{1,3}|z|ZZ?)/g;
const ADVANCED_TOKENS = /\[([^\]]+)]|Q|wo|ww|w|WW|W|zzz|z|gggg|GGGG|Do|X|x|k{1,2}|S/g;
const CORE_TOKENS = /\[([^\]]+)]|Y{1,4}|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS/g;

const match1 = /\d/;
const match2 = /\d\d/;
const match3 = /\d{3}/;
const match4 = /\d{4}/;
const match1to2 = /\d\d?/;
const matchSigned = /[+-]?\d+/;
const matchOffset = /[+-]\d\d:?(\d\d)?|Z/;
const matchWord = /\d*[^-_:/,()\s\d]+/;

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  afternoon?: boolean;
  zone?: number;
}

type Setter = (f: Fields, input: string) => void;
const num = (key: keyof Omit<Fields, 'afternoon'>): Setter => (f, input) => {
  f[key] = Number(input);
};
const monthName = (names: string[]): Setter => (f, input) => {
  const i = names.indexOf(input) + 1;
  if (i < 1) throw new Error('month');
  f.month = i % 12 || i;
};
const zone: Setter = (f, input) => {
  if (input === 'Z') {
    f.zone = 0;
    return;
  }
  const parts = input.match(/([+-]|\d\d)/g) ?? [];
  const minutes = Number(parts[1]) * 60 + (Number(parts[2]) || 0);
  f.zone = minutes === 0 ? 0 : parts[0] === '+' ? -minutes : minutes;
};

const EXPRESSIONS: Record<string, [RegExp, Setter]> = {
  A: [matchWord, (f, i) => { f.afternoon = i === 'PM'; }],
  a: [matchWord, (f, i) => { f.afternoon = i === 'pm'; }],
  Q: [match1, (f, i) => { f.month = (Number(i) - 1) * 3 + 1; }],
  S: [match1, (f, i) => { f.milliseconds = Number(i) * 100; }],
  SS: [match2, (f, i) => { f.milliseconds = Number(i) * 10; }],
  SSS: [match3, num('milliseconds')],
  s: [match1to2, num('seconds')],
  ss: [match1to2, num('seconds')],
  m: [match1to2, num('minutes')],
  mm: [match1to2, num('minutes')],
  H: [match1to2, num('hours')],
  h: [match1to2, num('hours')],
  HH: [match1to2, num('hours')],
  hh: [match1to2, num('hours')],
  D: [match1to2, num('day')],
  DD: [match2, num('day')],
  Do: [matchWord, (f, i) => { f.day = Number((i.match(/\d+/) ?? ['NaN'])[0]); }],
  M: [match1to2, num('month')],
  MM: [match2, num('month')],
  MMM: [matchWord, monthName(MONTHS.map((m) => m.slice(0, 3)))],
  MMMM: [matchWord, monthName(MONTHS)],
  Y: [matchSigned, num('year')],
  YY: [match2, (f, i) => { const n = Number(i); f.year = n + (n > 68 ? 1900 : 2000); }],
  YYYY: [match4, num('year')],
  Z: [matchOffset, zone],
  ZZ: [matchOffset, zone],
};

/** `new Date(y, m, d, …)` on naive time, including its 0–99 → 1900s rule. */
function naive(y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0): number {
  return Date.UTC(y, m, d, h, min, s, ms);
}

/** The fields of a naive time, as dayjs reads them from a local Date. */
function parts(t: number): { y: number; M: number; D: number; d: number; H: number; m: number; s: number; ms: number } {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), M: date.getUTCMonth(), D: date.getUTCDate(), d: date.getUTCDay(), H: date.getUTCHours(), m: date.getUTCMinutes(), s: date.getUTCSeconds(), ms: date.getUTCMilliseconds() };
}

function pad(n: number, length: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(length, '0');
}

/** `dayjs(t).format(format)` with the advancedFormat plugin, as mermaid has it, for naive `t`. */
export function formatDate(t: number, format: string): string {
  if (!Number.isFinite(t)) return 'Invalid Date';
  const p = parts(t);
  const h12 = p.H % 12 || 12;
  // The plugin's tokens first (what it does not know stays for the core), then the core's.
  const advanced = format.replace(ADVANCED_TOKENS, (token: string) => {
    switch (token) {
      case 'Q': return String(Math.ceil((p.M + 1) / 3));
      case 'Do': return `[${p.D}${ordinal(p.D)}]`;
      case 'X': return String(Math.floor(t / 1000));
      case 'x': return String(t);
      case 'k': return String(p.H === 0 ? 24 : p.H);
      case 'kk': return pad(p.H === 0 ? 24 : p.H, 2);
      case 'z': case 'zzz': return '[UTC]';
      default: return token;
    }
  });
  return advanced.replace(CORE_TOKENS, (token: string, literal: string | undefined) => {
    if (literal) return literal;
    switch (token) {
      case 'YY': return String(p.y).slice(-2);
      case 'YYYY': return pad(p.y, 4);
      case 'M': return String(p.M + 1);
      case 'MM': return pad(p.M + 1, 2);
      case 'MMM': return MONTHS[p.M]!.slice(0, 3);
      case 'MMMM': return MONTHS[p.M]!;
      case 'D': return String(p.D);
      case 'DD': return pad(p.D, 2);
      case 'd': return String(p.d);
      case 'dd': return DAYS[p.d]!.slice(0, 2);
      case 'ddd': return DAYS[p.d]!.slice(0, 3);
      case 'dddd': return DAYS[p.d]!;
      case 'H': return String(p.H);
      case 'HH': return pad(p.H, 2);
      case 'h': return String(h12);
      case 'hh': return pad(h12, 2);
      case 'a': return p.H < 12 ? 'am' : 'pm';
      case 'A': return p.H < 12 ? 'AM' : 'PM';
      case 'm': return String(p.m);
      case 'mm': return pad(p.m, 2);
      case 's': return String(p.s);
      case 'ss': return pad(p.s, 2);
      case 'SSS': return pad(p.ms, 3);
      // Naive time has no zone: it is UTC.
      case 'Z': return '+00:00';
      default:
        // dayjs writes its zone without the colon for `ZZ` and for tokens it does not know (`Y`, `YYY`).
        return '+0000';
    }
  });
}

/** English ordinal suffix, as dayjs' default locale writes it. */
function ordinal(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return s[(v - 20) % 10] || s[v] || s[0]!;
}

/**
 * `dayjs(input, format, true)`: the naive time, or undefined where dayjs says "Invalid
 * Date". `today` (naive midnight) fills what the format leaves out (a year, a month, a
 * day), as dayjs fills it from the clock; when `today` is NaN such a date is NaN: valid,
 * but only known on the day the chart is drawn.
 */
export function parseStrict(input: string, format: string, today: number): number | undefined {
  const open = Number.isNaN(today);
  const r = parseLoose(input, format, open ? STAND_IN_TODAY : today);
  if (r === undefined || !Number.isFinite(r.t)) return undefined;
  // Strict: the date written back in the format must be the input, character for character.
  if (formatDate(r.t, format) !== input) return undefined;
  return open && r.usedToday ? NaN : r.t;
}

/** Any day does to check a format that takes parts of its dates from today. */
const STAND_IN_TODAY = Date.UTC(2000, 0, 1);

function parseLoose(input: string, format: string, today: number): { t: number; usedToday: boolean } | undefined {
  if (format === 'x' || format === 'X') return { t: (format === 'X' ? 1000 : 1) * Number(input), usedToday: false };
  const tokens = format.match(PARSE_TOKENS);
  if (!tokens) return undefined;
  const f: Fields = {};
  let rest = input;
  let start = 0;
  for (const token of tokens) {
    const expression = EXPRESSIONS[token];
    if (!expression) {
      start += token.replace(/^\[|\]$/g, '').length;
      continue;
    }
    const m = expression[0].exec(rest.slice(start));
    if (!m) return undefined;
    try {
      expression[1](f, m[0]);
    } catch {
      return undefined;
    }
    rest = rest.replace(m[0], '');
  }
  if (f.afternoon !== undefined) {
    if (f.afternoon && (f.hours ?? 0) < 12) f.hours = (f.hours ?? 0) + 12;
    else if (!f.afternoon && f.hours === 12) f.hours = 0;
  }
  const now = parts(today);
  const usedToday = !f.year || (!f.day && !f.month) || (!(f.year && !f.month) && !((f.month ?? 0) > 0));
  const d = f.day || (!f.year && !f.month ? now.D : 1);
  const y = f.year || now.y;
  let month = 0;
  if (!(f.year && !f.month)) month = (f.month ?? 0) > 0 ? f.month! - 1 : now.M;
  const zoneMs = (f.zone ?? 0) * 60_000;
  return { t: naive(y, month, d, f.hours || 0, f.minutes || 0, f.seconds || 0, (f.milliseconds || 0) + zoneMs), usedToday };
}

/** Whether a dateFormat can say a time of day (its dates are then not whole days). */
export function hasTimeOfDay(format: string): boolean {
  return /[HhmsSAakXx]/.test(format.replace(/\[[^\]]*\]/g, ''));
}

/** A naive time from a JavaScript `Date` (local fields), as mermaid's fallback `new Date(text)` gives it. */
export function naiveFromDate(date: Date): number {
  return naive(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
}

/** dayjs' English weekday name of a naive time, lower case (what `excludes` compares with). */
export function weekdayName(t: number): string {
  return DAYS[parts(t).d]!.toLowerCase();
}

/** ISO weekday (Monday 1 … Sunday 7) of a naive time. */
export function isoWeekday(t: number): number {
  return parts(t).d || 7;
}
