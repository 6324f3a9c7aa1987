import type { Analysis } from '../analysis/types.js';
import type { Diagnostic, FilePath, Item, ItemKind, Reference } from '../model/types.js';
import { ITEM_KINDS } from '../model/types.js';
import { idPrefix } from '../model/ids.js';
import { ownerKey } from '../render/text.js';
import { compareIdsNatural } from './idOrder.js';

/**
 * Indexes the `Analysis` does not carry but the editor features need on every keystroke:
 * items by kind, references by ID, diagnostics by item, owners in use, the highest number
 * per prefix, the tasks of each milestone and the features of each persona.
 *
 * Each index is built on first use and kept in a `WeakMap` keyed by the analysis: an
 * analysis is immutable once built, so a cached index can never go stale, and it is
 * garbage-collected with its analysis. This is a cache, not shared state: every function
 * still answers from its inputs alone.
 */
interface Cache {
  byKind?: Record<ItemKind, Item[]>;
  references?: Map<string, Reference[]>;
  diagnostics?: Map<string, Diagnostic[]>;
  owners?: Array<{ owner: string; count: number }>;
  maxNumber?: Map<string, number>;
  milestoneTasks?: Map<string, string[]>;
  personaFeatures?: Map<string, string[]>;
}

const caches = new WeakMap<Analysis, Cache>();

function cacheOf(analysis: Analysis): Cache {
  let cache = caches.get(analysis);
  if (!cache) {
    cache = {};
    caches.set(analysis, cache);
  }
  return cache;
}

/** First definitions of one kind, in natural ID order. */
export function itemsOfKind(analysis: Analysis, kind: ItemKind): readonly Item[] {
  const cache = cacheOf(analysis);
  if (!cache.byKind) {
    const byKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, [] as Item[]])) as Record<ItemKind, Item[]>;
    for (const item of analysis.items.values()) byKind[item.kind].push(item);
    for (const k of ITEM_KINDS) byKind[k].sort((a, b) => compareIdsNatural(a.id, b.id));
    cache.byKind = byKind;
  }
  return cache.byKind[kind];
}

/** Every link and prose mention of an ID across the workspace (definitions excluded), in file order. */
export function referencesTo(analysis: Analysis, id: string): readonly Reference[] {
  const cache = cacheOf(analysis);
  if (!cache.references) {
    const map = new Map<string, Reference[]>();
    for (const f of analysis.files.values()) {
      for (const ref of f.references) {
        const list = map.get(ref.id);
        if (list) list.push(ref);
        else map.set(ref.id, [ref]);
      }
    }
    cache.references = map;
  }
  return cache.references.get(id) ?? [];
}

/**
 * The final diagnostics about one item ID (all its definitions). A diagnostic belongs to the
 * item its `data.item` names; one without that hint belongs to the innermost item whose
 * range holds the diagnostic's start.
 */
export function diagnosticsOf(analysis: Analysis, id: string): readonly Diagnostic[] {
  const cache = cacheOf(analysis);
  if (!cache.diagnostics) {
    const map = new Map<string, Diagnostic[]>();
    const add = (key: string, d: Diagnostic): void => {
      const list = map.get(key);
      if (list) list.push(d);
      else map.set(key, [d]);
    };
    for (const d of analysis.diagnostics) {
      const named = typeof d.data?.item === 'string' ? d.data.item : undefined;
      const owner = named ?? innermostItem(analysis, d.file, d.range.start.line, d.range.start.character)?.id;
      if (owner) add(owner, d);
    }
    cache.diagnostics = map;
  }
  return cache.diagnostics.get(id) ?? [];
}

/** The innermost item of a file whose range holds a position. */
export function innermostItem(analysis: Analysis, file: FilePath, line: number, character: number): Item | undefined {
  let best: Item | undefined;
  for (const item of analysis.files.get(file)?.items ?? []) {
    const { start, end } = item.range;
    const after = line > start.line || (line === start.line && character >= start.character);
    const before = line < end.line || (line === end.line && character <= end.character);
    if (!after || !before) continue;
    if (!best || start.line > best.range.start.line || (start.line === best.range.start.line && start.character >= best.range.start.character)) best = item;
  }
  return best;
}

/** `@owners` used anywhere in the workspace, most used first (ties by name). */
export function ownersInUse(analysis: Analysis): ReadonlyArray<{ owner: string; count: number }> {
  const cache = cacheOf(analysis);
  if (!cache.owners) {
    const counts = new Map<string, { owner: string; count: number }>();
    for (const item of analysis.items.values()) {
      for (const owner of item.owners) {
        const key = ownerKey(owner);
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { owner, count: 1 });
      }
    }
    cache.owners = [...counts.values()].sort((a, b) => b.count - a.count || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  }
  return cache.owners;
}

/** The highest first number among IDs defined with this prefix (0 when none). */
export function maxIdNumber(analysis: Analysis, prefix: string): number {
  const cache = cacheOf(analysis);
  if (!cache.maxNumber) {
    const map = new Map<string, number>();
    for (const id of analysis.definitions.keys()) {
      const p = idPrefix(id);
      const n = Number(/^[^-]*-(\d+)/.exec(id)?.[1] ?? Number.NaN);
      if (Number.isFinite(n) && n > (map.get(p) ?? 0)) map.set(p, n);
    }
    cache.maxNumber = map;
  }
  return cache.maxNumber.get(prefix) ?? 0;
}

/**
 * The tasks a milestone waits for, as `schedule.milestone-missed` sees them: its `after`
 * tasks, tasks naming it in `milestone:`, and the tasks of the features it names or that
 * name it. Natural ID order.
 */
export function milestoneTasks(analysis: Analysis, milestoneId: string): readonly string[] {
  const cache = cacheOf(analysis);
  if (!cache.milestoneTasks) {
    const sets = new Map<string, Set<string>>();
    const add = (m: string, task: string): void => {
      let set = sets.get(m);
      if (!set) sets.set(m, (set = new Set()));
      set.add(task);
    };
    const isKind = (id: string, kind: ItemKind): boolean => analysis.items.get(id)?.kind === kind;
    for (const item of analysis.items.values()) {
      if (item.kind === 'milestone') {
        for (const ref of item.links.after ?? []) if (isKind(ref.id, 'task')) add(item.id, ref.id);
      } else if (item.kind === 'task') {
        for (const ref of item.links.milestone ?? []) if (isKind(ref.id, 'milestone')) add(ref.id, item.id);
      }
    }
    for (const info of analysis.features.values()) {
      for (const m of info.milestones) for (const t of info.tasks) add(m, t);
    }
    cache.milestoneTasks = new Map([...sets].map(([m, set]) => [m, [...set].sort(compareIdsNatural)]));
  }
  return cache.milestoneTasks.get(milestoneId) ?? [];
}

/** The features that name a persona in `personas:`, in ID order. */
export function featuresOfPersona(analysis: Analysis, personaId: string): readonly string[] {
  const cache = cacheOf(analysis);
  if (!cache.personaFeatures) {
    const map = new Map<string, string[]>();
    for (const feature of itemsOfKind(analysis, 'feature')) {
      for (const ref of feature.links.personas ?? []) {
        const list = map.get(ref.id) ?? [];
        // Features come one at a time, so a repeat can only be the last entry: checking that
        // instead of the whole list keeps a persona named by 10,000 features linear.
        if (list[list.length - 1] !== feature.id) list.push(feature.id);
        map.set(ref.id, list);
      }
    }
    cache.personaFeatures = map;
  }
  return cache.personaFeatures.get(personaId) ?? [];
}
