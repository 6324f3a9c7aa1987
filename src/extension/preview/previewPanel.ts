import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { innermostItem } from '../../core/language/analysisIndex.js';
import type { FilePath } from '../../core/model/types.js';
import { previewPageHtml } from '../../core/views/previewPage.js';
import type { HostMessage, WebviewMessage } from '../../core/views/protocol.js';
import { parseWebviewMessage } from '../../core/views/protocol.js';
import { RenderSync, stepMessage } from '../../core/views/renderSync.js';
import type { FolderIndex, IndexService } from '../indexService.js';
import { relativePath, uriFor } from '../workspaceBridge.js';
import type { CommandContext, PreviewView, RenderContext } from './previewView.js';

/** Renders after the first one wait this long for more changes (the index already debounces typing). */
const RENDER_DELAY_MS = 40;

/** A snapshot of a panel for the extension API (tests read it). */
export interface PreviewSnapshot {
  kind: string;
  visible: boolean;
  title: string;
  generation: number;
  folder?: string;
  activePath?: string;
  options: unknown;
  counts: Record<string, number>;
}

const nonce = (): string => randomBytes(18).toString('base64');

/** Webview options: scripts on, everything else closed, resources only from `media/`. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    enableFindWidget: true,
  };
}

/**
 * One preview panel: owns the webview, its options, and the render loop. Renders are
 * numbered; the webview drops any render older than the one it shows, and a render whose
 * markup equals the last one is not sent at all. A hidden panel does not render until it
 * is shown again.
 */
