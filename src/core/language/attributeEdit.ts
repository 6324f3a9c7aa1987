import type { Analysis } from '../analysis/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { AttributeKey, Item, Position, Range } from '../model/types.js';
import { attributeKey } from '../parse/attributeKeys.js';
import { plainInline } from '../parse/inlineText.js';
import { attributeDoc } from './attributeDocs.js';
import { fileResultFor } from './freshFile.js';
import {
  atxHeading, frontMatterEnd, indentOf, keyValueOf, leadingId, listEntryOf, splitTableRow, tableAt,
} from './textStructure.js';
import type { TextEdit } from './types.js';

/** Values that mean "no links" (as the parser reads them): replaced, not appended to. */
const EMPTY_WORDS = /^(?:none|n\/a|na|-|\u2014|\u2013|tbd|\[\s*\]|~|null)?$/i;

/**
 * The edit that adds a goal to a feature's `goals`, whatever form the feature is written
 * in: a front-matter flow list (`[G-1]` → `[G-1, G-2]`), block list (a new `- G-2` line)
 * or scalar; a `- goals:` entry of a heading's or list item's attribute list; a `Goals`
 * table cell. A missing key is created: `goals: [G-2]` before the front matter's closing
 * `---`, a `- goals: G-2` entry in the attribute list (a new list under the heading or a
 * nested list under the list item when there is none), a cell — or a whole new `Goals`
 * column when the table has none.
 *
 * Undefined when the feature is unknown, is not in `text`, or already names the goal.
 *
 * @param text the text of the feature's file (the editor buffer; it may be ahead of the analysis)
 */
export function addGoalEdit(analysis: Analysis, featureId: string, goalId: string, text: string): TextEdit | undefined {
  const known = analysis.items.get(featureId);
  if (!known || known.kind !== 'feature') return undefined;
  const feature = fileResultFor(analysis, known.file, text).items.find((i) => i.id === featureId);
  if (!feature || feature.links.goals?.some((r) => r.id === goalId)) return undefined;
  return addAttributeEdit(feature, text, 'goals', goalId, 'append');
}

/**
 * The edit that gives a task a duration (for `schedule.no-duration`), or replaces an
 * invalid one (`duration: 0d`). Undefined for items that are not tasks.
 *
 * @param item the task as parsed from `text` (its ranges must match the text)
 */
export function addDurationEdit(item: Item, text: string, duration = '1d'): TextEdit | undefined {
  if (item.kind !== 'task') return undefined;
  return addAttributeEdit(item, text, 'duration', duration, 'set');
}

/**
 * Sets (`set`) or adds to (`append`, for ID lists) one attribute of an item, in the item's
 * own form, creating the key when it is missing. `value` is written as is: pass an ID, a
 * duration, a date — text that needs no quoting in YAML or Markdown.
 */
export function addAttributeEdit(item: Item, text: string, key: AttributeKey, value: string, mode: 'set' | 'append'): TextEdit | undefined {
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = (start: Position, end: Position, newText: string): TextEdit => ({ file: item.file, range: { start, end }, newText });
  const insert = (at: Position, newText: string): TextEdit => edit(at, at, newText);
  // A mermaid task line has no place for Specline attributes: no edit rather than a broken chart.
  if (item.form === 'mermaid') return undefined;
  const attr = item.attributes[key];
  const cellValue = item.form === 'table' ? value.replace(/\|/g, '\\|') : value;

  if (attr) {
    const s = lines.offset(attr.range.start);
    const e = lines.offset(attr.range.end);
    const written = text.slice(s, e);
    const spaced = (v: string): string => (s === e && text[s - 1] === ':' ? ` ${v}` : v);
    if (mode === 'set') return edit(attr.range.start, attr.range.end, spaced(cellValue));
    if (item.form === 'document') return appendYaml(text, lines, attr.range, written, value, eol, item.file);
    if (EMPTY_WORDS.test(plainInline(written))) return edit(attr.range.start, attr.range.end, spaced(cellValue));
    return insert(attr.range.end, `, ${cellValue}`);
  }

  const yamlValue = mode === 'append' ? `[${value}]` : value;
  switch (item.form) {
    case 'document': {
      const close = frontMatterEnd(lines);
      return close === undefined ? undefined : insert({ line: close, character: 0 }, `${key}: ${yamlValue}${eol}`);
    }
    case 'heading': return headingAttribute(item, lines, key, value, eol);
    case 'list': return listAttribute(item, lines, key, value, eol);
    case 'table': return tableAttribute(item, lines, key, cellValue, eol);
  }
}

