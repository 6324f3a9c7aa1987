// Bundles the CLI (and its parse worker) and the programmatic API with esbuild.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { generateCssModules } from './css.mjs';

// The core imports its style sheets as generated modules (see css.mjs); make them first, so
// bundling works on a fresh clone without a `tsc` run before it.
generateCssModules();

const banner = {
  // Some dependencies are CommonJS and call require(); give ESM bundles a real one.
  js: "import { createRequire as __specline_createRequire } from 'node:module'; const require = __specline_createRequire(import.meta.url);",
};

await build({
  // `cli` is only the launcher: it loads `cli-main.cjs` (below) with its code cache.
  entryPoints: { cli: 'src/cli/launch.ts', loadCliBundle: 'src/cli/loadCliBundle.ts', parseWorker: 'src/node/parseWorker.ts', core: 'src/api.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  banner,
  logLevel: 'warning',
  legalComments: 'none',
});

// The CLI itself, as CommonJS: `vm.Script` takes V8's code cache for a script, and Node 20
// offers none for an ES module (see src/cli/loadCliBundle.ts). `import.meta.url` (the
// parse worker's and package.json's location) becomes the bundle's own file URL.
/** What the two CommonJS bundles for Node (the CLI and the extension) share. */
const nodeCommonJs = {
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...nodeCommonJs,
  entryPoints: { 'cli-main': 'src/cli/runMain.ts' },
  define: { 'import.meta.url': '__specline_url' },
  banner: { js: "const __specline_url = require('node:url').pathToFileURL(__filename).href;" },
  // Every start reads and hashes the whole bundle: without comments and blanks it is smaller,
  // and pure ASCII, so it is read as Latin-1 with no UTF-8 decoding (src/cli/loadCliBundle.ts).
  // Names are kept, so stack traces and profiles stay readable; the source map maps back.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
});
// The code cache is made by a check in a fresh process, under the V8 flags the CLI sets for
// itself (loadCliBundle.ts sets them in both); a stale one from an earlier bundle is
// removed first, whatever happens next.
rmSync('dist/cli-main.cjs.cache', { force: true });
const trained = spawnSync(process.execPath, ['scripts/codeCache.mjs'], { stdio: 'inherit' });
if (trained.status !== 0) console.warn('bundle: no code cache for dist/cli-main.cjs (the CLI works, it only starts slower)');
chmodSync('bin/specline.js', 0o755);

// The VS Code extension: CommonJS, `vscode` provided by the host.
await build({
  ...nodeCommonJs,
  // The parse thread is its own entry: a worker loads only the parser.
  entryPoints: { extension: 'src/extension/extension.ts', parseThread: 'src/extension/parseThread.ts' },
  external: ['vscode'],
  // Minified, it loads in about half the time (activation counts loading); the source map
  // and kept names leave stack traces readable.
  minify: true,
  keepNames: true,
});

// The preview webviews: browser code, one generic script for every preview.
await build({
  entryPoints: { preview: 'src/webview/preview.ts' },
  outdir: 'media',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120'],
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
});
// Mermaid is served from the extension itself, never from a CDN.
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'media/mermaid.min.js');