export class PreviewPanel<O> implements vscode.Disposable {
  private options: O;
  private folderKey: string | undefined;
  private activePath: FilePath | undefined;
  private generation = 0;
  private lastToolbar = '';
  /** What the webview was sent, so an edit sends only the blocks it changed. */
  private readonly sync = new RenderSync();
  private lastTitle = '';
  private counts: Record<string, number> = {};
  private dirty = true;
  private rescaleNext = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A gesture on this chart was just written: the next analysis is drawn without the coalescing delay. */
  private ownEdit = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pendingPng = new Map<number, { resolve: (data: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextPng = 1;
  /** The newest ghost request not answered yet, and whether one is being answered: older requests are dropped unanswered. */
  private ghostWanted: Extract<WebviewMessage, { type: 'ghost' }> | undefined;
  private ghostBusy = false;
  private selected: string | null = null;
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly view: PreviewView<O>,
    private service: () => IndexService | undefined,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    restored?: unknown,
  ) {
    this.options = restored === undefined ? view.defaults() : view.restore(restored);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', `${view.kind}.svg`);
    panel.webview.options = webviewOptions(extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => { if (panel.visible && this.dirty) this.schedule(true); }),
    );
    if (view.onDidChange) this.disposables.push(view.onDidChange(() => this.schedule(false)));
    // A chart that can edit the plan is drawn read-only in Restricted Mode; once the user
    // trusts the workspace, load the page again so its bars become draggable without reopening.
    if (view.gesture) this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => { panel.webview.html = this.pageHtml(); }));
    // A panel restored after a reload is often the active editor itself: follow the Markdown
    // editor visible beside it, as the user left it.
    const active = vscode.window.activeTextEditor;
    const beside = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'markdown');
    if (!this.followEditor(active) && beside) this.followEditor(beside);
    panel.webview.html = this.pageHtml();
  }

  /** The options the panel shows now. */
  get currentOptions(): O {
    return this.options;
  }

  snapshot(): PreviewSnapshot {
    return {
      kind: this.view.kind,
      visible: this.panel.visible,
      title: this.panel.title,
      generation: this.generation,
      ...(this.folderKey ? { folder: this.folderKey } : {}),
      ...(this.activePath ? { activePath: this.activePath } : {}),
      options: this.options,
      counts: { ...this.counts },
    };
  }

  /** Replaces the options (from a command argument or an editor-title button) and re-renders. */
  setOptions(options: O): void {
    this.options = options;
    this.schedule(true);
  }

  /** The analysis changed in `folder`: re-render if it is ours (or we have none yet). */
  analyzed(folder: FolderIndex): void {
    if (this.folderKey !== undefined && folder.folder.uri.toString() !== this.folderKey) return;
    // The analysis after an edit made on this chart is drawn at once: the user is waiting for
    // the bar they dropped, and there is no burst of typing to coalesce.
    const ownEdit = this.ownEdit;
    this.ownEdit = false;
    this.schedule(ownEdit);
  }

  /** The active editor changed: follow it when it is a Markdown file of an indexed folder. */
  followEditor(editor: vscode.TextEditor | undefined): boolean {
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown') return false;
    const index = this.service()?.folderOf(document.uri);
    if (!index) return false;
    const path = relativePath(index.folder, document.uri);
    const key = index.folder.uri.toString();
    if (key === this.folderKey && path === this.activePath) return false;
    this.folderKey = key;
    this.activePath = path;
    this.schedule(true);
    return true;
  }

  /** The cursor moved: highlight the item under it, if that item is in this view. */
  selectionChanged(editor: vscode.TextEditor): void {
    const context = this.context();
    if (!context) return;
    const path = relativePath(context.folder.folder, editor.document.uri);
    if (path === undefined) return;
    const position = editor.selection.active;
    const id = innermostItem(context.analysis, path, position.line, position.character)?.id ?? null;
    if (id === this.selected) return;
    this.selected = id;
    void this.post({ type: 'highlight', id, reveal: true });
  }

  /** Re-attach after Specline was switched off and on again. */
  reattach(service: () => IndexService | undefined): void {
    this.service = service;
    this.schedule(true);
  }

  /** Renders now (tests and commands that must see the result). */
  async renderNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.render();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const p of this.pendingPng.values()) p.reject(new Error('The preview was closed.'));
    this.pendingPng.clear();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private pageHtml(): string {
    const webview = this.panel.webview;
    const media = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...parts)).toString();
    return previewPageHtml({
      kind: this.view.kind,
      title: this.panel.title,
      cspSource: webview.cspSource,
      nonce: nonce(),
      scriptUri: media('preview.js'),
      styleUris: [media('preview.css')],
      ...(this.view.usesMermaid ? { mermaidUri: media('mermaid.min.js') } : {}),
      ...(this.view.inlineCss ? { inlineCss: this.view.inlineCss } : {}),
      ...(this.view.gesture && vscode.workspace.isTrusted ? { editable: true } : {}),
    });
  }

  /** The folder and analysis to render: the followed folder, else the first indexed one. */
  private context(): RenderContext | undefined {
    const service = this.service();
    if (!service) return undefined;
    const folders = service.all();
    let folder = folders.find((f) => f.folder.uri.toString() === this.folderKey);
    if (!folder) {
      folder = folders[0];
      this.activePath = undefined;
    }
    if (!folder?.analysis) return undefined;
    this.folderKey = folder.folder.uri.toString();
    return { analysis: folder.analysis, folder, ...(this.activePath ? { activePath: this.activePath } : {}) };
  }

  /** First render (or a user action) at once; renders caused by edits coalesce briefly. */
  private schedule(immediate: boolean): void {
    if (this.disposed) return;
    this.dirty = true;
    if (!this.panel.visible) return;
    if (immediate) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.timer = undefined; void this.render(); }, 0);
      return;
    }
    this.timer ??= setTimeout(() => { this.timer = undefined; void this.render(); }, RENDER_DELAY_MS);
  }

  private async render(): Promise<void> {
    if (this.disposed || !this.panel.visible) return;
    this.dirty = false;
    const context = this.context();
    let result;
    if (!context) {
      const service = this.service();
      const why = service ? (service.all().length === 0 ? 'Open a folder to see its plans.' : 'Indexing the workspace…') : 'Specline is switched off (specline.enable).';
      result = { toolbar: '', html: `<div class="sl-empty-state"><p>${why}</p></div>`, title: this.lastTitle || this.panel.title, counts: {} };
    } else {
      try {
        result = this.view.render(context, this.options);
      } catch (error) {
        // A view bug must not take the panel down: say so, keep the last good chart in the log.
        this.log.error(`The ${this.view.kind} preview failed to render: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        result = { toolbar: this.lastToolbar, html: '<div class="sl-empty-state"><p>This preview could not be drawn. See “Specline: Show Log” for details.</p></div>', title: this.lastTitle || this.panel.title, counts: {} };
      }
    }
    this.counts = result.counts;
    if (result.title !== this.lastTitle) {
      this.panel.title = result.title;
      this.lastTitle = result.title;
    }
    const steps = this.sync.next(result);
    this.lastToolbar = result.toolbar;
    if (steps.length === 0) return;
    for (const step of steps) {
      this.generation++;
      const message = stepMessage(step, { generation: this.generation, toolbar: result.toolbar, state: this.options, selected: this.selected, rescale: this.rescaleNext });
      this.rescaleNext = false;
      // Posted one after another without waiting: the webview handles them in order and
      // paints between them, so the first chunk of a large view shows at once.
      void this.post(message);
    }
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Ignored an invalid message from the ${this.view.kind} preview.`);
      return;
    }
    void this.handle(message).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      this.log.error(`${this.view.kind} preview: ${text}`);
      void vscode.window.showErrorMessage(`Specline: ${text}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A (re)loaded page shows nothing yet: always send it the current render.
        if (message.state !== undefined && this.generation === 0) this.options = this.view.restore(message.state);
        this.sync.reset();
        this.schedule(true);
        return;
      case 'reveal':
        await this.reveal(message.file, message.line);
        return;
      case 'option': {
        const next = this.view.option(this.options, message.key, message.value);
        if (next === undefined) return;
        if (this.view.rescales?.(this.options, next)) this.rescaleNext = true;
        this.options = next;
        this.schedule(true);
        return;
      }
      case 'toggle': {
        const next = this.view.toggle?.(this.options, message.key);
        if (next === undefined) return;
        this.options = next;
        this.schedule(true);
        return;
      }
      case 'command': {
        const context = this.context();
        if (!context || !this.view.runCommand) return;
        const next = await this.view.runCommand(message.command, message.arg, this.commandContext(context));
        if (next !== undefined) {
          this.options = next;
          this.schedule(true);
        }
        return;
      }
      case 'png': {
        const pending = this.pendingPng.get(message.requestId);
        if (!pending) return;
        this.pendingPng.delete(message.requestId);
        if (message.data) pending.resolve(Buffer.from(message.data, 'base64'));
        else pending.reject(new Error(message.error ?? 'The chart could not be drawn as a PNG.'));
        return;
      }
      case 'ghost':
        this.ghostWanted = message;
        if (!this.ghostBusy) void this.answerGhosts();
        return;
      case 'gesture': {
        const context = this.context();
        if (!context || !this.view.gesture) return;
        // Set before the edit: the index may publish its analysis before the command returns.
        this.ownEdit = message.generation === this.generation;
        const edited = message.generation === this.generation && await this.view.gesture(message.gesture, context);
        if (message.generation !== this.generation) void vscode.window.showWarningMessage('Specline: the chart changed while you dragged; nothing was written. Try again on the chart as it is now.');
        // An edit redraws the chart once the index has it (at once, see `analyzed`); anything else shows the plan as it is again.
        if (!edited) {
          this.ownEdit = false;
          this.sync.reset();
          this.schedule(true);
        }
        return;
      }
    }
  }

  /**
   * Answers the newest ghost request, one at a time, each after giving the host's thread to
   * whatever is waiting (a drag asks at every snapped step; only the latest matters).
   */
  private async answerGhosts(): Promise<void> {
    this.ghostBusy = true;
    try {
      while (this.ghostWanted && !this.disposed) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const request = this.ghostWanted;
        this.ghostWanted = undefined;
        const context = this.context();
        if (!request || !context || !this.view.ghost) continue;
        // A request about an older render gets an empty answer: the webview may ask the next one.
        const ghost = request.generation === this.generation ? await this.view.ghost(request.gesture, context) : { moves: [], more: 0, warnings: [] };
        if (!this.ghostWanted) void this.post({ type: 'ghost', generation: request.generation, for: request.seq, ...ghost });
      }
    } catch (error) {
      this.log.warn(`Specline: the drag preview failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.ghostBusy = false;
    }
  }

  /** Opens the file at the line, beside the preview. Only files of this folder's index are opened. */
  private async reveal(file: string, line: number): Promise<void> {
    const context = this.context();
    if (!context || !context.analysis.files.has(file)) return;
    const item = context.analysis.files.get(file)?.items.find((i) => i.idRange.start.line === line);
    const uri = uriFor(context.folder.folder, file);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const range = item
      ? new vscode.Range(item.idRange.start.line, item.idRange.start.character, item.idRange.end.line, item.idRange.end.character)
      : new vscode.Range(line, 0, line, 0);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (item) this.selected = item.id;
  }

  private commandContext(render: RenderContext): CommandContext<O> {
    return {
      render,
      options: this.options,
      rasterize: (svg, width, height, scale) => new Promise<Uint8Array>((resolve, reject) => {
        const requestId = this.nextPng++;
        this.pendingPng.set(requestId, { resolve, reject });
        void this.post({ type: 'rasterize', requestId, svg, width, height, scale });
      }),
      save: async (defaultName, filters, content) => {
        const target = await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(render.folder.folder.uri, defaultName),
          filters,
          saveLabel: 'Export',
        });
        if (!target) return undefined;
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        await vscode.workspace.fs.writeFile(target, bytes);
        return target;
      },
    };
  }
}
