// Runs every test/e2e/*.e2e.mjs with mocha in this process (the UI tests drive code-server
// and Chromium through test/e2e/harness.mjs).
//
//   node scripts/vscode/runE2E.mjs [--grep text]
//
// Exit code 0 only when at least one test ran and none failed or was skipped.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanupNow, repoRoot } from './codeServer.mjs';

const e2eDir = join(repoRoot, 'test', 'e2e');

/**
 * Runs the e2e suites; `grep` selects tests by title.
 * @returns {Promise<{ passes: number, failures: number, pending: number, seconds: number }>}
 */
export async function runE2E({ grep } = {}) {
  const start = performance.now();
  // Each test starts its own code-server and browser: minutes, not mocha's 2 s default.
  const mocha = new Mocha({ ui: 'bdd', timeout: 5 * 60_000, reporter: 'spec', color: false, ...(grep ? { grep } : {}) });
  const files = readdirSync(e2eDir).filter((f) => f.endsWith('.e2e.mjs')).sort();
  if (files.length === 0) throw new Error(`no *.e2e.mjs files in ${e2eDir}`);
  for (const f of files) mocha.addFile(join(e2eDir, f));
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolvePromise) => {
    const runner = mocha.run(() => resolvePromise(runner.stats));
  });
  cleanupNow(); // a test that forgot to clean up must not leave a server behind
  const seconds = Math.round(performance.now() - start) / 1000;
  console.log(`[e2e] ${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending in ${seconds} s`);
  return { passes: stats.passes, failures: stats.failures, pending: stats.pending, seconds };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // No exitOnUnhandledErrors(): mocha reports a test's uncaught error as that test's failure.
  // Servers still die with the process (codeServer.mjs cleans up on exit and on signals).
  const { values } = parseArgs({ options: { grep: { type: 'string' } } });
  const r = await runE2E({ grep: values.grep });
  process.exitCode = r.failures === 0 && r.pending === 0 && r.passes > 0 ? 0 : 1;
}
