import { LineIndex } from '../model/lineIndex.js';
import type { ItemKind, Position, Range } from '../model/types.js';
import { scanIds } from '../parse/idScan.js';

export interface IdAtPosition {
  id: string;
  /** The kind its prefix maps to. */
  kind: ItemKind;
  range: Range;
}

/**
 * The ID under a position: a token of ID shape whose prefix is a known kind (docs/format.md#ids-and-kinds),
 * found the way the parser finds references (link destinations such as `(plan.md#T-1)` are
 * not IDs). A position just after the last character counts, as for a word in VS Code.
 *
 * Only the position's line is scanned.
 *
 * @param text the document text (an editor's buffer may be unsaved)
 * @param prefixes `analysis.config.prefixes`
 */
export function idAtPosition(text: string, position: Position, prefixes: ReadonlyMap<string, ItemKind>, lines: LineIndex = new LineIndex(text)): IdAtPosition | undefined {
  if (position.line < 0 || position.line >= lines.lineCount) return undefined;
  const line = lines.lineText(position.line);
  const ch = position.character;
  let touching: IdAtPosition | undefined;
  for (const m of scanIds(line, 0, line.length, prefixes).ids) {
    if (m.start > ch) break;
    const found = { id: m.id, kind: m.kind, range: { start: { line: position.line, character: m.start }, end: { line: position.line, character: m.end } } };
    if (ch < m.end) return found;
    if (ch === m.end) touching = found;
  }
  return touching;
}
