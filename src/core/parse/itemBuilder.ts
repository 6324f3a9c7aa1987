import type { SpeclineConfig } from '../model/configTypes.js';
import { formatCount } from '../model/formatCount.js';
import type { LineIndex } from '../model/lineIndex.js';
import { MAX_IDS_PER_LIST, MAX_NAMED_IN_MESSAGE } from '../model/limits.js';
import type { AttributeKey, Diagnostic, FilePath, Item, ItemForm, ItemKind, LinkKey, Measure, Money, Range, RawAttribute, Reference } from '../model/types.js';
import { attributeKey, isLinkKey, LINK_TARGETS } from './attributeKeys.js';
import { scanIds } from './idScan.js';
import { plainInline } from './inlineText.js';
import { clip, FEATURE_IMPACT, isValueKey, parseOwners, parseValue } from '../model/valueSchemas.js';

/** Custom-field names that must never become object keys. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Words that mean "no links" in an ID list. */
const EMPTY_WORDS = /^(?:none|n\/a|na|-|\u2014|\u2013|tbd|\[\s*\])?$/i;

/** One written value: where it is and what it says. */
export interface WrittenValue {
  /** The value as YAML gives it, or the plain text of a Markdown value. */
  value: unknown;
  /** Offsets of the whole value. */
  start: number;
  end: number;
  /** Offsets to scan for IDs (each list entry, or the whole value). */
  spans: Array<[number, number]>;
  /** Offsets of the key, when written beside the value. */
  keyStart?: number;
  keyEnd?: number;
}

/**
 * Builds the items of one file: applies attributes with validation and records
 * diagnostics with exact ranges. One builder per parse; no shared state.
 */
export class ItemBuilder {
  readonly items: Item[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Offsets of IDs already accounted for (definitions, links), so prose scanning skips them. */
  readonly claimed = new Set<number>();

  constructor(
    readonly file: FilePath,
    readonly text: string,
    readonly lines: LineIndex,
    readonly config: SpeclineConfig,
  ) {}

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }

  kindOf(id: string): ItemKind | undefined {
    return this.config.prefixes.get(id.slice(0, id.indexOf('-')));
  }

  invalid(start: number, end: number, message: string, code: 'schema.invalid' | 'schema.yaml' = 'schema.invalid', item?: string): void {
    this.diagnostics.push({
      file: this.file,
      range: this.range(start, Math.max(end, start)),
      severity: 'error',
      code,
      message,
      related: [],
      ...(item ? { data: { item } } : {}),
    });
  }

  createItem(init: { id: string; kind: ItemKind; form: ItemForm; idStart: number; idEnd: number; start: number; end: number; title: string; section: string[]; parent?: string; checked?: boolean }): Item {
    // Every field is present from the start (undefined when unset) so that all items share
    // one hidden class: the analysis reads these fields for every item on every keystroke.
    const item: Item = {
      id: init.id,
      kind: init.kind,
      form: init.form,
      file: this.file,
      idRange: this.range(init.idStart, init.idEnd),
      range: this.range(init.start, init.end),
      title: init.title,
      section: init.section,
      parent: init.parent,
      checked: init.checked,
      attributes: {},
      custom: {},
      links: { goals: undefined, features: undefined, after: undefined, milestone: undefined, personas: undefined, mitigation: undefined, affects: undefined },
      status: undefined,
      start: undefined,
      end: undefined,
      date: undefined,
      target: undefined,
      duration: undefined,
      owners: [],
      allocation: undefined,
      progress: undefined,
      priority: undefined,
      horizon: undefined,
      metric: undefined,
      probability: undefined,
      impact: undefined,
      mitigationText: undefined,
      budget: undefined,
      cost: undefined,
      spent: undefined,
      metricBaseline: undefined,
      metricTarget: undefined,
      metricCurrent: undefined,
      reach: undefined,
      riceImpact: undefined,
      confidence: undefined,
      effort: undefined,
    };
    this.claimed.add(init.idStart);
    this.items.push(item);
    return item;
  }

