import type { Analysis } from '../analysis/types.js';
import { dateParts } from '../model/dates.js';
import { LineIndex } from '../model/lineIndex.js';
import type { FilePath, Item, ItemKind, Position, Range } from '../model/types.js';
import { ITEM_KINDS, STATUSES } from '../model/types.js';
import { LINK_TARGETS } from '../parse/attributeKeys.js';
import { ownerKey } from '../render/text.js';
import { itemsOfKind, ownersInUse } from './analysisIndex.js';
import { ATTRIBUTE_DOCS, attributeMarkdown, KIND_LABEL, PLAN_KEYS } from './attributeDocs.js';
import type { CompletionContext, IdCompletionContext, KeyCompletionContext, ValueCompletionContext } from './completionContext.js';
import { getCompletionContext } from './completionContext.js';
import { compareIdsNatural } from './idOrder.js';

export interface CompletionItem {
  label: string;
  kind: 'id' | 'key' | 'value';
  /** One line beside the label: an item's title and status, a key's value form. */
  detail: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** Orders the list (the label when absent); already in relevance order. */
  sortText: string;
  /** What to insert when it differs from the label (`goals: `). */
  insertText?: string;
  /** What the editor filters on when it differs from the label (an ID and its title). */
  filterText?: string;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The text the chosen item replaces (what is typed of the token so far). */
  replaceRange: Range;
  /** True when the list was capped: ask again as the user types more. */
  isIncomplete: boolean;
}

/** An editor list longer than this is noise; the rest comes as the user types more. */
export const MAX_ID_COMPLETIONS = 500;

/**
 * Completions at a position of a (possibly unsaved) document:
 * - IDs in link attributes, of the kinds the key expects (`goals:` → goals, `after:` →
 *   tasks and milestones), without the IDs already in the value and the item itself; same
 *   file first, then in ID order; detail = title · status;
 * - keys that apply to the item's kind, at a key position;
 * - values for status, priority, horizon (now/next/later and the four quarters from the
 *   one holding `analysis.today`), probability, impact, and the `@owners` in use.
 *
 * Returns undefined where nothing is being typed that Specline knows (see
 * `getCompletionContext`), so the editor's other providers can answer.
 */
export function getCompletions(analysis: Analysis, file: FilePath, text: string, position: Position): CompletionResult | undefined {
  const context = getCompletionContext(text, position, analysis.config.prefixes, new LineIndex(text));
  return context && completionsFor(analysis, file, context);
}

/** Completions for a context already computed (the adapter may reuse one). */
export function completionsFor(analysis: Analysis, file: FilePath, context: CompletionContext): CompletionResult {
  switch (context.type) {
    case 'id': return idCompletions(analysis, file, context);
    case 'key': return { items: keyCompletions(context), replaceRange: context.replaceRange, isIncomplete: false };
    case 'value': return { items: valueCompletions(analysis, context), replaceRange: context.replaceRange, isIncomplete: false };
  }
}

function idCompletions(analysis: Analysis, file: FilePath, context: IdCompletionContext): CompletionResult {
  const kinds: readonly ItemKind[] = LINK_TARGETS[context.key] ?? ITEM_KINDS;
  const skip = new Set(context.existing);
  if (context.item) skip.add(context.item);
  const typed = context.typed.toLowerCase();
  const sameFile: Item[] = [];
  const others: Item[] = [];
  for (const kind of kinds) {
    for (const item of itemsOfKind(analysis, kind)) {
      if (skip.has(item.id)) continue;
      if (typed && !matchesTyped(item, typed)) continue;
      (item.file === file ? sameFile : others).push(item);
    }
  }
  // Each kind's list is already in ID order; with several kinds, merge them.
  if (kinds.length > 1) {
    sameFile.sort((a, b) => compareIdsNatural(a.id, b.id));
    others.sort((a, b) => compareIdsNatural(a.id, b.id));
  }
  const all = sameFile.concat(others);
  const shown = all.slice(0, MAX_ID_COMPLETIONS);
  const width = String(shown.length).length;
  const items = shown.map((item, i): CompletionItem => ({
    label: item.id,
    kind: 'id',
    detail: [item.title, item.status].filter(Boolean).join(' · '),
    documentation: `${KIND_LABEL[item.kind]} in ${item.file}, line ${item.idRange.start.line + 1}`,
    sortText: String(i).padStart(width, '0'),
    filterText: item.title ? `${item.id} ${item.title}` : item.id,
  }));
  return { items, replaceRange: context.replaceRange, isIncomplete: all.length > shown.length };
}

