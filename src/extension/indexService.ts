import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/types.js';
import { LiveIndex } from '../core/live/liveIndex.js';
import type { LiveFileSystem, LiveState } from '../core/live/liveIndex.js';
import { systemToday } from '../core/model/dates.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import { fileResultFor } from '../core/language/freshFile.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { contentHash } from '../core/parse/contentHash.js';
import { DEFAULT_CONFIG_PATH } from '../core/workspace/createWorkspace.js';
import type { Workspace } from '../core/workspace/types.js';
import { applyConfiguredBaseline, BaselineReader } from '../node/baseline.js';
import { HOST_CLOCK } from './hostClock.js';
import { createThreadParser, parsesOnThread } from './parseThreadClient.js';
import type { ThreadParser } from './parseThreadClient.js';
import { readSettings, todayFor } from './settings.js';
import type { FolderFileSystem } from './workspaceBridge.js';
import { createFolderFileSystem, entryKind, openDocument, relativePath, uriFor } from './workspaceBridge.js';

/** Show a progress notification when the first index takes longer than this. */
const PROGRESS_AFTER_MS = 1000;

export type IndexState = LiveState;

/**
 * What is at `uri`. VS Code keeps documents that extensions opened for minutes after their
 * editors close, also when the file is deleted: for a clean open document ask the disk.
 */
async function diskKind(uri: vscode.Uri): Promise<'file' | 'directory' | 'missing'> {
  const doc = openDocument(uri);
  if (!doc || doc.isDirty) return entryKind(uri);
  return vscode.workspace.fs.stat(uri).then((s) => (s.type & vscode.FileType.Directory ? 'directory' : 'file'), () => 'missing');
}

/**
 * The index of one workspace folder: the core's `LiveIndex` (debounce, generations, queue,
 * disk reconcile, sliced analysis) wired to VS Code's file system, open documents,
 * settings and log.
 */
