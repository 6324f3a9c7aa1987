import { realpath } from 'node:fs/promises';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import * as vscode from 'vscode';
import { fileMatcher } from '../core/config/loadConfig.js';
import type { SpeclineConfig } from '../core/model/configTypes.js';
import { MAX_FILE_BYTES } from '../core/model/limits.js';
import type { FilePath } from '../core/model/types.js';
import type { WorkspaceFileSystem } from '../core/workspace/types.js';

/** Reads in flight at once while prefetching a listing. */
const PREFETCH_CONCURRENCY = 64;

/** More candidates than this in one folder is not a plan repository; the rest is ignored (and logged). */
export const MAX_LISTED_FILES = 50_000;

/** The workspace-relative posix path of `uri` in `folder`, or undefined when it lies outside. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): FilePath | undefined {
  const root = folder.uri;
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  if (!uri.path.startsWith(base)) return undefined;
  const rel = uri.path.slice(base.length);
  return rel === '' ? undefined : rel;
}

/** The URI of a workspace-relative path. */
export function uriFor(folder: vscode.WorkspaceFolder, path: FilePath): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

/** The open editor document for `uri`, if any: its text is newer than the disk's. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
}

/** Globs of `files.exclude` that are switched on (conditional `when` entries are left to VS Code's own views). */
export function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const setting = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(setting).filter(([, on]) => on === true).map(([glob]) => glob);
}

/**
 * A predicate for VS Code-style exclude globs: a pattern that matches a folder excludes
 * everything in it (`**∕.git` excludes `.git/config`), as in the Explorer and search.
 */
export function excludeMatcher(globs: readonly string[]): (path: FilePath) => boolean {
  const usable: string[] = [];
  for (const g of globs) {
    try {
      picomatch(g);
      usable.push(g);
    } catch {
      // An invalid glob in the user's settings excludes nothing, as in VS Code.
    }
  }
  if (usable.length === 0) return () => false;
  const match = picomatch(usable, { dot: true });
  return (path) => {
    if (match(path)) return true;
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) if (match(path.slice(0, i))) return true;
    return false;
  };
}

/** One glob for `findFiles`: VS Code's glob syntax has no nested groups, so a pattern with braces is left to the post-filter. */
function joinGlobs(globs: readonly string[]): string | undefined {
  const simple = [...new Set(globs.filter((g) => !/[{}]/.test(g)))];
  if (simple.length === 0) return undefined;
  return simple.length === 1 ? simple[0] : `{${simple.join(',')}}`;
}

export interface FolderFileSystemOptions {
  folder: vscode.WorkspaceFolder;
  /** The config in force, asked for when listing (the core reads `.specline.yml` first). */
  config: () => SpeclineConfig;
  log: vscode.LogOutputChannel;
  /** Cancels a listing that is no longer wanted (a newer load started). */
  token?: () => vscode.CancellationToken | undefined;
  /** Start reading the listed files at once (for a full load, not for a re-listing). */
  prefetch?: boolean;
}

export interface FolderFileSystem extends WorkspaceFileSystem {
  /** Forgets reads started by the last listing that nobody used. */
  dropPrefetched(): void;
}

/**
 * The core's `WorkspaceFileSystem` over `vscode.workspace.fs`, so Specline works on any
 * file system VS Code has (local, remote, virtual). An open editor's text takes precedence
 * over the disk, so the index always reflects what the user sees, saved or not.
 *
 * Listing uses `findFiles` (ripgrep on disk: it never follows a symlink loop) with the
 * config's include and exclude globs plus `files.exclude`.
 */
