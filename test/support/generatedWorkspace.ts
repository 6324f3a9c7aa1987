import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFixture } from './memoryFileSystem.js';

type Generate = (dir: string, options: { docs: number; seed?: number }) => unknown;

/**
 * The benchmark's generated workspace of `docs` documents (bench/generate.mjs, seeded, so
 * always the same files) as a file map, with `extraConfig` appended to its `.specline.yml`.
 * Large enough that the analysis shares its big maps between snapshots instead of copying.
 */
export async function generatedWorkspace(docs: number, extraConfig = ''): Promise<Record<string, string>> {
  const { generateWorkspace } = (await import(pathToFileURL(join(process.cwd(), 'bench', 'generate.mjs')).href)) as { generateWorkspace: Generate };
  const dir = mkdtempSync(join(tmpdir(), 'specline-generated-'));
  try {
    generateWorkspace(dir, { docs });
    const files = readFixture(dir);
    files['.specline.yml'] = `${files['.specline.yml'] ?? ''}${extraConfig}`;
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
