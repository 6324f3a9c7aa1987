import * as vscode from 'vscode';
import type { PreviewKind } from '../../core/views/protocol.js';
import type { IndexService } from '../indexService.js';
import type { PreviewSnapshot } from './previewPanel.js';
import { PreviewPanel, webviewOptions } from './previewPanel.js';
import type { PreviewView } from './previewView.js';

/**
 * Opens, restores and feeds the preview panels: one panel per kind of preview (a second
 * "open" reveals it), kept in step with the index, the active editor and the cursor.
 */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<PreviewKind, PreviewPanel<unknown>>();
  private readonly disposables: vscode.Disposable[] = [];
  private serviceSubscriptions: vscode.Disposable | undefined;
  private isPlan: boolean | undefined;

  constructor(
    views: ReadonlyArray<PreviewView<unknown>>,
    private readonly service: () => IndexService | undefined,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    for (const view of views) {
      this.disposables.push(
        vscode.commands.registerCommand(view.command, (arg?: unknown) => this.open(view, arg)),
        vscode.window.registerWebviewPanelSerializer(view.viewType, {
          deserializeWebviewPanel: async (panel, state: unknown) => {
            const options = isRecord(state) ? state.options : undefined;
            this.log.info(`Restoring the ${view.kind} preview (${options === undefined ? 'default options' : 'saved options'})`);
            this.adopt(view, panel, options);
          },
        }),
      );
    }
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        for (const p of this.panels.values()) p.followEditor(editor);
        this.updateContext();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.languageId !== 'markdown') return;
        for (const p of this.panels.values()) if (p.panel.visible) p.selectionChanged(e.textEditor);
      }),
    );
  }

  /** Subscribes to a (new) index service: called whenever Specline starts. */
  attach(service: IndexService): void {
    this.serviceSubscriptions?.dispose();
    this.serviceSubscriptions = vscode.Disposable.from(
      service.onDidAnalyze((folder) => {
        for (const p of this.panels.values()) p.analyzed(folder);
        this.updateContext();
      }),
    );
    for (const p of this.panels.values()) p.reattach(this.service);
  }

  /** Called when Specline is switched off: panels say so instead of showing stale charts. */
  detach(): void {
    this.serviceSubscriptions?.dispose();
    this.serviceSubscriptions = undefined;
    for (const p of this.panels.values()) p.reattach(this.service);
  }

  /**
   * `specline.isPlanFile`: the active editor defines tasks or milestones, so the editor
   * title shows the Gantt button there, as Markdown's preview button shows on Markdown.
   */
  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    let isPlan = false;
    const service = this.service();
    if (document?.languageId === 'markdown' && service) {
      // The last analysis, not a fresh one: a fresh one analyses at once, on every switch of
      // editor, for a button that is updated again when the next analysis lands anyway.
      const index = service.folderOf(document.uri);
      const path = index ? service.pathOf(index, document.uri) : undefined;
      isPlan = (path !== undefined && index?.analysis?.files.get(path)?.items.some((i) => i.kind === 'task' || i.kind === 'milestone')) ?? false;
    }
    if (isPlan === this.isPlan) return;
    this.isPlan = isPlan;
    void vscode.commands.executeCommand('setContext', 'specline.isPlanFile', isPlan);
  }

  snapshots(): PreviewSnapshot[] {
    return [...this.panels.values()].map((p) => p.snapshot());
  }

  panel(kind: PreviewKind): PreviewPanel<unknown> | undefined {
    return this.panels.get(kind);
  }

  /**
   * Opens (or reveals) a preview beside the active editor. `arg` is the editor-title
   * button's resource URI, or an options object from another command (e.g. the Gantt of
   * one feature from a CodeLens).
   */
  async open(view: PreviewView<unknown>, arg?: unknown): Promise<PreviewSnapshot> {
    const existing = this.panels.get(view.kind);
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    let panel = existing;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? column, true);
    } else {
      const created = vscode.window.createWebviewPanel(view.viewType, titleOf(view.kind), { viewColumn: column, preserveFocus: true }, webviewOptions(this.extensionUri));
      panel = this.adopt(view, created, undefined);
    }
    if (!panel) throw new Error('unreachable');
    if (arg instanceof vscode.Uri) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (editor) panel.followEditor(editor);
    } else if (isRecord(arg) && isRecord(arg.options)) {
      panel.setOptions(view.restore({ ...(panel.currentOptions as object), ...arg.options }));
    }
    await panel.renderNow();
    return panel.snapshot();
  }

  dispose(): void {
    this.serviceSubscriptions?.dispose();
    for (const p of [...this.panels.values()]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private adopt(view: PreviewView<unknown>, webviewPanel: vscode.WebviewPanel, restored: unknown): PreviewPanel<unknown> {
    this.panels.get(view.kind)?.dispose();
    const panel = new PreviewPanel(webviewPanel, view, this.service, this.extensionUri, this.log, restored);
    this.panels.set(view.kind, panel);
    panel.onDidDispose(() => { if (this.panels.get(view.kind) === panel) this.panels.delete(view.kind); });
    return panel;
  }
}

function titleOf(kind: PreviewKind): string {
  switch (kind) {
    case 'gantt': return 'Gantt';
    case 'roadmap': return 'Roadmap';
    case 'matrix': return 'Traceability Matrix';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
