import * as vscode from 'vscode';
import type { TextEdit } from '../../core/language/index.js';
import { toRange } from '../convert.js';
import { uriFor } from '../workspaceBridge.js';

/** Core edits (workspace-relative files, 0-based ranges) as one WorkspaceEdit: one undo step. */
export function toWorkspaceEdit(folder: vscode.WorkspaceFolder, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(uriFor(folder, e.file), toRange(e.range), e.newText);
  return edit;
}

/** The text a fix must be computed against: the open editor's buffer, else the disk. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return doc.getText();
}
