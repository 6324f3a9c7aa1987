import { isMap, isScalar, isSeq } from 'yaml';
import picomatch from 'picomatch';
import { parseIsoDate } from '../model/dates.js';
import { LineIndex } from '../model/lineIndex.js';
import type { Diagnostic, ItemKind, Range } from '../model/types.js';
import { ITEM_KINDS } from '../model/types.js';
import { RULES_BY_CODE } from '../check/ruleCatalog.js';
import { parseYamlSafe, nodeSpan } from '../yaml/yamlSafe.js';
import { readCalendar } from '../yaml/readCalendar.js';
import type { RuleLevel, SpeclineConfig } from '../model/configTypes.js';
import { DEFAULT_KINDS } from '../model/configTypes.js';
import { currencySchema, issueMessage, rateKeySchema, rateSchema } from './costSettings.js';

/** Thrown when a config the user named explicitly (`--config`) cannot be used. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown'];
/** Always excluded, whatever the config says: nobody plans inside these. */
export const ALWAYS_EXCLUDE = ['**/node_modules/**', '**/.git/**'];
/** Every top-level key of `.specline.yml`, for messages. */
export const SETTINGS = 'kinds, include, exclude, start, calendar, capacity, rules, currency, rates, follow-links, baseline, slip-tolerance';

export function defaultConfig(): SpeclineConfig {
  const prefixes = new Map<string, ItemKind>();
  for (const kind of ITEM_KINDS) for (const p of DEFAULT_KINDS[kind]) prefixes.set(p, kind);
  return {
    prefixes,
    include: [...DEFAULT_INCLUDE],
    exclude: [...ALWAYS_EXCLUDE],
    calendar: { workdays: [1, 2, 3, 4, 5], holidays: [] },
    capacity: { default: 100, owners: new Map() },
    rules: new Map(),
    slipTolerance: 0,
    followLinks: false,
  };
}

export interface LoadedConfig {
  config: SpeclineConfig;
  /** Problems in the config file; the config falls back to defaults for each bad key. */
  diagnostics: Diagnostic[];
}

/**
 * Reads `.specline.yml` text (docs/format.md#configuration). Never throws: a broken file yields diagnostics
 * on it and the defaults for what could not be read, so planning goes on.
 */
