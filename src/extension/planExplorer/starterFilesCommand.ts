import * as vscode from 'vscode';
import { STARTER_PLAN, starterSet } from '../../core/views/starterFiles.js';
import { todayFor } from '../settings.js';
import { uriFor } from '../workspaceBridge.js';
import { VIEW_COMMANDS } from './viewIds.js';

/** What the command did, for tests: workspace-relative paths. */
export interface StarterResult {
  created: string[];
  skipped: string[];
}

/**
 * "Create a starter plan": writes `roadmap.md`, `specs/FEAT-1.md`, `plans/plan.md` and a
 * commented `.specline.yml` (the same set as `specline init`) into the first workspace folder, never over an existing file, as ONE workspace edit (so Undo
 * takes it all back), saves them and opens the plan. When some already exist it asks
 * before creating the others; `{ quiet: true }` (tests) skips the question.
 */
export function registerStarterFilesCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(VIEW_COMMANDS.createStarterFiles, async (options?: { quiet?: boolean }): Promise<StarterResult | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage('Open a folder first: Specline creates the starter plan in it.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Specline does not create files in Restricted Mode. Trust this workspace to create a starter plan.');
      return undefined;
    }
    const files = starterSet(todayFor(folder.uri));
    const exists = await Promise.all(files.map((f) => vscode.workspace.fs.stat(uriFor(folder, f.path)).then(() => true, () => false)));
    const missing = files.filter((_, i) => !exists[i]);
    const skipped = files.filter((_, i) => exists[i]).map((f) => f.path);
    const plan = uriFor(folder, STARTER_PLAN);
    if (missing.length === 0) {
      void vscode.window.showInformationMessage(`The starter files already exist in ${folder.name}; nothing was changed.`);
      await vscode.window.showTextDocument(plan);
      return { created: [], skipped };
    }
    if (skipped.length > 0 && options?.quiet !== true) {
      const go = `Create ${missing.length === 1 ? missing[0]!.path : `the other ${missing.length}`}`;
      const answer = await vscode.window.showWarningMessage(
        `${skipped.join(', ')} already ${skipped.length === 1 ? 'exists' : 'exist'} and will not be changed.`,
        { modal: true, detail: `Specline would create ${missing.map((f) => f.path).join(', ')}. The starter files link to each other (G-1, FEAT-1, T-1…), so some links may point at nothing until you adapt them.` },
        go,
      );
      if (answer !== go) return undefined;
    }

    const edit = new vscode.WorkspaceEdit();
    for (const f of missing) {
      const uri = uriFor(folder, f.path);
      edit.createFile(uri, { ignoreIfExists: true });
      edit.insert(uri, new vscode.Position(0, 0), f.text);
    }
    if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: false }))) {
      void vscode.window.showErrorMessage('Specline could not create the starter files.');
      return undefined;
    }
    // Saved, so the files exist for `specline check` and git too; Undo still removes them.
    for (const f of missing) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriFor(folder, f.path).toString());
      if (doc?.isDirty) await doc.save();
    }
    const opened = exists[files.findIndex((f) => f.path === STARTER_PLAN)] ? plan : uriFor(folder, missing.some((f) => f.path === STARTER_PLAN) ? STARTER_PLAN : missing[0]!.path);
    await vscode.window.showTextDocument(opened, { preview: false });
    return { created: missing.map((f) => f.path), skipped };
  });
}
