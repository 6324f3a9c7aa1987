import type { SpeclineConfig } from '../model/configTypes.js';
import { addAttributeEdit } from '../language/attributeEdit.js';
import { atxHeading, frontMatterEnd, splitTableRow, tableAt } from '../language/textStructure.js';
import type { TextEdit } from '../language/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { AttributeKey, FileResult, Item, Position, Range } from '../model/types.js';
import { normalizeKey } from '../parse/attributeKeys.js';
import { contentHash } from '../parse/contentHash.js';
import { TITLE_SEPARATOR } from '../parse/markdownItems.js';
import { parseFile } from '../parse/parseFile.js';
import { mermaidFieldEdits } from './mermaidTaskEdit.js';
import type { FieldEdits } from './mermaidTaskEdit.js';
import { checkTaskEditRequest, TASK_EDIT_FIELDS } from './taskEditRequest.js';
import type { TaskEditField, TaskEditValues } from './taskEditRequest.js';

/** Why an edit was refused; `stale` means the file changed since the caller looked at it. */
export type TaskEditRefusal = 'invalid' | 'unknown-id' | 'stale' | 'unsupported';

export type TaskEditResult =
  | { ok: true; edits: TextEdit[] }
  | { ok: false; reason: TaskEditRefusal; message: string };

export interface TaskEditInput {
  /** The file's text, exactly as the edits will be applied to it (an editor buffer). */
  text: string;
  /** The parse of `text`; a parse of other text is refused as stale. */
  file: FileResult;
  config: SpeclineConfig;
}

/** The parser's names for a table's title column (`Task`, `Name`, …). */
const TITLE_COLUMNS = ['title', 'name', 'task', 'risk', 'summary'];

/**
 * The smallest text edits that make a task or milestone say what `request` asks, in the
 * form it is written in (front matter, heading, list item, table row, mermaid task line):
 * each value replaces only the characters of the value it changes; a key, list entry or
 * table column is added only when the item has none. Refused, never guessed: an unknown ID,
 * a value the format rejects, a field the form cannot hold, or text that changed since the
 * caller saw it (`expectedHash`).
 */
export function planTaskEdit(input: TaskEditInput, rawRequest: unknown): TaskEditResult {
  const checked = checkTaskEditRequest(rawRequest);
  if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.message };
  const { request, values } = checked;
  const hash = contentHash(input.text);
  if (request.expectedHash !== undefined && request.expectedHash !== hash) {
    return { ok: false, reason: 'stale', message: `${request.id}: the file changed since the chart was drawn; nothing was written` };
  }
  if (input.file.hash !== hash) return { ok: false, reason: 'stale', message: `${request.id}: the parse is of other text than the file's; nothing was written` };
  const item = input.file.items.find((i) => i.id === request.id);
  if (!item) return { ok: false, reason: 'unknown-id', message: `${request.id} is not defined in ${input.file.file}` };
  if (item.kind !== 'task' && item.kind !== 'milestone') return { ok: false, reason: 'invalid', message: `${request.id} is a ${item.kind}; only tasks and milestones are edited from the chart` };
  if (item.kind === 'milestone' && values.duration !== undefined) return { ok: false, reason: 'invalid', message: `${request.id} is a milestone, which has no duration` };
  if (item.kind === 'milestone' && values.progress !== undefined) return { ok: false, reason: 'invalid', message: `${request.id} is a milestone, which has no progress` };
  const fields = TASK_EDIT_FIELDS.filter((f) => values[f] !== undefined);

  // Each field's edit against the original text: the common case, with no re-parse.
  const all: TextEdit[] = [];
  for (const field of fields) {
    const r = fieldEdits(item, input.text, field, values);
    if (!r.ok) return r;
    all.push(...r.edits);
  }
  if (!overlapping(input.text, all)) return { ok: true, edits: sortEdits(input.text, all.flatMap((e) => byLine(input.text, e))) };

  // Two structural edits in one place (two new table columns, two new entries at one spot):
  // apply them one after the other on fresh parses, then hand back the one changed stretch.
  let text = input.text;
  for (const field of fields) {
    const current = parseFile(input.file.file, text, input.config).items.find((i) => i.id === request.id);
    if (!current) return { ok: false, reason: 'invalid', message: `${request.id} could not be edited in ${input.file.file}` };
    const r = fieldEdits(current, text, field, values);
    if (!r.ok) return r;
    text = applyTextEdits(text, r.edits);
  }
  return { ok: true, edits: byLine(input.text, diffEdit(input.file.file, input.text, text)) };
}

