import type { List, ListItem, Paragraph } from 'mdast';

/**
 * Reads a segment that is a "one line per item" list (tight, or loose with blank lines between items) — the shape of nearly every
 * task list and attribute list in a plan — without the CommonMark parser, and returns the
 * same mdast shape micromark would (lists, items with `checked`, one paragraph each,
 * nested lists) with offsets relative to the segment.
 *
 * Anything less regular returns undefined and goes through remark: blank lines, lazy or
 * multi-line paragraphs, tabs, thematic breaks, content that opens a block (`#`, `>`,
 * fences, HTML, tables, link definitions), indented code, or a change of bullet within one
 * level. The rules below are CommonMark's for list items (§5.2–5.3) restricted to that
 * subset (for a loose list: a blank line is followed by another item; whether it joins
 * the list or nests is decided by indentation exactly as without the blank). A test checks both paths agree on every fixture and on generated input.
 */
export function fastList(segment: string): List | undefined {
  if (segment.includes('\r') || segment.includes('\t')) return undefined;
  const lines = segment.split('\n');
  interface Open { list: List; marker: string; contentCol: number; item: ListItem }
  const stack: Open[] = [];
  let root: List | undefined;
  let offset = 0;
  let afterBlank = false;
  // Index loops: a check runs this before V8 optimises it, and unoptimised `for…of`
  // allocates an iterator result per step.
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') {
      // Blank lines between items make the list loose; the next line must still be an
      // item (a paragraph continuing an item after a blank line goes through remark).
      if (!root) return undefined;
      afterBlank = true;
      continue;
    }
    const m = ITEM.exec(line);
    if (!m) return undefined;
    const indent = m[1]!.length;
    const marker = m[2]!;
    // Only a `-` or `*` item can also read as a thematic break (`- - -`, `* * *`).
    if ((marker === '-' || marker === '*') && THEMATIC_BREAK.test(line)) return undefined;
    const ordered = marker.charCodeAt(0) >= 48; // a digit; the bullets `-`, `*` and `+` are all below `0`
    const spaces = m[3]!.length;
    const rest = m[4]!;
    if (spaces > 4 || rest.trim() === '' || BLOCK_START.test(rest)) return undefined;
    let checked: boolean | null = null;
    let paraStart = lineStart + indent + marker.length + spaces;
    const box = rest.charCodeAt(0) === 91 /* [ */ ? TASK_BOX.exec(rest) : null;
    if (box) {
      if (!box[2] || rest.slice(box[0].length).trim() === '' || BLOCK_START.test(rest.slice(box[0].length))) return undefined;
      checked = box[1] !== ' ';
      paraStart += box[0].length;
    }
    let trimmed = line.length;
    while (trimmed > 0 && line[trimmed - 1] === ' ') trimmed--;
    const lineEnd = lineStart + trimmed;
    const paragraph: Paragraph = { type: 'paragraph', children: [], position: pos(paraStart, lineEnd) };
    const item: ListItem = { type: 'listItem', spread: false, checked, children: [paragraph], position: pos(lineStart + indent, lineEnd) };
    const kind = ordered ? marker.slice(-1) : marker;
    const contentCol = indent + marker.length + spaces;

    // Close the items this line is not inside of; it may be a sibling of one of them.
    let placed = false;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (indent >= top.contentCol) break;
      const containerCol = stack.length > 1 ? stack[stack.length - 2]!.contentCol : 0;
      if (indent >= containerCol) {
        // A new item of the same list: indented 0–3 past its container, same marker kind.
        if (indent > containerCol + 3 || kind !== top.marker) return undefined;
        if (afterBlank) top.list.spread = true;
        top.list.children.push(item);
        top.item = item;
        top.contentCol = contentCol;
        placed = true;
        break;
      }
      stack.pop();
    }
    if (!placed) {
      const parent = stack[stack.length - 1];
      const list: List = { type: 'list', ordered, start: ordered ? Number.parseInt(marker, 10) : null, spread: false, children: [item], position: pos(lineStart + indent, lineEnd) };
      if (parent) {
        // Four or more columns past the parent's content would be indented code; an
        // ordered list not starting at 1 cannot interrupt the parent's paragraph.
        if (indent > parent.contentCol + 3 || (list.ordered && list.start !== 1)) return undefined;
        if (afterBlank) parent.item.spread = true;
        parent.item.children.push(list);
      } else {
        if (root || indent > 3) return undefined;
        root = list;
      }
      stack.push({ list, marker: kind, contentCol, item });
    }
    afterBlank = false;
    for (let k = 0; k < stack.length; k++) {
      stack[k]!.list.position!.end.offset = lineEnd;
      stack[k]!.item.position!.end.offset = lineEnd;
    }
  }
  return root;
}

const ITEM = /^( {0,12})([-*+]|\d{1,9}[.)])( +)(.*)$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$/;
/** Content that would open a block inside the item, or a nested list on the same line. */
const BLOCK_START = /^(?:#{1,6}(?: |$)|>|`{3}|~{3}|<|\||\[[^\]]*\]:|[-*+](?: |$)|\d{1,9}[.)](?: |$)|=+ *$|-+ *$)/;
const TASK_BOX = /^\[([ xX])\]( +)?/;

function pos(start: number, end: number): NonNullable<List['position']> {
  // Only offsets are read by the item reader; lines and columns are computed from offsets.
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

