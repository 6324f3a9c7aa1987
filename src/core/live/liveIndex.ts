import type { Analysis } from '../analysis/types.js';
import { fileMatcher } from '../config/loadConfig.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { DayNumber, FilePath, FileResult } from '../model/types.js';
import { parseFile } from '../parse/parseFile.js';
import { createWorkspace, DEFAULT_CONFIG_PATH } from '../workspace/createWorkspace.js';
import type { BatchParser, Workspace, WorkspaceFileSystem } from '../workspace/types.js';
import { runInSlices, SLICE_MS } from './slices.js';
import type { SliceHost } from './slices.js';

export type LiveState = 'loading' | 'ready' | 'failed';

/** Time as the live index sees it: a host clock in the editor, a fake one in tests. */
export interface LiveClock extends SliceHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's file system, plus what reconciling with the disk needs. */
export interface LiveFileSystem extends WorkspaceFileSystem {
  /** What is at a path now. */
  kind(path: FilePath): Promise<'file' | 'directory' | 'missing'>;
  /** Every file under a folder that just appeared. */
  listUnder(path: FilePath): Promise<FilePath[]>;
  /** Lists again after the include/exclude globs changed (default: `listFiles`). */
  relist?(): Promise<FilePath[]>;
}

/** An open editor's text: the index reads buffers, not the disk, while they are open. */
export interface LiveBuffer {
  text: string;
  /** Unsaved edits: the buffer is the truth even when the file is gone from the disk. */
  dirty: boolean;
}

/** The editor's open buffers, by workspace-relative path. */
export interface LiveBuffers {
  get(path: FilePath): LiveBuffer | undefined;
  /** Paths of buffers with unsaved edits (they win over what a load read from the disk). */
  dirtyPaths(): FilePath[];
}

/** What a live index tells its host. */
export interface LiveEvents {
  analyzed(analysis: Analysis): void;
  state(state: LiveState): void;
  /** Something went wrong that the user should be able to find in the log. */
  error?(message: string): void;
}

export interface LiveIndexOptions {
  fs: LiveFileSystem;
  clock: LiveClock;
  buffers: LiveBuffers;
  events: LiveEvents;
  today: () => DayNumber;
  /** The quiet period after a change before the index re-checks. */
  debounceMs: () => number;
  /** Parses batches (the first load, and edits); default: in this thread, yielding between files. */
  parseBatch?: BatchParser;
  /** Reads the baseline plan after a load or a config change (the host knows git). */
  refreshBaseline?: (workspace: Workspace) => Promise<void>;
  configPath?: FilePath;
  /** Longest stretch of analysis between two yields to the host. */
  sliceMs?: number;
}

/** A load or change overtaken by a newer one: stop quietly. */
export class Superseded extends Error {
  override readonly name = 'Superseded';
}

/** A pending change to one file, applied when the debounce timer fires. */
type Pending = 'buffer' | 'disk';

/**
 * How long a hint that Specline applied an edit waits for the editor to report the buffer
 * change (it comes within the same turn or the next ones): long enough for a busy host,
 * short enough that typing in that file later never skips its quiet period.
 */
const EDIT_HINT_MS = 2_000;

/**
 * The index of one workspace folder as the editor keeps it: loads it, applies editor and
 * disk changes after a quiet period, and re-analyses in slices so the host thread is never
 * held for long. Every change bumps a generation; an analysis whose generation is no
 * longer current is not published, so a slow re-check never shows results older than
 * what the user typed since. One queue runs loads and flushes one at a time.
 *
 * Nothing here knows the editor: time, files, buffers and events are injected (the
 * extension passes VS Code's, tests an in-memory file system and a fake clock).
 */
export class LiveIndex {
  readonly workspace: Workspace;
  state: LiveState = 'loading';
  /** The latest published analysis (undefined until the first load completes). */
  analysis: Analysis | undefined;
  /** Files parsed so far during a load, and how many there are, for progress. */
  progress = { done: 0, total: 0 };

  private generation = 0;
  private loadGeneration = 0;
  private readonly pending = new Map<FilePath, Pending>();
  /** Files whose next buffer change is an edit Specline applied, and until when that holds. */
  private readonly applied = new Map<FilePath, number>();
  private configChanged = false;
  private timer: unknown;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly configPath: FilePath;
  private readonly sliceMs: number;

