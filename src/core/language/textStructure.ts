import type { LineIndex } from '../model/lineIndex.js';
import { ID_SOURCE } from '../model/ids.js';
import { matchKeyValue } from '../parse/markdownItems.js';

/**
 * Cheap, line-based readings of Markdown structure around a position: front matter,
 * list entries, `key: value` entries, table rows. Editor features run on unsaved text on
 * every keystroke, so they look at a few lines around the cursor instead of re-parsing
 * the document; the rules mirror the parser's (see `parse/markdownItems.ts`).
 */

/**
 * The line of the closing `---` when the text opens with front matter (`---` on the first
 * line, a BOM allowed), else undefined.
 */
export function frontMatterEnd(lines: LineIndex): number | undefined {
  if (lines.lineText(0).replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.lineCount; i++) if (lines.lineText(i).trimEnd() === '---') return i;
  return undefined;
}

/** A list entry's first line: `  - [ ] T-1 Title`. Offsets are characters within the line. */
export interface ListEntryLine {
  /** Column of the marker. */
  indent: number;
  /** `-`, `*`, `+`, `1.` or `1)`. */
  marker: string;
  /** Where the entry's text starts, after the marker and its spacing. */
  contentStart: number;
  /** The text after the marker. */
  content: string;
}

const LIST_ENTRY = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)|$)/;

/** The list entry a line starts, if any (a thematic break `---` / `***` is not one). */
export function listEntryOf(line: string): ListEntryLine | undefined {
  const m = LIST_ENTRY.exec(line);
  if (!m) return undefined;
  if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return undefined;
  const indent = m[1]!.length;
  const contentStart = m[0].length;
  return { indent, marker: m[2]!, contentStart, content: line.slice(contentStart) };
}


export interface KeyValueText {
  key: string;
  /** Offsets within the text given. */
  keyStart: number;
  keyEnd: number;
  colon: number;
  valueStart: number;
}

/** Reads `key: value` from an entry's text (not a URL such as `https://…`). */
export function keyValueOf(text: string): KeyValueText | undefined {
  // The parser's own reader, so both always agree on what a key is.
  const m = matchKeyValue(text);
  if (!m) return undefined;
  if (/^https?$/i.test(m.key)) return undefined;
  return { key: m.key, keyStart: m.keyAt, keyEnd: m.keyAt + m.key.length, colon: text.indexOf(':', m.keyAt), valueStart: m.length };
}

/** An ID at the start of a heading or list text, after an optional checkbox and emphasis. */
const LEADING_ID = new RegExp(`^[ \\t]*(?:\\[[ xX]\\][ \\t]+)?[*_\`~]*(${ID_SOURCE})[*_\`~]*(?=[\\s:.,;)\\u2014\\u2013-]|$)`);

/** The ID an entry's or heading's text starts with (prefix not checked). */
export function leadingId(text: string): string | undefined {
  return LEADING_ID.exec(text)?.[1];
}

/** `## Title` → depth and text; undefined for other lines. */
export function atxHeading(line: string): { depth: number; text: string } | undefined {
  // Scanned by hand: a lazy text followed by `[ \t]*$` retried every run of blanks to its end.
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (!m || /[\r\n\u2028\u2029]/.test(line)) return undefined;
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  let start = m[0].length;
  while (blank(line[start])) start++;
  let end = line.length;
  while (end > start && blank(line[end - 1])) end--;
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > start && blank(line[hashes - 1])) {
    end = hashes;
    while (end > start && blank(line[end - 1])) end--;
  }
  return { depth: m[1]!.length, text: line.slice(start, end) };
}

/** One cell of a table row, as character offsets within the line. */
export interface TableCell {
  /** Just after the opening pipe (or the line start). */
  start: number;
  /** At the closing pipe (or the line end). */
  end: number;
  /** The cell's text without the padding. */
  contentStart: number;
  contentEnd: number;
  text: string;
}

/**
 * Splits a GFM table row into cells. `\|` is an escaped pipe and does not split; leading
 * and trailing pipes are optional, as in GFM.
 */
export function splitTableRow(line: string): TableCell[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') { i++; continue; }
    if (line[i] === '|') pipes.push(i);
  }
  const firstNonSpace = line.search(/\S/);
  const lastNonSpace = line.trimEnd().length - 1;
  const bounds: number[] = [];
  if (pipes[0] !== firstNonSpace) bounds.push(-1);
  for (const p of pipes) bounds.push(p); // not push(...pipes): a 2 MB row of pipes would overflow the stack
  const trailing = pipes.length > 0 && pipes[pipes.length - 1] === lastNonSpace;
  if (!trailing) bounds.push(line.length);
  const cells: TableCell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]! + 1;
    const end = bounds[i + 1]!;
    let cs = start;
    let ce = end;
    while (cs < ce && /\s/.test(line[cs]!)) cs++;
    while (ce > cs && /\s/.test(line[ce - 1]!)) ce--;
    cells.push({ start, end, contentStart: cs, contentEnd: ce, text: line.slice(cs, ce) });
  }
  return cells;
}

/** `|---|:---:|` */
export function isDelimiterRow(line: string): boolean {
  return line.includes('-') && /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/.test(line);
}

export interface TableBounds {
  headerLine: number;
  delimiterLine: number;
  /** The last row (inclusive). */
  lastLine: number;
}

/** How far up a table's header is looked for; longer tables are rare and the scan is linear. */
const MAX_TABLE_SCAN = 20_000;

/**
 * The GFM table a line belongs to (header, delimiter or body row), found by scanning up
 * to the delimiter row under the table's first row. A table ends at a blank line or a
 * line without a pipe.
 */
export function tableAt(lines: LineIndex, line: number): TableBounds | undefined {
  const isRow = (l: number): boolean => l >= 0 && l < lines.lineCount && lines.lineText(l).trim() !== '' && lines.lineText(l).includes('|');
  if (!isRow(line)) return undefined;
  let delimiterLine: number | undefined;
  if (isRow(line + 1) && isDelimiterRow(lines.lineText(line + 1)) && !isDelimiterRow(lines.lineText(line))) {
    delimiterLine = line + 1;
  } else {
    for (let l = line; l >= 1 && line - l < MAX_TABLE_SCAN && isRow(l); l--) {
      if (isDelimiterRow(lines.lineText(l)) && isRow(l - 1)) { delimiterLine = l; break; }
    }
  }
  if (delimiterLine === undefined) return undefined;
  const headerLine = delimiterLine - 1;
  if (splitTableRow(lines.lineText(headerLine)).length !== splitTableRow(lines.lineText(delimiterLine)).length) return undefined;
  let lastLine = delimiterLine;
  while (isRow(lastLine + 1)) lastLine++;
  return { headerLine, delimiterLine, lastLine };
}

/** The cell index holding a character of a row, or -1 (on a pipe counts as the cell before it). */
export function cellIndexAt(cells: readonly TableCell[], character: number): number {
  return cells.findIndex((c) => character >= c.start && character <= c.end);
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}
