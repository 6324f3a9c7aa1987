// Runs mocha over the compiled test folders given as arguments and writes the counts to
// out/mocha-stats.json for scripts/test.mjs.
import Mocha from 'mocha';
import { readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const mocha = new Mocha({ timeout: 30000, reporter: 'spec' });
for (const dir of process.argv.slice(2)) for (const f of testFiles(dir)) mocha.addFile(f);
await mocha.loadFilesAsync();
const runner = mocha.run((failures) => {
  const { passes, failures: f, pending } = runner.stats;
  writeFileSync('out/mocha-stats.json', JSON.stringify({ passes, failures: f, pending }));
  process.exitCode = failures ? 1 : 0;
});
