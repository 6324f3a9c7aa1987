import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import { addGoalEdit, suggestGoals, taskStub } from '../../core/language/index.js';
import type { FilePath } from '../../core/model/types.js';
import { COMMANDS } from '../commandIds.js';
import { toLocation } from '../convert.js';
import type { FolderIndex, IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { RESTRICTED_MESSAGE } from './rename.js';
import { currentText, toWorkspaceEdit } from './edits.js';

/**
 * Commands behind quick fixes and CodeLenses that need a choice from the user. They are
 * hidden from the Command Palette (they need an item to work on) but stay in the
 * "Specline" category.
 */
export function registerPlanCommands(service: IndexService): vscode.Disposable {
  const folderIndex = (uri: string): FolderIndex | undefined => service.folderOf(vscode.Uri.parse(uri));
  const trusted = (): boolean => {
    if (vscode.workspace.isTrusted) return true;
    void vscode.window.showWarningMessage(RESTRICTED_MESSAGE);
    return false;
  };

  return vscode.Disposable.from(
    // `planFile` (workspace-relative) skips the question, for callers that already know.
    vscode.commands.registerCommand(COMMANDS.createTaskStub, async (folderUri: string, featureId: string, planFile?: string) => {
      if (!trusted()) return false;
      const index = folderIndex(folderUri);
      const analysis = index?.fresh();
      if (!index || !analysis) return false;
      const plan = planFile ?? await pickPlan(analysis, featureId);
      if (!plan) return false;
      const uri = uriFor(index.folder, plan);
      const stub = taskStub(analysis, featureId, plan, await currentText(uri));
      if (!stub) {
        void vscode.window.showWarningMessage(`${featureId} is not a feature Specline knows any more.`);
        return false;
      }
      if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(index.folder, [stub.edit])))) return false;
      await revealId(uri, stub.id, stub.edit.range.start.line);
      return true;
    }),

    vscode.commands.registerCommand(COMMANDS.linkGoal, async (documentUri: string, featureId: string) => {
      if (!trusted()) return false;
      const uri = vscode.Uri.parse(documentUri);
      const index = service.folderOf(uri);
      const analysis = index?.fresh();
      if (!index || !analysis) return false;
      const text = await currentText(uri);
      type Pick = vscode.QuickPickItem & { id: string };
      const picks: Pick[] = suggestGoals(analysis, featureId, Number.MAX_SAFE_INTEGER, text).map((g) => ({
        id: g.id,
        label: g.id,
        description: g.title,
        detail: g.shared.length ? `shares: ${g.shared.join(', ')}` : undefined,
      }));
      if (picks.length === 0) {
        void vscode.window.showInformationMessage('There is no goal to link to yet: define one in the roadmap (for example "## G-1 Halve onboarding time").');
        return false;
      }
      const pick = await vscode.window.showQuickPick(picks, { title: `Link ${featureId} to a goal`, placeHolder: 'Best matches first', matchOnDescription: true });
      if (!pick) return false;
      const edit = addGoalEdit(analysis, featureId, pick.id, text);
      if (!edit) return false;
      return vscode.workspace.applyEdit(toWorkspaceEdit(index.folder, [edit]));
    }),

    vscode.commands.registerCommand(COMMANDS.showLinked, async (documentUri: string, line: number, character: number, ids: string[]) => {
      const uri = vscode.Uri.parse(documentUri);
      const index = service.folderOf(uri);
      const analysis = index?.analysis;
      if (!index || !analysis) return;
      const locations = ids.map((id) => analysis.items.get(id)).filter((i) => i !== undefined).map((i) => toLocation(index.folder, { file: i.file, range: i.idRange }));
      await vscode.commands.executeCommand('editor.action.showReferences', uri, new vscode.Position(line, character), locations);
    }),
  );
}

/** Asks which plan gets the new task: files that already hold tasks first (most tasks first), then the other plan documents. */
async function pickPlan(analysis: Analysis, featureId: string): Promise<FilePath | undefined> {
  type Pick = vscode.QuickPickItem & { file?: FilePath };
  const withTasks: Array<{ file: FilePath; tasks: number; title?: string }> = [];
  const others: Array<{ file: FilePath; title?: string }> = [];
  for (const f of analysis.files.values()) {
    if (f.skipped || !/\.(md|markdown)$/i.test(f.file)) continue;
    const tasks = f.items.filter((i) => i.kind === 'task').length;
    const title = f.title;
    if (tasks > 0) withTasks.push({ file: f.file, tasks, ...(title ? { title } : {}) });
    else if (f.planStart !== undefined || f.planCalendar !== undefined) others.push({ file: f.file, ...(title ? { title } : {}) });
  }
  withTasks.sort((a, b) => b.tasks - a.tasks || (a.file < b.file ? -1 : 1));
  const picks: Pick[] = withTasks.map((p) => ({ file: p.file, label: `$(checklist) ${p.file}`, description: p.title, detail: `${p.tasks} task${p.tasks === 1 ? '' : 's'}` }));
  if (others.length) {
    picks.push({ label: 'Plans without tasks', kind: vscode.QuickPickItemKind.Separator });
    picks.push(...others.map((p) => ({ file: p.file, label: `$(file) ${p.file}`, description: p.title })));
  }
  if (picks.length === 0) {
    void vscode.window.showInformationMessage('There is no project plan yet: create a Markdown file with a task (for example "- [ ] T-1 First task") and try again.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(picks, { title: `Plan a task for ${featureId}`, placeHolder: 'Which plan gets the new task?', matchOnDescription: true });
  return pick?.file;
}

/** Opens the plan and selects the new task's ID, so the user can type its title or estimate. */
async function revealId(uri: vscode.Uri, id: string, fromLine: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const doc = editor.document;
  for (let line = Math.max(0, fromLine); line < doc.lineCount; line++) {
    const at = doc.lineAt(line).text.indexOf(id);
    if (at < 0) continue;
    const range = new vscode.Range(line, at, line, at + id.length);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return;
  }
}
