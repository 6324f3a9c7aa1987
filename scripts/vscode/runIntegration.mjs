// Runs the integration suites (test/integration/**/*.test.ts) inside a real VS Code
// extension host: code-server + headless Chromium, each suite file in its own server over
// its own fresh copy of its workspace (a `// @fixture` header line, default examples/acme).
//
//   node scripts/vscode/runIntegration.mjs [--fixture examples/acme] [--suite activation]…
//                                          [--timeout 300] [--keep]
//
// Exit code 0 only when at least one test ran and none failed or was skipped.
import { SourceMap } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleTests, integrationSuites } from './bundleTests.mjs';
import {
  bundleExtension, copyFixture, ensureCodeServer, ensureSystemPackages, exitOnUnhandledErrors,
  extensionTestPayload, openWorkbench, repoRoot, startCodeServer, tail, tempDir, waitUntil,
} from './codeServer.mjs';

const RESULTS_FILE_NAME = 'integration-results.json'; // test/integration/index.ts
const CONTEXT_FILE_NAME = 'integration-context.json'; // test/integration/support.ts
const EXIT_LINE = /Extension Host Process exited with code: (\S+?),? signal: (\S+?)\.?$/m;

/**
 * Installs what is missing, builds, then runs each suite file in its own code-server on its
 * own fresh copy of its workspace, so that one suite's failure (or the files it leaves
 * behind) can never cascade into the next. A suite names its workspace in a header line
 * `// @fixture <folder or generator.mjs>` (default: `workspaceFixture`); a generator module
 * exports `default(parentDir)` that writes a workspace and returns its folder.
 * @param {{ workspaceFixture?: string, suites?: string[], timeoutMs?: number, keep?: boolean }} [options]
 *   `suites`: only run suite files whose path contains one of these strings.
 * @returns {Promise<{ passes: number, failures: number, pending: number, tests: object[], timings: Record<string, number> }>}
 */
export async function runIntegration({ workspaceFixture, suites, timeoutMs = 5 * 60_000, keep = false } = {}) {
  await ensureSystemPackages();
  await ensureCodeServer();
  await bundleExtension();
  const files = integrationSuites().filter((file) => !suites?.length || suites.some((part) => file.includes(part)));
  if (files.length === 0) throw new Error(`no integration suite matches ${suites?.join(', ')}`);
  const total = { passes: 0, failures: 0, pending: 0, tests: [], timings: {} };
  for (const file of files) {
    const suite = file;
    const fixture = workspaceFixture ?? fixtureOf(file);
    console.log(`\n[integration] ${suite} on a fresh copy of ${fixture}`);
    let r;
    try {
      r = await runSuiteFile({ suite, workspaceFixture: fixture, timeoutMs, keep });
    } catch (err) {
      // A suite that could not run counts as one failure; the next suite still runs.
      console.log(`[integration] ✖ ${suite} did not complete: ${err.message}`);
      r = { passes: 0, failures: 1, pending: 0, tests: [{ title: suite, fullTitle: `${suite} (did not complete)`, state: 'failed', error: { message: err.message } }], timings: {} };
    }
    total.passes += r.passes;
    total.failures += r.failures;
    total.pending += r.pending;
    total.tests.push(...r.tests);
    total.timings[suite] = r.timings.total ?? 0;
  }
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results', RESULTS_FILE_NAME), `${JSON.stringify(total, null, 2)}\n`);
  console.log(`\n[integration] all suites: ${total.passes} passing, ${total.failures} failing, ${total.pending} pending`);
  return total;
}

/** The workspace a suite file asks for in its `// @fixture` header line. */
function fixtureOf(file) {
  const match = /^\/\/ @fixture (\S+)\s*$/m.exec(readFileSync(join(repoRoot, file), 'utf8').split('\n').slice(0, 30).join('\n'));
  return match ? match[1] : 'examples/acme';
}

/** A fixture folder copied into `parent`, or the workspace a generator module writes there. */
async function prepareWorkspace(fixture, parent) {
  if (!fixture.endsWith('.mjs')) return copyFixture(fixture, parent);
  const generator = await import(pathToFileURL(resolve(repoRoot, fixture)).href);
  return generator.default(parent);
}

