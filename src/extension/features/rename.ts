import * as vscode from 'vscode';
import { getRenameEdits, prepareRename } from '../../core/language/index.js';
import { fromPosition, toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { indexed } from './context.js';

export const RESTRICTED_MESSAGE = 'Specline does not change files in Restricted Mode. Trust this workspace to rename IDs and apply fixes.';

/**
 * Rename an ID everywhere it is defined or written, as one WorkspaceEdit (one undo). The
 * core refuses names that are not IDs, change the item's kind, or already exist; VS Code
 * shows its message in the rename box.
 */
export class RenameProvider implements vscode.RenameProvider {
  constructor(private readonly service: IndexService) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    if (!vscode.workspace.isTrusted) throw new Error(RESTRICTED_MESSAGE);
    const entry = indexed(this.service, document, true);
    if (!entry) throw new Error('Specline has not indexed this file (is it excluded in .specline.yml?).');
    const prepared = prepareRename(entry.analysis, entry.path, document.getText(), fromPosition(position));
    if ('error' in prepared) throw new Error(prepared.error);
    return { range: toRange(prepared.range), placeholder: prepared.placeholder };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const prepared = this.prepareRename(document, position);
    const entry = indexed(this.service, document, true)!;
    const result = getRenameEdits(entry.analysis, prepared.placeholder, newName);
    if ('error' in result) throw new Error(result.error);
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) edit.replace(uriFor(entry.index.folder, e.file), toRange(e.range), e.newText);
    return edit;
  }
}
