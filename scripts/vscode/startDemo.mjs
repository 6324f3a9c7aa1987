// A real VS Code (code-server) with the extension installed from the working tree, for
// trying it by hand. Opens the folder in place (edits are real), runs until Ctrl-C.
//
//   node scripts/vscode/startDemo.mjs [--folder examples/acme] [--port 8080] [--theme light|dark]
//
// After changing the extension: `node scripts/bundle.mjs`, then reload the browser window.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  bundleExtension, ensureCodeServer, ensureSystemPackages, exitOnUnhandledErrors, listExtensions,
  repoRoot, startCodeServer, tail, workbenchUrl,
} from './codeServer.mjs';

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

/**
 * Installs what is missing, builds, and starts code-server with the working tree linked in
 * as an installed extension. Resolves once the server answers and lists the extension;
 * the caller decides how long it runs (`stop()`).
 * @param {{ folder?: string, port?: number, theme?: 'light' | 'dark', settings?: Record<string, unknown> }} [options]
 */
export async function startDemo({ folder = 'examples/acme', port, theme, settings = {} } = {}) {
  await ensureSystemPackages();
  await ensureCodeServer();
  await bundleExtension();
  const workspace = resolve(repoRoot, folder);
  const server = await startCodeServer({
    workspace, port, linkExtensions: [repoRoot],
    settings: { ...(theme ? { 'workbench.colorTheme': THEMES[theme] } : {}), ...settings },
  });
  const installed = listExtensions(server.extensionsDir);
  if (!installed.some((e) => e.startsWith('specline.specline@'))) {
    await server.stop();
    throw new Error(`code-server does not list specline.specline in ${server.extensionsDir} (it lists: ${installed.join(', ') || 'nothing'})`);
  }
  console.log(`[demo] installed in code-server: ${installed.join(', ')} (linked to ${repoRoot})`);
  return { ...server, openUrl: workbenchUrl(server, workspace) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitOnUnhandledErrors();
  const { values } = parseArgs({ options: { folder: { type: 'string' }, port: { type: 'string' }, theme: { type: 'string' } } });
  const server = await startDemo({ folder: values.folder, port: values.port ? Number(values.port) : undefined, theme: values.theme });
  console.log(`\nOpen ${server.openUrl}\n(server log: ${server.logFile}; Ctrl-C stops it)`);
  // Ctrl-C is handled in codeServer.mjs (stops the server, exits); here only an unexpected end.
  const { reason, stopped } = await server.exited;
  if (!stopped) {
    console.error(`[demo] code-server exited unexpectedly (${reason}); log tail:\n${tail(server.logFile, 30)}`);
    process.exitCode = 1;
  }
}
