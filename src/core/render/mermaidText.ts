import { cleanLine, DEFAULT_MAX_LENGTH } from './text.js';

/**
 * Making user text inert inside mermaid source (gantt and timeline).
 *
 * Mermaid has no escape syntax for gantt/timeline text, so the only defence is to make
 * sure the characters its lexers react to never reach it. What reacts, and why each
 * replacement is needed (from mermaid's gantt.jison / timeline.jison and its
 * preprocessor):
 *
 * - newline (and anything that collapses to one): ends a statement, so a title could start
 *   a `click … href "javascript:…"` line. All whitespace collapses to one space.
 * - `%`: `%%` starts a comment, and `%%{init: …}%%` is a directive that mermaid's
 *   preprocessor finds *anywhere* in the text (it can set `securityLevel: 'loose'`).
 *   A single `%` followed by more text is also lexed as a comment. → `٪` (U+066A).
 * - `#`: starts a comment in gantt and timeline; `#name;` is mermaid's entity syntax. → `♯` (U+266F).
 * - `;`: ends a statement in gantt. → `,`.
 * - `:`: separates a gantt task's text from its data (tags, id, dates) and a timeline's
 *   events; `accTitle:` / `accDescr:` need it. → `∶` (U+2236 RATIO).
 * - `{` `}`: `%%{ … }%%` directives and `accDescr { … }` blocks. → `(` `)`.
 * - `<` `>`: mermaid rewrites `<tag attr="…">` in its preprocessor and turns `<br>` into
 *   line breaks; labels may end up in HTML. → `‹` `›` (U+2039, U+203A).
 * - `"` `'` `` ` ``: quote `href "…"` / `call f("…")` arguments and markdown strings. →
 *   `”` (U+201D), `’` (U+2019), `‘` (U+2018).
 * - `&`: so that no HTML entity can be formed in a renderer that uses innerHTML. → `+`.
 *
 * The lookalikes were picked so that none of them has a Unicode compatibility decomposition:
 * if some pipeline applies NFKC normalisation, they do not turn back into the ASCII
 * originals (fullwidth forms such as `＃` would).
 */
const REPLACEMENTS: Record<string, string> = {
  '%': '\u066A',
  '#': '\u266F',
  ';': ',',
  ':': '\u2236',
  '{': '(',
  '}': ')',
  '<': '\u2039',
  '>': '\u203A',
  '"': '\u201D',
  "'": '\u2019',
  '`': '\u2018',
  '&': '+',
};

const SPECIAL = /[%#;:{}<>"'`&]/g;

/**
 * Words that mermaid's gantt or timeline lexer treats as a statement keyword when a line
 * *starts* with them (case-insensitively; some, like `gantt`, need no space after them).
 * Only the text at the start of a line matters: once a task's text has begun, the lexer
 * consumes it up to the next `:`. Task lines always start with an item ID, so this only
 * fires for unusual ID prefixes or fallback labels; it is defence in depth.
 */
const LINE_START_KEYWORD =
  /^(?:gantt|timeline|click|call|href|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|accdescription|accdescr|acctitle|displaymode|\d{4}-\d\d-\d\d)/i;

/**
 * User text → one inert line for mermaid: cleaned (see `cleanLine`), special characters
 * replaced by the lookalikes documented above, capped at `maxLength` code points.
 * Never empty: an empty label would make mermaid drop or misparse the statement.
 */
export function mermaidText(text: string | undefined, maxLength: number = DEFAULT_MAX_LENGTH, fallback = '(untitled)'): string {
  const line = cleanLine(text, maxLength).replace(SPECIAL, (c) => REPLACEMENTS[c] ?? '');
  return line === '' ? fallback : line;
}

/**
 * Text that will start a mermaid line (a gantt task or a timeline period): as
 * `mermaidText`, plus a leading `· ` when the text would otherwise begin with a keyword.
 */
export function mermaidLineStart(text: string | undefined, maxLength: number = DEFAULT_MAX_LENGTH, fallback = '(untitled)'): string {
  const line = mermaidText(text, maxLength, fallback);
  return LINE_START_KEYWORD.test(line) ? `\u00B7 ${line}` : line;
}