/**
 * An edit over several lines that keeps their number (a new table column rewrites the whole
 * table) as one edit per changed line, each only where that line changes: the diff a
 * reviewer reads, and an undo that restores exactly those characters.
 */
function byLine(text: string, edit: TextEdit): TextEdit[] {
  if (edit.range.start.line === edit.range.end.line) return [edit];
  const lines = new LineIndex(text);
  const s = lines.offset(edit.range.start);
  const oldLines = text.slice(s, lines.offset(edit.range.end)).split(/\r\n|\r|\n/);
  const newLines = edit.newText.split(/\r\n|\r|\n/);
  if (oldLines.length !== newLines.length) return [edit];
  const out: TextEdit[] = [];
  oldLines.forEach((before, i) => {
    if (before === newLines[i]) return;
    const line = edit.range.start.line + i;
    const at = i === 0 ? edit.range.start.character : 0;
    const e = diffEdit(edit.file, before, newLines[i]!);
    out.push({ file: edit.file, range: { start: { line, character: at + e.range.start.character }, end: { line, character: at + e.range.end.character } }, newText: e.newText });
  });
  return out;
}

function fieldEdits(item: Item, text: string, field: TaskEditField, values: TaskEditValues): FieldEdits {
  if (item.form === 'mermaid') return mermaidFieldEdits(item, textLines(text), field, values);
  const one = (e: TextEdit | undefined): FieldEdits => (e ? { ok: true, edits: [e] } : { ok: false, reason: 'unsupported', message: `${item.id}: Specline cannot write ${field} here` });
  switch (field) {
    case 'title':
      return one(titleEdit(item, text, values.title!));
    case 'status':
      return statusEdits(item, text, values.status!);
    case 'progress':
      return one(setValue(item, text, 'progress', values.progress!));
    case 'start':
      return one(setValue(item, text, item.kind === 'milestone' ? 'date' : 'start', values.start!));
    case 'end':
      // A milestone has one date: `start` moves it when both are given.
      if (item.kind === 'milestone') return values.start !== undefined ? { ok: true, edits: [] } : one(setValue(item, text, 'date', values.end!));
      return one(setValue(item, text, 'end', values.end!));
    case 'duration':
      return one(setValue(item, text, 'duration', values.duration!));
    case 'after':
      return one(afterEdit(item, text, values.after!));
  }
}

/** Sets one attribute; in a table the cell keeps its width where the value fits, so an aligned table stays aligned. */
function setValue(item: Item, text: string, key: AttributeKey, value: string): TextEdit | undefined {
  const edit = addAttributeEdit(item, text, key, value, 'set');
  if (!edit || item.form !== 'table' || edit.range.start.line !== edit.range.end.line) return edit;
  const row = new LineIndex(text).lineText(edit.range.start.line);
  const cell = splitTableRow(row).find((c) => c.start <= edit.range.start.character && edit.range.end.character <= c.end);
  if (!cell || cell.end >= row.length || row[cell.end] !== '|') return edit;
  const escaped = value.replace(/\|/g, '\\|');
  const from = row[cell.start] === ' ' ? cell.start + 1 : cell.start;
  const padded = `${from === cell.start ? ' ' : ''}${escaped}${' '.repeat(Math.max(1, cell.end - from - escaped.length))}`;
  const line = edit.range.start.line;
  return trimEdit(text, { file: item.file, range: { start: { line, character: from }, end: { line, character: cell.end } }, newText: padded });
}

