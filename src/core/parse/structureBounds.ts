import { MAX_LINE_INLINE_MARKS, MAX_LINE_MARKDOWN_CHARS, MAX_NESTING_DEPTH } from '../model/limits.js';

/** A line the CommonMark parser only reads up to `column`, and why. */
export interface StructureProblem {
  line: number;
  column: number;
  message: string;
}

const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * A cheap pre-scan, linear in the text, for the shapes that make the CommonMark parser
 * slow or overflow its stack: nesting deeper than {@link MAX_NESTING_DEPTH} (list markers
 * and `>` stacked on one line, or list items indented step by step over many lines), lines
 * longer than {@link MAX_LINE_MARKDOWN_CHARS} and lines with more than
 * {@link MAX_LINE_INLINE_MARKS} inline marks. The caller hides each line's rest from the
 * parser (keeping offsets) and reports it; the depth is an estimate that errs on the side
 * of reading (lazy continuation lines close the items it tracks).
 *
 * @param lines the document's lines, without line breaks
 * @param firstLine where the Markdown body starts (after front matter)
 * @param exhaustive scan every line in full, without the shortcuts for plain lines (tests prove both agree)
 */
export function findStructureProblems(lines: readonly string[], firstLine: number, exhaustive = false): StructureProblem[] {
  const problems: StructureProblem[] = [];
  /** Content columns of the list items still open, outermost first. */
  const open: number[] = [];
  let fence: string | undefined;
  for (let i = firstLine; i < lines.length; i++) {
    const line = lines[i]!;
    // A fence line starts with a backtick or tilde after at most three spaces: test only those.
    let lead = 0;
    while (lead < 3 && line.charCodeAt(lead) === 32) lead++;
    const c = line.charCodeAt(lead);
    const f = c === 96 || c === 126 ? FENCE_LINE.exec(line) : null;
    if (fence !== undefined) {
      // Code is not parsed for inline marks or containers; only its closing line matters.
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]!;
      continue;
    }
    const column = nestingOverflow(line, open, exhaustive) ?? inlineOverflow(line, exhaustive);
    if (column) problems.push({ line: i, ...column });
  }
  return problems;
}

/**
 * Whether the parser would be handed any line of `text` cut short by the bounds above: a
 * sign of a hostile file whose parse costs far more than its length suggests (a 20 KB
 * ten-thousand-deep list parses slower than a plan of five times its size). Front matter
 * is scanned as Markdown here, which can only err towards true.
 */
export function hasStructureProblems(text: string): boolean {
  return findStructureProblems(text.split(/\r\n|\r|\n/), 0).length > 0;
}

/** Where this line nests deeper than the bound, updating the open list items. */
function nestingOverflow(line: string, open: number[], exhaustive: boolean): { column: number; message: string } | undefined {
  if (!exhaustive && startsWithText(line.charCodeAt(0))) {
    // Most lines: no indent and no list or quote marker. Such a line closes every open item
    // (content columns start at 1) and nests nothing (a `___` break neither), as the loop below would find.
    open.length = 0;
    return undefined;
  }
  if (line.length === 0) return undefined; // blank lines keep the items open
  let pos = 0;
  let col = 0;
  for (; pos < line.length; pos++) {
    const c = line.charCodeAt(pos);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  if (pos === line.length) return undefined; // blank lines keep the items open
  while (open.length && open[open.length - 1]! > col) open.pop();
  if (THEMATIC_BREAK.test(line)) return undefined;
  let depth = open.length;
  let quoted = false;
  for (;;) {
    const markerStart = pos;
    const markerCol = col;
    if (line[pos] === '>') {
      quoted = true;
      pos++;
      col++;
    } else {
      let end = pos;
      if (line[end] === '-' || line[end] === '*' || line[end] === '+') end++;
      else {
        while (end < line.length && end - pos < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
        if (end === pos || (line[end] !== '.' && line[end] !== ')')) return undefined;
        end++;
      }
      if (end < line.length && line[end] !== ' ' && line[end] !== '\t') return undefined;
      col += end - pos;
      pos = end;
      // Content starts after 1–4 spaces; more (or none) means it starts one column past the marker.
      let gap = 0;
      while (gap < 5 && line[pos + gap] === ' ') gap++;
      const content = gap >= 1 && gap <= 4 ? col + gap : col + 1;
      // Only items outside any quote are followed across lines: a quote needs its `>` on every line.
      if (!quoted && depth < MAX_NESTING_DEPTH) open.push(content);
    }
    depth++;
    if (depth > MAX_NESTING_DEPTH) {
      return { column: markerStart, message: `lists and block quotes nest deeper than ${MAX_NESTING_DEPTH} levels here (from column ${markerCol + 1}); the rest of this line is not read as Markdown` };
    }
    for (; pos < line.length; pos++) {
      const c = line.charCodeAt(pos);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    if (pos === line.length) return undefined;
  }
}

/** A first character that is no indent (space, tab), list or quote marker (`-*+>`) or digit; NaN, an empty line, is not. */
function startsWithText(c: number): boolean {
  return c === c && c !== 32 && c !== 9 && c !== 62 && c !== 45 && c !== 42 && c !== 43 && (c < 48 || c > 57);
}

/** Where this line has too many inline marks or characters for the parser. */
function inlineOverflow(line: string, exhaustive: boolean): { column: number; message: string } | undefined {
  // Too many marks needs more characters than that; too long needs more still.
  if (!exhaustive && line.length <= Math.min(MAX_LINE_INLINE_MARKS, MAX_LINE_MARKDOWN_CHARS)) return undefined;
  let marks = 0;
  const end = Math.min(line.length, MAX_LINE_MARKDOWN_CHARS + 1);
  for (let i = 0; i < end; i++) {
    if (i === MAX_LINE_MARKDOWN_CHARS) {
      // Never cut a surrogate pair in two.
      const cut = isHighSurrogate(line.charCodeAt(i - 1)) ? i - 1 : i;
      return { column: cut, message: `this line is longer than ${MAX_LINE_MARKDOWN_CHARS.toLocaleString('en-US')} characters; the rest of it is not read as Markdown` };
    }
    if (INLINE_MARKS.has(line.charCodeAt(i)) && ++marks > MAX_LINE_INLINE_MARKS) {
      return { column: i, message: `this line has more than ${MAX_LINE_INLINE_MARKS} brackets, angle brackets and other inline Markdown marks; the rest of it is not read as Markdown` };
    }
  }
  return undefined;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

const INLINE_MARKS = new Set([...'<>[]()!`*_~&\\'].map((c) => c.charCodeAt(0)));

/**
 * The text with each problem line's rest replaced by spaces, so the parser skips it while
 * every offset stays that of the original text.
 *
 * @param lineStarts start offset of each line
 * @param lineEnds offset just past each line's text
 */
export function hideFromParser(text: string, problems: readonly StructureProblem[], lineStarts: (line: number) => number, lineEnds: (line: number) => number): string {
  if (problems.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const p of problems) {
    const from = lineStarts(p.line) + p.column;
    const to = lineEnds(p.line);
    parts.push(text.slice(at, from), ' '.repeat(Math.max(0, to - from)));
    at = Math.max(at, to);
  }
  parts.push(text.slice(at));
  return parts.join('');
}
