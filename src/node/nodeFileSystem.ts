import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FilePath } from '../core/model/types.js';
import type { ListProblem, WorkspaceFileSystem } from '../core/workspace/types.js';

/** Directories never worth descending into: skipping them here saves the core a glob test per file. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** A `.` or `..` segment, an empty one, or a leading slash: such a path goes through `path.join`. */
const PLAIN_RELATIVE_UNSAFE = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|^\/|\\|^$/;

/** Bytes read per `read` call; files are small, so one or two calls usually do. */
const READ_CHUNK = 64 * 1024;

/**
 * Why a path is not read, in words for the `file.skipped` message. Thrown by `stat` and
 * `readFile`; the core uses the message as it is.
 */
export class SkipReason extends Error {
  override readonly name = 'SkipReason';
}

export interface NodeFileSystemOptions {
  /**
   * `follow-links` of `.specline.yml`, asked for at each listing and read: whether links
   * that resolve outside the root are followed. Default: never.
   */
  followLinks?: () => boolean;
  /**
   * Check and read each file with blocking calls. For a command-line run, which has nothing
   * else to do meanwhile: the eight calls a file takes (lstat, realpath, stat, open, fstat,
   * two reads, close) then skip the thread pool and its promises, which cost a cold check
   * of 2,000 files about 0.4 s of CPU. Same checks, same errors. Default: asynchronous.
   */
  blocking?: boolean;
}

/** The calls a read makes, asynchronous or blocking. */
interface ReadCalls {
  lstat(p: string): Promise<Stats>;
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<Stats>;
  readBounded(p: string, maxBytes: number | undefined): Promise<Uint8Array>;
}

const ASYNC_CALLS: ReadCalls = { lstat, realpath: (p) => realpath(p), stat, readBounded };

// `async`, so a thrown error is a rejection as with the asynchronous calls. `realpath.native`
// is what fs/promises' realpath calls too.
const BLOCKING_CALLS: ReadCalls = {
  lstat: async (p) => lstatSync(p),
  realpath: async (p) => realpathSync.native(p),
  stat: async (p) => statSync(p),
  readBounded: async (p, maxBytes) => readBoundedBlocking(p, maxBytes),
};

/**
 * A `WorkspaceFileSystem` over `node:fs/promises`, rooted at `root`.
 *
 * Nothing in scope is dropped without a word: every entry that is not a folder (files,
 * links, FIFOs, sockets, devices) is listed, and `stat`/`readFile` say why one cannot be
 * read (the core turns that into `file.skipped`). Nothing outside the root is read unless
 * the config opts in: a link that resolves outside it is refused. A symlinked folder
 * inside the root is not descended into, since its files are already listed under their
 * real path (and a link loop cannot hang the walk); one outside the root is reported, or
 * walked once per real folder with `follow-links: true`. A folder that cannot be listed is
 * reported by `listProblems`; one that vanished while listing is simply gone.
 */
