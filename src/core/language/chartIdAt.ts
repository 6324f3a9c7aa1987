import type { Analysis } from '../analysis/types.js';
import { displayId } from '../mermaid/localId.js';
import type { FilePath, Position, Range } from '../model/types.js';
import type { IdAtPosition } from './idAtPosition.js';

function contains(range: Range, p: Position): boolean {
  return range.start.line === p.line && range.start.character <= p.character && p.character <= range.end.character;
}

/**
 * The chart-local mermaid id under a position (`a1` in `:a1, 2027-01-04, 3d` or in
 * `after a1`), as the last analysis of the file saw it. Such ids have no ID shape, so the
 * text scan of `idAtPosition` cannot find them; the parsed chart knows where they are.
 * A task without an id of its own (mermaid's generated `task1`) has none to find.
 */
export function chartIdAt(analysis: Analysis, file: FilePath, text: string, position: Position): IdAtPosition | undefined {
  const parsed = analysis.files.get(file);
  if (!parsed) return undefined;
  const lineText = text.split('\n', position.line + 1)[position.line] ?? '';
  const written = (range: Range, id: string): boolean => lineText.slice(range.start.character, range.end.character) === displayId(id);
  for (const item of parsed.items) {
    if (item.source !== 'mermaid' || !item.id.includes('@') || !contains(item.idRange, position)) continue;
    if (written(item.idRange, item.id)) return { id: item.id, kind: item.kind, range: item.idRange };
  }
  for (const ref of parsed.references) {
    if (!ref.id.includes('@') || !contains(ref.range, position) || !written(ref.range, ref.id)) continue;
    const kind = analysis.definitions.get(ref.id)?.[0]?.kind ?? 'task';
    return { id: ref.id, kind, range: ref.range };
  }
  return undefined;
}
