// Runs the integration suites (test/integration, the same bundle and the same entry as
// scripts/vscode/runIntegration.mjs uses in code-server) in a desktop VS Code through
// @vscode/test-electron.
//
//   node scripts/vscode/runDesktop.mjs [--fixture examples/acme] [--suite activation]…
//   VSCODE_EXECUTABLE=/path/to/code node scripts/vscode/runDesktop.mjs
//
// VS Code: the executable named by VSCODE_EXECUTABLE, else a download of the version the
// code-server runner pins (cached under .cache/vscode-desktop). Electron needs a display:
// on Linux without DISPLAY or WAYLAND_DISPLAY, run it under `xvfb-run -a`.
//
// Exit code: 0 only when at least one test ran and none failed or was skipped; 1 when tests
// failed; 2 when no desktop VS Code could run here (no executable, no download, no
// display): that is said plainly and never counted as passed. Not part of `npm test`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleTests } from './bundleTests.mjs';
import { bundleExtension, copyFixture, repoRoot, tempDir, VSCODE_VERSION } from './codeServer.mjs';

const RESULTS_FILE_NAME = 'integration-results.json'; // test/integration/index.ts
const CONTEXT_FILE_NAME = 'integration-context.json'; // test/integration/support.ts

/** Thrown when no desktop VS Code can run here; the message says why and what to do. */
export class CannotRunError extends Error {}

/** Why Electron cannot open a window here, or undefined when it can. */
export function missingDisplay(platform = process.platform, env = process.env) {
  if (platform !== 'linux') return undefined;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return undefined;
  return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run it under a virtual one: xvfb-run -a npm run test:desktop';
}

/** The VS Code executable: VSCODE_EXECUTABLE, else a download. Throws CannotRunError. */
async function vscodeExecutable(env = process.env) {
  const named = env.VSCODE_EXECUTABLE;
  if (named) {
    if (!existsSync(named)) throw new CannotRunError(`VSCODE_EXECUTABLE names ${named}, which does not exist`);
    return named;
  }
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  try {
    return await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(repoRoot, '.cache', 'vscode-desktop'), timeout: 60_000 });
  } catch (err) {
    throw new CannotRunError(`VSCODE_EXECUTABLE is not set and VS Code ${VSCODE_VERSION} could not be downloaded (${err instanceof Error ? err.message : String(err)}); set VSCODE_EXECUTABLE to an installed VS Code, or allow the download`);
  }
}

/**
 * Bundles the suites, opens a fresh copy of the fixture in a desktop VS Code with the
 * working tree as the development extension, and returns the results the entry wrote.
 * @param {{ workspaceFixture?: string, suites?: string[] }} [options]
 */
export async function runDesktop({ workspaceFixture = 'examples/acme', suites } = {}) {
  const display = missingDisplay();
  if (display) throw new CannotRunError(display);
  const executable = await vscodeExecutable();
  const { runTests } = await import('@vscode/test-electron');

  const { path: runDir, release } = tempDir('specline-desktop-');
  try {
    await bundleExtension();
    const bundle = await bundleTests({ outfile: join(runDir, 'integration.cjs'), only: suites });
    console.log(`[desktop] suites: ${bundle.suites.join(', ')}`);
    const workspace = copyFixture(workspaceFixture, runDir);
    const fixture = relative(repoRoot, resolve(repoRoot, workspaceFixture));
    writeFileSync(join(runDir, CONTEXT_FILE_NAME), JSON.stringify({ workspaceFolder: workspace, fixture }));
    console.log(`[desktop] ${executable} on a copy of ${fixture}`);
    try {
      await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: bundle.outfile,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', join(runDir, 'user-data')],
      });
    } catch (err) {
      // Failing tests reject too; the results file tells them apart from a VS Code that did not start.
      if (!existsSync(join(runDir, RESULTS_FILE_NAME))) throw new CannotRunError(`VS Code did not run the suites: ${err instanceof Error ? err.message : String(err)}`);
    }
    return JSON.parse(readFileSync(join(runDir, RESULTS_FILE_NAME), 'utf8'));
  } finally {
    release();
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { fixture: { type: 'string' }, suite: { type: 'string', multiple: true } },
  });
  try {
    const results = await runDesktop({ workspaceFixture: values.fixture ?? positionals[0] ?? 'examples/acme', suites: values.suite });
    console.log('\nIntegration tests (desktop VS Code):');
    for (const test of results.tests) {
      const mark = test.state === 'passed' ? '✔' : test.state === 'pending' ? '- (skipped)' : '✖';
      console.log(`  ${mark} ${test.fullTitle}${test.error ? `\n      ${test.error.message}` : ''}`);
    }
    console.log(`\n${results.passes} passing, ${results.failures} failing, ${results.pending} pending`);
    process.exitCode = results.failures === 0 && results.pending === 0 && results.passes > 0 ? 0 : 1;
  } catch (err) {
    if (err instanceof CannotRunError) {
      console.error(`✖ desktop VS Code cannot run here: ${err.message}.\n  No test ran; this is not a pass.`);
      process.exitCode = 2;
    } else {
      console.error(`✖ desktop integration tests did not complete: ${err instanceof Error ? err.stack : String(err)}`);
      process.exitCode = 1;
    }
  }
}
