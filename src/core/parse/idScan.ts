import { idPrefix, idRegexGlobal } from '../model/ids.js';
import type { ItemKind } from '../model/types.js';

export interface IdMatch {
  id: string;
  kind: ItemKind;
  start: number;
  end: number;
}

/** Link destinations and angle autolinks are skipped: `[T-1](plan.md#T-1)` names T-1 once. */
const LINK_DEST = /\]\([^)]*\)|<[^>\s]*>/g;

/**
 * IDs with a known prefix in `text[start, end)`, with absolute offsets. Tokens of ID shape
 * with an unknown prefix are plain text (docs/format.md#ids-and-kinds) and returned separately for messages.
 */
export function scanIds(text: string, start: number, end: number, prefixes: ReadonlyMap<string, ItemKind>): { ids: IdMatch[]; unknownPrefix: string[] } {
  const slice = text.slice(start, end);
  const masked = slice.includes('](') || slice.includes('<') ? slice.replace(LINK_DEST, (m) => ' '.repeat(m.length)) : slice;
  const ids: IdMatch[] = [];
  const unknownPrefix: string[] = [];
  for (const m of masked.matchAll(idRegexGlobal())) {
    const kind = prefixes.get(idPrefix(m[0]));
    if (kind) ids.push({ id: m[0], kind, start: start + m.index, end: start + m.index + m[0].length });
    else unknownPrefix.push(m[0]);
  }
  return { ids, unknownPrefix };
}

/** True when the text mentions at least one ID with a known prefix (a cheap pre-filter). */
export function hasKnownId(text: string, prefixes: ReadonlyMap<string, ItemKind>): boolean {
  for (const m of text.matchAll(idRegexGlobal())) if (prefixes.has(idPrefix(m[0]))) return true;
  return false;
}
