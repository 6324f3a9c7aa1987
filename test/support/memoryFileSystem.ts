import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { WorkspaceFileSystem } from '../../src/core/workspace/types.js';

/** An in-memory workspace for tests: the core's file-system contract over a plain object. */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): WorkspaceFileSystem & { files: Record<string, string | Uint8Array> } {
  return {
    files,
    async listFiles() {
      return Object.keys(files);
    },
    async readFile(path) {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: ${path}`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    async stat(path) {
      const f = files[path];
      if (f === undefined) throw new Error(`ENOENT: ${path}`);
      return { size: typeof f === 'string' ? Buffer.byteLength(f) : f.length };
    },
  };
}

/** Reads a fixture folder from disk into a file map (posix relative paths). */
export function readFixture(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