/** `after` replaced as a whole: a YAML flow list in front matter, `A, B` elsewhere. */
function afterEdit(item: Item, text: string, ids: string[]): TextEdit | undefined {
  const attr = item.attributes.after;
  if (item.form === 'document') {
    const flow = `[${ids.join(', ')}]`;
    if (attr && attr.range.start.line !== attr.range.end.line) {
      // A block list (`after:` then `- T-1` lines): the flow list takes its place after the key.
      const lines = new LineIndex(text);
      const keyEnd = attr.keyRange?.end;
      if (!keyEnd) return undefined;
      const colon = lines.lineText(keyEnd.line).indexOf(':', keyEnd.character);
      const from = { line: keyEnd.line, character: colon + 1 };
      const lastLine = attr.range.end.character === 0 ? attr.range.end.line - 1 : attr.range.end.line;
      return { file: item.file, range: { start: from, end: { line: lastLine, character: lines.lineText(lastLine).length } }, newText: ` ${flow}` };
    }
    return setValue(item, text, 'after', flow);
  }
  const value = ids.length > 0 ? ids.join(', ') : item.form === 'table' ? '' : 'none';
  if (ids.length === 0 && !attr) return undefined;
  return setValue(item, text, 'after', value);
}

/**
 * Status in a list item with a checkbox: the box says done or not, so ticking or clearing it
 * is the edit when it can say the status alone; an explicit `status` is set, and a box that
 * would contradict it is put right.
 */
function statusEdits(item: Item, text: string, status: string): FieldEdits {
  const edits: TextEdit[] = [];
  const box = item.checked !== undefined ? checkboxRange(item, text) : undefined;
  const boxSays = (done: boolean): void => {
    if (box && item.checked !== done) edits.push({ file: item.file, range: box, newText: done ? 'x' : ' ' });
  };
  if (box && !item.attributes.status && (status === 'done' || status === 'todo')) {
    boxSays(status === 'done');
    return { ok: true, edits };
  }
  const e = addAttributeEdit(item, text, 'status', status, 'set');
  if (!e) return { ok: false, reason: 'unsupported', message: `${item.id}: Specline cannot write status here` };
  edits.push(e);
  boxSays(status === 'done');
  return { ok: true, edits };
}

/** The character inside `[ ]` / `[x]` of a list item's first line. */
function checkboxRange(item: Item, text: string): Range | undefined {
  const lines = new LineIndex(text);
  const line = item.idRange.start.line;
  const before = lines.lineText(line).slice(0, item.idRange.start.character);
  const m = /\[([ xX])\][ \t]+[*_`~]*$/.exec(before);
  if (!m) return undefined;
  const at = m.index + 1;
  return { start: { line, character: at }, end: { line, character: at + 1 } };
}

function titleEdit(item: Item, text: string, title: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  const file = item.file;
  if (item.attributes.title) {
    const v = item.form === 'document' ? yamlScalar(title) : item.form === 'table' ? title : title;
    return trimEdit(text, addAttributeEdit(item, text, 'title', v, 'set'));
  }
  const replaceSpan = (line: number, start: number, end: number, newText: string): TextEdit =>
    trimEdit(text, { file, range: { start: { line, character: start }, end: { line, character: end } }, newText })!;
  switch (item.form) {
    case 'heading':
    case 'list': {
      const line = item.idRange.start.line;
      const row = lines.lineText(line);
      const idEnd = item.idRange.end.character;
      const sep = TITLE_SEPARATOR.exec(row.slice(idEnd))![0];
      let end = row.length;
      let tail = row;
      if (item.form === 'heading' && atxHeading(row)) tail = tail.replace(/(?:[ \t]+#+)?[ \t]*$/, '');
      else tail = tail.replace(/(?:[ \t]*<!--.*?-->)*[ \t]*$/, '');
      end = tail.length;
      const start = idEnd + sep.length;
      if (start >= end) {
        // No title yet: one space after the ID (and its closing emphasis).
        const closing = /^[*_`~]*/.exec(row.slice(idEnd))![0].length;
        return replaceSpan(line, idEnd + closing, idEnd + closing, ` ${title}`);
      }
      return replaceSpan(line, start, end, title);
    }
    case 'table': {
      const rowLine = item.idRange.start.line;
      const table = tableAt(lines, rowLine);
      if (!table) return undefined;
      const col = splitTableRow(lines.lineText(table.headerLine)).findIndex((c) => TITLE_COLUMNS.includes(normalizeKey(c.text)));
      const escaped = title.replace(/\|/g, '\\|');
      if (col < 0) return addAttributeEdit(item, text, 'title', escaped, 'set');
      const cell = splitTableRow(lines.lineText(rowLine))[col];
      if (!cell) return undefined;
      if (cell.contentEnd === cell.contentStart) return replaceSpan(rowLine, cell.start, cell.end, ` ${escaped} `);
      const row = lines.lineText(rowLine);
      // No closing pipe: nothing to keep in place after the title.
      if (cell.end >= row.length || row[cell.end] !== '|') return replaceSpan(rowLine, cell.contentStart, cell.contentEnd, escaped);
      // As for values: the cell keeps its width where the title fits (the pipes stay where
      // they were); a longer one grows this cell only, keeping the gap it had before the pipe
      // (at most one space). Other rows are not re-padded: that would touch every row.
      const gap = Math.min(1, cell.end - cell.contentEnd);
      return replaceSpan(rowLine, cell.contentStart, cell.end, `${escaped}${' '.repeat(Math.max(gap, cell.end - cell.contentStart - escaped.length))}`);
    }
    case 'document': {
      // No `title` key: the first level-1 heading is the title, else a key is added.
      const end = frontMatterEnd(lines) ?? -1;
      for (let l = end + 1; l < lines.lineCount; l++) {
        const h = atxHeading(lines.lineText(l));
        if (h?.depth !== 1) continue;
        const row = lines.lineText(l);
        const start = row.indexOf(h.text, row.indexOf('#') + 1);
        return replaceSpan(l, start, start + h.text.length, title);
      }
      return addAttributeEdit(item, text, 'title', yamlScalar(title), 'set');
    }
    default:
      return undefined;
  }
}

