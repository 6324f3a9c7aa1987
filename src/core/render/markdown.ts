import { cleanLine, DEFAULT_MAX_LENGTH } from './text.js';

/**
 * User text → inline Markdown that renders as the same text and nothing else, on one
 * line (so it is safe in a table cell, a list item or a heading):
 * - whitespace and line breaks collapse (a newline would end a table row or start a block);
 * - `|` is escaped (a table cell boundary, even inside code spans in GFM);
 * - `\` `` ` `` `*` `_` `[` `]` `~` are backslash-escaped: no emphasis, code spans, links
 *   or images can be formed, so `[x](javascript:…)` stays text;
 * - `<` → `&lt;` and `>` → `&gt;`: no raw HTML, autolinks or HTML comments;
 * - `&` → `&amp;` only where it would start a character reference (`&lt;`, `&#60;`), so
 *   "R&D" stays readable in the raw file;
 * - a leading `#`, `+`, `-`, `=` or `1.` is escaped, in case the text starts a line
 *   (heading, list, setext underline).
 */
export function mdText(text: string | undefined, maxLength: number = DEFAULT_MAX_LENGTH): string {
  return cleanLine(text, maxLength)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