  constructor(private readonly options: LiveIndexOptions) {
    this.configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.workspace = createWorkspace({
      fs: options.fs,
      today: options.today,
      // Only an explicit path makes a missing config an error (the CLI's `--config`).
      ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
      parseBatch: (files, config) => this.parse(files, config),
    });
  }

  /** Indexes the whole folder; resolves when the first analysis is published (or the load was superseded). */
  load(): Promise<void> {
    this.generation++;
    const load = ++this.loadGeneration;
    this.setState('loading');
    return this.enqueue(async () => {
      if (load !== this.loadGeneration || this.disposed) return;
      try {
        this.pending.clear();
        this.configChanged = false;
        await this.workspace.load();
        this.check(load);
        await this.options.refreshBaseline?.(this.workspace);
        this.check(load);
        await this.analyzeAndPublish(undefined);
        this.check(load);
        this.setState('ready');
      } catch (error) {
        if (error instanceof Superseded || load !== this.loadGeneration || this.disposed) return;
        this.options.events.error?.(`indexing failed: ${describe(error)}`);
        this.setState('failed');
      }
    });
  }

  /** An open buffer's text changed (or a document was opened): index the buffer, not the disk. */
  bufferChanged(path: FilePath): void {
    this.note(path, 'buffer');
  }

  /** A file, or a folder of files, was created, changed or deleted on disk (or its buffer closed). */
  diskChanged(path: FilePath): void {
    this.note(path, 'disk');
  }

  /**
   * Specline applied an edit to these files' buffers (a bar dropped on the chart, a command):
   * one whole change the user asked for, not typing, so it is re-checked at once instead of
   * after the quiet period. The editor may report the buffer change before or after this
   * call; a hint that sees no change within a short while lapses.
   */
  editApplied(paths: readonly FilePath[]): void {
    if (this.disposed) return;
    const until = this.options.clock.now() + EDIT_HINT_MS;
    let reported = false;
    for (const path of paths) {
      if (this.pending.get(path) === 'buffer') reported = true;
      else this.applied.set(path, until);
    }
    if (reported) this.changed(0);
  }

  /** Re-analyses without re-reading (e.g. "today" changed). */
  reanalyze(): void {
    this.changed();
  }

  /** True when edits to this file wait for the quiet period. */
  hasPendingEdits(path: FilePath): boolean {
    return this.pending.get(path) === 'buffer';
  }

  /**
   * The analysis including every buffer edit made so far, at once (for features that edit
   * ranges of this very text). Costs a synchronous parse and analysis: features that only
   * read take `analysis`, one keystroke behind.
   */
  fresh(): Analysis | undefined {
    // While a (re)load runs the file set is incomplete: answer from the last analysis.
    if (this.state === 'loading') return this.analysis;
    for (const [path, kind] of this.pending) {
      if (kind !== 'buffer') continue;
      const buffer = this.options.buffers.get(path);
      if (buffer) this.workspace.setFile(path, buffer.text);
      this.pending.delete(path);
    }
    return this.workspace.analyze();
  }

  /** Resolves when every queued load and flush has run. */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.loadGeneration++;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private note(path: FilePath, kind: Pending): void {
    if (path === this.configPath) this.configChanged = true;
    else this.pending.set(path, kind);
    const hint = kind === 'buffer' ? this.applied.get(path) : undefined;
    if (hint !== undefined) this.applied.delete(path);
    this.changed(hint !== undefined && this.options.clock.now() <= hint ? 0 : undefined);
  }