/** A YAML scalar for a title: plain when YAML reads it back unchanged, else double-quoted. */
function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9(][^:#\n"'`{}[\]&*!|>%@,]*$/.test(value) && !/\s$/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The edit without the padding it would write back unchanged at its end (a table cell keeps its width). */
function trimEdit(text: string, edit: TextEdit | undefined): TextEdit | undefined {
  if (!edit) return undefined;
  const lines = new LineIndex(text);
  const s = lines.offset(edit.range.start);
  let e = lines.offset(edit.range.end);
  let n = edit.newText;
  while (s < e && n.endsWith(' ') && text[e - 1] === ' ') { e--; n = n.slice(0, -1); }
  return { file: edit.file, range: lines.range(s, e), newText: n };
}

/** The file's lines, split as the parser splits them. */
function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function offsets(text: string, edits: readonly TextEdit[]): Array<{ s: number; e: number; edit: TextEdit }> {
  const lines = new LineIndex(text);
  return edits.map((edit) => ({ s: lines.offset(edit.range.start), e: lines.offset(edit.range.end), edit }));
}

/** Whether two edits touch the same characters, or insert at one place (their order would be a guess). */
function overlapping(text: string, edits: readonly TextEdit[]): boolean {
  const o = offsets(text, edits).sort((a, b) => a.s - b.s || a.e - b.e);
  for (let i = 1; i < o.length; i++) {
    const a = o[i - 1]!;
    const b = o[i]!;
    if (b.s < a.e || (b.s === a.e && (a.s === a.e || b.s === b.e))) return true;
  }
  return false;
}

function sortEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  return offsets(text, edits).filter((x) => x.s !== x.e || x.edit.newText !== '').sort((a, b) => a.s - b.s).map((x) => x.edit);
}

/** Applies non-overlapping edits computed against `text`. */
export function applyTextEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const o = edits.map((e) => ({ s: lines.offset(e.range.start), e: lines.offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const x of o) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

/** One edit from `before` to `after`: the stretch between their common start and end. */
function diffEdit(file: string, before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before[p] === after[p]) p++;
  let q = 0;
  while (q < max - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  // Never between the halves of a surrogate pair or of a CRLF.
  const splits = (t: string, i: number): boolean => i > 0 && i < t.length && ((/[\uD800-\uDBFF]/.test(t[i - 1]!)) || (t[i - 1] === '\r' && t[i] === '\n'));
  while (p > 0 && splits(before, p)) p--;
  while (q > 0 && splits(before, before.length - q)) q--;
  const lines = new LineIndex(before);
  const start: Position = lines.position(p);
  return { file, range: { start, end: lines.position(before.length - q) }, newText: after.slice(p, after.length - q) };
}
