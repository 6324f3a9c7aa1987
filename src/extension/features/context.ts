import type * as vscode from 'vscode';
import type { IndexedDocument, IndexService } from '../indexService.js';

/**
 * The index entry of a document for a provider. `fresh` parses the buffer's latest edits
 * first: needed wherever ranges of this very text are edited (rename, quick fixes). Read
 * features take the last published analysis with the document's own text, which the
 * core functions accept one keystroke ahead of the analysis, so typing never waits for a
 * whole-workspace analysis.
 */
export function indexed(service: IndexService, document: vscode.TextDocument, fresh: boolean): IndexedDocument | undefined {
  const index = service.folderOf(document.uri);
  if (!index) return undefined;
  if (fresh || !index.analysis) return service.document(document.uri);
  const path = service.pathOf(index, document.uri);
  return path === undefined ? undefined : { index, path, analysis: index.analysis };
}
