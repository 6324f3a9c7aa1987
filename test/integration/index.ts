// Extension-tests entry in the shape @vscode/test-electron expects: a module exporting
// `run()` that runs mocha inside the extension host and rejects when a test fails. The same
// entry runs in code-server (scripts/vscode/runIntegration.mjs), where environment variables
// do not reach the extension host, so results go to a file next to the entry instead.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A test module to load once mocha's `describe`/`it` are in place. */
export interface SuiteModule {
  /** Shown when the module fails to load. */
  readonly file: string;
  readonly load: () => unknown;
}

export interface TestResult {
  readonly title: string;
  readonly fullTitle: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: { readonly message: string; readonly stack?: string };
}

/** What the runner reads back from {@link RESULTS_FILE_NAME}. */
export interface TestResults {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly tests: readonly TestResult[];
}

/** Written next to the entry (the bundle's folder), where the runner looks for it. */
export const RESULTS_FILE_NAME = 'integration-results.json';

/**
 * Entry for compiled (unbundled) suites: loads every `*.test.js`/`*.test.cjs` below this
 * file's folder. The bundle built by scripts/vscode/bundleTests.mjs exports its own `run`
 * that passes the bundled suites to {@link runSuites} instead.
 */
export function run(): Promise<void> {
  const suites = testFilesBelow(__dirname).map((file): SuiteModule => ({
    file: relative(__dirname, file),
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- mocha suites register on require, as with `mocha.addFile`.
    load: () => require(file),
  }));
  return runSuites(suites);
}

/**
 * Loads `suites` into a fresh mocha (bdd, 60 s timeout, no colours), runs them, writes
 * {@link TestResults} to `resultsFile`, and rejects when anything failed.
 */
export async function runSuites(suites: readonly SuiteModule[], resultsFile = join(__dirname, RESULTS_FILE_NAME)): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const tests: TestResult[] = [];
  let loadFailures = 0;
  for (const suite of suites) {
    // Exactly what mocha.loadFiles() does around each require: binds describe/it to this instance.
    mocha.suite.emit('pre-require', globalThis, suite.file, mocha);
    try {
      const loaded = await suite.load();
      mocha.suite.emit('require', loaded, suite.file, mocha);
      mocha.suite.emit('post-require', globalThis, suite.file, mocha);
    } catch (err) {
      loadFailures++;
      tests.push({ title: `load ${suite.file}`, fullTitle: `load ${suite.file}`, state: 'failed', error: describeError(err) });
    }
  }

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve({
      passes: runner.stats?.passes ?? 0,
      failures: runner.stats?.failures ?? 0,
      pending: runner.stats?.pending ?? 0,
    }));
    runner.on('pass', (t) => tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('pending', (t) => tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' }));
    // Also fires for failing hooks, which mocha counts as failures too.
    runner.on('fail', (t, err) => tests.push({ title: t.title, fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: describeError(err) }));
  });

  const results: TestResults = { passes: stats.passes, failures: stats.failures + loadFailures, pending: stats.pending, tests };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  if (suites.length === 0) throw new Error('no integration test suites were found');
  if (results.failures > 0) throw new Error(`${results.failures} tests failed.`);
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return err.stack === undefined ? { message: err.message } : { message: err.message, stack: err.stack };
  return { message: String(err) };
}

function testFilesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFilesBelow(path));
    else if (/\.test\.c?js$/.test(entry.name)) found.push(path);
  }
  return found;
}
