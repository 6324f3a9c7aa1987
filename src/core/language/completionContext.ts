import { idPrefix, idRegexGlobal } from '../model/ids.js';
import { LineIndex } from '../model/lineIndex.js';
import type { AttributeKey, ItemKind, LinkKey, Position, Range } from '../model/types.js';
import { attributeKey, isLinkKey, normalizeKey } from '../parse/attributeKeys.js';
import { scanIds } from '../parse/idScan.js';
import { plainInline } from '../parse/inlineText.js';
import {
  atxHeading, cellIndexAt, frontMatterEnd, indentOf, keyValueOf, leadingId, listEntryOf, splitTableRow, tableAt,
} from './textStructure.js';

/** Where the cursor is: front matter, a list attribute (`- key: value`) or a table cell. */
export type CompletionWhere = 'front-matter' | 'list' | 'table';

/** Keys whose values come from a fixed or workspace-wide set. */
export type ValueCompletionKey = 'status' | 'priority' | 'horizon' | 'probability' | 'impact' | 'owner';
const VALUE_KEYS: ReadonlySet<AttributeKey> = new Set<AttributeKey>(['status', 'priority', 'horizon', 'probability', 'impact', 'owner']);

interface ContextBase {
  where: CompletionWhere;
  /** What is already typed of the token being completed. */
  typed: string;
  /** The token a completion replaces (empty at the cursor when nothing is typed yet). */
  replaceRange: Range;
  /** The item whose attribute is being written, when the text names one. */
  item?: string;
  itemKind?: ItemKind;
}

/** An ID in a link attribute: `goals: [G-|`, `- after: T-1, |`, a `Depends on` cell. */
export interface IdCompletionContext extends ContextBase {
  type: 'id';
  key: LinkKey;
  /** IDs already written in this value (not offered again). */
  existing: string[];
}

/** An attribute key: a front-matter line start, or `- |` under an item. */
export interface KeyCompletionContext extends ContextBase {
  type: 'key';
  /** Canonical keys (or plan keys such as `calendar`) the item already has. */
  existing: string[];
  /** Front matter without `id`: a plan's keys (id, title, start, calendar). */
  plan: boolean;
  /** The key is already followed by its colon: insert the bare key. */
  colonFollows: boolean;
}

/** A value from a known set: status, priority, horizon, probability, impact, owners. */
export interface ValueCompletionContext extends ContextBase {
  type: 'value';
  key: ValueCompletionKey;
  /** Values already written (owners in a list). */
  existing: string[];
}

export type CompletionContext = IdCompletionContext | KeyCompletionContext | ValueCompletionContext;

/** How far up the owning item of an attribute list is looked for. */
const MAX_OWNER_SCAN = 200;
const ID_CHAR = /[A-Za-z0-9._-]/;
const VALUE_CHAR = /[@\p{L}\p{N}._-]/u;
const FRONT_MATTER_KEY = /^([A-Za-z_][\w -]*?)[ \t]*:(?=[ \t]|$)/;

/**
 * What is being typed at a position, read from the (possibly unsaved) text alone: the
 * analysis may lag behind the buffer by a keystroke, the text never does. The owning
 * item is found the way the parser would find it: the front matter's `id`, the list item
 * or heading above an attribute list, the ID cell of a table row.
 *
 * Returns undefined where nothing Specline knows is being typed (prose, code, unknown keys).
 *
 * @param prefixes `analysis.config.prefixes`
 */
export function getCompletionContext(text: string, position: Position, prefixes: ReadonlyMap<string, ItemKind>, lines: LineIndex = new LineIndex(text)): CompletionContext | undefined {
  if (position.line < 0 || position.line >= lines.lineCount) return undefined;
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd !== undefined && position.line <= fmEnd) {
    return position.line > 0 && position.line < fmEnd ? frontMatterContext(lines, fmEnd, position, prefixes) : undefined;
  }
  const line = lines.lineText(position.line);
  if (line.includes('|')) {
    const table = tableAt(lines, position.line);
    if (table) return position.line > table.delimiterLine ? tableContext(lines, table.headerLine, position, prefixes) : undefined;
  }
  const entry = listEntryOf(line);
  if (entry && entry.contentStart > entry.indent + entry.marker.length && position.character >= entry.contentStart) {
    return listContext(lines, position, entry.indent, entry.contentStart, prefixes);
  }
  return undefined;
}

interface Owner {
  item?: string;
  itemKind?: ItemKind;
}

function ownerOf(id: string | undefined, prefixes: ReadonlyMap<string, ItemKind>): Owner {
  const kind = id ? prefixes.get(idPrefix(id)) : undefined;
  return id && kind ? { item: id, itemKind: kind } : {};
}

