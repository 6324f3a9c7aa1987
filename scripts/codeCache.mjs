// Writes dist/cli-main.cjs.cache: V8's compiled code for the CLI bundle, taken after the
// bundle has checked the examples (every output format), so it holds the functions a check
// runs. Run by scripts/bundle.mjs in a fresh process; see src/cli/loadCliBundle.ts.
import { fileURLToPath } from 'node:url';
import { loadCliBundle } from '../dist/loadCliBundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = loadCliBundle(fileURLToPath(new URL('../dist/cli-main.cjs', import.meta.url)));
const sink = () => undefined;
for (const format of ['text', 'json', 'sarif', 'github']) {
  const code = await cli.exports.main(['check', 'examples/acme', '--format', format, '--today', '2026-03-02'], { stdout: sink, stderr: sink, cwd: root, isTTY: false, env: {} });
  if (code === 2) throw new Error(`specline check --format ${format} of examples/acme failed`);
}
cli.writeCache();
