import { constants } from 'node:fs';
import { access, stat as fsStat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import { planTaskEdit } from '../../core/edit/planTaskEdit.js';
import { planTaskEdits } from '../../core/edit/planTaskEdits.js';
import type { TaskEditRefusal } from '../../core/edit/planTaskEdit.js';
import { checkTaskEditRequest } from '../../core/edit/taskEditRequest.js';
import { fileResultFor } from '../../core/language/freshFile.js';
import { COMMANDS } from '../commandIds.js';
import type { FolderIndex, IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { toWorkspaceEdit } from './edits.js';

/** What `specline.editTask` did: callers (the Gantt preview, other extensions) act on a refusal. */
export type EditTaskOutcome =
  | { ok: true; file: string; edits: number }
  | { ok: false; reason: TaskEditRefusal | 'restricted' | 'read-only' | 'not-applied'; message: string };

export const EDIT_RESTRICTED_MESSAGE = 'Specline does not change files in Restricted Mode. Trust this workspace to edit the plan from the chart.';

/**
 * `specline.editTask({ id, start?, end?, duration?, after?, progress?, status?, title?, expectedHash? })`:
 * applies exactly the change it is given as ONE WorkspaceEdit (one undo step), with no
 * question asked; the chart is what asks. Refused, with a warning that says why, in
 * Restricted Mode, on a file that cannot be written, and when the file changed since the
 * caller saw it (`expectedHash`). Given a list of such objects it applies them all as one
 * WorkspaceEdit (one undo), or none of them: the chart's "shift the predecessor chain".
 */
export function registerEditTask(service: IndexService): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.editTask, async (request: unknown): Promise<EditTaskOutcome> => {
    const outcome = Array.isArray(request) ? await editTasks(service, request) : await editTask(service, request);
    if (!outcome.ok) void vscode.window.showWarningMessage(outcome.message);
    return outcome;
  });
}

export async function editTask(service: IndexService, request: unknown): Promise<EditTaskOutcome> {
  const checked = checkTaskEditRequest(request);
  if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.message };
  if (!vscode.workspace.isTrusted) return { ok: false, reason: 'restricted', message: EDIT_RESTRICTED_MESSAGE };
  const id = checked.request.id;
  const found = findItem(service, id);
  if (!found) return { ok: false, reason: 'unknown-id', message: `${id} is not a task or milestone Specline knows` };
  const { index, file, analysis } = found;
  const uri = uriFor(index.folder, file);
  const readOnly = await readOnlyReason(uri);
  if (readOnly) return { ok: false, reason: 'read-only', message: `${file} ${readOnly}: ${id} was not changed` };
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const result = planTaskEdit({ text, file: fileResultFor(analysis, file, text), config: analysis.config }, request);
  if (!result.ok) return result;
  // The document may have changed while the edit was computed (awaits above): never apply it elsewhere.
  if (document.getText() !== text) return { ok: false, reason: 'stale', message: `${id}: ${file} changed while the edit was computed; nothing was written` };
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(index.folder, result.edits));
  // A whole change the user asked for, not typing: the chart redraws without the typing debounce.
  if (applied) index.editApplied([uri]);
  return applied ? { ok: true, file, edits: result.edits.length } : { ok: false, reason: 'not-applied', message: `VS Code did not apply the edit to ${file}` };
}

/** Several items' edits, in one or more files, as one WorkspaceEdit: all of them or none. */
export async function editTasks(service: IndexService, requests: readonly unknown[]): Promise<EditTaskOutcome> {
  if (requests.length === 0) return { ok: false, reason: 'invalid', message: 'specline.editTask was given an empty list' };
  if (requests.length === 1) return editTask(service, requests[0]);
  if (!vscode.workspace.isTrusted) return { ok: false, reason: 'restricted', message: EDIT_RESTRICTED_MESSAGE };
  const byFile = new Map<string, { index: FolderIndex; analysis: Analysis; requests: unknown[] }>();
  for (const request of requests) {
    const checked = checkTaskEditRequest(request);
    if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.message };
    const found = findItem(service, checked.request.id);
    if (!found) return { ok: false, reason: 'unknown-id', message: `${checked.request.id} is not a task or milestone Specline knows` };
    const key = `${found.index.folder.uri.toString()}\n${found.file}`;
    const group = byFile.get(key) ?? { index: found.index, analysis: found.analysis, requests: [] };
    group.requests.push(request);
    byFile.set(key, group);
  }
  const edit = new vscode.WorkspaceEdit();
  const texts: Array<{ document: vscode.TextDocument; text: string; file: string }> = [];
  let count = 0;
  for (const [key, { index, analysis, requests: own }] of byFile) {
    const file = key.slice(key.indexOf('\n') + 1);
    const uri = uriFor(index.folder, file);
    const readOnly = await readOnlyReason(uri);
    if (readOnly) return { ok: false, reason: 'read-only', message: `${file} ${readOnly}: nothing was changed` };
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    const input = { text, file: fileResultFor(analysis, file, text), config: analysis.config };
    const result = planTaskEdits(own.map((request) => ({ input, request })));
    if (!result.ok) return result;
    toWorkspaceEdit(index.folder, result.edits, edit);
    texts.push({ document, text, file });
    count += result.edits.length;
  }
  const changed = texts.find((t) => t.document.getText() !== t.text);
  if (changed) return { ok: false, reason: 'stale', message: `${changed.file} changed while the edit was computed; nothing was written` };
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied) for (const [key, { index }] of byFile) index.editApplied([uriFor(index.folder, key.slice(key.indexOf('\n') + 1))]);
  return applied ? { ok: true, file: texts[0]!.file, edits: count } : { ok: false, reason: 'not-applied', message: 'VS Code did not apply the edit' };
}

function findItem(service: IndexService, id: string): { index: FolderIndex; file: string; analysis: Analysis } | undefined {
  for (const index of service.all()) {
    const analysis = index.fresh();
    const item = analysis?.items.get(id);
    if (analysis && item && (item.kind === 'task' || item.kind === 'milestone')) return { index, file: item.file, analysis };
  }
  return undefined;
}

/** Why a file cannot be written (a read-only file system, or a file without write permission). */
async function readOnlyReason(uri: vscode.Uri): Promise<string | undefined> {
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'is on a read-only file system';
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0) return 'is read-only';
    if (uri.scheme === 'file') {
      // The mode bits say read-only even to root, whom access() lets write anything.
      const mode = (await fsStat(uri.fsPath)).mode;
      if ((mode & 0o222) === 0) return 'is read-only';
      await access(uri.fsPath, constants.W_OK);
    }
  } catch {
    return 'is read-only';
  }
  return undefined;
}