/** The typed text is a prefix of the ID, or a subsequence of `ID title` (the editor filters the same way). */
function matchesTyped(item: Item, typed: string): boolean {
  if (item.id.toLowerCase().startsWith(typed)) return true;
  const hay = `${item.id} ${item.title}`.toLowerCase();
  let i = 0;
  for (const c of typed) {
    i = hay.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

function keyCompletions(context: KeyCompletionContext): CompletionItem[] {
  const has = new Set(context.existing);
  const insert = (key: string): string | undefined => (context.colonFollows ? undefined : `${key}: `);
  if (context.plan) {
    return PLAN_KEYS.filter((k) => !has.has(k.key)).map((k, i) => ({
      label: k.key, kind: 'key', detail: 'plan front matter', documentation: k.doc, sortText: String(i).padStart(2, '0'),
      ...(insert(k.key) ? { insertText: insert(k.key)! } : {}),
    }));
  }
  const kind = context.itemKind;
  return ATTRIBUTE_DOCS
    .filter((d) => !has.has(d.key) && (!kind || d.appliesTo.includes(kind)))
    .map((d, i): CompletionItem => ({
      label: d.written ?? d.key,
      kind: 'key',
      detail: d.value,
      documentation: attributeMarkdown(d),
      sortText: String(i).padStart(2, '0'),
      ...(insert(d.written ?? d.key) ? { insertText: insert(d.written ?? d.key)! } : {}),
    }));
}

const PRIORITIES: ReadonlyArray<[string, string]> = [
  ['must', 'P0: without it the release fails'], ['should', 'P1: important, not vital'], ['could', 'P2: nice to have'], ['wont', 'P3: not this time'],
  ['P0', 'must'], ['P1', 'should'], ['P2', 'could'], ['P3', 'wont'],
];
const STATUS_DOCS: Readonly<Record<string, string>> = {
  draft: 'being written', proposed: 'up for review', approved: 'agreed, not started', todo: 'planned, not started',
  'in-progress': 'being worked on', blocked: 'waiting on something', done: 'finished', dropped: 'will not be done',
};
const LEVELS = ['low', 'medium', 'high'];
const RICE_IMPACTS: ReadonlyArray<[string, string]> = [['massive', '3'], ['high', '2'], ['medium', '1'], ['low', '0.5'], ['minimal', '0.25']];

function valueCompletions(analysis: Analysis, context: ValueCompletionContext): CompletionItem[] {
  const list = (values: ReadonlyArray<[string, string]>): CompletionItem[] =>
    values.map(([label, detail], i) => ({ label, kind: 'value', detail, sortText: String(i).padStart(2, '0') }));
  switch (context.key) {
    case 'status': return list(STATUSES.map((s) => [s, STATUS_DOCS[s] ?? '']));
    case 'priority': return list(PRIORITIES);
    case 'probability': return list(LEVELS.map((l) => [l, context.key]));
    // A feature's impact is a RICE input; anything else's is a risk level.
    case 'impact': return context.itemKind === 'feature' ? list(RICE_IMPACTS) : list(LEVELS.map((l) => [l, context.key]));
    case 'horizon': return list(horizonValues(analysis.today));
    case 'owner': {
      const taken = new Set(context.existing.map(ownerKey));
      const owners = ownersInUse(analysis).filter((o) => !taken.has(ownerKey(o.owner)));
      const width = String(owners.length).length;
      return owners.map((o, i) => ({
        label: o.owner, kind: 'value', detail: `owns ${o.count} item${o.count === 1 ? '' : 's'}`, sortText: String(i).padStart(width, '0'),
        // The `@` may already be typed, and editors treat it as a word boundary.
        filterText: o.owner,
      }));
    }
  }
}

/** now, next, later, then the quarter holding `today` and the three after it. */
function horizonValues(today: number): Array<[string, string]> {
  const { year, month } = dateParts(today);
  const out: Array<[string, string]> = [['now', 'being worked on now (no date)'], ['next', 'after the current work (no date)'], ['later', 'some day (no date)']];
  let q = Math.floor((month - 1) / 3) + 1;
  let y = year;
  for (let i = 0; i < 4; i++) {
    const lastMonth = ['March', 'June', 'September', 'December'][q - 1]!;
    out.push([`${y}-Q${q}`, `ends ${lastMonth} ${y}`]);
    if (++q > 4) { q = 1; y++; }
  }
  return out;
}
