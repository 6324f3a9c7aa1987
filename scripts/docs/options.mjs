// Writes the table of chart options in README.md (between `<!-- chart-options:start -->` and
// `<!-- chart-options:end -->`) from the option schemas of src/core/views (ganttOptions.ts,
// roadmapOptions.ts, matrixOptions.ts). Reads the compiled schemas in out/, so run it after
// `tsc -p .` (`npm run docs` does both). `--check` writes nothing and exits 1 when the README
// differs; test/unit/docs/chartOptionsDoc.test.ts does the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const START = '<!-- chart-options:start -->';
export const END = '<!-- chart-options:end -->';

/** README.md with its chart-options block written from `table`. */
export function withTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

async function main() {
  const url = pathToFileURL(join(root, 'out', 'src', 'core', 'views', 'chartOptionsDoc.js')).href;
  const { chartOptionsMarkdown } = await import(url);
  const file = join(root, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = withTable(before, chartOptionsMarkdown());
  if (process.argv.includes('--check')) {
    if (after !== before) {
      console.error('README.md chart options are out of date: run npm run docs');
      process.exit(1);
    }
    return;
  }
  if (after !== before) writeFileSync(file, after);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
