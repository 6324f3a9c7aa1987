// Bundles the CLI (and its parse worker) and the programmatic API with esbuild.
import { build } from 'esbuild';
import { chmodSync, copyFileSync } from 'node:fs';
import { generateCssModules } from './css.mjs';

// The core imports its style sheets as generated modules (see css.mjs); make them first, so
// bundling works on a fresh clone without a `tsc` run before it.
generateCssModules();

const banner = {
  // Some dependencies are CommonJS and call require(); give ESM bundles a real one.
  js: "import { createRequire as __specline_createRequire } from 'node:module'; const require = __specline_createRequire(import.meta.url);",
};

await build({
  entryPoints: { cli: 'src/cli/run.ts', parseWorker: 'src/node/parseWorker.ts', core: 'src/api.ts' },
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
chmodSync('bin/specline.js', 0o755);

// The VS Code extension: CommonJS, `vscode` provided by the host.
await build({
  // The parse thread is its own entry: a worker loads only the parser.
  entryPoints: { extension: 'src/extension/extension.ts', parseThread: 'src/extension/parseThread.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  // Minified, it loads in about half the time (activation counts loading); the source map
  // and kept names leave stack traces readable.
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
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
