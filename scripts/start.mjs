// The README's main job: install what is missing, build, check the bundled example
// workspace (examples/acme) with the CLI, then open it in a real VS Code (code-server)
// with the extension installed, and print the address to open. Runs until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' });

run(['scripts/ensure-deps.mjs']);
if (run(['scripts/bundle.mjs']).status !== 0) process.exit(1);

// The example's plan dates are in 2027; fix "today" so its overdue tasks stay overdue.
const today = '2027-02-15';
console.log(`\n$ specline check examples/acme --today ${today}\n`);
const check = run(['bin/specline.js', 'check', 'examples/acme', '--today', today]);
console.log(`\n(exit ${check.status}: the example carries deliberate problems, listed in examples/acme/README.md)\n`);

if (process.argv.includes('--cli-only')) process.exit(0);
const { startDemo } = await import('./vscode/startDemo.mjs');
const demo = await startDemo({ folder: 'examples/acme', settings: { 'specline.today': today } });
console.log(`\nSpecline is running in VS Code (code-server). Open:\n\n  ${demo.openUrl}\n\nPress Ctrl-C to stop.`);
const stop = async () => { await demo.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
