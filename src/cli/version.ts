import { readFile } from 'node:fs/promises';

/**
 * The version in Specline's package.json, found by walking up from this module: that
 * works for tsc output (`out/src/cli/`), the bundle (`dist/`) and an installed package
 * alike, without copying package.json into the build.
 */
export async function readVersion(from: URL = new URL('.', import.meta.url)): Promise<string> {
  for (let dir = from, depth = 0; depth < 6; dir = new URL('..', dir), depth++) {
    try {
      const pkg = JSON.parse(await readFile(new URL('package.json', dir), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'specline' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here, or not ours: keep walking
    }
    if (new URL('..', dir).href === dir.href) break;
  }
  return '0.0.0';
}
