import * as vscode from 'vscode';
import { analyzeAtRef, GitError } from '../node/git.js';
import { diffAnalyses } from '../core/report/changes.js';
import { renderStatusReport } from '../core/report/statusReport.js';
import type { FolderIndex, IndexService } from './indexService.js';
import { VIEW_COMMANDS } from './planExplorer/viewIds.js';

/** Arguments for scripted use (tests, keybindings): no questions asked for what is given. */
export interface StatusReportArgs {
  /** The folder's URI; default the active editor's folder, else ask when there are several. */
  folder?: string;
  /** A git revision to compare with ("Changes since …"). */
  since?: string;
}

/**
 * "Generate Status Report" and "Generate Status Report with Changes Since…": the core's
 * Markdown report for one folder, opened as a new untitled Markdown document (nothing is
 * written to disk). The "since" variant asks for a git revision (default `HEAD`) and reads
 * the plan as it was there with git; when git cannot (not installed, not a repository, a
 * virtual file system) it says so and produces the report without that section.
 */
export function registerReportCommands(service: () => IndexService | undefined): vscode.Disposable {
  const generate = async (args: StatusReportArgs | undefined, askSince: boolean): Promise<vscode.TextDocument | undefined> => {
    const s = service();
    if (!s) {
      void vscode.window.showInformationMessage('Specline is switched off. Turn on the "specline.enable" setting to generate reports.');
      return undefined;
    }
    const index = await pickFolder(s, args?.folder);
    if (!index) return undefined;
    let since = args?.since?.trim();
    if (since === undefined && askSince) {
      since = (await vscode.window.showInputBox({
        title: 'Status report: changes since…',
        prompt: 'A git commit, branch or tag to compare the plan with (HEAD: uncommitted changes; HEAD~1, main, v1.0 …)',
        value: 'HEAD',
        validateInput: (v) => (v.trim() === '' || /\s/.test(v.trim()) ? 'Enter one git revision, e.g. HEAD~1' : undefined),
      }))?.trim();
      if (since === undefined) return undefined;
    }

    await s.whenReady();
    // A snapshot: edits analysed while git runs below make new analyses and leave this one as it is.
    const analysis = index.fresh() ?? index.analysis;
    if (!analysis) {
      void vscode.window.showWarningMessage(`Specline has not indexed ${index.folder.name} yet.`);
      return undefined;
    }
    let changes;
    if (since) {
      if (!vscode.workspace.isTrusted) {
        // git reads the repository's own config (hooks, filters, fsmonitor): not in Restricted Mode.
        void vscode.window.showWarningMessage(`Specline does not run git in Restricted Mode: the report has no "Changes since ${since}" section. Trust the workspace to compare with a git revision.`);
      } else if (index.folder.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage(`Git is not available for ${index.folder.name} (not on the local file system): the report has no "Changes since ${since}" section.`);
      } else {
        try {
          const old = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: `Specline: reading the plan at ${since}` },
            () => analyzeAtRef({ root: index.folder.uri.fsPath, ref: since!, today: analysis.today }),
          );
          changes = { since, changes: diffAnalyses(old.analysis, analysis) };
        } catch (error) {
          if (!(error instanceof GitError)) throw error;
          if (error.kind === 'bad-ref') {
            void vscode.window.showErrorMessage(`Specline: ${error.message}. Name a commit, branch or tag.`);
            return undefined;
          }
          void vscode.window.showWarningMessage(`Specline: ${error.message}. The report has no "Changes since ${since}" section.`);
        }
      }
    }
    const title = `Status report — ${index.folder.name}`;
    const content = renderStatusReport(analysis, { title, ...(changes ? { changes } : {}) });
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(VIEW_COMMANDS.generateStatusReport, (args?: StatusReportArgs) => generate(args, false)),
    vscode.commands.registerCommand(VIEW_COMMANDS.generateStatusReportSince, (args?: StatusReportArgs) => generate(args, true)),
  );
}

/** The folder asked for, else the active editor's, else the only one, else the user's pick. */
async function pickFolder(service: IndexService, folder: string | undefined): Promise<FolderIndex | undefined> {
  const all = service.all();
  if (folder) return service.folderOf(vscode.Uri.parse(folder));
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? service.folderOf(active) : undefined;
  if (fromEditor) return fromEditor;
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Open a folder with plans to generate a status report.');
    return undefined;
  }
  if (all.length === 1) return all[0];
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Status report of which folder?' });
  return picked ? service.folderOf(picked.uri) : undefined;
}
