import { lstat, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { FilePath } from '../core/model/types.js';
import { UsageError } from './io.js';
import { entryKind } from '../node/nodeFileSystem.js';
import { toWorkspacePath } from '../node/nodeWorkspace.js';

export const DEFAULT_CONFIG_FILE = '.specline.yml';

/** What a command runs on: the workspace root and the part of it the user asked about. */
export interface Target {
  /** Absolute workspace root. */
  root: string;
  /** The PATH arguments relative to the root (`/` separators); empty means everything. */
  paths: FilePath[];
  /** `--config` relative to the root; undefined means the default `.specline.yml`. */
  configPath?: FilePath;
  /** Why this root and this config, in words (`--verbose`). */
  why: { root: string; config: string };
}

/**
 * Finds the workspace root: `--root`; else the nearest ancestor of the first PATH (or of
 * cwd) holding `.specline.yml`; else the first PATH when it is a folder; for a file, the
 * nearest folder above it that is cwd or a git work tree, else the file's own folder.
 * Every PATH must exist and lie inside the root.
 */
export async function resolveTarget(cwd: string, options: { root?: string; config?: string; positionals: string[] }): Promise<Target> {
  const absolutePaths = options.positionals.map((p) => path.resolve(cwd, p));
  const kinds = await Promise.all(absolutePaths.map(kindOf));
  const missing = kinds.indexOf(undefined);
  if (missing >= 0) throw new UsageError(`no such file or folder: ${options.positionals[missing]}`, 'PATH arguments name Markdown files or folders in the workspace.');

  let root: string;
  let whyRoot: string;
  if (options.root !== undefined) {
    root = path.resolve(cwd, options.root);
    if ((await kindOf(root)) !== 'dir') throw new UsageError(`--root ${options.root} is not a folder`);
    whyRoot = 'given by --root';
  } else {
    const first = absolutePaths[0];
    const start = first === undefined ? cwd : kinds[0] === 'dir' ? first : path.dirname(first);
    // Without a config: a folder PATH is the root. A file PATH takes the nearest folder
    // above it that is cwd or a git work tree (so links to sibling folders resolve), and
    // never the file-system root or the home folder; failing that, its own folder.
    const fallback = first === undefined ? cwd : kinds[0] === 'dir' ? first : await fileRoot(cwd, first);
    const found = await findConfigAncestor(start);
    const from = first === undefined ? 'the current folder' : 'the first PATH';
    root = found.dir ?? fallback;
    whyRoot = found.dir !== undefined
      ? `the nearest folder with ${DEFAULT_CONFIG_FILE} from ${from} up`
      : `no ${DEFAULT_CONFIG_FILE} from ${from} up to ${found.stoppedAt}; so ${first === undefined ? 'the current folder' : kinds[0] === 'dir' ? 'the first PATH' : 'the folder around the first PATH'}`;
  }

  const paths: FilePath[] = [];
  for (const [i, absolute] of absolutePaths.entries()) {
    const relative = toWorkspacePath(root, absolute);
    if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
      throw new UsageError(`${options.positionals[i]} is outside the workspace root ${root}`, 'pass --root with a folder that contains every PATH.');
    }
    if (relative === '') return withConfig(root, [], whyRoot, cwd, options.config);
    paths.push(relative);
  }
  return withConfig(root, paths, whyRoot, cwd, options.config);
}

async function withConfig(root: string, paths: FilePath[], whyRoot: string, cwd: string, config: string | undefined): Promise<Target> {
  const chosen = await configOf(cwd, root, config);
  const defaultConfig = path.join(root, DEFAULT_CONFIG_FILE);
  const whyConfig = chosen.configPath !== undefined
    ? `${path.resolve(root, chosen.configPath)} (given by --config)`
    : (await exists(defaultConfig)) ? `${defaultConfig} (the workspace default)` : `none: no ${DEFAULT_CONFIG_FILE} in the root, so the default settings apply`;
  return { root, paths, ...chosen, why: { root: `${root} (${whyRoot})`, config: whyConfig } };
}

async function fileRoot(cwd: string, file: string): Promise<string> {
  const home = homedir();
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (dir === home || path.dirname(dir) === dir) break;
    if (dir === cwd || (await kindOf(path.join(dir, '.git'))) !== undefined) return dir;
  }
  return path.dirname(file);
}

async function configOf(cwd: string, root: string, config: string | undefined): Promise<{ configPath?: FilePath }> {
  if (config === undefined) return {};
  const absolute = path.resolve(cwd, config);
  const kind = await kindOf(absolute);
  if (kind === undefined) {
    throw new UsageError(`config file not found: ${config}`, 'pass --config an existing .specline.yml, or leave it out to use the workspace default.');
  }
  if (kind !== 'file') {
    // Never opened: a FIFO would block the read forever, a device would never end.
    throw new UsageError(`--config ${config} is ${kind === 'dir' ? 'a folder' : `not a regular file (${await specialKind(absolute)})`}`, 'pass --config a .specline.yml file.');
  }
  return { configPath: toWorkspacePath(root, absolute) };
}

/**
 * The nearest folder from `start` up holding a `.specline.yml` (of any kind: one that is a
 * folder or a FIFO is found, and reported when read, rather than passed over for a config
 * further up). The search stops at the repository top (a folder with `.git`) and never
 * reads the home folder or the file-system root: a stray config there is not this project's.
 */
async function findConfigAncestor(start: string): Promise<{ dir?: string; stoppedAt: string }> {
  const home = homedir();
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (dir === home) return { stoppedAt: `the home folder ${dir}, not searched` };
    if (path.dirname(dir) === dir) return { stoppedAt: `the file-system root ${dir}, not searched` };
    if (await exists(path.join(dir, DEFAULT_CONFIG_FILE))) return { dir, stoppedAt: dir };
    if (await exists(path.join(dir, '.git'))) return { stoppedAt: `the repository top ${dir}` };
  }
}

/** Something is there (a broken link counts: it is a config that cannot be read, not no config). */
async function exists(absolute: string): Promise<boolean> {
  try {
    await lstat(absolute);
    return true;
  } catch {
    return false;
  }
}

async function specialKind(absolute: string): Promise<string> {
  try {
    return entryKind(await stat(absolute));
  } catch {
    return 'unknown';
  }
}

async function kindOf(absolute: string): Promise<'file' | 'dir' | 'other' | undefined> {
  try {
    const s = await stat(absolute);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return undefined;
  }
}

/** True when `file` is one of `paths` or inside one of them; everything is in scope when `paths` is empty. */
export function inPaths(paths: readonly FilePath[], file: FilePath): boolean {
  if (paths.length === 0) return true;
  return paths.some((p) => file === p || file.startsWith(`${p}/`));
}