/** One suite file in its own code-server over its own workspace. */
async function runSuiteFile({ suite, workspaceFixture, timeoutMs, keep }) {
  const timings = {};
  const t0 = performance.now();
  const lap = (name, since) => { timings[name] = Math.round(performance.now() - since) / 1000; return performance.now(); };

  let t = performance.now();

  const { path: runDir, release: releaseRunDir } = tempDir('specline-integration-');
  let server;
  let workbench;
  let bundle;
  let results;
  let failed = true;
  try {
    bundle = await bundleTests({ outfile: join(runDir, 'integration.cjs'), only: [suite] });
    console.log(`[integration] suites: ${bundle.suites.join(', ')}`);
    t = lap('bundle', t);

    const workspace = await prepareWorkspace(workspaceFixture, runDir);
    const fixture = relative(repoRoot, resolve(repoRoot, workspaceFixture));
    writeFileSync(join(runDir, CONTEXT_FILE_NAME), JSON.stringify({ workspaceFolder: workspace, fixture }));
    server = await startCodeServer({ workspace });
    workbench = await openWorkbench({ server, folder: workspace, payload: extensionTestPayload(server, repoRoot, bundle.outfile) });
    t = lap('startup', t);
    console.log(`[integration] workbench open on a copy of ${fixture}; waiting for the suites (timeout ${timeoutMs / 1000} s)`);
    results = await waitForResults({ server, workbench, resultsFile: join(runDir, RESULTS_FILE_NAME), timeoutMs });
    lap('tests', t);
    failed = results.failures > 0 || results.passes === 0;
  } catch (err) {
    if (server) printLogs(server);
    throw err;
  } finally {
    await workbench?.close();
    await server?.stop({ keep: keep || failed });
    releaseRunDir();
    if (keep || failed) console.log(`[integration] kept for inspection: ${runDir}${server ? ` and ${server.baseDir}` : ''}`);
    else rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
  timings.total = Math.round(performance.now() - t0) / 1000;

  printResults(results, bundle.outfile);
  if (failed) console.log(`[integration] logs: ${server.logFile} and ${join(server.userDataDir, 'logs')}`);
  console.log(`[integration] timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return { passes: results.passes, failures: results.failures, pending: results.pending, tests: results.tests, timings };
}

/** Waits for the results file, or fails fast when the extension host exits without one. */
async function waitForResults({ server, workbench, resultsFile, timeoutMs }) {
  let sawDevExtension = false;
  let exitedAt = 0;
  let browserGone = false;
  workbench.page.on('close', () => { browserGone = true; });
  workbench.page.on('crash', () => { browserGone = true; });
  try {
    return await waitUntil(() => {
      if (existsSync(resultsFile)) {
        try { return JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { /* still being written */ }
      }
      const log = readLog(server.logFile);
      if (!sawDevExtension && /Loading development extension at|Launched Extension Host Process/.test(log)) {
        sawDevExtension = true;
        console.log('[integration] extension host launched');
      }
      const exit = EXIT_LINE.exec(log);
      if (exit) {
        exitedAt ||= Date.now();
        // run() writes the file before it settles; give the disk a moment, then give up.
        if (Date.now() - exitedAt > 3000) {
          throw new Error(`the extension host exited (code ${exit[1]}, signal ${exit[2]}) without writing ${RESULTS_FILE_NAME}: the test entry failed to load or crashed`);
        }
      }
      if (browserGone) throw new Error('the browser page closed or crashed before the tests finished');
      return undefined;
    }, { timeoutMs, intervalMs: 250, what: `the integration results (${resultsFile})` });
  } catch (err) {
    if (workbench.consoleErrors.length) console.error(`[integration] browser console errors:\n  ${workbench.consoleErrors.slice(-15).join('\n  ')}`);
    throw err;
  }
}

function readLog(file) {
  try { return readFileSync(file, 'utf8'); } catch { return ''; }
}

function printLogs(server) {
  console.error(`--- ${server.logFile} (tail) ---\n${tail(server.logFile, 30)}`);
  for (const file of findFiles(join(server.userDataDir, 'logs'), /exthost\.log$/)) {
    console.error(`--- ${file} (tail) ---\n${tail(file, 25)}`);
  }
  console.error('---');
}

function findFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => pattern.test(f)).map((f) => join(dir, f));
}

/** Prints one line per test (✔/✖/-), each failure with its message and source-mapped stack. */
function printResults(results, bundleFile) {
  const mapStack = stackMapper(bundleFile);
  console.log('\nIntegration tests (real VS Code extension host):');
  for (const test of results.tests) {
    if (test.state === 'passed') console.log(`  ✔ ${test.fullTitle} (${test.durationMs ?? 0} ms)`);
    else if (test.state === 'pending') console.log(`  - ${test.fullTitle} (skipped)`);
    else {
      console.log(`  ✖ ${test.fullTitle}`);
      const stack = mapStack(test.error?.stack ?? test.error?.message ?? 'no error recorded');
      console.log(stack.split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n'));
    }
  }
  console.log(`\n${results.passes} passing, ${results.failures} failing, ${results.pending} pending`);
}

/** Maps `integration.cjs:L:C` frames back to the .ts sources through the inline source map. */
function stackMapper(bundleFile) {
  let map;
  try {
    const source = readFileSync(bundleFile, 'utf8');
    const match = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(source);
    if (match) map = new SourceMap(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')));
  } catch { /* bundle already removed: print stacks as they are */ }
  if (!map) return (stack) => stack;
  const escaped = bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (stack) => stack.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`, 'g'), (whole, line, column) => {
    const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return whole;
    const file = relative(repoRoot, resolve(join(bundleFile, '..'), entry.originalSource.replace(/^file:\/\//, '')));
    return `${file}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitOnUnhandledErrors();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      fixture: { type: 'string' }, suite: { type: 'string', multiple: true },
      timeout: { type: 'string' }, keep: { type: 'boolean', default: false },
    },
  });
  try {
    const r = await runIntegration({
      workspaceFixture: values.fixture ?? positionals[0],
      suites: values.suite,
      timeoutMs: values.timeout ? Number(values.timeout) * 1000 : undefined,
      keep: values.keep,
    });
    process.exitCode = r.failures === 0 && r.pending === 0 && r.passes > 0 ? 0 : 1;
  } catch (err) {
    console.error(`\n✖ integration tests did not complete: ${err.message}`);
    process.exitCode = 1;
  }
}
