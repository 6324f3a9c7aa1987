import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { FilePath } from '../core/model/types.js';
import { UsageError } from './io.js';
import { toWorkspacePath } from './nodeWorkspace.js';

export const DEFAULT_CONFIG_FILE = '.specline.yml';

/** What a command runs on: the workspace root and the part of it the user asked about. */
export interface Target {
  /** Absolute workspace root. */
  root: string;
  /** The PATH arguments relative to the root (`/` separators); empty means everything. */
  paths: FilePath[];
  /** `--config` relative to the root; undefined means the default `.specline.yml`. */
  configPath?: FilePath;
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
  if (options.root !== undefined) {
    root = path.resolve(cwd, options.root);
    if ((await kindOf(root)) !== 'dir') throw new UsageError(`--root ${options.root} is not a folder`);
  } else {
    const first = absolutePaths[0];
    const start = first === undefined ? cwd : kinds[0] === 'dir' ? first : path.dirname(first);
    // Without a config: a folder PATH is the root. A file PATH takes the nearest folder
    // above it that is cwd or a git work tree (so links to sibling folders resolve), and
    // never the file-system root or the home folder; failing that, its own folder.
    const fallback = first === undefined ? cwd : kinds[0] === 'dir' ? first : await fileRoot(cwd, first);
    root = (await findConfigAncestor(start)) ?? fallback;
  }

  const paths: FilePath[] = [];
  for (const [i, absolute] of absolutePaths.entries()) {
    const relative = toWorkspacePath(root, absolute);
    if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) {
      throw new UsageError(`${options.positionals[i]} is outside the workspace root ${root}`, 'pass --root with a folder that contains every PATH.');
    }
    if (relative === '') return { root, paths: [], ...(await configOf(cwd, root, options.config)) };
    paths.push(relative);
  }
  return { root, paths, ...(await configOf(cwd, root, options.config)) };
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
  if ((await kindOf(absolute)) !== 'file') {
    throw new UsageError(`config file not found: ${config}`, 'pass --config an existing .specline.yml, or leave it out to use the workspace default.');
  }
  return { configPath: toWorkspacePath(root, absolute) };
}

async function findConfigAncestor(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if ((await kindOf(path.join(dir, DEFAULT_CONFIG_FILE))) === 'file') return dir;
    if (path.dirname(dir) === dir) return undefined;
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
