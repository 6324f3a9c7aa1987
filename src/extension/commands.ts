import * as vscode from 'vscode';
import { DOCS_BASE, RULES, ruleDocsUrl } from '../core/check/ruleCatalog.js';
import { COMMANDS } from './commandIds.js';
import type { IndexService } from './indexService.js';

/** The project's home, for the documentation command. */
export const PROJECT_URL = 'https://github.com/specline/specline';

/**
 * The palette commands, all under the "Specline" category. They are registered even
 * while Specline is switched off, so each can say so instead of failing silently.
 */
export function registerCommands(service: () => IndexService | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
  const needService = (): IndexService | undefined => {
    const s = service();
    if (!s) void vscode.window.showInformationMessage('Specline is switched off. Turn on the "specline.enable" setting to index and check plans.');
    return s;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.refreshIndex, async () => {
      const s = needService();
      if (!s) return;
      const started = performance.now();
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Specline: refreshing the index' }, () => s.reloadAll());
      log.info(`Index refreshed in ${Math.round(performance.now() - started)} ms`);
    }),

    vscode.commands.registerCommand(COMMANDS.showProblems, async () => {
      // The view's focus command always shows the panel; the Ctrl+Shift+M command
      // (`workbench.actions.view.problems`) toggles, so a second press would hide it.
      await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
    }),

    vscode.commands.registerCommand(COMMANDS.openDocumentation, async (code?: unknown) => {
      if (typeof code === 'string' && code) {
        await vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(code)));
        return;
      }
      type Pick = vscode.QuickPickItem & { url: string };
      const picks: Pick[] = [
        { label: '$(book) Specline', detail: 'The plan format, the CLI and the editor extension', url: PROJECT_URL },
        { label: '$(list-unordered) Diagnostic codes', detail: 'Every problem Specline reports, and how to fix or silence it', url: DOCS_BASE },
        { label: 'Rules', kind: vscode.QuickPickItemKind.Separator, url: '' },
        ...RULES.map((r) => ({ label: r.code, description: r.defaultSeverity, detail: r.description, url: ruleDocsUrl(r.code) })),
      ];
      const pick = await vscode.window.showQuickPick(picks, { title: 'Specline documentation', placeHolder: 'Open a page in the browser', matchOnDetail: true });
      if (pick?.url) await vscode.env.openExternal(vscode.Uri.parse(pick.url));
    }),

    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show(true)),
  );
}