export function parseConfig(text: string, file: string): LoadedConfig {
  const config = defaultConfig();
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(text);
  const at = (node: unknown): Range => {
    const span = nodeSpan(node);
    return span ? lines.range(span[0], span[1]) : lines.range(0, 0);
  };
  const report = (code: 'schema.yaml' | 'schema.invalid', range: Range, message: string): void => {
    diagnostics.push({ file, range, severity: 'error', code, message, related: [] });
  };

  const { doc, problems } = parseYamlSafe(text);
  for (const p of problems.slice(0, 1)) report('schema.yaml', lines.range(p.start, p.end), `${file}: ${p.message}`);
  if (!doc || problems.length > 0) return { config, diagnostics };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { config, diagnostics };
  if (!isMap(root)) {
    report('schema.invalid', at(root), `${file} must be a mapping of settings`);
    return { config, diagnostics };
  }

  // Rates may be written before `currency`: their currencies are compared once all is read.
  const rateCurrencies: Array<{ node: unknown; currency: string }> = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'currency': {
        const result = currencySchema.safeParse(isScalar(value) ? value.value : null);
        if (result.success) config.currency = result.data;
        else report('schema.invalid', at(value ?? pair.key), issueMessage(result.error, 'currency is a three-letter code such as EUR'));
        break;
      }
      case 'rates': {
        if (!isMap(value)) { report('schema.invalid', at(value ?? pair.key), 'rates maps "default" and "@owner" to the cost of one working day, e.g. { default: 640, "@ana": 720 }'); break; }
        const rates: NonNullable<SpeclineConfig['rates']> = { owners: new Map() };
        for (const rp of value.items) {
          const who = rateKeySchema.safeParse(isScalar(rp.key) ? String(rp.key.value) : '');
          if (!who.success) { report('schema.invalid', at(rp.key), issueMessage(who.error, 'rates keys are "default" and @owner handles')); continue; }
          const rate = rateSchema.safeParse(isScalar(rp.value) ? rp.value.value : rp.value === null ? null : {});
          if (!rate.success) { report('schema.invalid', at(rp.value ?? rp.key), `rate of ${who.data}: ${issueMessage(rate.error, 'expected an amount of money')}`); continue; }
          if (rate.data.currency) rateCurrencies.push({ node: rp.value, currency: rate.data.currency });
          if (who.data === 'default') rates.default = rate.data.amount;
          else rates.owners.set(who.data, rate.data.amount);
        }
        config.rates = rates;
        break;
      }
      case 'kinds': {
        if (!isMap(value)) { report('schema.invalid', at(value ?? pair.key), 'kinds maps each kind to its ID prefixes, e.g. { task: [T, TASK] }'); break; }
        const prefixes = new Map<string, ItemKind>();
        const seenKinds = new Set<ItemKind>();
        for (const kp of value.items) {
          const kind = (isScalar(kp.key) ? String(kp.key.value) : '') as ItemKind;
          if (!ITEM_KINDS.includes(kind)) { report('schema.invalid', at(kp.key), `unknown kind "${kind}"; kinds are ${ITEM_KINDS.join(', ')}`); continue; }
          const list = isSeq(kp.value) ? kp.value.items : [kp.value];
          seenKinds.add(kind);
          for (const entry of list) {
            const prefix = isScalar(entry) ? String(entry.value) : '';
            if (!/^[A-Z][A-Z0-9]*$/.test(prefix)) { report('schema.invalid', at(entry), `"${prefix}" is not an ID prefix (capital letters and digits, starting with a letter)`); continue; }
            const other = prefixes.get(prefix);
            if (other && other !== kind) { report('schema.invalid', at(entry), `prefix ${prefix} is already used for ${other}`); continue; }
            prefixes.set(prefix, kind);
          }
        }
        // Kinds the file does not mention keep their default prefixes.
        for (const kind of ITEM_KINDS) {
          if (seenKinds.has(kind)) continue;
          for (const p of DEFAULT_KINDS[kind]) if (!prefixes.has(p)) prefixes.set(p, kind);
        }
        config.prefixes = prefixes;
        break;
      }
      case 'include':
      case 'exclude': {
        const list = isSeq(value) ? value.items : [value];
        const globs: string[] = [];
        for (const entry of list) {
          const glob = isScalar(entry) && typeof entry.value === 'string' ? entry.value : undefined;
          if (!glob) { report('schema.invalid', at(entry ?? pair.key), `${key} takes glob patterns such as "**/*.md"`); continue; }
          try { picomatch(glob); globs.push(glob); } catch { report('schema.invalid', at(entry), `"${glob}" is not a valid glob`); }
        }
        if (key === 'include') { if (globs.length) config.include = globs; }
        else config.exclude = [...new Set([...ALWAYS_EXCLUDE, ...globs])];
        break;
      }
      case 'start': {
        const d = isScalar(value) ? parseIsoDate(String(value.value)) : undefined;
        if (d === undefined) report('schema.invalid', at(value ?? pair.key), 'start is a date as YYYY-MM-DD');
        else config.start = d;
        break;
      }
      case 'calendar': {
        const cal = readCalendar(value, (node, message) => report('schema.invalid', at(node ?? pair.key), message));
        if (cal.workdays) config.calendar.workdays = cal.workdays;
        if (cal.holidays) config.calendar.holidays = cal.holidays;
        break;
      }
      case 'capacity': {
        if (!isMap(value)) { report('schema.invalid', at(value ?? pair.key), 'capacity maps "default" and "@owner" to a percentage'); break; }
        for (const cp of value.items) {
          const who = isScalar(cp.key) ? String(cp.key.value) : '';
          const pct = readPercent(cp.value);
          if (pct === undefined) { report('schema.invalid', at(cp.value ?? cp.key), `capacity of ${who} must be a percentage such as 50%`); continue; }
          if (who === 'default') config.capacity.default = pct;
          else if (/^@?[\p{L}\p{N}_.-]+$/u.test(who)) config.capacity.owners.set(who.startsWith('@') ? who : `@${who}`, pct);
          else report('schema.invalid', at(cp.key), `"${who}" is not an @owner handle`);
        }
        break;
      }
      case 'rules': {
        if (!isMap(value)) { report('schema.invalid', at(value ?? pair.key), 'rules maps diagnostic codes to off, info, warning or error'); break; }
        for (const rp of value.items) {
          const code = isScalar(rp.key) ? String(rp.key.value) : '';
          if (!RULES_BY_CODE.has(code)) { report('schema.invalid', at(rp.key), `unknown diagnostic code "${code}"`); continue; }
          const level = readLevel(isScalar(rp.value) ? rp.value.value : undefined);
          if (!level) { report('schema.invalid', at(rp.value ?? rp.key), `level of ${code} must be off, info, warning or error`); continue; }
          config.rules.set(code, level);
        }
        break;
      }
      case 'baseline': {
        const ref = isScalar(value) && value.value !== null ? String(value.value).trim() : '';
        // A revision is handed to git: one that could be read as an option never is.
        if (ref === '' || ref.startsWith('-') || /\s/.test(ref) || [...ref].some((c) => c.charCodeAt(0) < 32)) report('schema.invalid', at(value ?? pair.key), 'baseline is a git revision: a tag, branch or commit such as v1.0');
        else config.baseline = { ref, range: at(value) };
        break;
      }
      case 'slip-tolerance': {
        const n = isScalar(value) ? Number(String(value.value).trim().replace(/d$/, '')) : Number.NaN;
        if (!Number.isInteger(n) || n < 0 || n > 10_000) report('schema.invalid', at(value ?? pair.key), 'slip-tolerance is a whole number of working days, such as 2');
        else config.slipTolerance = n;
        break;
      }
      case 'follow-links': {
        const on = isScalar(value) ? value.value : undefined;
        if (typeof on !== 'boolean') { report('schema.invalid', at(value ?? pair.key), 'follow-links is true or false'); break; }
        config.followLinks = on;
        break;
      }
      default:
        report('schema.invalid', at(pair.key), `unknown setting "${key}"; settings are ${SETTINGS}`);
    }
  }
  for (const { node, currency } of rateCurrencies) {
    if (currency === config.currency) continue;
    report('schema.invalid', at(node), config.currency
      ? `rate is in ${currency}, but the workspace currency is ${config.currency}`
      : `rate names a currency; set "currency: ${currency}" to use one`);
  }
  return { config, diagnostics };
}

