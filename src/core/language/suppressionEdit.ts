import { LineIndex } from '../model/lineIndex.js';
import type { Diagnostic } from '../model/types.js';
import { suppressionComments } from '../parse/suppressions.js';
import { frontMatterEnd, indentOf, keyValueOf, listEntryOf, tableAt } from './textStructure.js';
import type { TextEdit } from './types.js';

/** A line that is only a `disable-next-line` comment: its indentation and codes (a linear scan, not a regex). */
function nextLineComment(line: string): { indent: string; codes: string[] } | undefined {
  const indent = /^[ \t]*/.exec(line)![0];
  const c = suppressionComments(line, 'disable-next-line')[0];
  if (!c || c.start !== indent.length || line.slice(c.end).replace(/[ \t]/g, '') !== '') return undefined;
  return { indent, codes: c.codes };
}

/**
 * The edit that silences one diagnostic with an inline comment (docs/format.md#inline-suppression):
 * `<!-- specline-disable-next-line CODE -->` on its own line above the diagnostic's line,
 * with that line's indentation. When a comment is already there, the code is added to it.
 *
 * Where a line of its own would change the document's structure, the comment goes at the
 * end of the diagnostic's line instead, as `<!-- specline-disable-line CODE -->`:
 * - in a table row: any line inside a table ends the table, and a comment above the table
 *   would name the header row, not this row (a `disable`/`enable` pair around the table
 *   would silence the code for every row). After the row's last pipe the comment is an
 *   extra cell, which GFM drops: the row's values do not change;
 * - in a top-level `key: value` list after its first entry: a comment line would split a
 *   heading's attribute list in two, and the second half would stop being attributes.
 *
 * Undefined in front matter (YAML has no HTML comments, and `#` comments are not
 * suppressions), outside Markdown files, and when the code is already suppressed there.
 *
 * @param text the text of the diagnostic's file
 */
export function suppressionEdit(diagnostic: Diagnostic, text: string): TextEdit | undefined {
  if (/\.ya?ml$/i.test(diagnostic.file)) return undefined;
  const lines = new LineIndex(text);
  const line = diagnostic.range.start.line;
  if (line < 0 || line >= lines.lineCount) return undefined;
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd !== undefined && line <= fmEnd) return undefined;
  const code = diagnostic.code;
  const file = diagnostic.file;
  const t = lines.lineText(line);

  const inTable = t.includes('|') && (tableAt(lines, line)?.delimiterLine ?? Infinity) < line;
  if (inTable || isLaterAttributeEntry(lines, line)) {
    const existing = suppressionComments(t, 'disable-line')[0];
    if (existing) {
      const codes = existing.codes;
      if (codes.length === 0 || codes.includes(code)) return undefined;
      const start = existing.start;
      return { file, range: lineRange(line, start, existing.end), newText: `<!-- specline-disable-line ${[...codes, code].join(' ')} -->` };
    }
    const end = t.trimEnd().length;
    return { file, range: lineRange(line, end, t.length), newText: ` <!-- specline-disable-line ${code} -->` };
  }

  if (line > 0) {
    const above = nextLineComment(lines.lineText(line - 1));
    if (above) {
      const codes = above.codes;
      if (codes.length === 0 || codes.includes(code)) return undefined;
      return { file, range: lineRange(line - 1, 0, lines.lineText(line - 1).length), newText: `${above.indent}<!-- specline-disable-next-line ${[...codes, code].join(' ')} -->` };
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { file, range: lineRange(line, 0, 0), newText: `${indentOf(t)}<!-- specline-disable-next-line ${code} -->${eol}` };
}

/**
 * A `key: value` entry of a top-level list (no list item above holds it) that is not the
 * list's first entry: the shape of a heading's attribute list past its first line.
 */
function isLaterAttributeEntry(lines: LineIndex, line: number): boolean {
  const entry = listEntryOf(lines.lineText(line));
  if (!entry || entry.indent > 3 || !keyValueOf(entry.content)) return false;
  let later = false;
  for (let l = line - 1; l >= 0; l--) {
    const t = lines.lineText(l);
    if (t.trim() === '') continue;
    const e = listEntryOf(t);
    if (e && e.indent < entry.indent) return false;
    if (e && e.indent === entry.indent) { later = true; continue; }
    if (e || indentOf(t).length > entry.indent) continue;
    return later;
  }
  return later;
}

function lineRange(line: number, start: number, end: number): TextEdit['range'] {
  return { start: { line, character: start }, end: { line, character: end } };
}
