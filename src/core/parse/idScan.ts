import { idPrefix, idRegexGlobal } from '../model/ids.js';
import type { ItemKind } from '../model/types.js';

export interface IdMatch {
  id: string;
  kind: ItemKind;
  start: number;
  end: number;
}

/**
 * `text` with link destinations (`](…)`) and angle autolinks (`<…>` without spaces) blanked,
 * so `[T-1](plan.md#T-1)` names T-1 once. A hand-written scan, linear in the text: the
 * regex it replaces rescanned to the end of the text from every unclosed `](` or `<`.
 */
export function maskLinkDestinations(text: string): string {
  let out = '';
  let copied = 0;
  /** Index of the next `)` at or after the scan position (-1: none left). */
  let nextParen = -2;
  /** A `<` before this index has no `>` before a space. */
  let ltStop = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5d && text.charCodeAt(i + 1) === 0x28) {
      if (nextParen !== -1 && nextParen < i + 2) nextParen = text.indexOf(')', i + 2);
      if (nextParen === -1) continue;
      out += text.slice(copied, i) + ' '.repeat(nextParen + 1 - i);
      copied = nextParen + 1;
      i = nextParen;
    } else if (c === 0x3c && i >= ltStop) {
      // Every `<` before the first `>` or space stops there too: scan that stretch once.
      let j = i + 1;
      while (j < text.length && text[j] !== '>' && !/\s/.test(text[j]!)) j++;
      if (j < text.length && text[j] === '>') {
        out += text.slice(copied, i) + ' '.repeat(j + 1 - i);
        copied = j + 1;
        i = j;
      } else {
        ltStop = j;
      }
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * IDs with a known prefix in `text[start, end)`, with absolute offsets. Tokens of ID shape
 * with an unknown prefix are plain text (docs/format.md#ids-and-kinds) and returned separately for messages.
 */
export function scanIds(text: string, start: number, end: number, prefixes: ReadonlyMap<string, ItemKind>, skip?: ReadonlySet<number>): { ids: IdMatch[]; unknownPrefix: string[] } {
  const slice = text.slice(start, end);
  const masked = slice.includes('](') || slice.includes('<') ? maskLinkDestinations(slice) : slice;
  const ids: IdMatch[] = [];
  const unknownPrefix: string[] = [];
  const re = ID_SCAN;
  re.lastIndex = 0;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    // Offsets in `skip` (IDs already accounted for) are passed over before anything is made of them.
    if (skip !== undefined && skip.has(start + m.index)) continue;
    const id = m[0];
    const kind = prefixes.get(idPrefix(id));
    if (kind) ids.push({ id, kind, start: start + m.index, end: start + m.index + id.length });
    else unknownPrefix.push(id);
  }
  return { ids, unknownPrefix };
}

/** True when the text mentions at least one ID with a known prefix (a cheap pre-filter). */
export function hasKnownId(text: string, prefixes: ReadonlyMap<string, ItemKind>): boolean {
  const re = ID_SCAN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (prefixes.has(idPrefix(m[0]))) {
      re.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * One global ID regex for both scans. `matchAll` would copy a regex per call, which was a
 * visible share of a cold check; sharing is safe because each scan runs to its end (or
 * resets it) without calling out, and starts by resetting `lastIndex`.
 */
const ID_SCAN = idRegexGlobal();
