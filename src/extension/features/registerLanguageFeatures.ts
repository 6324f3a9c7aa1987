import * as vscode from 'vscode';
import type { IndexService } from '../indexService.js';
import { CodeActionProvider } from './codeActions.js';
import { CodeLensProvider } from './codeLens.js';
import { ConvertChartActionProvider } from './convertChartAction.js';
import { COMPLETION_TRIGGERS, CompletionProvider } from './completion.js';
import { HoverProvider } from './hover.js';
import { DefinitionProvider, ReferenceProvider } from './navigation.js';
import { registerEditTask } from './editTask.js';
import { registerPlanCommands } from './planCommands.js';
import { RenameProvider } from './rename.js';
import { DocumentSymbolProvider, WorkspaceSymbolProvider } from './symbols.js';

/**
 * Markdown in the schemes of the workspace's folders (`file`, or a virtual file system's):
 * documents elsewhere (diffs, other windows' buffers, untitled files) are in no index.
 */
export function markdownSelector(): vscode.DocumentFilter[] {
  const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  return [...schemes].map((scheme) => ({ language: 'markdown', scheme }));
}

/** Registers every editing feature; each provider is a thin adapter over src/core/language. */
export function registerLanguageFeatures(service: IndexService): vscode.Disposable {
  const MARKDOWN = markdownSelector();
  const codeLens = new CodeLensProvider(service);
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new CompletionProvider(service), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(MARKDOWN, new HoverProvider(service)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new DefinitionProvider(service)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new ReferenceProvider(service)),
    vscode.languages.registerRenameProvider(MARKDOWN, new RenameProvider(service)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new DocumentSymbolProvider(service), { label: 'Specline items' }),
    vscode.languages.registerWorkspaceSymbolProvider(new WorkspaceSymbolProvider(service)),
    codeLens,
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CodeActionProvider(service), CodeActionProvider.metadata),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new ConvertChartActionProvider(service), ConvertChartActionProvider.metadata),
    registerPlanCommands(service),
    registerEditTask(service),
  );
}