export function createNodeFileSystem(root: string, options: NodeFileSystemOptions = {}): WorkspaceFileSystem {
  const absoluteRoot = path.resolve(root);
  // A listed path has no `.`, `..` or empty segment, so joining is concatenating; `path.join`
  // (which normalises) stays for anything else, such as an explicit `--config ../x.yml`.
  const rootPrefix = absoluteRoot.endsWith(path.sep) ? absoluteRoot : absoluteRoot + path.sep;
  const toAbsolute = (file: FilePath): string =>
    path.sep === '/' && !PLAIN_RELATIVE_UNSAFE.test(file) ? rootPrefix + file : path.join(absoluteRoot, ...file.split('/'));
  const followLinks = (): boolean => options.followLinks?.() === true;
  const calls = options.blocking ? BLOCKING_CALLS : ASYNC_CALLS;
  let problems: ListProblem[] = [];
  let realRoot: Promise<string> | undefined;
  const resolvedRoot = (): Promise<string> => (realRoot ??= realpath(absoluteRoot).catch(() => absoluteRoot));
  /**
   * Blocking reads serve one command, during which a folder is not expected to turn into a
   * link: each folder's real path is resolved once, not once per file in it (a `realpath`
   * costs a system call per path component, a sixth of a cold check's reading).
   * Asynchronous reads serve a long-lived editor, so they resolve every file afresh.
   */
  const realFolders = new Map<string, string>();
  const realFolder = options.blocking
    ? (folder: string): string => {
      let real = realFolders.get(folder);
      if (real === undefined) {
        real = realpathSync.native(folder);
        realFolders.set(folder, real);
      }
      return real;
    }
    : undefined;

  /** The stats of what `file` leads to, after refusing what must not be read. */
  const checked = async (file: FilePath): Promise<Stats> => {
    const absolute = toAbsolute(file);
    // A path given outside the root (an explicit `--config ../x.yml`) was asked for by name.
    const lexicallyInside = !file.startsWith('../') && file !== '..';
    let target: Stats;
    try {
      const link = await calls.lstat(absolute);
      if (lexicallyInside && !link.isSymbolicLink() && realFolder !== undefined) {
        // Not a link itself: its real path is its folder's, which one command resolves once.
        if (!link.isFile() && !link.isDirectory()) throw new SkipReason(`not a regular file (${entryKind(link)})`);
        if (!followLinks() && !isInside(await resolvedRoot(), path.join(realFolder(path.dirname(absolute)), path.basename(absolute)))) {
          throw new SkipReason(`symbolic link to a ${link.isDirectory() ? 'folder' : 'file'} outside the workspace (set follow-links: true in .specline.yml to read it)`);
        }
        target = link;
      } else if (link.isSymbolicLink() || lexicallyInside) {
        const real = await calls.realpath(absolute).catch((error: unknown) => {
          throw (error as { code?: unknown }).code === 'ENOENT' && link.isSymbolicLink() ? new SkipReason('broken symbolic link (its target does not exist)') : error;
        });
        target = await calls.stat(real);
        if (!target.isFile() && !target.isDirectory()) throw new SkipReason(`not a regular file (${entryKind(target)})`);
        if (lexicallyInside && !followLinks() && !isInside(await resolvedRoot(), real)) {
          throw new SkipReason(`symbolic link to a ${target.isDirectory() ? 'folder' : 'file'} outside the workspace (set follow-links: true in .specline.yml to read it)`);
        }
      } else {
        target = link;
      }
    } catch (error) {
      throw describeFsError(error);
    }
    if (!target.isFile()) throw new SkipReason(target.isDirectory() ? 'a folder, not a file' : `not a regular file (${entryKind(target)})`);
    return target;
  };

  /**
   * Blocking reads serve one command, which asks for a file's size and then reads it: the
   * read takes the checks the size was given after (the open handle is checked again).
   */
  const justChecked = options.blocking ? new Set<FilePath>() : undefined;

  return {
    listFiles: async () => {
      problems = [];
      return listFiles(absoluteRoot, await resolvedRoot(), followLinks(), problems);
    },
    listProblems: () => problems,
    readFile: async (file, readOptions) => {
      if (!justChecked?.delete(file)) await checked(file);
      return calls.readBounded(toAbsolute(file), readOptions?.maxBytes);
    },
    stat: async (file) => {
      const { size } = await checked(file);
      justChecked?.add(file);
      return { size };
    },
  };
}

/**
 * Reads at most `maxBytes` (everything when undefined). Opened non-blocking and checked
 * again on the open handle, so a path swapped for a FIFO after the check cannot hang us.
 */
async function readBounded(absolute: string, maxBytes: number | undefined): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw describeFsError(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new SkipReason(`not a regular file (${entryKind(info)})`);
    const cap = maxBytes ?? Number.MAX_SAFE_INTEGER;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(READ_CHUNK, cap - total);
      if (want <= 0) break;
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  } catch (error) {
    throw describeFsError(error);
  } finally {
    await handle.close();
  }
}

