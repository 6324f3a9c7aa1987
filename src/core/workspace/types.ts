import type { Analysis } from '../analysis/types.js';
import type { Baseline } from '../baseline/baseline.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { DayNumber, Diagnostic, FilePath, FileResult } from '../model/types.js';

/**
 * The file system as the core sees it. The CLI plugs in Node's `fs`, the extension
 * `vscode.workspace.fs` (plus unsaved editor buffers), tests an in-memory map.
 * Paths are workspace-relative with `/` separators.
 */
export interface WorkspaceFileSystem {
  /**
   * Every candidate file under the root (the core applies include/exclude), including
   * entries that turn out not to be readable files: `stat` and `readFile` then say why.
   */
  listFiles(): Promise<FilePath[]>;
  /**
   * The bytes of a file. With `maxBytes`, hosts that can bound a read return at most that
   * many (the core passes its limit + 1, so "too large" is still seen). Throws an `Error`
   * whose message says why the path cannot be read ("permission denied", "not a regular
   * file (FIFO)"); a vanished file keeps its host's "not found" code.
   */
  readFile(path: FilePath, options?: { maxBytes?: number }): Promise<Uint8Array>;
  /**
   * Size in bytes, so huge files are skipped without reading them, and a check before any
   * open: throws like `readFile` for what is not a regular file. Optional.
   */
  stat?(path: FilePath): Promise<{ size: number }>;
  /** Folders and links the last `listFiles` could not look into, and why. Optional. */
  listProblems?(): readonly ListProblem[];
}

/** A path the lister could not look into (an unreadable folder, a link out of the root). */
export interface ListProblem {
  path: FilePath;
  reason: string;
}

/** Parses a batch of files; the CLI injects a worker-thread pool, the default parses in-thread. */
export type BatchParser = (files: Array<{ path: FilePath; text: string }>, config: SpeclineConfig) => Promise<FileResult[]>;

export interface WorkspaceOptions {
  fs: WorkspaceFileSystem;
  /** "Today" for overdue checks; a function so a long-lived workspace sees the date change. */
  today: () => DayNumber;
  /** Path of the config file, relative to the root; default `.specline.yml`. */
  configPath?: FilePath;
  /** Only analyse these paths (files or folders, relative); default the whole workspace. */
  paths?: FilePath[];
  parseBatch?: BatchParser;
  /**
   * Parse results to take instead of parsing again: a file whose path and text are those of
   * one of these keeps that result, when the config reads IDs and money as `config` does.
   * For another version of the same workspace (a baseline at a git revision), where most
   * files are unchanged. Results are snapshots, so sharing them is safe.
   */
  reuse?: { files: ReadonlyMap<FilePath, FileResult>; config: SpeclineConfig };
}

/** A long-lived, incrementally updated view of a workspace. */
export interface Workspace {
  /** Reads the config and indexes every included file. */
  load(): Promise<void>;
  /** Replaces one file's text (an editor buffer, a watcher event). Returns false when the path is not included. */
  setFile(path: FilePath, text: string): boolean;
  /**
   * Replaces several files' texts, parsing the changed ones with the injected batch parser
   * (which a host may run off its thread, or in slices).
   */
  setFiles(files: Array<{ path: FilePath; text: string }>): Promise<void>;
  /** Re-reads one file from the file system. */
  refreshFile(path: FilePath): Promise<void>;
  deleteFile(path: FilePath): void;
  /** Re-reads `.specline.yml` and re-parses when the kinds changed. */
  reloadConfig(): Promise<void>;
  /** The current analysis; cached until something changes. */
  analyze(): Analysis;
  /**
   * The same analysis in steps, for a host that must not be held for long: it runs the
   * next step, gives its thread away, and so on (`core/live/slices.ts`). Equal to
   * `analyze()` of the files as they were at the first step. A plain `analyze()` meanwhile
   * finishes the stepped one first, so the two never interleave.
   */
  analyzeSteps(): Generator<void, Analysis, void>;
  /**
   * The plan at the configured `baseline:` revision (read by the host, which knows git),
   * or why it could not be read: then a `schedule.slipped` warning on the `baseline:`
   * setting says so, and nothing is compared.
   */
  setBaseline(baseline: Baseline | { problem: string } | undefined): void;
  /** Files currently indexed. */
  files(): FilePath[];
  /** Problems in the config file (syntax or values). The CLI exits 2 on any; the editor shows them and goes on with defaults. */
  configProblems(): Diagnostic[];
  /** The config in force. */
  config(): SpeclineConfig;
  /** Where the config came from at the last read: its path, and whether it was read, absent (defaults) or unusable (why). */
  configSource(): ConfigSource;
}

export interface ConfigSource {
  path: FilePath;
  state: 'read' | 'missing' | 'unreadable';
  /** Why an unreadable config was not used. */
  reason?: string;
}
