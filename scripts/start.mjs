// The README's main job: install what is missing, build, and run Specline on the bundled
// example workspace (examples/acme), the way a planner or CI would.
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
console.log(`\n(exit ${check.status}: the example carries deliberate problems, listed in examples/acme/README.md)`);
console.log(`\n$ specline schedule examples/acme --format text --today ${today}\n`);
run(['bin/specline.js', 'schedule', 'examples/acme', '--format', 'text', '--today', today]);
