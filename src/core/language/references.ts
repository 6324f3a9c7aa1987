import type { Analysis } from '../analysis/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { FilePath, LinkKey, Position, Range } from '../model/types.js';
import { referencesTo } from './analysisIndex.js';
import { chartIdAt } from './chartIdAt.js';
import { idAtPosition } from './idAtPosition.js';

/** One place an ID is written. */
export interface ReferenceLocation {
  file: FilePath;
  range: Range;
  /** A definition, an ID in a link attribute, or a mention in prose or a title. */
  kind: 'definition' | 'link' | 'mention';
  /** The link attribute, for `link`. */
  key?: LinkKey;
  /** The item whose attribute or text holds it. */
  from?: string;
}

/**
 * Every place an ID is written: links and prose mentions in every file (as the parser
 * recorded them in `FileResult.references`) and, with `includeDeclaration`, its
 * definitions (all of them when duplicated). Deduplicated, sorted by file, then position.
 */
export function getReferences(analysis: Analysis, id: string, options: { includeDeclaration: boolean }): ReferenceLocation[] {
  const out: ReferenceLocation[] = [];
  if (options.includeDeclaration) {
    for (const item of analysis.definitions.get(id) ?? []) out.push({ file: item.file, range: item.idRange, kind: 'definition' });
  }
  for (const ref of referencesTo(analysis, id)) {
    out.push({ file: ref.file, range: ref.range, kind: ref.key ? 'link' : 'mention', ...(ref.key ? { key: ref.key } : {}), ...(ref.from ? { from: ref.from } : {}) });
  }
  return sortAndDedupe(out);
}

/** `getReferences` for the ID under a position; empty when there is none. */
export function getReferencesAt(analysis: Analysis, file: FilePath, text: string, position: Position, options: { includeDeclaration: boolean }): ReferenceLocation[] {
  const at = idAtPosition(text, position, analysis.config.prefixes, new LineIndex(text)) ?? chartIdAt(analysis, file, text, position);
  return at ? getReferences(analysis, at.id, options) : [];
}

/** By file, then start position; the first of two entries at the same range wins (definitions come first). */
export function sortAndDedupe<T extends { file: FilePath; range: Range }>(locations: T[]): T[] {
  const seen = new Set<string>();
  const unique = locations.filter((l) => {
    const key = `${l.file}\u0000${l.range.start.line}:${l.range.start.character}:${l.range.end.line}:${l.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : comparePositions(a.range.start, b.range.start)));
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
