import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FilePath } from '../core/model/types.js';
import { UsageError } from './io.js';
import { entryKind, isInside } from '../node/nodeFileSystem.js';

/** Kernel and device trees: what looks like a file there is an interface, and a write may hang or act. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

export interface OutTarget {
  /** `--out` as the user wrote it (for messages). */
  out: string;
  cwd: string;
  /** Absolute workspace root. */
  root: string;
  /** True for a workspace-relative path that is read as input (an indexed file or the config). */
  isInput(file: FilePath): boolean;
}

/**
 * Writes `--out`, after refusing what would lose or leak something: an input of the
 * workspace (never overwritten), a path inside the root that leads outside it through a
 * symbolic link, and anything that is not a regular file or a new one (a FIFO would block,
 * `/proc/self/status` is no file). A path outside the root by name was asked for and is fine.
 * Throws `UsageError` (exit 2).
 */
export async function writeOutFile(target: OutTarget, text: string): Promise<void> {
  const file = path.resolve(target.cwd, target.out);
  const refuse = (why: string, hint = 'pass --out a new file or a regular file that Specline does not read.'): never => {
    throw new UsageError(`cannot write ${target.out}: ${why}`, hint);
  };
  const real = await realTarget(file).catch((error: unknown) => refuse(error instanceof Error ? error.message : String(error)));
  const realRoot = await realpath(target.root).catch(() => target.root);
  if (SYSTEM_TREES.some((tree) => isInside(tree, real))) refuse(`${real} is in ${SYSTEM_TREES.find((tree) => isInside(tree, real))}, not a regular file`);
  if (isInside(target.root, file) && !isInside(realRoot, real)) {
    refuse(`it leads outside the workspace root through a symbolic link (to ${real})`, 'pass --out a path that stays in the workspace, or name the outside path itself.');
  }
  for (const [base, candidate] of [[target.root, file], [realRoot, real]] as const) {
    if (!isInside(base, candidate)) continue;
    const relative = path.relative(base, candidate).split(path.sep).join('/');
    if (target.isInput(relative)) refuse(`${relative} is an input of this workspace and is never overwritten`, 'pass --out a file that Specline does not read (e.g. under a folder excluded in .specline.yml).');
  }
  try {
    await mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    refuse(error instanceof Error ? error.message : String(error), 'pass --out a path in a writable folder.');
  }
  let handle;
  try {
    // Non-blocking, no truncation yet: what was opened is checked before anything changes.
    handle = await open(file, constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o666);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error), 'pass --out a path in a writable folder.');
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) refuse(`not a regular file (${entryKind(info)})`);
    await handle.truncate(0);
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * Where writing `file` would land: the real path of the file when it exists, else of its
 * nearest existing folder plus the rest. Throws with the reason for what is not writable.
 */
async function realTarget(file: string): Promise<string> {
  let info;
  try {
    info = await lstat(file);
  } catch {
    info = undefined;
  }
  if (info) {
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new Error('a symbolic link whose target does not exist');
    }
    const target = await stat(real);
    if (!target.isFile()) throw new Error(target.isDirectory() ? 'a folder, not a file' : `not a regular file (${entryKind(target)})`);
    return real;
  }
  const rest: string[] = [];
  for (let dir = file; ; dir = path.dirname(dir)) {
    try {
      return path.join(await realpath(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return file;
      rest.push(path.basename(dir));
    }
  }
}
