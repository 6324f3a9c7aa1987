import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.mmd` chart under the corpus folder, in a stable (sorted, depth-first) order. */
export function corpusCharts(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.mmd')) files.push(p);
    }
  };
  walk(root);
  return files;
}