  /** Bumps the generation and (re)starts the timer: the quiet period, or `delayMs` for an applied edit. */
  private changed(delayMs?: number): void {
    this.generation++;
    if (this.disposed) return;
    const { clock } = this.options;
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.flush());
    }, delayMs ?? this.options.debounceMs());
  }

  /** Applies pending changes, then analyses and publishes unless something newer arrived meanwhile. */
  private async flush(): Promise<void> {
    if (this.disposed || this.state === 'loading') return; // the load in progress picks the changes up
    const generation = this.generation;
    if (this.configChanged) {
      this.configChanged = false;
      const globs = (c: SpeclineConfig): string => JSON.stringify([c.include, c.exclude]);
      const before = globs(this.workspace.config());
      await this.workspace.reloadConfig();
      // New include/exclude globs can bring in or drop files: list again.
      if (globs(this.workspace.config()) !== before) await this.relist();
      await this.options.refreshBaseline?.(this.workspace);
    }
    const batch = [...this.pending];
    this.pending.clear();
    const buffers: Array<{ path: FilePath; text: string }> = [];
    for (const [path, kind] of batch) {
      if (kind === 'buffer') {
        const buffer = this.options.buffers.get(path);
        if (buffer) buffers.push({ path, text: buffer.text });
        continue;
      }
      await this.refreshFromDisk(path);
    }
    if (buffers.length > 0) await this.workspace.setFiles(buffers);
    if (generation !== this.generation || this.disposed) return; // a newer change will publish
    await this.analyzeAndPublish(generation);
  }

  /** Brings a path in line with the disk (or its open buffer): a file, a folder of files, or gone. */
  private async refreshFromDisk(path: FilePath): Promise<void> {
    const buffer = this.options.buffers.get(path);
    const kind = await this.options.fs.kind(path);
    // Only unsaved edits keep a deleted file in the index; a clean buffer follows the disk.
    if (buffer && (buffer.dirty || kind === 'file')) {
      await this.workspace.setFiles([{ path, text: buffer.text }]);
      return;
    }
    if (kind === 'file') {
      await this.workspace.refreshFile(path);
      return;
    }
    // Deleted, or a folder: drop what was indexed under it, then index what is there now.
    const prefix = `${path}/`;
    for (const f of this.workspace.files()) if (f === path || f.startsWith(prefix)) this.workspace.deleteFile(f);
    if (kind === 'directory') for (const f of await this.options.fs.listUnder(path)) await this.workspace.refreshFile(f);
  }

  /** After a config change that kept the prefixes: files may have entered or left include/exclude. */
  private async relist(): Promise<void> {
    const fs = this.options.fs;
    const included = fileMatcher(this.workspace.config());
    const listed = new Set((await (fs.relist ? fs.relist() : fs.listFiles())).filter(included));
    const indexed = new Set(this.workspace.files());
    for (const f of indexed) if (!listed.has(f)) this.workspace.deleteFile(f);
    for (const f of listed) if (!indexed.has(f)) await this.workspace.refreshFile(f);
  }

  /**
   * Analyses in slices and publishes, unless a newer change arrived meanwhile (`generation`
   * undefined: a load, which publishes whatever it has, since nothing was published before).
   */
  private async analyzeAndPublish(generation: number | undefined): Promise<void> {
    // Open buffers with unsaved edits win over what was read from the disk.
    const dirty: Array<{ path: FilePath; text: string }> = [];
    for (const path of this.options.buffers.dirtyPaths()) {
      const buffer = this.options.buffers.get(path);
      if (buffer && path !== this.configPath) dirty.push({ path, text: buffer.text });
    }
    if (dirty.length > 0) await this.workspace.setFiles(dirty);
    const analysis = await runInSlices(this.workspace.analyzeSteps(), this.options.clock, this.sliceMs);
    if (this.disposed || (generation !== undefined && generation !== this.generation)) return;
    this.analysis = analysis;
    this.options.events.analyzed(analysis);
  }

  /** The default batch parser: in this thread, one file at a time, yielding between slices. */
  private async parse(files: Array<{ path: FilePath; text: string }>, config: SpeclineConfig): Promise<FileResult[]> {
    const load = this.loadGeneration;
    this.progress = { done: 0, total: files.length };
    const onProgress = (done: number): void => {
      this.progress.done = done;
    };
    if (this.options.parseBatch) {
      const out = await this.options.parseBatch(files, config);
      onProgress(files.length);
      return out;
    }
    const { clock } = this.options;
    const out: FileResult[] = [];
    let slice = clock.now();
    for (const f of files) {
      out.push(parseFile(f.path, f.text, config));
      onProgress(out.length);
      if (clock.now() - slice >= this.sliceMs) {
        await clock.yieldToHost();
        if (load !== this.loadGeneration || this.disposed) throw new Superseded();
        slice = clock.now();
      }
    }
    return out;
  }

  private check(load: number): void {
    if (load !== this.loadGeneration || this.disposed) throw new Superseded();
  }

  private setState(state: LiveState): void {
    this.state = state;
    this.options.events.state(state);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch((error: unknown) => {
      if (!(error instanceof Superseded)) this.options.events.error?.(describe(error));
    });
    return this.queue;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
