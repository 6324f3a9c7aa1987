import * as vscode from 'vscode';
import { registerCommands } from './commands.js';
import { DiagnosticsPublisher } from './diagnosticsPublisher.js';
import { registerLanguageFeatures } from './features/registerLanguageFeatures.js';
import { IndexService } from './indexService.js';
import { ganttPreview } from './preview/ganttPreview.js';
import { matrixPreview } from './preview/matrixPreview.js';
import type { MarkdownIt } from './preview/markdownPreview.js';
import { MarkdownPreviewBlocks } from './preview/markdownPreview.js';
import { PreviewManager } from './preview/previewManager.js';
import type { PreviewSnapshot } from './preview/previewPanel.js';
import type { PreviewView } from './preview/previewView.js';
import { roadmapPreview } from './preview/roadmapPreview.js';
import { readSettings } from './settings.js';
import { StatusBar } from './statusBar.js';
import { registerReportCommands } from './reportCommands.js';
import type { PlanTreeSnapshot } from './planExplorer/planExplorer.js';
import { registerPlanExplorer } from './planExplorer/planExplorer.js';

/** What tests (and other extensions) can reach through `extension.exports`. */
export interface SpeclineApi {
  /** Milliseconds `activate()` took. */
  activationMs: number;
  /** Resolves when every folder has finished its current (re)index. */
  whenReady(): Promise<void>;
  /** The status bar item as the user sees it. */
  status(): { text: string; tooltip: string; visible: boolean };
  /** The open preview panels: what each shows and its counts (bars, cards, cells…). */
  previews(): PreviewSnapshot[];
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`). */
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
  /** The Plan Explorer as drawn (after its debounce), fully expanded, with its badge. */
  planTree(): PlanTreeSnapshot;
}

/** Every preview panel kind; each registers its command and serializer. */
const PREVIEWS: ReadonlyArray<PreviewView<unknown>> = [
  ganttPreview as PreviewView<unknown>,
  roadmapPreview as PreviewView<unknown>,
  matrixPreview as PreviewView<unknown>,
];

/**
 * Activation does no file work: it wires listeners and starts indexing in the background,
 * so opening a Markdown file never waits for Specline.
 */
export function activate(context: vscode.ExtensionContext): SpeclineApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Specline', { log: true });
  context.subscriptions.push(log);

  let running: vscode.Disposable | undefined;
  let service: IndexService | undefined;
  let statusBar: StatusBar | undefined;
  const previews = new PreviewManager(PREVIEWS, () => service, context.extensionUri, log);
  const markdownBlocks = new MarkdownPreviewBlocks(() => service);
  context.subscriptions.push(previews, markdownBlocks);
  const start = (): void => {
    if (running || !readSettings().enable) return;
    service = new IndexService(log, vscode.Uri.joinPath(context.extensionUri, 'dist', 'parseThread.cjs').fsPath);
    const publisher = new DiagnosticsPublisher(service);
    statusBar = new StatusBar(service);
    const features = registerLanguageFeatures(service);
    running = vscode.Disposable.from(features, statusBar, publisher, service);
    previews.attach(service);
    markdownBlocks.attach(service);
    service.start();
  };
  const stop = (): void => {
    running?.dispose();
    running = undefined;
    service = undefined;
    statusBar = undefined;
    previews.detach();
  };

  context.subscriptions.push(
    registerCommands(() => service, log),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('specline.enable')) return;
      if (readSettings().enable) start();
      else {
        stop();
        log.info('Specline is switched off (specline.enable): problems cleared.');
      }
    }),
    { dispose: stop },
  );
  start();
  const planExplorer = registerPlanExplorer(() => service, context);
  context.subscriptions.push(registerReportCommands(() => service));

  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info(`Specline ${String(context.extension.packageJSON.version)} activated in ${activationMs} ms (indexing continues in the background)`);
  return {
    activationMs,
    whenReady: async () => { await service?.whenReady(); },
    status: () => statusBar?.snapshot() ?? { text: '', tooltip: '', visible: false },
    previews: () => previews.snapshots(),
    extendMarkdownIt: (md) => markdownBlocks.extend(md),
    planTree: () => planExplorer.snapshot(),
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions; VS Code disposes them.
}