/** `readBounded` with blocking calls: the same checks, reads and errors. */
function readBoundedBlocking(absolute: string, maxBytes: number | undefined): Uint8Array {
  let fd;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw describeFsError(error);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new SkipReason(`not a regular file (${entryKind(info)})`);
    const cap = maxBytes ?? Number.MAX_SAFE_INTEGER;
    const chunks: Buffer[] = [];
    let total = 0;
    // The first buffer fits the size fstat gives (one byte more, so the file is read whole
    // at once): a small file then comes from Node's shared buffer pool instead of costing
    // a 64 KB allocation each. The loop still reads until the end, whatever the size now.
    let first = info.size + 1;
    for (;;) {
      const want = Math.min(READ_CHUNK, cap - total, first);
      first = Number.MAX_SAFE_INTEGER;
      if (want <= 0) break;
      const buffer = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      // A regular file read short has reached its end: no call is needed to hear so.
      if (bytesRead < want) break;
    }
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  } catch (error) {
    throw describeFsError(error);
  } finally {
    closeSync(fd);
  }
}

async function listFiles(absoluteRoot: string, realRoot: string, followLinks: boolean, problems: ListProblem[]): Promise<FilePath[]> {
  const files: FilePath[] = [];
  /** Real folders walked through links outside the root, so a loop out there is walked once. */
  const followed = new Set<string>();

  const walk = async (relative: string): Promise<void> => {
    const absolute = relative === '' ? absoluteRoot : path.join(absoluteRoot, ...relative.split('/'));
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      // Gone since its parent was listed: nothing is lost. Anything else is reported.
      if ((error as { code?: unknown }).code !== 'ENOENT') problems.push({ path: relative === '' ? '.' : relative, reason: `folder not listed: ${describeFsError(error).message}` });
      return;
    }
    const subdirectories: Array<Promise<void>> = [];
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(walk(child));
      } else if (entry.isSymbolicLink()) {
        subdirectories.push(listLink(path.join(absolute, entry.name), child));
      } else {
        files.push(child); // files, and FIFOs, sockets and devices for the core to report
      }
    }
    await Promise.all(subdirectories);
  };

  /** A link to a file is listed (the read decides); a link to a folder is walked only when it leads outside and links are followed. */
  const listLink = async (absolute: string, relative: FilePath): Promise<void> => {
    let real: string;
    let target: Stats;
    try {
      real = await realpath(absolute);
      target = await stat(real);
    } catch {
      files.push(relative); // broken: reading it says so
      return;
    }
    if (!target.isDirectory()) {
      files.push(relative);
      return;
    }
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    if (SKIPPED_DIRECTORIES.has(name) || isInside(realRoot, real)) return; // listed under its real path already
    if (!followLinks) {
      problems.push({ path: relative, reason: 'symbolic link to a folder outside the workspace (set follow-links: true in .specline.yml to read it)' });
      return;
    }
    if (followed.has(real)) return;
    followed.add(real);
    await walk(relative);
  };

  await walk('');
  // The walk finishes in whatever order the disk answers; callers want a stable order.
  return files.sort(compareCodeUnits);
}

/** True when `child` is `parent` or lies inside it (both absolute and resolved). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The kind of a non-regular entry, for messages. */
export function entryKind(info: Stats): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isDirectory()) return 'folder';
  if (info.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

/** A file-system error as a reason in words; `ENOENT` keeps its code so callers can tell "gone". */
function describeFsError(error: unknown): Error {
  if (error instanceof SkipReason) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return new SkipReason('permission denied');
  if (code === 'EISDIR') return new SkipReason('a folder, not a file');
  if (code === 'ENOTDIR') return new SkipReason('a file where a folder was (changed while listing)');
  if (code === 'ELOOP') return new SkipReason('symbolic link loop');
  if (code === 'ENOENT') return error as Error;
  return error instanceof Error ? error : new Error(String(error));
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
