import { isMap, isScalar, isSeq } from 'yaml';
import { isIdShape } from '../model/ids.js';
import type { CalendarSpec, DayNumber, Item, Money, Range } from '../model/types.js';
import { parseValue } from '../model/valueSchemas.js';
import type { ItemBuilder } from './itemBuilder.js';
import { readCalendar } from '../yaml/readCalendar.js';
import { nodeSpan, parseYamlSafe, plainValue } from '../yaml/yamlSafe.js';
import { parseSimpleYaml } from './simpleYaml.js';

export interface FrontMatterResult {
  item?: Item;
  title?: string;
  planStart?: DayNumber;
  planCalendar?: CalendarSpec;
  planBudget?: { amount: number; range: Range };
}

/**
 * Reads a document's front matter (docs/format.md#document-items): with `id:` the whole file is an
 * item and the other keys are its attributes; without, `start`, `calendar` and `title`
 * describe the document as a plan.
 *
 * @param base offset of the YAML text within the file
 */
export function readFrontMatter(b: ItemBuilder, yamlText: string, base: number, fileEnd: number): FrontMatterResult {
  const out: FrontMatterResult = {};
  const simple = parseSimpleYaml(yamlText);
  const { doc, problems } = simple ? { doc: undefined, problems: [] } : parseYamlSafe(yamlText);
  // The first syntax error is the one to fix; the rest are usually its echoes.
  // YAML may point between the `\r` and `\n` of a CRLF break, which is no position in the editor.
  // And past the end of the YAML text it may point into its final line break: keep the range
  // on the last line that holds text.
  const contentEnd = yamlText.replace(/[\r\n]+$/, '').length;
  const inLine = (o: number): number => (o > contentEnd ? contentEnd : yamlText[o - 1] === '\r' && yamlText[o] === '\n' ? o - 1 : o);
  for (const p of problems.slice(0, 1)) b.invalid(base + inLine(p.start), base + inLine(p.end), `front matter is not valid YAML: ${p.message}`, 'schema.yaml');
  if (!simple && (!doc || problems.length > 0)) return out;
  const root = simple ?? doc?.contents ?? null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return out;
  if (!isMap(root)) {
    const span = nodeSpan(root) ?? [0, yamlText.length];
    b.invalid(base + span[0], base + span[1], 'front matter must be a mapping of keys to values');
    return out;
  }

  const span = (node: unknown, fallback: unknown): [number, number] => {
    const s = nodeSpan(node) ?? nodeSpan(fallback) ?? [0, 0];
    return [base + s[0], base + s[1]];
  };

  // The id decides what every other key means, so read it first.
  const idPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'id');
  if (idPair) {
    const [s, e] = span(idPair.value, idPair.key);
    const raw = isScalar(idPair.value) ? String(idPair.value.value ?? '').trim() : '';
    const kind = isIdShape(raw) ? b.kindOf(raw) : undefined;
    if (!isIdShape(raw)) {
      b.invalid(s, e, `id must be an ID such as FEAT-1, got "${raw.slice(0, 40)}"`);
    } else if (!kind) {
      b.invalid(s, e, `id ${raw} has a prefix that is not an item kind; known prefixes: ${[...b.config.prefixes.keys()].join(', ')}`);
    } else {
      const offset = isScalar(idPair.value) && idPair.value.type !== 'PLAIN' ? 1 : 0;
      out.item = b.createItem({ id: raw, kind, form: 'document', idStart: s + offset, idEnd: s + offset + raw.length, start: 0, end: fileEnd, title: '', section: [] });
    }
  }

  // Index loop and no destructuring: a check runs this before V8 optimises it, and
  // unoptimised `for…of` and destructuring allocate an iterator result per step.
  for (let i = 0; i < root.items.length; i++) {
    const pair = root.items[i]!;
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
    if (key === 'id') continue;
    const keySpan = span(pair.key, pair.value);
    const valueSpan = span(pair.value, pair.key);
    const ks = keySpan[0];
    const ke = keySpan[1];
    const vs = valueSpan[0];
    const ve = valueSpan[1];
    const value = pair.value;
    if (key === 'calendar') {
      const cal = readCalendar(value, (node, message) => { const [s, e] = span(node, value ?? pair.key); b.invalid(s, e, message); });
      if (cal.workdays || cal.holidays) out.planCalendar = cal;
      continue;
    }
    if (key === 'start' && (!out.item || out.item.kind !== 'task')) {
      const result = parseValue('start', plainValue(value));
      if (result.ok) out.planStart = result.value;
      else b.invalid(vs, ve, `start ${result.message}`);
      continue;
    }
    if (key === 'budget' && !out.item) {
      // A plan document's budget: the planned cost of its tasks is compared with it.
      const raw = plainValue(value);
      if (raw === null || raw === undefined || raw === '') continue;
      const result = parseValue('budget', raw);
      const money = result.ok ? (result.value as Money) : undefined;
      if (!result.ok) b.invalid(vs, ve, `budget: ${result.message}`);
      else if (money && money.currency !== undefined && money.currency !== b.config.currency) {
        b.invalid(vs, ve, b.config.currency
          ? `budget is in ${money.currency}, but the workspace currency is ${b.config.currency}`
          : `budget names a currency; set "currency: ${money.currency}" in .specline.yml to use one`);
      } else if (money) out.planBudget = { amount: money.amount, range: b.range(vs, ve) };
      continue;
    }
    if (key === 'title' && isScalar(value) && value.value !== null) out.title = String(value.value).trim();
    if (!out.item) continue;
    const spans: Array<[number, number]> = isSeq(value)
      ? value.items.map((i) => span(i, value))
      : [[vs, ve]];
    b.setAttribute(out.item, key, { value: plainValue(value), start: vs, end: ve, spans, keyStart: ks, keyEnd: ke });
  }
  return out;
}