function readPercent(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(String(node.value).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 0 && n <= 1000 ? n : undefined;
}

function readLevel(value: unknown): RuleLevel | undefined {
  if (value === false) return 'off';
  const s = String(value).toLowerCase();
  if (s === 'off' || s === 'error' || s === 'warning' || s === 'info') return s;
  if (s === 'warn') return 'warning';
  if (s === 'information' || s === 'hint') return 'info';
  return undefined;
}

/** The config as plain data, for worker threads (Maps do not survive every boundary). */
export function serializeConfig(config: SpeclineConfig): unknown {
  return {
    ...config,
    prefixes: [...config.prefixes],
    capacity: { default: config.capacity.default, owners: [...config.capacity.owners] },
    rules: [...config.rules],
    ...(config.rates ? { rates: { ...config.rates, owners: [...config.rates.owners] } } : {}),
  };
}

export function deserializeConfig(data: unknown): SpeclineConfig {
  const d = data as { prefixes: [string, ItemKind][]; capacity: { default: number; owners: [string, number][] }; rules: [string, RuleLevel][]; rates?: { default?: number; owners: [string, number][] } } & Omit<SpeclineConfig, 'rates'>;
  const { rates, ...rest } = d;
  return {
    ...rest,
    prefixes: new Map(d.prefixes),
    capacity: { default: d.capacity.default, owners: new Map(d.capacity.owners) },
    rules: new Map(d.rules),
    ...(rates ? { rates: { ...rates, owners: new Map(rates.owners) } } : {}),
  };
}

/** Include/exclude as one predicate over workspace-relative paths. */
export function fileMatcher(config: SpeclineConfig): (path: string) => boolean {
  const include = picomatch(config.include, { dot: true });
  const exclude = picomatch(config.exclude, { dot: true });
  return (path) => include(path) && !exclude(path);
}
