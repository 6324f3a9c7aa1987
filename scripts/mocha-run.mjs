// Runs mocha over the compiled test folders given as arguments and writes the counts to
// out/mocha-stats.json for scripts/test.mjs.
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// `--ext .test.mjs` picks other test files (the browser suite runs from its sources).
const args = process.argv.slice(2);
const extAt = args.indexOf('--ext');
const ext = extAt >= 0 ? args.splice(extAt, 2)[1] : '.test.js';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

const mocha = new Mocha({ timeout: 30000, reporter: 'spec' });
for (const dir of args) for (const f of testFiles(dir)) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes, failures: f, pending } = runner.stats;
  writeFileSync('out/mocha-stats.json', JSON.stringify({ passes, failures: f, pending }));
  process.exitCode = failures ? 1 : 0;
});
