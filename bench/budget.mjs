#!/usr/bin/env node
// What the budget figures cost: on the 10,000-document bench workspace (with day rates and
// budgets added, so every task is priced and rolled up), the cost pass (planned cost, PV, EV,
// AC, roll-ups to plans, features and goals, RICE effort) timed on its own, against a cold
// `specline check` of the same workspace measured in the same run. Target: under 10%.
// Prints medians and the ratio; never fails on a slow result. Needs `npm run build`.
//
//   node bench/budget.mjs [--docs 10000] [--runs 5]
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const OUT = join(ROOT, 'out', 'src');
const TARGET = 0.1;
const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const docs = Number(values.docs);
const runs = Number(values.runs);
if (!existsSync(CLI) || !existsSync(join(OUT, 'core', 'cost', 'computeCost.js'))) {
  console.error('bench/budget: dist/ or out/ is missing: run `npm run build` first');
  process.exit(1);
}

const dir = join(ROOT, 'bench', 'out', `budget-${docs}`);
rmSync(dir, { recursive: true, force: true });
generateWorkspace(dir, { docs });
// Price everyone: a default rate and one personal rate, in one currency.
appendFileSync(join(dir, '.specline.yml'), 'currency: EUR\nrates:\n  default: 640\n  "@ana": 720\n');

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A cold check, as a user runs it (process start included).
const checks = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', '2027-01-04'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  checks.push(performance.now() - started);
  if (r.status === 2) throw new Error(`specline check exited 2: ${r.stderr.slice(0, 500)}`);
}

// The cost pass alone, on the analysis of the same workspace.
const { createNodeWorkspace } = await import(pathToFileURL(join(OUT, 'cli', 'nodeWorkspace.js')).href);
const { computeCost } = await import(pathToFileURL(join(OUT, 'core', 'cost', 'computeCost.js')).href);
const { parseIsoDate } = await import(pathToFileURL(join(OUT, 'core', 'model', 'dates.js')).href);
const workspace = createNodeWorkspace({ root: dir, today: parseIsoDate('2027-01-04') });
await workspace.load();
const analysis = workspace.analyze();
const passes = [];
let priced = 0;
for (let i = 0; i < runs + 2; i++) {
  const started = performance.now();
  const cost = computeCost(analysis);
  passes.push(performance.now() - started);
  priced = cost.tasks.size;
}
const check = median(checks);
const pass = median(passes.slice(2));
const ratio = pass / check;
console.log(`budget figures, ${docs} documents (${priced.toLocaleString('en-US')} tasks priced): cost pass ${pass.toFixed(1)} ms, cold check ${check.toFixed(0)} ms: ${(ratio * 100).toFixed(1)}% (target < ${TARGET * 100}%) ${ratio < TARGET ? '✔' : '✖'}`);
