/**
 * A GFM table as rows of cell spans (absolute offsets, padding and pipes included, as
 * micromark reports them). Both the fast path below and the mdast path produce this.
 */
export interface TableData {
  /** Header row first, then body rows; the delimiter row is not included. */
  rows: Array<{ start: number; end: number; cells: Array<[number, number]> }>;
}

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
/** Lines that would start another block and end (or not be part of) a table. */
const OTHER_BLOCK = /^(?: {4}|\t| {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|`{3}|~{3}|<))/;

/**
 * Reads a segment that is exactly one GFM table — a header row, a delimiter row and body
 * rows, every line with a pipe — without the CommonMark parser, which takes ~16 ms per
 * kilobyte of table. Returns undefined for anything less regular, which then goes through
 * remark; tests check that both paths give the same items on every fixture.
 *
 * @param lineStarts start offset of each line of the segment; `lineEnds` likewise
 */
export function fastTable(text: string, lineStarts: number[], lineEnds: number[]): TableData | undefined {
  if (lineStarts.length < 2) return undefined;
  const lines = lineStarts.map((s, i) => text.slice(s, lineEnds[i]));
  for (const line of lines) {
    if (!line.includes('|') || OTHER_BLOCK.test(line)) return undefined;
  }
  const header = splitRow(lines[0]!, lineStarts[0]!);
  const delimiter = splitRow(lines[1]!, lineStarts[1]!);
  if (header.length === 0 || header.length !== delimiter.length) return undefined;
  for (const [s, e] of delimiter) {
    if (!DELIMITER_CELL.test(text.slice(s, e).replace(/^\|/, '').replace(/\|$/, ''))) return undefined;
  }
  // Rows start after their indentation, as micromark reports them.
  const indent = (i: number): number => lines[i]!.length - lines[i]!.trimStart().length;
  const rows: TableData['rows'] = [{ start: lineStarts[0]! + indent(0), end: lineEnds[0]!, cells: header }];
  for (let i = 2; i < lines.length; i++) {
    rows.push({ start: lineStarts[i]! + indent(i), end: lineEnds[i]!, cells: splitRow(lines[i]!, lineStarts[i]!).slice(0, header.length) });
  }
  return { rows };
}

/** Cell spans of one row: split at unescaped pipes; a leading and a trailing pipe belong to the edge cells. */
function splitRow(line: string, base: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let end = line.length;
  while (end > 0 && /[ \t]/.test(line[end - 1]!)) end--;
  let start = 0;
  while (start < end && /[ \t]/.test(line[start]!)) start++;
  let cellStart = start;
  let i = line[start] === '|' ? start + 1 : start;
  for (; i < end; i++) {
    const c = line[i];
    if (c === '\\') { i++; continue; }
    if (c === '|') {
      if (i === end - 1) break;
      cells.push([base + cellStart, base + i]);
      cellStart = i;
    }
  }
  cells.push([base + cellStart, base + end]);
  return cells;
}
