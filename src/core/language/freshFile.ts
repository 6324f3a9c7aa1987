import type { Analysis } from '../analysis/types.js';
import type { FilePath, FileResult } from '../model/types.js';
import { contentHash } from '../parse/contentHash.js';
import { parseFile } from '../parse/parseFile.js';

/**
 * The parse of `text` as `file`: the analysis's own result when it was computed from this
 * very text, else a fresh parse (an editor buffer one keystroke ahead of the analysis).
 * Edits must be computed against the text they will be applied to.
 */
export function fileResultFor(analysis: Analysis, file: FilePath, text: string): FileResult {
  const known = analysis.files.get(file);
  if (known && !known.skipped && known.hash === contentHash(text)) return known;
  return parseFile(file, text, analysis.config);
}
