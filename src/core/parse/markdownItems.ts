import type { Heading, List, ListItem, Node as MdNode, Paragraph, Table } from 'mdast';
import { ID_SOURCE } from '../model/ids.js';
import type { Item, ItemKind, Range } from '../model/types.js';
import { normalizeKey } from './attributeKeys.js';
import type { TableData } from './fastTable.js';
import { scanIds } from './idScan.js';
import { plainInline } from './inlineText.js';
import { isSpace } from './isSpace.js';
import type { ItemBuilder } from './itemBuilder.js';

/** A top-level block with the offset of the segment it was parsed from. */
export interface Block {
  node: MdNode;
  base: number;
}

/**
 * `key: value` at the start of a list entry. Keys are words, spaces, `-` and `_`, at most 41
 * characters. What `^[ \t]*([A-Za-z][\w \t-]{0,40}?)[ \t]*:(?:[ \t]+|$)` matches, scanned by
 * hand: that regex retried its spaces 40 times over, so a long run of them cost 40× the line.
 *
 * @returns the key as written, its offset and the length of the whole `key: ` prefix
 */
export function matchKeyValue(raw: string): { key: string; keyAt: number; length: number } | undefined {
  let i = 0;
  while (raw[i] === ' ' || raw[i] === '\t') i++;
  const keyAt = i;
  if (!isLetter(raw.charCodeAt(i))) return undefined;
  let keyEnd = i + 1;
  let j = keyEnd;
  for (; j < raw.length; j++) {
    const c = raw.charCodeAt(j);
    if (c === 58 /* : */) break;
    const blank = c === 32 || c === 9;
    // [\w \t-]: letters, digits, `_`, `-` and blanks.
    if (!blank && !isLetter(c) && !(c >= 48 && c <= 57) && c !== 95 && c !== 45) return undefined;
    if (!blank) keyEnd = j + 1;
    if (keyEnd - keyAt > 41) return undefined;
  }
  if (j === raw.length) return undefined;
  let end = j + 1;
  if (end < raw.length && raw[end] !== ' ' && raw[end] !== '\t') return undefined;
  while (raw[end] === ' ' || raw[end] === '\t') end++;
  return { key: raw.slice(keyAt, keyEnd), keyAt, length: end };
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** An ID at the start of a heading or list text, after an optional checkbox and emphasis. */
const LEADING_ID = new RegExp(`^[ \\t]*(?:\\[[ xX]\\][ \\t]+)?[*_\`~]*(${ID_SOURCE})[*_\`~]*(?=[\\s:.,;)\\u2014\\u2013-]|$)`);
/** What separates an ID from its title: `G-1: Title`, `G-1 — Title`, `G-1 - Title`. */
export const TITLE_SEPARATOR = /^[*_`~]*[ \t]*(?:[:\u2014\u2013.]|-(?=\s))?[ \t]*/;

interface HeadingInfo {
  text: string;
  depth: number;
  start: number;
  end: number;
  item?: Item;
}

export interface MarkdownItemsResult {
  headings: Array<{ text: string; depth: number; range: Range }>;
  firstH1?: string;
}

/**
 * Finds heading, list and table items (heading, list and table forms: docs/format.md#defining-items) in the top-level blocks of
 * one document, in source order.
 */
export class MarkdownItems {
  private readonly headings: HeadingInfo[] = [];
  private readonly stack: HeadingInfo[] = [];
  /** The heading item still waiting for its attribute list. */
  private pendingHeading: Item | undefined;
  /** {@link section}'s answer until the next heading. */
  private sectionPath: string[] | undefined;

  constructor(private readonly b: ItemBuilder) {}

  /** True when the next list (if any) may be the pending heading item's attribute list. */
  get wantsAttributeList(): boolean {
    return this.pendingHeading !== undefined;
  }

  visit(block: Block): void {
    const { node, base } = block;
    switch (node.type) {
      case 'heading': {
        const h = node as Heading;
        this.heading(h.depth, base + h.position!.start.offset!, base + h.position!.end.offset!);
        break;
      }
      case 'list': this.topList(node as List, base); break;
      case 'table': this.table(tableData(node as Table, base)); break;
      case 'blockquote':
        for (const child of (node as unknown as { children: MdNode[] }).children) this.visit({ node: child, base });
        break;
      default: break;
    }
  }

  /** Closes heading sections once the whole document has been visited. */
  finish(fileEnd: number): MarkdownItemsResult {
    // A heading item spans to the next heading of the same or a higher level.
    for (let i = 0; i < this.headings.length; i++) {
      const h = this.headings[i]!;
      if (!h.item) continue;
      let end = fileEnd;
      for (let j = i + 1; j < this.headings.length; j++) {
        if (this.headings[j]!.depth <= h.depth) { end = this.headings[j]!.start; break; }
      }
      h.item.range = this.b.range(h.start, trimEnd(this.b.text, h.start, end));
    }
    const first = this.headings.find((h) => h.depth === 1);
    return {
      headings: this.headings.map((h) => ({ text: h.text, depth: h.depth, range: this.b.range(h.start, h.end) })),
      ...(first ? { firstH1: first.text } : {}),
    };
  }

  /** The heading path items are under; shared by the items of one section (none changes it). */
  private section(): string[] {
    return (this.sectionPath ??= this.stack.map((h) => h.text));
  }

  /**
   * A heading from its depth and source offsets (ATX or setext). Both the parser path and
   * the fast path for single-line ATX headings come through here, so the text is always
   * read from the source the same way.
   */
  heading(depth: number, start: number, end: number): void {
    const raw = this.b.text.slice(start, end);
    const atx = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(raw);
    let contentStart: number;
    let contentEnd: number;
    if (atx) {
      contentStart = start + atx[0].length;
      // A closing sequence of #s (after a space) is not part of the text.
      contentEnd = start + withoutClosingHashes(raw);
      if (contentEnd < contentStart) contentEnd = contentStart;
    } else {
      contentStart = start + (raw.length - raw.trimStart().length);
      const underline = Math.max(raw.lastIndexOf('\n'), 0);
      contentEnd = start + raw.slice(0, underline).trimEnd().length;
    }
    const text = plainInline(this.b.text.slice(contentStart, contentEnd));
    const info: HeadingInfo = { text, depth, start, end };
    while (this.stack.length && this.stack[this.stack.length - 1]!.depth >= depth) this.stack.pop();
    this.sectionPath = undefined;
    this.pendingHeading = undefined;
    const nl = this.b.text.indexOf('\n', contentStart);
    const firstLineEnd = Math.min(contentEnd, nl < 0 ? contentEnd : nl);
    const lead = this.leadingId(contentStart, firstLineEnd);
    if (lead) {
      const title = cleanTitle(this.b.text.slice(lead.end, firstLineEnd));
      info.item = this.b.createItem({ id: lead.id, kind: lead.kind, form: 'heading', idStart: lead.start, idEnd: lead.end, start, end, title, section: this.section() });
      this.pendingHeading = info.item;
    }
    this.headings.push(info);
    this.stack.push(info);
    this.sectionPath = undefined;
  }

  private leadingId(start: number, end: number): { id: string; kind: ItemKind; start: number; end: number } | undefined {
    const line = this.b.text.slice(start, end);
    const m = LEADING_ID.exec(line);
    if (!m) return undefined;
    const kind = this.b.kindOf(m[1]!);
    if (!kind) return undefined;
    const idStart = start + m[0].lastIndexOf(m[1]!);
    return { id: m[1]!, kind, start: idStart, end: idStart + m[1]!.length };
  }

  private topList(list: List, base: number): void {
    const owner = this.pendingHeading;
    this.pendingHeading = undefined;
    if (owner) {
      const entries = list.children;
      const pairs: Array<NonNullable<ReturnType<MarkdownItems['keyValueOf']>>> = [];
      for (let i = 0; i < entries.length; i++) {
        const kv = this.keyValueOf(entries[i]!, base);
        if (!kv) break;
        pairs.push(kv);
      }
      if (pairs.length === entries.length) {
        for (let i = 0; i < pairs.length; i++) this.applyKeyValue(owner, pairs[i]!);
        return;
      }
    }
    this.listItems(list, base, undefined);
  }

  /** Items of a list; `parent` is the enclosing item for nested lists. */
  private listItems(list: List, base: number, parent: Item | undefined): void {
    // Index loops throughout: a check runs most of this before V8 optimises it, and
    // unoptimised `for…of` and destructuring allocate an iterator result per step.
    for (let e = 0; e < list.children.length; e++) {
      const entry = list.children[e]!;
      const para = entry.children[0]?.type === 'paragraph' ? (entry.children[0] as Paragraph) : undefined;
      let item: Item | undefined;
      if (para) {
        const pStart = base + para.position!.start.offset!;
        const pEnd = base + para.position!.end.offset!;
        // The checkbox sits before the paragraph in some positions and inside it in others.
        const lineStart = this.b.text.lastIndexOf('\n', pStart - 1) + 1;
        const entryStart = Math.max(lineStart, base + entry.position!.start.offset!);
        const nl = this.b.text.indexOf('\n', pStart);
        const firstLineEnd = nl < 0 || nl > pEnd ? pEnd : nl;
        const lead = this.leadingId(Math.max(entryStart, pStart), firstLineEnd) ?? this.leadingIdAfterMarker(entryStart, firstLineEnd);
        if (lead) {
          const title = cleanTitle(this.b.text.slice(lead.end, firstLineEnd));
          const entryEnd = trimEnd(this.b.text, entryStart, base + entry.position!.end.offset!);
          item = this.b.createItem({
            id: lead.id, kind: lead.kind, form: 'list', idStart: lead.start, idEnd: lead.end, start: entryStart, end: entryEnd,
            title, section: this.section(),
            ...(parent ? { parent: parent.id } : {}),
            ...(typeof entry.checked === 'boolean' ? { checked: entry.checked } : {}),
          });
        }
      }
      for (let c = 0; c < entry.children.length; c++) {
        const child = entry.children[c]!;
        if (child.type !== 'list') continue;
        if (item) {
          // Nested `key: value` entries are the item's attributes; nested IDs are sub-items.
          const rest: ListItem[] = [];
          for (let s = 0; s < child.children.length; s++) {
            const sub = child.children[s]!;
            const kv = this.keyValueOf(sub, base);
            if (kv && !this.startsWithId(sub, base)) this.applyKeyValue(item, kv);
            else rest.push(sub);
          }
          if (rest.length) this.listItems({ ...child, children: rest }, base, item);
        } else {
          this.listItems(child, base, parent);
        }
      }
    }
  }

  /** The list marker is part of the entry, not the paragraph: look past `- ` and `1. `. */
  private leadingIdAfterMarker(entryStart: number, lineEnd: number): ReturnType<MarkdownItems['leadingId']> {
    const m = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(this.b.text.slice(entryStart, lineEnd));
    return m ? this.leadingId(entryStart + m[0].length, lineEnd) : undefined;
  }

  private startsWithId(entry: ListItem, base: number): boolean {
    const para = entry.children[0];
    if (para?.type !== 'paragraph') return false;
    const s = base + para.position!.start.offset!;
    return this.leadingId(s, base + para.position!.end.offset!) !== undefined;
  }

  /** `key: value` of a list entry whose first paragraph is exactly that. */
  private keyValueOf(entry: ListItem, base: number): { key: string; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number } | undefined {
    const para = entry.children[0];
    if (para?.type !== 'paragraph') return undefined;
    const pStart = base + para.position!.start.offset!;
    const pEnd = base + para.position!.end.offset!;
    const raw = this.b.text.slice(pStart, pEnd);
    const m = matchKeyValue(raw);
    if (!m) return undefined;
    const key = m.key;
    if (/^https?$/i.test(key)) return undefined;
    const keyStart = pStart + m.keyAt;
    let valueStart = pStart + m.length;
    let valueEnd = pEnd;
    const text = this.b.text;
    while (valueEnd > valueStart && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    while (valueStart < valueEnd && (text.charCodeAt(valueStart) === 32 || text.charCodeAt(valueStart) === 9)) valueStart++;
    return { key, keyStart, keyEnd: keyStart + key.length, valueStart, valueEnd };
  }

  private applyKeyValue(item: Item, kv: { key: string; keyStart: number; keyEnd: number; valueStart: number; valueEnd: number }): void {
    const raw = this.b.text.slice(kv.valueStart, kv.valueEnd);
    this.b.setAttribute(item, kv.key, { value: plainInline(raw), start: kv.valueStart, end: kv.valueEnd, spans: [[kv.valueStart, kv.valueEnd]], keyStart: kv.keyStart, keyEnd: kv.keyEnd });
  }

  /** Table rows (docs/format.md#table-rows), from the parser or from the fast path. */
  table(table: TableData): void {
    this.pendingHeading = undefined;
    const header = table.rows[0];
    if (!header) return;
    const text = this.b.text;
    const headers: string[] = [];
    for (let i = 0; i < header.cells.length; i++) {
      const span = this.cellSpan(header.cells[i]!);
      headers.push(plainInline(text.slice(span[0], span[1])));
    }
    const idColumn = headers.findIndex((h) => normalizeKey(h) === 'id');
    if (idColumn < 0) return;
    const titleCol = headers.findIndex((h, i) => i !== idColumn && ['title', 'name', 'task', 'risk', 'summary'].includes(normalizeKey(h)));
    // Index loops: see listItems.
    for (let r = 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      const cell = row.cells[idColumn];
      if (!cell) continue;
      const idSpan = this.cellSpan(cell);
      const cs = idSpan[0];
      const ce = idSpan[1];
      if (cs === ce) continue;
      const found = scanIds(this.b.text, cs, ce, this.b.config.prefixes);
      const first = found.ids[0];
      if (!first) {
        const shown = this.b.text.slice(cs, ce);
        this.b.invalid(cs, ce, found.unknownPrefix.length
          ? `${found.unknownPrefix[0]} has a prefix that is not an item kind; known prefixes: ${[...this.b.config.prefixes.keys()].join(', ')}`
          : `the ID column holds "${plainInline(shown).slice(0, 40)}", which is not an ID such as T-1`);
        continue;
      }
      const titleCell = titleCol >= 0 ? row.cells[titleCol] : undefined;
      const titleSpan = titleCell ? this.cellSpan(titleCell) : undefined;
      const title = titleSpan ? plainInline(text.slice(titleSpan[0], titleSpan[1])) : '';
      const item = this.b.createItem({ id: first.id, kind: first.kind, form: 'table', idStart: first.start, idEnd: first.end, start: row.start, end: trimEnd(this.b.text, row.start, row.end), title, section: this.section() });
      for (let i = 0; i < row.cells.length; i++) {
        if (i === idColumn || i === titleCol || !headers[i]) continue;
        const span = this.cellSpan(row.cells[i]!);
        if (span[0] === span[1]) continue;
        this.b.setAttribute(item, headers[i]!, { value: plainInline(text.slice(span[0], span[1])), start: span[0], end: span[1], spans: [span] });
      }
    }
  }

  /** A cell's content offsets without the pipes and padding around it. */
  private cellSpan(cell: [number, number]): [number, number] {
    let s = cell[0];
    let e = cell[1];
    const text = this.b.text;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (text[s] === '|') s++;
    if (e > s && text[e - 1] === '|' && text[e - 2] !== '\\') e--;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return [s, e];
  }
}

/** The mdast table as cell spans, so both table paths share one reader. */
function tableData(table: Table, base: number): TableData {
  return {
    rows: table.children.filter((row) => row.position).map((row) => ({
      start: base + row.position!.start.offset!,
      end: base + row.position!.end.offset!,
      cells: row.children.filter((c) => c.position).map((c): [number, number] => [base + c.position!.start.offset!, base + c.position!.end.offset!]),
    })),
  };
}

/**
 * Length of an ATX heading line without its closing `#`s (after a space) and trailing
 * blanks; a hand-written scan, since `[ \t]+#+[ \t]*$` retried every run of spaces to its end.
 */
function withoutClosingHashes(raw: string): number {
  const blank = (i: number): boolean => raw[i] === ' ' || raw[i] === '\t';
  let end = raw.length;
  while (end > 0 && blank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && raw[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || blank(hashes - 1))) end = hashes;
  while (end > 0 && blank(end - 1)) end--;
  return end;
}

function cleanTitle(rest: string): string {
  return plainInline(rest.replace(TITLE_SEPARATOR, ''));
}

/** Ranges end at the last non-space character, not on the next line. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
