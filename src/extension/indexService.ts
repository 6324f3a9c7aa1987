import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/types.js';
import type { SpeclineConfig } from '../core/config/types.js';
import { systemToday } from '../core/model/dates.js';
import type { FilePath, FileResult } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';
import { createWorkspace, DEFAULT_CONFIG_PATH } from '../core/workspace/createWorkspace.js';
import type { BatchParser, Workspace } from '../core/workspace/types.js';
import { applyConfiguredBaseline, BaselineReader } from '../cli/baseline.js';
import { readSettings, todayFor } from './settings.js';
import type { FolderFileSystem } from './workspaceBridge.js';
import { createFolderFileSystem, entryKind, openDocument, relativePath, uriFor } from './workspaceBridge.js';

/** Parse for at most this long before giving the extension host its turn back. */
const SLICE_MS = 12;
/** Show a progress notification when the first index takes longer than this. */
const PROGRESS_AFTER_MS = 1000;

class Cancelled extends Error {
  override readonly name = 'Cancelled';
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export type IndexState = 'loading' | 'ready' | 'failed';

/** A pending change to one file, applied when the debounce timer fires. */
type Pending = { kind: 'buffer'; document: vscode.TextDocument } | { kind: 'disk' };

/**
 * The index of one workspace folder: owns the core `Workspace`, applies editor and disk
 * changes, and re-analyses after a quiet period. Every change bumps a generation number;
 * an analysis whose generation is no longer current is dropped, so a slow refresh can
 * never publish results older than what the user typed since.
 */
export class FolderIndex implements vscode.Disposable {
  readonly workspace: Workspace;
  private readonly fs: FolderFileSystem;
  state: IndexState = 'loading';
  /** The latest published analysis (undefined until the first index completes). */
  analysis: Analysis | undefined;
  /** Files indexed so far during a load, and how many there are, for progress. */
  progress = { done: 0, total: 0 };

  private generation = 0;
  private readonly pending = new Map<FilePath, Pending>();
  private configChanged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private loadTokens = new vscode.CancellationTokenSource();
  private disposed = false;
  private readonly skippedNoted = new Set<string>();
  /** Baselines read so far, by commit. */
  private baselines: BaselineReader | undefined;
  /** Where the last load spent its time, for the log. */
  private timing = { listMs: 0, listedAt: 0, readMs: 0, parseMs: 0 };

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly log: vscode.LogOutputChannel,
    private readonly onAnalyzed: (index: FolderIndex) => void,
    private readonly onState: (index: FolderIndex) => void,
  ) {
    const parseBatch: BatchParser = (files, config) => this.parseSliced(files, config);
    const fs = createFolderFileSystem({ folder, log, config: () => this.workspace.config(), token: () => this.loadTokens.token, prefetch: true });
    this.fs = fs;
    const listFiles = fs.listFiles.bind(fs);
    fs.listFiles = async () => {
      const started = performance.now();
      const files = await listFiles();
      this.timing.listMs = performance.now() - started;
      this.timing.listedAt = performance.now();
      return files;
    };
    this.workspace = createWorkspace({
      fs,
      today: () => todayFor(folder.uri),
      parseBatch,
    });
  }

  /** The config file's workspace-relative path. */
  get configPath(): FilePath {
    return DEFAULT_CONFIG_PATH;
  }