  /**
   * Applies one `key: value`. Unknown keys become custom fields; a value that does not
   * fit its key is a `schema.invalid` diagnostic on the value and leaves the field unset.
   */
  setAttribute(item: Item, writtenKey: string, written: WrittenValue): void {
    const key = attributeKey(writtenKey);
    if (!key) {
      const name = writtenKey.trim();
      if (RESERVED_KEYS.has(name)) {
        this.invalid(written.keyStart ?? written.start, written.keyEnd ?? written.end, `"${name}" is a reserved name and cannot be a field`, 'schema.invalid', item.id);
        return;
      }
      if (name) item.custom[name] = displayText(written.value);
      return;
    }
    if (item.attributes[key]) {
      // The first value wins, as in a table read left to right; a second one is a mistake worth telling.
      this.invalid(written.keyStart ?? written.start, written.keyEnd ?? written.end, `${item.id} sets ${key} twice; the first value is used`, 'schema.invalid', item.id);
      return;
    }
    const attribute: RawAttribute = { key, writtenKey, text: displayText(written.value), range: this.range(written.start, written.end) };
    if (written.keyStart !== undefined) attribute.keyRange = this.range(written.keyStart, written.keyEnd ?? written.keyStart);
    item.attributes[key] = attribute;
    if (isLinkKey(key)) this.setLinks(item, key, written);
    else if (key === 'owner') this.setOwners(item, written);
    else if (isValueKey(key)) this.setValue(item, key, written);
  }

  private setValue(item: Item, key: AttributeKey & Parameters<typeof parseValue>[0], written: WrittenValue): void {
    if (isBlank(written.value)) return;
    const name = KEY_NAMES[key] ?? key;
    const fail = (text: string): void => {
      // Messages that already name the key need no prefix ("unknown priority …").
      const message = text.includes(name) ? text : `${name}: ${text}`;
      this.invalid(written.start, written.end, `${item.id}: ${message}`, 'schema.invalid', item.id);
    };
    if (key === 'impact' && item.kind === 'feature') {
      // `impact` is a risk's level but a feature's RICE input: the item's kind decides.
      const rice = FEATURE_IMPACT.safeParse(written.value);
      if (rice.success) item.riceImpact = rice.data;
      else fail(rice.error.issues[0]?.message ?? 'impact of a feature is massive, high, medium, low, minimal or a number');
      return;
    }
    const result = parseValue(key, written.value);
    if (!result.ok) {
      fail(result.message);
      return;
    }
    const v = result.value;
    switch (key) {
      case 'title': if (typeof v === 'string' && v) item.title = plainInline(v); break;
      case 'metric': item.metric = v as string; break;
      case 'start': item.start = v as number; break;
      case 'end': item.end = v as number; break;
      case 'date': item.date = v as number; break;
      case 'target': item.target = v as number; break;
      case 'duration': item.duration = v as Item['duration']; break;
      case 'allocation': item.allocation = v as number; break;
      case 'progress': item.progress = v as number; break;
      case 'status': item.status = v as Item['status']; break;
      case 'priority': item.priority = v as Item['priority']; break;
      case 'horizon': item.horizon = v as Item['horizon']; break;
      case 'probability': item.probability = v as Item['probability']; break;
      case 'impact': item.impact = v as Item['impact']; break;
      case 'budget': case 'cost': case 'spent': {
        const money = v as Money;
        const expected = this.config.currency;
        if (money.currency !== undefined && money.currency !== expected) {
          fail(expected
            ? `${clip(displayText(written.value))} is in ${money.currency}, but the workspace currency is ${expected}`
            : `${clip(displayText(written.value))} names a currency; set "currency: ${money.currency}" in .specline.yml to use one`);
          return;
        }
        item[key] = money.amount;
        break;
      }
      case 'metricBaseline': case 'metricTarget': case 'metricCurrent': {
        const measure = v as Measure;
        // The three values of one metric are compared with each other, so they must share a unit.
        for (const other of ['metricBaseline', 'metricTarget', 'metricCurrent'] as const) {
          const known = item[other];
          if (other === key || !known || known.unit === measure.unit) continue;
          fail(`${clip(displayText(written.value))} is in ${unitName(measure.unit)}, but ${KEY_NAMES[other]} is in ${unitName(known.unit)}; a metric's baseline, target and current use one unit`);
          return;
        }
        item[key] = measure;
        break;
      }
      case 'reach': item.reach = v as number; break;
      case 'confidence': item.confidence = v as number; break;
      case 'effort': item.effort = v as number; break;
    }
  }

