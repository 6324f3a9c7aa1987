import type { Analysis } from '../analysis/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { FilePath, Position, Range } from '../model/types.js';
import { chartIdAt } from './chartIdAt.js';
import { idAtPosition } from './idAtPosition.js';

/** Where an item is defined, in the shape of an LSP `LocationLink`. */
export interface DefinitionLink {
  /** The ID token under the cursor. */
  originRange: Range;
  file: FilePath;
  /** The ID where it is defined (the part to select). */
  range: Range;
  /** The whole item (heading section, list item, table row, document). */
  targetRange: Range;
}

/**
 * Go to definition: every place that defines the ID under the cursor. A duplicated ID
 * (`id.duplicate`) gives all its definitions, in file order, so the user can pick; an
 * unknown ID or a position on no ID gives none.
 */
export function getDefinitions(analysis: Analysis, file: FilePath, text: string, position: Position): DefinitionLink[] {
  const at = idAtPosition(text, position, analysis.config.prefixes, new LineIndex(text)) ?? chartIdAt(analysis, file, text, position);
  if (!at) return [];
  return (analysis.definitions.get(at.id) ?? []).map((item) => ({
    originRange: at.range,
    file: item.file,
    range: item.idRange,
    targetRange: item.range,
  }));
}