  /** Indexes the whole folder in the background; resolves when the first analysis is published. */
  load(): Promise<void> {
    this.generation++;
    this.loadTokens.cancel();
    this.loadTokens.dispose();
    this.loadTokens = new vscode.CancellationTokenSource();
    const token = this.loadTokens.token;
    this.setState('loading');
    return this.enqueue(async () => {
      if (token.isCancellationRequested || this.disposed) return;
      const started = performance.now();
      const progressTimer = setTimeout(() => { if (this.state === 'loading' && !token.isCancellationRequested) this.showProgress(token); }, PROGRESS_AFTER_MS);
      try {
        this.pending.clear();
        this.configChanged = false;
        try {
          await this.workspace.load();
        } finally {
          this.fs.dropPrefetched();
        }
        if (token.isCancellationRequested) return;
        await this.refreshBaseline();
        const analyzeStarted = performance.now();
        const analysis = this.analyzeNow();
        this.noteSource();
        this.noteSkipped(analysis);
        const t = this.timing;
        const ms = (n: number): number => Math.round(n);
        this.log.info(`${this.folder.name}: indexed ${this.workspace.files().length} files, ${analysis.items.size} items, ${analysis.diagnostics.length} problems in ${ms(performance.now() - started)} ms (list ${ms(t.listMs)}, read ${ms(t.readMs)}, parse ${ms(t.parseMs)}, analyse ${ms(performance.now() - analyzeStarted)} ms)`);
        this.setState('ready');
      } catch (error) {
        if (error instanceof Cancelled || token.isCancellationRequested) return;
        this.log.error(`${this.folder.name}: indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        this.setState('failed');
      } finally {
        clearTimeout(progressTimer);
      }
    });
  }

  /** An open editor's text changed (or a document was opened): index the buffer, not the disk. */
  documentChanged(document: vscode.TextDocument): void {
    const path = relativePath(this.folder, document.uri);
    if (path === undefined) return;
    if (path === this.configPath) this.configChanged = true;
    else this.pending.set(path, { kind: 'buffer', document });
    this.changed();
  }

  /** A document was closed: unsaved edits are gone, so the disk is the truth again. */
  documentClosed(uri: vscode.Uri): void {
    this.diskChanged(uri);
  }

  /** The watcher saw `uri` created, changed or deleted (or a folder of files appear or vanish). */
  diskChanged(uri: vscode.Uri): void {
    const path = relativePath(this.folder, uri);
    if (path === undefined) return;
    if (path === this.configPath) this.configChanged = true;
    else this.pending.set(path, { kind: 'disk' });
    this.changed();
  }

  /** Re-reads everything: `files.exclude` changed, or the user asked. */
  reloadAll(): Promise<void> {
    return this.load();
  }

  /** Re-analyses without re-reading (e.g. `specline.today` changed or the date rolled over). */
  reanalyze(): void {
    this.changed();
  }

  /**
   * The analysis including every edit made so far, for language features: pending buffer
   * edits are parsed now (one file each, cheap); the core caches the analysis until the
   * next change, so repeated requests cost nothing.
   */
  fresh(): Analysis | undefined {
    // While a (re)load runs the core's file set is incomplete: answer from the last analysis.
    if (this.state === 'loading') return this.analysis;
    for (const [path, p] of this.pending) {
      if (p.kind !== 'buffer') continue;
      if (!p.document.isClosed) this.workspace.setFile(path, p.document.getText());
      this.pending.delete(path);
    }
    return this.workspace.analyze();
  }

  /** True when edits to this file are waiting for the debounce timer. */
  hasPendingEdits(path: FilePath): boolean {
    return this.pending.get(path)?.kind === 'buffer';
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.loadTokens.cancel();
    this.loadTokens.dispose();
  }

  private changed(): void {
    this.generation++;
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.flush());
    }, readSettings(this.folder.uri).debounceMs);
  }

  /** Applies pending changes, then analyses and publishes unless something newer arrived meanwhile. */
  private async flush(): Promise<void> {
    if (this.disposed || this.state === 'loading') return; // the load in progress picks the changes up
    const generation = this.generation;
    if (this.configChanged) {
      this.configChanged = false;
      const globs = (c: SpeclineConfig): string => JSON.stringify([c.include, c.exclude]);
      const before = globs(this.workspace.config());
      try {
        await this.workspace.reloadConfig();
      } finally {
        this.fs.dropPrefetched();
      }
      // New include/exclude globs can bring in or drop files: list again.
      if (globs(this.workspace.config()) !== before) await this.relist();
      await this.refreshBaseline();
    }
    const batch = [...this.pending];
    this.pending.clear();
    for (const [path, p] of batch) {
      if (p.kind === 'buffer') {
        if (!p.document.isClosed) this.workspace.setFile(path, p.document.getText());
        continue;
      }
      await this.refreshFromDisk(path);
    }
    if (generation !== this.generation || this.disposed) return; // a newer change will publish
    const started = performance.now();
    const analysis = this.analyzeNow();
    this.log.debug(`${this.folder.name}: re-checked ${batch.length} changed file(s); ${analysis.diagnostics.length} problems in ${Math.round(performance.now() - started)} ms`);
  }

  /** Brings a path in line with the disk (or the open editor): a file, a folder of files, or gone. */
  private async refreshFromDisk(path: FilePath): Promise<void> {
    const uri = uriFor(this.folder, path);
    const doc = openDocument(uri);
    // VS Code keeps documents that extensions opened for minutes after their editors close,
    // also when the file is deleted: only unsaved edits keep a deleted file in the index.
    const kind = doc && !doc.isDirty ? await vscode.workspace.fs.stat(uri).then((s) => (s.type & vscode.FileType.Directory ? 'directory' : 'file'), () => 'missing') : await entryKind(uri);
    if (doc && (doc.isDirty || kind === 'file')) {
      this.workspace.setFile(path, doc.getText());
      return;
    }
    if (kind === 'file') {
      await this.workspace.refreshFile(path);
      return;
    }
    // Deleted, or a folder: drop what was indexed under it, then index what is there now.
    const prefix = `${path}/`;
    for (const f of this.workspace.files()) if (f === path || f.startsWith(prefix)) this.workspace.deleteFile(f);
    if (kind === 'directory') {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.joinPath(this.folder.uri, ...path.split('/')), '**/*'), null, 5000);
      for (const f of found) {
        const rel = relativePath(this.folder, f);
        if (rel !== undefined) await this.workspace.refreshFile(rel);
      }
    }
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

  /** After a config change that kept the prefixes: files may have entered or left include/exclude. */
  private async relist(): Promise<void> {
    const fs = createFolderFileSystem({ folder: this.folder, log: this.log, config: () => this.workspace.config() });
    const listed = new Set(await fs.listFiles());
    const indexed = new Set(this.workspace.files());
    for (const f of indexed) if (!listed.has(f)) this.workspace.deleteFile(f);
    for (const f of listed) if (!indexed.has(f)) await this.workspace.refreshFile(f);
  }

  private analyzeNow(): Analysis {
    // Open buffers that changed while the disk was being read win over what was read.
    for (const doc of vscode.workspace.textDocuments) {
      const path = relativePath(this.folder, doc.uri);
      if (path !== undefined && doc.isDirty && path !== this.configPath) this.workspace.setFile(path, doc.getText());
    }
    const analysis = this.workspace.analyze();
    this.analysis = analysis;
    this.onAnalyzed(this);
    return analysis;
  }

  /** The first index's parser: one file at a time, yielding to the host every few milliseconds. */
  private async parseSliced(files: Array<{ path: FilePath; text: string }>, config: SpeclineConfig): Promise<FileResult[]> {
    const token = this.loadTokens.token;
    const started = performance.now();
    this.timing.readMs = started - this.timing.listedAt;
    const out: FileResult[] = [];
    this.progress = { done: 0, total: files.length };
    let slice = performance.now();
    for (const f of files) {
      out.push(parseFile(f.path, f.text, config));
      this.progress.done++;
      if (performance.now() - slice > SLICE_MS) {
        await yieldToHost();
        if (token.isCancellationRequested || this.disposed) throw new Cancelled();
        slice = performance.now();
      }
    }
    this.timing.parseMs = performance.now() - started;
    return out;
  }

  private showProgress(token: vscode.CancellationToken): void {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Specline: indexing ${this.folder.name}`, cancellable: false },
      async (progress) => {
        let reported = 0;
        while (this.state === 'loading' && !token.isCancellationRequested && !this.disposed) {
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

  private setState(state: IndexState): void {
    this.state = state;
    this.onState(this);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch((error: unknown) => this.log.error(`${this.folder.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    return this.queue;
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

  constructor(private readonly log: vscode.LogOutputChannel) {
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
    const index = new FolderIndex(folder, this.log, (i) => this.analyzedEmitter.fire(i), (i) => this.stateEmitter.fire(i));
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