  private setOwners(item: Item, written: WrittenValue): void {
    if (isBlank(written.value)) return;
    const result = parseOwners(written.value);
    if (!result.ok) this.invalid(written.start, written.end, `${item.id}: ${result.message}`, 'schema.invalid', item.id);
    else item.owners = result.value;
  }

  private setLinks(item: Item, key: LinkKey, written: WrittenValue): void {
    const refs: Reference[] = [];
    const unknownPrefix: string[] = [];
    let dropped = 0;
    // Index loops: a check runs most of this before V8 optimises it, and unoptimised
    // `for…of` and destructuring allocate an iterator result per step.
    for (let k = 0; k < written.spans.length; k++) {
      const span = written.spans[k]!;
      const found = scanIds(this.text, span[0], span[1], this.config.prefixes);
      for (let u = 0; u < found.unknownPrefix.length && unknownPrefix.length < MAX_NAMED_IN_MESSAGE; u++) unknownPrefix.push(found.unknownPrefix[u]!);
      for (let j = 0; j < found.ids.length; j++) {
        const m = found.ids[j]!;
        // Every ID of the value is claimed (none becomes a prose mention), but only the first
        // MAX_IDS_PER_LIST are links: the rest is counted, not stored.
        this.claimed.add(m.start);
        if (refs.length < MAX_IDS_PER_LIST) refs.push({ id: m.id, file: this.file, range: this.range(m.start, m.end), key, from: item.id });
        else dropped++;
      }
    }
    if (dropped > 0) {
      this.invalid(written.start, written.end, `${item.id}: ${key} lists ${formatCount(refs.length + dropped)} IDs; only the first ${formatCount(MAX_IDS_PER_LIST)} are read`, 'schema.invalid', item.id);
    }
    if (refs.length > 0) {
      item.links[key] = refs;
      return;
    }
    const textValue = displayText(written.value);
    if (key === 'mitigation') {
      if (textValue && !EMPTY_WORDS.test(textValue)) item.mitigationText = plainInline(textValue);
      return;
    }
    if (EMPTY_WORDS.test(textValue)) return;
    const expected = LINK_TARGETS[key];
    const kinds = expected ?? ['goal', 'feature', 'task', 'milestone', 'risk', 'persona'];
    const examples = kinds.map((k) => [...this.config.prefixes].find(([, kind]) => kind === k)?.[0]).filter(Boolean).map((p) => `${p}-1`);
    const message = unknownPrefix.length > 0
      ? `${item.id}: ${key} names ${clip(unknownPrefix.join(', '))}, whose prefix is not an item kind; expected IDs such as ${examples.join(', ')}`
      : `${item.id}: ${key} expects IDs such as ${examples.join(', ')}, got "${clip(textValue)}"`;
    this.invalid(written.start, written.end, message, 'schema.invalid', item.id);
  }
}

/** How keys whose canonical name is not what users write are named in messages. */
const KEY_NAMES: Partial<Record<AttributeKey, string>> = { metricBaseline: 'metric baseline', metricTarget: 'metric target', metricCurrent: 'metric current' };

function unitName(unit: string): string {
  return unit ? `"${unit}"` : 'no unit';
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** A value as one line of text: lists joined with ", ". */
export function displayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(displayText).filter(Boolean).join(', ');
  if (typeof value === 'symbol') return '';
  return String(value).trim();
}
