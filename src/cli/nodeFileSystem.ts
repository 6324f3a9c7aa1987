import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { FilePath } from '../core/model/types.js';
import type { WorkspaceFileSystem } from '../core/workspace/types.js';

/** Directories never worth descending into: skipping them here saves the core a glob test per file. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * A `WorkspaceFileSystem` over `node:fs/promises`, rooted at `root`.
 *
 * Listing walks the tree breadth-first in parallel and never follows a symlinked
 * directory, so symlink loops cannot hang it; a symlink to a file is listed (reads follow
 * it). Entries that vanish or become unreadable while listing are skipped silently: a
 * file deleted between `listFiles` and `readFile` is the core's concern, not a crash here.
 */
export function createNodeFileSystem(root: string): WorkspaceFileSystem {
  const absoluteRoot = path.resolve(root);
  const toAbsolute = (file: FilePath): string => path.join(absoluteRoot, ...file.split('/'));

  return {
    listFiles: () => listFiles(absoluteRoot),
    readFile: async (file) => {
      const buffer = await readFile(toAbsolute(file));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    stat: async (file) => ({ size: (await stat(toAbsolute(file))).size }),
  };
}

async function listFiles(absoluteRoot: string): Promise<FilePath[]> {
  const files: FilePath[] = [];

  const walk = async (relative: string): Promise<void> => {
    const absolute = relative === '' ? absoluteRoot : path.join(absoluteRoot, ...relative.split('/'));
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch {
      return; // vanished, not a directory any more, or unreadable
    }
    const subdirectories: Array<Promise<void>> = [];
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(walk(child));
      } else if (entry.isFile()) {
        files.push(child);
      } else if (entry.isSymbolicLink()) {
        subdirectories.push(addSymlinkedFile(path.join(absolute, entry.name), child, files));
      }
    }
    await Promise.all(subdirectories);
  };

  await walk('');
  // The walk finishes in whatever order the disk answers; callers want a stable order.
  return files.sort(compareCodeUnits);
}

/** Lists a symlink when it points at a regular file; links to directories are never followed. */
async function addSymlinkedFile(absolute: string, relative: FilePath, files: FilePath[]): Promise<void> {
  try {
    if ((await stat(absolute)).isFile()) files.push(relative);
  } catch {
    // dangling link or a target that vanished
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