function frontMatterContext(lines: LineIndex, fmEnd: number, position: Position, prefixes: ReadonlyMap<string, ItemKind>): CompletionContext | undefined {
  const line = lines.lineText(position.line);
  const ch = Math.min(position.character, line.length);
  let id: string | undefined;
  const keys: string[] = [];
  for (let l = 1; l < fmEnd; l++) {
    const m = FRONT_MATTER_KEY.exec(lines.lineText(l));
    if (!m) continue;
    if (m[1] === 'id') id = /^id:[ \t]*["']?([^"'\s#]+)/.exec(lines.lineText(l))?.[1];
    keys.push(attributeKey(m[1]!) ?? m[1]!);
  }
  const owner = ownerOf(id, prefixes);
  const plan = id === undefined;

  // `  - G-|`: an entry of a block list; its key is the nearest `key:` line above.
  const seq = /^([ \t]*)-(?:[ \t]+|$)/.exec(line);
  if (seq) {
    if (ch < seq[0].length || seq[0].length === seq[1]!.length + 1) return undefined;
    let keyLine = -1;
    for (let l = position.line - 1; l >= 1; l--) {
      const t = lines.lineText(l);
      if (t.trim() === '' || /^[ \t]*-(?:[ \t]|$)/.test(t)) continue;
      keyLine = /^[A-Za-z_][\w -]*?[ \t]*:[ \t]*(?:#.*)?$/.test(t) ? l : -1;
      break;
    }
    if (keyLine < 0) return undefined;
    const written = FRONT_MATTER_KEY.exec(lines.lineText(keyLine))![1]!;
    const others: string[] = [];
    for (let l = keyLine + 1; l < fmEnd; l++) {
      const t = lines.lineText(l);
      if (t.trim() !== '' && !/^[ \t]*-(?:[ \t]|$)/.test(t)) break;
      if (l !== position.line) others.push(t);
    }
    return contextForKey(written, 'front-matter', line, position.line, ch, seq[0].length, line.length, owner, others.join('\n'));
  }

  const kv = FRONT_MATTER_KEY.exec(line);
  if (kv) {
    const keyEnd = kv[1]!.length;
    if (ch <= keyEnd) {
      return { type: 'key', where: 'front-matter', typed: line.slice(0, ch), replaceRange: lineRange(position.line, 0, keyEnd), existing: keys.filter((k) => k !== (attributeKey(kv[1]!) ?? kv[1])), plan, colonFollows: true, ...owner };
    }
    const colon = kv[0].length;
    if (ch < colon) return undefined;
    const value = line.slice(colon, ch);
    // After a flow list's closing bracket nothing more can go in.
    if (value.includes('[') && value.lastIndexOf(']') > value.lastIndexOf('[')) return undefined;
    return contextForKey(kv[1]!, 'front-matter', line, position.line, ch, colon, line.length, owner);
  }

  // A key being typed at a line start.
  const before = line.slice(0, ch);
  if (/^[A-Za-z_]?[\w-]*$/.test(before) && !line.includes(':')) {
    const end = wordEnd(line, ch, /[\w-]/);
    return { type: 'key', where: 'front-matter', typed: before, replaceRange: lineRange(position.line, 0, end), existing: keys, plan, colonFollows: false, ...owner };
  }
  return undefined;
}

function listContext(lines: LineIndex, position: Position, indent: number, contentStart: number, prefixes: ReadonlyMap<string, ItemKind>): CompletionContext | undefined {
  const line = lines.lineText(position.line);
  const ch = Math.min(position.character, line.length);
  const content = line.slice(contentStart);
  if (leadingId(content) && prefixes.has(idPrefix(leadingId(content)!))) return undefined;
  const list = attributeListOwner(lines, position.line, indent, prefixes);
  if (!list) return undefined;
  const owner = ownerOf(list.item, prefixes);
  const kv = keyValueOf(content);
  if (kv) {
    const keyEnd = contentStart + kv.keyEnd;
    if (ch <= keyEnd) {
      const current = attributeKey(kv.key);
      return { type: 'key', where: 'list', typed: line.slice(contentStart, ch), replaceRange: lineRange(position.line, contentStart + kv.keyStart, keyEnd), existing: list.keys.filter((k) => k !== current), plan: false, colonFollows: true, ...owner };
    }
    if (ch <= contentStart + kv.colon) return undefined;
    return contextForKey(kv.key, 'list', line, position.line, ch, contentStart + kv.colon + 1, line.length, owner);
  }
  const before = line.slice(contentStart, ch);
  if (!/^(?:[A-Za-z][\w -]*)?$/.test(before) || content.includes(':')) return undefined;
  if (!owner.item) return undefined;
  return { type: 'key', where: 'list', typed: before, replaceRange: lineRange(position.line, contentStart, wordEnd(line, ch, /[\w-]/)), existing: list.keys, plan: false, colonFollows: false, ...owner };
}

/**
 * The item an attribute list at `indent` belongs to: the list item above with a smaller
 * indent (a nested list), or the heading above a top-level list whose entries are all
 * `key: value` (paragraphs may stand between). Undefined when the list is a list of
 * items, not attributes. `keys` are the sibling entries' keys.
 */
function attributeListOwner(lines: LineIndex, lineNo: number, indent: number, prefixes: ReadonlyMap<string, ItemKind>): { item?: string; keys: string[] } | undefined {
  const keys: string[] = [];
  const sibling = (t: string): boolean | undefined => {
    const e = listEntryOf(t);
    if (!e || e.indent !== indent) return undefined;
    const kv = keyValueOf(e.content);
    const lead = leadingId(e.content);
    if (!kv || (lead && prefixes.has(idPrefix(lead)))) return false;
    keys.push(attributeKey(kv.key) ?? kv.key);
    return true;
  };
  // Siblings below, for the keys already set.
  for (let l = lineNo + 1; l < lines.lineCount && l - lineNo < MAX_OWNER_SCAN; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    if (indentOf(t).length < indent || (indentOf(t).length === indent && !listEntryOf(t))) break;
    if (sibling(t) === false) return undefined;
  }
  for (let l = lineNo - 1; l >= 0 && lineNo - l < MAX_OWNER_SCAN; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const e = listEntryOf(t);
    if (e) {
      if (e.indent < indent) {
        const id = leadingId(e.content);
        return id && prefixes.has(idPrefix(id)) ? { item: id, keys } : undefined;
      }
      if (e.indent === indent && sibling(t) === false) return undefined;
      continue;
    }
    const heading = atxHeading(t);
    if (heading) {
      const id = leadingId(heading.text);
      return indent < 4 && id && prefixes.has(idPrefix(id)) ? { item: id, keys } : undefined;
    }
    if (t.trimStart().startsWith('|') || t.trimStart().startsWith('```') || t.trimStart().startsWith('~~~')) return undefined;
    if (indentOf(t).length >= indent) continue;
    return undefined;
  }
  return undefined;
}

function tableContext(lines: LineIndex, headerLine: number, position: Position, prefixes: ReadonlyMap<string, ItemKind>): CompletionContext | undefined {
  const header = splitTableRow(lines.lineText(headerLine)).map((c) => plainInline(c.text));
  const idColumn = header.findIndex((h) => normalizeKey(h) === 'id');
  if (idColumn < 0) return undefined;
  const row = lines.lineText(position.line);
  const cells = splitTableRow(row);
  const index = cellIndexAt(cells, position.character);
  if (index < 0 || index >= header.length || index === idColumn) return undefined;
  const idCell = cells[idColumn];
  const id = idCell ? scanIds(idCell.text, 0, idCell.text.length, prefixes).ids[0]?.id : undefined;
  const cell = cells[index]!;
  return contextForKey(header[index]!, 'table', row, position.line, position.character, cell.start, cell.end, ownerOf(id, prefixes));
}

/**
 * The context for a value of `writtenKey` spanning `[valueStart, valueEnd)` of the line.
 * `elsewhere` is more text of the same value (other lines of a YAML block list).
 */
function contextForKey(writtenKey: string, where: CompletionWhere, line: string, lineNo: number, ch: number, valueStart: number, valueEnd: number, owner: Owner, elsewhere = ''): CompletionContext | undefined {
  const key = attributeKey(writtenKey);
  if (!key) return undefined;
  if (isLinkKey(key)) {
    const [s, e] = tokenAround(line, ch, ID_CHAR, valueStart, valueEnd);
    const existing: string[] = [];
    const value = line.slice(valueStart, valueEnd);
    for (const m of value.matchAll(idRegexGlobal())) {
      const start = valueStart + m.index;
      if (start + m[0].length <= s || start >= e) existing.push(m[0]);
    }
    for (const m of elsewhere.matchAll(idRegexGlobal())) existing.push(m[0]);
    return { type: 'id', key, where, typed: line.slice(s, ch), replaceRange: lineRange(lineNo, s, e), existing: [...new Set(existing)], ...owner };
  }
  if (!VALUE_KEYS.has(key)) return undefined;
  const [s, e] = tokenAround(line, ch, VALUE_CHAR, valueStart, valueEnd);
  const existing = key === 'owner'
    ? [...`${line.slice(valueStart, s)} ${line.slice(e, valueEnd)} ${elsewhere}`.matchAll(/@[\p{L}\p{N}_.-]+/gu)].map((m) => m[0])
    : [];
  return { type: 'value', key: key as ValueCompletionKey, where, typed: line.slice(s, ch), replaceRange: lineRange(lineNo, s, e), existing, ...owner };
}

/** The run of `chars` around `ch`, within `[min, max)`. */
function tokenAround(line: string, ch: number, chars: RegExp, min: number, max: number): [number, number] {
  let s = Math.min(Math.max(ch, min), max);
  let e = s;
  while (s > min && chars.test(line[s - 1]!)) s--;
  while (e < max && chars.test(line[e]!)) e++;
  return [s, e];
}

function wordEnd(line: string, ch: number, chars: RegExp): number {
  let e = ch;
  while (e < line.length && chars.test(line[e]!)) e++;
  return e;
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