export class FolderIndex implements vscode.Disposable {
  readonly live: LiveIndex;
  private readonly parser: ThreadParser | undefined;
  private lastParsed: { path: FilePath; hash: string; config: SpeclineConfig; result: Promise<FileResult> } | undefined;
  private readonly fs: FolderFileSystem;
  private loadTokens = new vscode.CancellationTokenSource();
  private readonly skippedNoted = new Set<string>();
  /** Baselines read so far, by commit. */
  private baselines: BaselineReader | undefined;
  /** Where the last load spent its time, for the log. */
  private timing = { listMs: 0, listedAt: 0 };

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly log: vscode.LogOutputChannel,
    private readonly onAnalyzed: (index: FolderIndex) => void,
    private readonly onState: (index: FolderIndex) => void,
    parseThread?: string,
  ) {
    // Large files parse on a worker thread, so a plan of thousands of rows does not hold the host.
    this.parser = parseThread === undefined ? undefined : createThreadParser(parseThread, HOST_CLOCK, (reason) => log.warn(`${folder.name}: ${reason}; parsing on the extension host instead`));
    const fs = createFolderFileSystem({ folder, log, config: () => this.workspace.config(), token: () => this.loadTokens.token, prefetch: true });
    this.fs = fs;
    const listFiles = fs.listFiles.bind(fs);
    const live: LiveFileSystem = Object.assign(fs, {
      listFiles: async () => {
        const started = performance.now();
        const files = await listFiles();
        this.timing = { listMs: performance.now() - started, listedAt: performance.now() };
        return files;
      },
      kind: (path: FilePath) => diskKind(uriFor(folder, path)),
      listUnder: async (path: FilePath) => {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.joinPath(folder.uri, ...path.split('/')), '**/*'), null, 5000);
        return found.map((f) => relativePath(folder, f)).filter((p): p is FilePath => p !== undefined);
      },
      relist: () => createFolderFileSystem({ folder, log, config: () => this.workspace.config() }).listFiles(),
    });
    this.live = new LiveIndex({
      fs: live,
      clock: HOST_CLOCK,
      buffers: {
        get: (path) => {
          const doc = openDocument(uriFor(folder, path));
          return doc && !doc.isClosed ? { text: doc.getText(), dirty: doc.isDirty } : undefined;
        },
        dirtyPaths: () => vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => relativePath(folder, d.uri)).filter((p): p is FilePath => p !== undefined),
      },
      events: {
        analyzed: () => this.onAnalyzed(this),
        state: () => this.onState(this),
        error: (message) => this.log.error(`${folder.name}: ${message}`),
      },
      today: () => todayFor(folder.uri),
      debounceMs: () => readSettings(folder.uri).debounceMs,
      ...(this.parser ? { parseBatch: this.parser.parse } : {}),
      refreshBaseline: async () => {
        try {
          await this.refreshBaseline();
        } finally {
          this.fs.dropPrefetched();
        }
      },
    });
  }

  get workspace(): Workspace {
    return this.live.workspace;
  }

  get state(): IndexState {
    return this.live.state;
  }

  /** The latest published analysis (undefined until the first index completes). */
  get analysis(): Analysis | undefined {
    return this.live.analysis;
  }

  /** Files indexed so far during a load, and how many there are, for progress. */
  get progress(): { done: number; total: number } {
    return this.live.progress;
  }

  /** The config file's workspace-relative path. */
  get configPath(): FilePath {
    return DEFAULT_CONFIG_PATH;
  }

  /** Indexes the whole folder in the background; resolves when the first analysis is published. */
  async load(): Promise<void> {
    this.loadTokens.cancel();
    this.loadTokens.dispose();
    this.loadTokens = new vscode.CancellationTokenSource();
    const token = this.loadTokens.token;
    const started = performance.now();
    const progressTimer = setTimeout(() => { if (this.state === 'loading' && !token.isCancellationRequested) this.showProgress(token); }, PROGRESS_AFTER_MS);
    try {
      await this.live.load();
    } finally {
      clearTimeout(progressTimer);
      this.fs.dropPrefetched();
    }
    const analysis = this.analysis;
    if (token.isCancellationRequested || this.state !== 'ready' || !analysis) return;
    this.noteSource();
    this.noteSkipped(analysis);
    const ms = (n: number): number => Math.round(n);
    this.log.info(`${this.folder.name}: indexed ${this.workspace.files().length} files, ${analysis.items.size} items, ${analysis.diagnostics.length} problems in ${ms(performance.now() - started)} ms (list ${ms(this.timing.listMs)}, then read, parse and analyse ${ms(performance.now() - this.timing.listedAt)} ms)`);
  }

  /** An open editor's text changed (or a document was opened): index the buffer, not the disk. */
  documentChanged(document: vscode.TextDocument): void {
    const path = relativePath(this.folder, document.uri);
    if (path !== undefined) this.live.bufferChanged(path);
  }

  /** Specline applied an edit to these files (`specline.editTask`): re-check at once, not after the typing debounce. */
  editApplied(uris: readonly vscode.Uri[]): void {
    const paths = uris.map((uri) => relativePath(this.folder, uri)).filter((p): p is FilePath => p !== undefined);
    if (paths.length > 0) this.live.editApplied(paths);
  }

  /** A document was closed: unsaved edits are gone, so the disk is the truth again. */
  documentClosed(uri: vscode.Uri): void {
    this.diskChanged(uri);
  }

  /** The watcher saw `uri` created, changed or deleted (or a folder of files appear or vanish). */
  diskChanged(uri: vscode.Uri): void {
    const path = relativePath(this.folder, uri);
    if (path !== undefined) this.live.diskChanged(path);
  }

  /** Re-reads everything: `files.exclude` changed, or the user asked. */
  reloadAll(): Promise<void> {
    return this.load();
  }

  /** Re-analyses without re-reading (e.g. `specline.today` changed or the date rolled over). */
  reanalyze(): void {
    this.live.reanalyze();
  }

  /** The analysis including every edit made so far, for features that edit this very text (see `LiveIndex.fresh`). */
  fresh(): Analysis | undefined {
    return this.live.fresh();
  }

  /**
   * The parse of an open buffer's text for read features (the outline): the analysis's own
   * when it was made from this very text, else a fresh parse — on the parse thread for a
   * large or costly file, where a synchronous parse would hold the host for hundreds of milliseconds.
   * The last one is kept, since the outline, breadcrumbs and sticky scroll ask in turn.
   */
  fileResult(path: FilePath, text: string, analysis: Analysis): Promise<FileResult> {
    const known = analysis.files.get(path);
    const hash = contentHash(text);
    if (known && !known.skipped && known.hash === hash) return Promise.resolve(known);
    if (!this.parser || !parsesOnThread(text)) return Promise.resolve(fileResultFor(analysis, path, text));
    const last = this.lastParsed;
    if (last && last.path === path && last.hash === hash && last.config === analysis.config) return last.result;
    const result = this.parser.parse([{ path, text }], analysis.config).then((r) => r[0]!);
    this.lastParsed = { path, hash, config: analysis.config, result };
    return result;
  }

  /** True when edits to this file are waiting for the debounce timer. */
  hasPendingEdits(path: FilePath): boolean {
    return this.live.hasPendingEdits(path);
  }

  dispose(): void {
    this.live.dispose();
    this.parser?.dispose();
    this.loadTokens.cancel();
    this.loadTokens.dispose();
  }

  /**
   * Reads the plan at the configured `baseline:` revision with git, for `schedule.slipped`.
   * Git runs only in a trusted workspace on the local disk; elsewhere the setting gets one
   * warning saying why nothing is compared.
   */
  private async refreshBaseline(): Promise<void> {
    if (this.workspace.config().baseline === undefined) {
      this.workspace.setBaseline(undefined);
      return;
    }
    if (!vscode.workspace.isTrusted) {
      this.workspace.setBaseline({ problem: 'comparing runs git, which Specline does only in a trusted workspace' });
      return;
    }
    if (this.folder.uri.scheme !== 'file') {
      this.workspace.setBaseline({ problem: 'the folder is not on the local disk, where git could read its history' });
      return;
    }
    this.baselines ??= new BaselineReader(this.folder.uri.fsPath);
    const started = performance.now();
    await applyConfiguredBaseline(this.workspace, this.baselines, todayFor(this.folder.uri));
    this.log.info(`${this.folder.name}: baseline ${this.workspace.config().baseline?.ref} read in ${Math.round(performance.now() - started)} ms`);
  }

  /**
   * The folder's baseline reader (the one `baseline:` uses, so a revision is read once),
   * or why git may not run here: Restricted Mode, or a folder not on the local disk.
   */
  baselineReader(): BaselineReader | { unavailable: string } {
    if (!vscode.workspace.isTrusted) return { unavailable: 'Comparing with a git revision runs git, which Specline does only in a trusted workspace (Restricted Mode is on).' };
    if (this.folder.uri.scheme !== 'file') return { unavailable: 'The folder is not on the local disk, where git could read its history.' };
    return (this.baselines ??= new BaselineReader(this.folder.uri.fsPath));
  }

  private showProgress(token: vscode.CancellationToken): void {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Specline: indexing ${this.folder.name}`, cancellable: false },
      async (progress) => {
        let reported = 0;
        while (this.state === 'loading' && !token.isCancellationRequested) {
          const { done, total } = this.progress;
          if (total > 0 && done > reported) {
            progress.report({ message: `${done} of ${total} files`, increment: ((done - reported) / total) * 100 });
            reported = done;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    );
  }

  /** Which root and config this folder uses, and why, as `specline --verbose` says it. */
  private noteSource(): void {
    const source = this.workspace.configSource();
    const root = this.folder.uri.scheme === 'file' ? this.folder.uri.fsPath : this.folder.uri.toString();
    const config = source.state === 'read' ? `${source.path} (the workspace default)`
      : source.state === 'missing' ? `none: no ${source.path} in the folder, so the default settings apply`
        : `${source.path} was not read (${source.reason ?? 'unreadable'}), so the default settings apply until it is fixed`;
    const line = `${this.folder.name}: root ${root} (the workspace folder); config ${config}`;
    if (source.state === 'unreadable') this.log.error(line);
    else this.log.info(line);
  }

  private noteSkipped(analysis: Analysis): void {
    for (const f of analysis.files.values()) {
      // A file deleted between listing and reading is gone, not a problem: the watcher drops it.
      if (!f.skipped || /ENOENT|FileNotFound|EntryNotFound/.test(f.skipped)) continue;
      const key = `${f.file}\u0000${f.skipped}`;
      if (this.skippedNoted.has(key)) continue;
      this.skippedNoted.add(key);
      this.log.warn(`${this.folder.name}: skipped ${f.file}: ${f.skipped}`);
    }
  }

}

/** Where a document sits in the index: its folder, its path there, and the current analysis. */
export interface IndexedDocument {
  index: FolderIndex;
  path: FilePath;
  analysis: Analysis;
}

/**
 * Every workspace folder's index, kept in step with the editor, the disk and the
 * settings. Owns the document listeners and one file watcher per folder.
 */
export class IndexService implements vscode.Disposable {
  private readonly folders = new Map<string, FolderIndex>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analyzedEmitter = new vscode.EventEmitter<FolderIndex>();
  private readonly stateEmitter = new vscode.EventEmitter<FolderIndex>();
  private readonly removedEmitter = new vscode.EventEmitter<FolderIndex>();
  private lastDay = systemToday();

  /** A folder published a new analysis. */
  readonly onDidAnalyze = this.analyzedEmitter.event;
  /** A folder started or finished indexing. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** A folder left the workspace (or Specline was switched off). */
  readonly onDidRemoveFolder = this.removedEmitter.event;

  /** @param parseThread the parse thread's script (`dist/parseThread.cjs`), for large files. */
  constructor(private readonly log: vscode.LogOutputChannel, private readonly parseThread?: string) {
    const ws = vscode.workspace;
    this.disposables.push(
      this.analyzedEmitter, this.stateEmitter, this.removedEmitter,
      ws.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.folderOf(e.document.uri)?.documentChanged(e.document); }),
      ws.onDidOpenTextDocument((d) => this.folderOf(d.uri)?.documentChanged(d)),
      ws.onDidCloseTextDocument((d) => this.folderOf(d.uri)?.documentClosed(d.uri)),
      ws.onDidChangeWorkspaceFolders(() => this.syncFolders()),
      ws.onDidChangeConfiguration((e) => {
        for (const index of this.folders.values()) {
          if (e.affectsConfiguration('files.exclude', index.folder.uri)) void index.reloadAll();
          else if (e.affectsConfiguration('specline.today', index.folder.uri)) index.reanalyze();
        }
      }),
    );
    // "Today" moves at midnight: overdue checks must follow without a reload.
    const clock = setInterval(() => {
      const day = systemToday();
      if (day === this.lastDay) return;
      this.lastDay = day;
      for (const index of this.folders.values()) index.reanalyze();
    }, 60_000);
    this.disposables.push({ dispose: () => clearInterval(clock) });
  }

  /** Starts indexing every open folder in the background. */
  start(): void {
    this.syncFolders();
  }

  /**
   * One index per top-level workspace folder. A folder nested in another one (a multi-root
   * workspace listing both `repo` and `repo/plans`) is part of the outer folder's project:
   * indexing it alone would cut its links to the rest and report them all as unknown.
   */
  private syncFolders(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const topLevel = folders.filter((f) => !folders.some((outer) => outer !== f && relativePath(outer, f.uri) !== undefined));
    const wanted = new Set(topLevel.map((f) => f.uri.toString()));
    for (const index of [...this.folders.values()]) if (!wanted.has(index.folder.uri.toString())) this.removeFolder(index.folder);
    for (const f of topLevel) this.addFolder(f);
  }

  all(): FolderIndex[] {
    return [...this.folders.values()];
  }

  /** The folder index that owns `uri`: the top-level workspace folder containing it. */
  folderOf(uri: vscode.Uri): FolderIndex | undefined {
    const key = uri.toString();
    for (const index of this.folders.values()) {
      if (index.folder.uri.toString() === key || relativePath(index.folder, uri) !== undefined) return index;
    }
    return undefined;
  }

  /** The up-to-date analysis for a document, or undefined when it is not in any index yet. */
  document(uri: vscode.Uri): IndexedDocument | undefined {
    const index = this.folderOf(uri);
    if (!index) return undefined;
    const path = relativePath(index.folder, uri);
    if (path === undefined) return undefined;
    const analysis = index.fresh();
    return analysis ? { index, path, analysis } : undefined;
  }

  /** A URI's path in a folder's index. */
  pathOf(index: FolderIndex, uri: vscode.Uri): FilePath | undefined {
    return relativePath(index.folder, uri);
  }

  /** Resolves when no folder is loading any more. */
  async whenReady(): Promise<void> {
    while (this.all().some((f) => f.state === 'loading')) {
      await new Promise<void>((resolve) => {
        const sub = this.onDidChangeState(() => { sub.dispose(); resolve(); });
      });
    }
  }

  async reloadAll(): Promise<void> {
    await Promise.all(this.all().map((f) => f.reloadAll()));
  }

  dispose(): void {
    for (const f of [...this.folders.values()]) this.removeFolder(f.folder);
    for (const d of this.disposables) d.dispose();
  }

  private addFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    if (this.folders.has(key)) return;
    const index = new FolderIndex(folder, this.log, (i) => this.analyzedEmitter.fire(i), (i) => this.stateEmitter.fire(i), this.parseThread);
    this.folders.set(key, index);
    // Everything that could be a plan or the config; the index ignores the rest cheaply.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    const onDisk = (uri: vscode.Uri): void => {
      if (/(^|\/)(node_modules|\.git)(\/|$)/.test(uri.path)) return;
      index.diskChanged(uri);
    };
    this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidCreate(onDisk), watcher.onDidChange(onDisk), watcher.onDidDelete(onDisk)));
    void index.load();
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    const index = this.folders.get(key);
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
    if (!index) return;
    this.folders.delete(key);
    index.dispose();
    this.removedEmitter.fire(index);
  }
}
