import { idPrefix, idRegexGlobal } from '../model/ids.js';
import type { ItemKind } from '../model/types.js';
import { isSpace } from './isSpace.js';

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
  // `indexOf` finds the next `](` and `<` natively: most of a file is neither, and a loop over
  // every character ran unoptimised for most of a cold check.
  let link = text.indexOf('](');
  let angle = text.indexOf('<');
  for (let i = 0; link >= 0 || angle >= 0;) {
    if (link >= 0 && (angle < 0 || link < angle)) {
      if (nextParen !== -1 && nextParen < link + 2) nextParen = text.indexOf(')', link + 2);
      if (nextParen === -1) {
        i = link + 1;
      } else {
        out += text.slice(copied, link) + ' '.repeat(nextParen + 1 - link);
        copied = nextParen + 1;
        i = nextParen + 1;
      }
    } else {
      // Every `<` before the first `>` or space stops there too: scan that stretch once.
      let j = angle + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x3e && !isSpace(text.charCodeAt(j))) j++;
      if (j < text.length && text.charCodeAt(j) === 0x3e) {
        out += text.slice(copied, angle) + ' '.repeat(j + 1 - angle);
        copied = j + 1;
        i = j + 1;
      } else {
        ltStop = j;
        i = angle + 1;
      }
    }
    if (link >= 0 && link < i) link = text.indexOf('](', i);
    if (angle >= 0 && angle < Math.max(i, ltStop)) angle = text.indexOf('<', Math.max(i, ltStop));
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
