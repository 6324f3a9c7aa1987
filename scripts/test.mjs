// The whole test suite, as the README's one command: installs what is missing, then
// type-checks, lints, builds, and runs every mocha suite. Ends with one line
// "N passed, N failed" counting every test and check it ran.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', shell: false });
  if (r.status === 0) { passed++; console.log(`✔ ${name}`); return true; }
  failed++; console.log(`✖ ${name} (exit ${r.status ?? r.signal})`);
  return false;
}

step('install', process.execPath, ['scripts/ensure-deps.mjs']);
// The style sheets' modules (gitignored) before anything compiles; bundle.mjs makes them too.
step('style sheets', process.execPath, ['scripts/css.mjs']);
const compiled = step('typecheck and compile', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
step('typecheck extension', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.extension.json']);
step('typecheck webview', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/webview/tsconfig.json']);
step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0']);
step('links', process.execPath, ['scripts/docs/links.mjs']);
const bundled = step('bundle', process.execPath, ['scripts/bundle.mjs']);

if (compiled && bundled) {
  rmSync(join(root, 'out', 'mocha-stats.json'), { force: true });
  const r = spawnSync(process.execPath, ['scripts/mocha-run.mjs', 'out/test/unit', 'out/test/cli'], { stdio: ['inherit', 'inherit', 'inherit'], encoding: 'utf8' });
  // mocha-run.mjs exits with the failure count in its last line; read its stats file instead of guessing.
  const stats = readStats();
  if (stats) {
    passed += stats.passes;
    // A skipped test is not a passing one.
    failed += stats.failures + stats.pending;
    if (stats.pending) console.log(`✖ ${stats.pending} test(s) were skipped`);
  }
  else { failed++; console.log(`✖ unit tests did not report (exit ${r.status})`); }
} else {
  failed++;
  console.log('✖ unit tests not run: the build failed');
}

// The injection corpus in Chromium: needs the compiled core (out/), the CLI bundle and media/.
if (compiled && bundled) {
  rmSync(join(root, 'out', 'mocha-stats.json'), { force: true });
  console.log('\n▶ browser tests in Chromium: test/browser/**/*.test.mjs');
  const r = spawnSync(process.execPath, ['scripts/mocha-run.mjs', '--ext', '.test.mjs', 'test/browser'], { stdio: 'inherit' });
  const stats = readStats();
  if (stats) {
    passed += stats.passes;
    failed += stats.failures + stats.pending;
    if (stats.pending) console.log(`✖ ${stats.pending} browser test(s) were skipped`);
    if (stats.passes === 0) { failed++; console.log('✖ browser tests: no test ran'); }
  }
  else { failed++; console.log(`✖ browser tests did not report (exit ${r.status})`); }
} else {
  failed++;
  console.log('✖ browser tests not run: the build failed');
}

// The extension in a real VS Code (code-server) and the UI in Chromium. Both install what
// they need (Debian packages, code-server) on first use.
for (const [name, load] of [
  ['integration tests in VS Code', async () => (await import('./vscode/runIntegration.mjs')).runIntegration()],
  ['end-to-end tests in Chromium', async () => (await import('./vscode/runE2E.mjs')).runE2E()],
]) {
  if (!bundled) { failed++; console.log(`✖ ${name} not run: the build failed`); continue; }
  console.log(`\n▶ ${name}`);
  try {
    const r = await load();
    passed += r.passes;
    failed += r.failures + r.pending;
    if (r.passes === 0) { failed++; console.log(`✖ ${name}: no test ran`); }
  } catch (error) {
    failed++;
    console.log(`✖ ${name}: ${error?.stack ?? error}`);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

function readStats() {
  try {
    return JSON.parse(readFileSync(join(root, 'out', 'mocha-stats.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

