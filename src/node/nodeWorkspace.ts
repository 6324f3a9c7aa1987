import * as path from 'node:path';
import type { DayNumber, FilePath } from '../core/model/types.js';
import { createWorkspace } from '../core/workspace/createWorkspace.js';
import type { Workspace } from '../core/workspace/types.js';
import { createNodeFileSystem } from './nodeFileSystem.js';
import { createParsePool } from './parsePool.js';
import type { ParsePoolOptions } from './parsePool.js';

export interface NodeWorkspaceOptions {
  /** The workspace root folder (absolute, or relative to the process's cwd). */
  root: string;
  /** "Today", fixed or asked for on each analysis. */
  today: DayNumber | (() => DayNumber);
  /** The config file: absolute, or relative to `root`. Given means explicit (`--config`): a bad one throws `ConfigError`. */
  configPath?: string;
  /** Passed to the core as `WorkspaceOptions.paths`: only these files are indexed. The CLI does not use it (see `scope.ts`). */
  paths?: FilePath[];
  /** Threads for parsing: `false` or 1 parses in the main thread, a number caps the threads, default all cores. */
  parallel?: boolean | number;
  /** Finer control of the parse pool (thresholds, worker script); `parallel` wins for the thread count. */
  pool?: ParsePoolOptions;
  /** Told when worker threads fail and parsing falls back to the main thread (results are the same). */
  onFallback?: (reason: string) => void;
  /** Read files with blocking calls (see `NodeFileSystemOptions.blocking`): for a one-shot command. Default: asynchronous. */
  blockingReads?: boolean;
}

/** A core `Workspace` over the real file system, parsing on a worker-thread pool. */
export function createNodeWorkspace(options: NodeWorkspaceOptions): Workspace {
  const root = path.resolve(options.root);
  // The config is read before anything is listed, so `follow-links` is known in time.
  const fs = createNodeFileSystem(root, { followLinks: () => workspace.config().followLinks === true, blocking: options.blockingReads === true });
  const configPath = options.configPath === undefined ? undefined : toWorkspacePath(root, options.configPath);
  const threads = options.parallel === false ? 1 : typeof options.parallel === 'number' ? options.parallel : undefined;
  const pool = createParsePool({
    ...options.pool,
    ...(threads === undefined ? {} : { threads }),
    ...(options.onFallback === undefined ? {} : { onFallback: options.onFallback }),
  });
  const today = options.today;

  const workspace: Workspace = createWorkspace({
    fs,
    today: typeof today === 'function' ? today : () => today,
    ...(configPath === undefined ? {} : { configPath }),
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    parseBatch: pool,
  });
  return workspace;
}

/** A path relative to the root with `/` separators (may start with `../` for a config outside the root). */
export function toWorkspacePath(root: string, file: string): FilePath {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}
