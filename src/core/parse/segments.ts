/**
 * Splits Markdown into top-level block segments with a cheap line scan, so that only the
 * segments that can define or describe items go through the (slow) CommonMark parser.
 *
 * A segment boundary is a non-blank line at column 0 right after a blank line, outside
 * fenced code and multi-line HTML blocks: in CommonMark such a line always starts a new
 * top-level block (lazy continuation needs no blank line before it; list items, block
 * quotes and indented code all end there). The scan errs on the side of not splitting —
 * merged segments cost time, never correctness. Loose lists (items separated by blank
 * lines) stay in one segment so a list keeps its items together.
 */
export interface Segment {
  startLine: number;
  /** Exclusive. */
  endLine: number;
  /** The segment has a heading line (ATX or a setext underline candidate). */
  hasHeading: boolean;
  /** The segment starts with a list item marker. */
  isList: boolean;
  /** The segment starts with an HTML comment (suppression comments are read separately). */
  isHtml: boolean;
  /** The segment starts a fenced code block. */
  isFence: boolean;
  /** The segment is a single ATX heading line at column 0, of this depth. */
  atx?: number;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** At column 0 an ATX heading is always a top-level block of one line: it ends lists, quotes and paragraphs. */
const ATX_COL0 = /^(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Whether a line whose first character after up to three spaces is `code` may match LIST. */
const MAY_START_LIST = (code: number): boolean => code === 45 || code === 42 || code === 43 || (code >= 48 && code <= 57);
const HTML_OPEN: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * @param lines the document's lines (without line breaks)
 * @param firstLine where the body starts (after front matter)
 */
export function splitSegments(lines: readonly string[], firstLine: number): Segment[] {
  const segments: Segment[] = [];
  let fence: { char: string; len: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let current: Segment | undefined;
  let prevBlank = true;
  /** The last top-level block started is a list (it may have begun inside a heading's segment). */
  let inTopList = false;
  /** The last non-blank line could be indented code. */
  let prevIndentedCode = false;

  for (let i = firstLine; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    // Most lines are prose: the block regexes below run only when the first character
    // within the first three spaces could start what they look for.
    const c0 = line.charCodeAt(0);
    const indented = c0 === 32 || c0 === 9;
    let lead = 0;
    while (lead < 4 && line.charCodeAt(lead) === 32) lead++;
    const first = lead < 4 ? line.charCodeAt(lead) : -1;
    const isList = MAY_START_LIST(first) && LIST.test(line);
    const heading = !fence && !htmlEnd && c0 === 35 /* # */ ? ATX_COL0.exec(line) : null;
    if (heading) {
      if (current) segments.push(current);
      segments.push({ startLine: i, endLine: i + 1, hasHeading: true, isList: false, isHtml: false, isFence: false, atx: heading[1]!.length });
      current = undefined;
      inTopList = false;
      // The next line starts a new block even without a blank line in between.
      prevBlank = true;
      continue;
    }
    const startsBlock = !blank && prevBlank && !fence && !htmlEnd && !indented;
    const isAtx = first === 35 && ATX.test(line);
    // micromark reads an ordered item not starting at 1 right after indented code as a
    // paragraph; keeping them together lets the parser decide.
    const afterCode = prevIndentedCode && /^\d{1,9}[.)]/.test(line) && !/^0*1[.)]/.test(line);
    const continuesList = (inTopList && isList) || afterCode;
    if (!blank && !indented && !fence && !htmlEnd) {
      if (prevBlank || isAtx) inTopList = isList;
      else if (isList) inTopList = true;
    }
    // A list item indented 1–3 spaces after a blank line, when no top-level list is open,
    // starts a top-level list too: later column-0 items continue it (it stays in the
    // current segment, which errs on the side of not splitting).
    else if (!blank && prevBlank && !inTopList && !fence && !htmlEnd && /^ {1,3}\S/.test(line) && isList) inTopList = true;
    const mayFence = line.includes('`') || line.includes('~');
    if (startsBlock && !continuesList) {
      // `endLine` already stops after the last non-blank line of the segment.
      if (current) segments.push(current);
      current = { startLine: i, endLine: i + 1, hasHeading: false, isList, isHtml: line.startsWith('<!--'), isFence: mayFence && FENCE.test(line) };
    } else if (!current && !blank) {
      current = { startLine: i, endLine: i + 1, hasHeading: false, isList, isHtml: false, isFence: mayFence && FENCE.test(line) };
      inTopList = current.isList;
    }
    if (current && !blank) {
      current.endLine = i + 1;
      if (!fence && !htmlEnd && (isAtx || ((first === 61 /* = */ || first === 45 /* - */) && SETEXT.test(line) && i > 0 && lines[i - 1]!.trim() !== ''))) current.hasHeading = true;
    }
    // Track constructs that may contain blank lines followed by column-0 text.
    if (fence) {
      const m = mayFence ? FENCE.exec(line) : null;
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len && line.trim() === m[1]) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      const m = mayFence ? FENCE.exec(line) : null;
      if (m && !(m[1]![0] === '`' && line.slice(line.indexOf(m[1]!) + m[1]!.length).includes('`'))) {
        fence = { char: m[1]![0]!, len: m[1]!.length };
      } else if (first === 60 /* < */) {
        for (const [open, close] of HTML_OPEN) {
          if (open.test(line)) {
            if (!close.test(line.replace(open, ''))) htmlEnd = close;
            break;
          }
        }
      }
    }
    if (!blank) prevIndentedCode = c0 === 9 || line.startsWith('    ');
    prevBlank = blank;
  }
  if (current) segments.push(current);
  return segments;
}

/** Opens a block of Specline's own output: `<!-- specline:generated … -->` alone on its line. */
export const GENERATED_START = /^<!-- specline:generated\b[^\n]*-->[ \t]*$/;
/** Closes it: `<!-- specline:end-generated -->` alone on its line. */
export const GENERATED_END = /^<!-- specline:end-generated -->[ \t]*$/;

/**
 * The text with every generated block (from its start marker to its end marker, both
 * included) replaced by spaces, line breaks kept, so offsets and lines are unchanged. A
 * start marker without an end marker masks nothing: hiding the rest of a file because a
 * marker was deleted would lose the user's own text in silence.
 */
export function maskGeneratedBlocks(text: string): string {
  if (!text.includes('specline:generated')) return text;
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (n: number): string => text.slice(lineStarts[n]!, n + 1 < lineStarts.length ? lineStarts[n + 1]! - 1 : text.length).replace(/\r$/, '');
  let out = '';
  let copied = 0;
  for (let n = 0; n < lineStarts.length; n++) {
    if (!GENERATED_START.test(lineAt(n))) continue;
    let end = n + 1;
    while (end < lineStarts.length && !GENERATED_END.test(lineAt(end))) end++;
    if (end >= lineStarts.length) break;
    const from = lineStarts[n]!;
    const to = end + 1 < lineStarts.length ? lineStarts[end + 1]! : text.length;
    out += text.slice(copied, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ');
    copied = to;
    n = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
