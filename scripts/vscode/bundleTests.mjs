// Bundles the integration suites into ONE CommonJS file for the extension host:
// test/integration/index.ts plus every test/integration/**/*.test.ts, `vscode` external.
//
// mocha is bundled in rather than left external: the bundle then resolves nothing from
// node_modules, so it runs from any folder (runIntegration builds one per run in a temp
// dir, where its results file cannot collide with another run's) and in any extension
// host, code-server's or a desktop VS Code's, whatever the workspace's node_modules hold.
//
// Usage: node scripts/vscode/bundleTests.mjs [outfile]   (default dist/test/integration.cjs)
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './codeServer.mjs';

const suitesDir = join(repoRoot, 'test', 'integration');

/** The `*.test.ts` files below test/integration, sorted, relative to the repository. */
export function integrationSuites(dir = suitesDir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...integrationSuites(path));
    else if (entry.name.endsWith('.test.ts')) found.push(relative(repoRoot, path));
  }
  return found;
}

/**
 * Builds the bundle. Its generated entry exports `run()`, which hands the suites to
 * runSuites() as lazy imports so they register after mocha has bound describe/it.
 * `only`: keep just the suite files whose path contains one of these strings.
 * @returns {Promise<{ outfile: string, suites: string[] }>}
 */
export async function bundleTests({ outfile = join(repoRoot, 'dist', 'test', 'integration.cjs'), only } = {}) {
  const suites = integrationSuites().filter((file) => !only?.length || only.some((part) => file.includes(part)));
  if (suites.length === 0) throw new Error(`no *.test.ts files below ${relative(repoRoot, suitesDir)}${only?.length ? ` match ${only.join(', ')}` : ''}`);
  const modules = suites.map((file) => `  { file: ${JSON.stringify(file)}, load: () => import(${JSON.stringify(`./${file}`)}) },`);
  const contents = [
    "import { runSuites } from './test/integration/index.ts';",
    'export function run(): Promise<void> {',
    '  return runSuites([',
    ...modules,
    '  ]);',
    '}',
    '',
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'test/integration/bundle-entry.ts', loader: 'ts' },
    outfile: resolve(outfile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // Inline, so a bundle built in a temp folder still maps stack traces to the sources.
    sourcemap: 'inline',
    logLevel: 'warning',
    legalComments: 'none',
    // mocha's own ESM loader and parallel mode use require/import forms esbuild cannot follow; unused here.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return { outfile: resolve(outfile), suites };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  const { outfile, suites } = await bundleTests(process.argv[2] ? { outfile: process.argv[2] } : {});
  console.log(`bundled ${suites.length} integration suite(s) into ${relative(process.cwd(), outfile)} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
