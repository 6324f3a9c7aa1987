// Helpers shared by the integration suites (not a suite itself: no `.test.` in the name).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The extension under test, `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'specline.specline';

/** What scripts/vscode/runIntegration.mjs tells the suites about the run. */
export interface RunContext {
  /** Absolute path of the workspace folder the runner opened (a fresh copy of the fixture). */
  readonly workspaceFolder: string;
  /** The fixture it was copied from, relative to the repository. */
  readonly fixture: string;
}

/** Written by the runner next to the test bundle, like the results file. */
export const RUN_CONTEXT_FILE_NAME = 'integration-context.json';

/**
 * The runner's context, or undefined when the suites run under another runner
 * (e.g. @vscode/test-electron on a desktop VS Code), which does not write one.
 */
export function readRunContext(dir = __dirname): RunContext | undefined {
  const file = join(dir, RUN_CONTEXT_FILE_NAME);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunContext) : undefined;
}

/** Resolves once `check()` is truthy; rejects naming `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Resolves with the first value `probe()` gives that is neither undefined nor false;
 * errors thrown meanwhile are retried and the last one is named on timeout.
 */
export async function poll<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