/** Adds an ID to a YAML value: flow list, block list, scalar or empty. */
function appendYaml(text: string, lines: LineIndex, range: Range, written: string, value: string, eol: string, file: string): TextEdit {
  const s = lines.offset(range.start);
  const trimmed = written.trim();
  const at = (offset: number): Position => lines.position(offset);
  if (trimmed.startsWith('[')) {
    const close = s + written.lastIndexOf(']');
    let before = close;
    while (before > s && /\s/.test(text[before - 1]!)) before--;
    if (text[before - 1] === '[') return { file, range: { start: at(before), end: at(close) }, newText: value };
    return { file, range: { start: at(before), end: at(before) }, newText: `, ${value}` };
  }
  if (trimmed.startsWith('-')) {
    // A block list: its range runs to the start of the line after the last entry.
    let last = range.start.line;
    const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    for (let l = range.start.line; l <= endLine; l++) if (/^[ \t]*-(?:[ \t]|$)/.test(lines.lineText(l))) last = l;
    const indent = indentOf(lines.lineText(last));
    const end = { line: last, character: lines.lineText(last).length };
    return { file, range: { start: end, end }, newText: `${eol}${indent}- ${value}` };
  }
  const tokens = EMPTY_WORDS.test(trimmed) ? [] : trimmed.replace(/^["']|["']$/g, '').split(/[\s,]+/).filter(Boolean);
  const newText = `[${[...tokens, value].join(', ')}]`;
  return { file, range, newText: written === '' && text[s - 1] === ':' ? ` ${newText}` : newText };
}

/** A `- key: value` entry in the heading's attribute list, or a new list right under the heading. */
function headingAttribute(item: Item, lines: LineIndex, key: AttributeKey, value: string, eol: string): TextEdit | undefined {
  const file = item.file;
  let headingEnd = item.idRange.start.line;
  const next = headingEnd + 1 < lines.lineCount ? lines.lineText(headingEnd + 1) : '';
  if (!atxHeading(lines.lineText(headingEnd)) && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next)) headingEnd++; // setext underline
  const sectionEnd = Math.max(item.range.end.line, headingEnd);

  // The first list under the heading (paragraphs and code may come first; a heading or a table ends the search).
  let listStart = -1;
  let fence: string | undefined;
  for (let l = headingEnd + 1; l <= sectionEnd; l++) {
    const t = lines.lineText(l);
    const f = /^[ \t]*(`{3,}|~{3,})/.exec(t)?.[1];
    if (fence) { if (f && f[0] === fence[0] && f.length >= fence.length) fence = undefined; continue; }
    if (f) { fence = f; continue; }
    if (t.trim() === '') continue;
    if (atxHeading(t) || t.trimStart().startsWith('|')) break;
    const e = listEntryOf(t);
    if (e && e.indent <= 3) { listStart = l; break; }
  }

  let marker = '-';
  if (listStart >= 0) {
    const first = listEntryOf(lines.lineText(listStart))!;
    const entries: number[] = [listStart];
    let last = listStart;
    for (let l = listStart + 1; l <= sectionEnd; l++) {
      const t = lines.lineText(l);
      if (t.trim() === '') continue;
      const e = listEntryOf(t);
      if (e && e.indent === first.indent && sameListMarker(e.marker, first.marker)) { entries.push(l); last = l; continue; }
      if (indentOf(t).length > first.indent && !e) { last = l; continue; }
      if (e && e.indent > first.indent) { last = l; continue; }
      if (!e && lines.lineText(l - 1).trim() !== '' && !atxHeading(t) && !t.trimStart().startsWith('|')) { last = l; continue; } // lazy continuation
      break;
    }
    const isAttributeList = entries.every((l) => keyValueOf(listEntryOf(lines.lineText(l))!.content) !== undefined);
    if (isAttributeList) {
      const indent = lines.lineText(listStart).slice(0, first.indent);
      const at = { line: last, character: lines.lineText(last).length };
      return { file, range: { start: at, end: at }, newText: `${eol}${indent}${nextMarker(first.marker, entries.length)} ${key}: ${value}` };
    }
    // Another list comes first: ours goes above it, with a different bullet so the two never merge.
    marker = first.marker === '-' ? '*' : '-';
  }
  const at = { line: headingEnd, character: lines.lineText(headingEnd).length };
  const followed = headingEnd + 1 < lines.lineCount && lines.lineText(headingEnd + 1).trim() !== '';
  return { file, range: { start: at, end: at }, newText: `${eol}${eol}${marker} ${key}: ${value}${followed ? eol : ''}` };
}

/** A nested `- key: value` entry under a list item: after its other attributes, else before its sub-items, else a new nested list. */
function listAttribute(item: Item, lines: LineIndex, key: AttributeKey, value: string, eol: string): TextEdit | undefined {
  const file = item.file;
  const first = item.range.start.line;
  const entry = listEntryOf(lines.lineText(first));
  if (!entry) return undefined;
  const contentColumn = entry.contentStart;
  let childIndent = -1;
  let childMarker = '-';
  let firstChild = -1;
  let lastAttributeEnd = -1;
  let inAttribute = false;
  for (let l = first + 1; l <= item.range.end.line && l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const e = listEntryOf(t);
    const isChild = e && e.indent >= contentColumn && (childIndent < 0 ? e.indent < contentColumn + 4 : e.indent === childIndent);
    if (e && isChild) {
      if (childIndent < 0) { childIndent = e.indent; childMarker = /^[-*+]$/.test(e.marker) ? e.marker : '-'; firstChild = l; }
      const lead = leadingId(e.content);
      inAttribute = keyValueOf(e.content) !== undefined && !lead;
      if (inAttribute) lastAttributeEnd = l;
      continue;
    }
    if (inAttribute && indentOf(t).length > childIndent) lastAttributeEnd = l;
  }
  const entryText = `${key}: ${value}`;
  if (lastAttributeEnd >= 0) {
    const indent = ' '.repeat(childIndent);
    const at = { line: lastAttributeEnd, character: lines.lineText(lastAttributeEnd).length };
    return { file, range: { start: at, end: at }, newText: `${eol}${indent}${childMarker} ${entryText}` };
  }
  if (firstChild >= 0) {
    const at = { line: firstChild, character: 0 };
    return { file, range: { start: at, end: at }, newText: `${' '.repeat(childIndent)}${childMarker} ${entryText}${eol}` };
  }
  const at = item.range.end;
  return { file, range: { start: at, end: at }, newText: `${eol}${' '.repeat(contentColumn)}- ${entryText}` };
}

/** The row's cell in the key's column; the column itself (header, delimiter, every row) when the table has none. */
function tableAttribute(item: Item, lines: LineIndex, key: AttributeKey, value: string, eol: string): TextEdit | undefined {
  const file = item.file;
  const rowLine = item.idRange.start.line;
  const table = tableAt(lines, rowLine);
  if (!table) return undefined;
  const header = splitTableRow(lines.lineText(table.headerLine));
  const column = header.findIndex((c) => attributeKey(plainInline(c.text)) === key);
  const row = lines.lineText(rowLine);
  const cells = splitTableRow(row);
  if (column >= 0) {
    const cell = cells[column];
    if (cell) {
      return { file, range: { start: { line: rowLine, character: cell.start }, end: { line: rowLine, character: cell.end } }, newText: ` ${value} ` };
    }
    const kept = row.trimEnd().length;
    return { file, range: { start: { line: rowLine, character: kept }, end: { line: rowLine, character: row.length } }, newText: appendCell(row, cells.length, column, value).slice(kept) };
  }
  const rebuilt: string[] = [];
  for (let l = table.headerLine; l <= table.lastLine; l++) {
    const t = lines.lineText(l);
    const content = l === table.headerLine ? attributeDoc(key).label : l === table.delimiterLine ? '---' : l === rowLine ? value : '';
    rebuilt.push(appendCell(t, Math.min(splitTableRow(t).length, header.length), header.length, content));
  }
  return {
    file,
    range: { start: { line: table.headerLine, character: 0 }, end: { line: table.lastLine, character: lines.lineText(table.lastLine).length } },
    newText: rebuilt.join(eol),
  };
}

/** The row with empty cells up to `index` and `content` in cell `index`; always ends with a pipe. */
function appendCell(row: string, cellCount: number, index: number, content: string): string {
  const trimmed = row.trimEnd();
  let out = trimmed.endsWith('|') && !trimmed.endsWith('\\|') ? trimmed : `${trimmed} |`;
  for (let i = cellCount; i < index; i++) out += '  |';
  return `${out} ${content} |`;
}

function sameListMarker(a: string, b: string): boolean {
  return /^[-*+]$/.test(a) ? a === b : a.slice(-1) === b.slice(-1);
}

/** The marker of the next entry: the same bullet, or the next number. */
function nextMarker(marker: string, entries: number): string {
  const m = /^(\d+)([.)])$/.exec(marker);
  return m ? `${Number(m[1]) + entries}${m[2]}` : marker;
}
