import type { FilePath, Range } from '../model/types.js';

/**
 * One replacement in one file: the shape every language feature returns for edits, so an
 * adapter turns it into a `vscode.TextEdit` (or an LSP `TextEdit`) without knowing which
 * feature produced it. An empty `range` is an insertion.
 */
export interface TextEdit {
  file: FilePath;
  range: Range;
  newText: string;
}

/** A refusal a user should read (rename, quick fixes): one sentence, no stack. */
export interface LanguageError {
  error: string;
}