export function createFolderFileSystem(options: FolderFileSystemOptions): FolderFileSystem {
  const { folder, log } = options;
  const encoder = new TextEncoder();
  /**
   * Reads started right after listing, many at a time: the core reads one file after the
   * other, and each read is a round trip that may wait behind a busy extension host.
   * Each entry is used once, so a later read always sees the file as it is then.
   */
  const prefetched = new Map<FilePath, Promise<{ size: number; bytes?: Uint8Array }>>();
  const prefetch = (paths: readonly FilePath[]): void => {
    prefetched.clear();
    let next = 0;
    const settle = new Map<FilePath, (v: { size: number; bytes?: Uint8Array } | Promise<never>) => void>();
    for (const path of paths) prefetched.set(path, new Promise((resolve) => settle.set(path, resolve)));
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const resolve = settle.get(path)!;
        const uri = uriFor(folder, path);
        try {
          const stat = await readableStat(folder, uri, options.config().followLinks === true);
          resolve(stat.size > MAX_FILE_BYTES ? { size: stat.size } : { size: stat.size, bytes: await vscode.workspace.fs.readFile(uri) });
        } catch (error) {
          resolve(Promise.reject(error));
        }
      }
    };
    for (let i = 0; i < Math.min(PREFETCH_CONCURRENCY, paths.length); i++) void worker();
  };
  /** A prefetched read, once; undefined when there is none or an editor has the file open. */
  const takePrefetched = (path: FilePath, uri: vscode.Uri, consume: boolean): Promise<{ size: number; bytes?: Uint8Array }> | undefined => {
    const entry = prefetched.get(path);
    if (!entry) return undefined;
    if (consume) prefetched.delete(path);
    if (openDocument(uri)) return undefined;
    entry.catch(() => undefined); // a rejection is handled by whoever awaits it
    return entry;
  };

  /**
   * An open document's text. VS Code keeps documents that extensions opened for minutes
   * after their editors close: unless it has unsaved edits, the disk decides whether there
   * is still a readable file there (a `.specline.yml` replaced by a folder is not one).
   */
  const openText = async (uri: vscode.Uri): Promise<string | undefined> => {
    const doc = openDocument(uri);
    if (!doc) return undefined;
    if (!doc.isDirty) await readableStat(folder, uri, options.config().followLinks === true);
    return doc.getText();
  };

  return {
    dropPrefetched: () => prefetched.clear(),

    async listFiles() {
      const config = options.config();
      const userExcludes = filesExclude(folder);
      const include = config.include.some((g) => /[{}]/.test(g)) ? '**/*' : joinGlobs(config.include) ?? '**/*';
      const exclude = joinGlobs([...config.exclude, ...userExcludes]);
      let uris: vscode.Uri[];
      try {
        uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude ?? null, MAX_LISTED_FILES, options.token?.());
      } catch (error) {
        // Virtual file systems without a search provider: index what is open instead.
        log.warn(`findFiles failed in ${folder.name}; only open documents are checked: ${String(error)}`);
        uris = vscode.workspace.textDocuments.map((d) => d.uri);
      }
      if (uris.length >= MAX_LISTED_FILES) log.warn(`${folder.name}: more than ${MAX_LISTED_FILES} candidate files; the rest are not indexed. Narrow "include" in .specline.yml.`);
      const excluded = excludeMatcher(userExcludes);
      const out: FilePath[] = [];
      for (const uri of uris) {
        const path = relativePath(folder, uri);
        if (path === undefined || excluded(path)) continue;
        out.push(path);
      }
      out.sort();
      if (options.prefetch) prefetch(out.filter(fileMatcher(config)));
      return out;
    },

    async readFile(path) {
      const uri = uriFor(folder, path);
      const text = await openText(uri);
      if (text !== undefined) return encoder.encode(text);
      const early = await takePrefetched(path, uri, true);
      if (early?.bytes) return early.bytes;
      // Checked before any open: reading a FIFO would never return.
      await readableStat(folder, uri, options.config().followLinks === true);
      return vscode.workspace.fs.readFile(uri);
    },

    async stat(path) {
      const uri = uriFor(folder, path);
      const text = await openText(uri);
      if (text !== undefined) return { size: text.length };
      const early = takePrefetched(path, uri, false);
      if (early) return { size: (await early).size };
      return { size: (await readableStat(folder, uri, options.config().followLinks === true)).size };
    },
  };
}

/**
 * The stat of a file that may be read, or an `Error` whose message says why not (the core
 * turns it into `file.skipped`): a folder, anything that is not a regular file (VS Code
 * reports FIFOs, sockets and devices as `Unknown`), and, unless `follow-links` is on, a
 * file whose real path (through a link to it or to a folder above it) is outside the
 * workspace folder. "Not found" keeps VS Code's
 * own error, so a deleted file is dropped rather than reported.
 */
export async function readableStat(folder: vscode.WorkspaceFolder, uri: vscode.Uri, followLinks: boolean): Promise<vscode.FileStat> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) throw new Error('a folder, not a file');
  if (!(stat.type & vscode.FileType.File)) throw new Error('not a regular file (a FIFO, socket or device)');
  // Not only when the file itself is a link: search follows symlinked folders, so a file
  // listed under one can lie outside too. One realpath each, on local disks only.
  if (!followLinks && uri.scheme === 'file') {
    const [real, root] = await Promise.all([realpath(uri.fsPath), realpath(folder.uri.fsPath).catch(() => folder.uri.fsPath)]);
    const relative = nodePath.relative(root, real);
    if (relative.startsWith('..') || nodePath.isAbsolute(relative)) {
      throw new Error(`symbolic link to a file outside the workspace${stat.type & vscode.FileType.SymbolicLink ? '' : ' (through a linked folder)'} (set follow-links: true in .specline.yml to read it)`);
    }
  }
  return stat;
}

/** What is at `uri` now: a file, a folder, or nothing (deleted, or unreadable). */
export async function entryKind(uri: vscode.Uri): Promise<'file' | 'directory' | 'missing'> {
  if (openDocument(uri)) return 'file';
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.Directory ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
