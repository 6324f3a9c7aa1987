#!/usr/bin/env node
// `schedule --baseline` against a plain `schedule`, and `gantt --baseline` against a plain
// `gantt`, side by side: the 2,000-document bench
// workspace in a git repository whose baseline is 50 commits back (each commit lengthens a
// few tasks, so the two plans differ). Target: the baseline run costs at most 2× the plain
// one. Prints medians and the ratio; never fails on a slow result.
//
//   node bench/baseline.mjs [--docs 2000] [--commits 50] [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TARGET_RATIO = 2;
const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, commits: { type: 'string', default: '50' }, runs: { type: 'string', default: '5' } } });
const docs = Number(values.docs);
const commits = Number(values.commits);
const runs = Number(values.runs);
if (!existsSync(CLI)) {
  console.error('bench/baseline: dist/cli.js is missing: run `npm run build` first');
  process.exit(1);
}

const dir = join(ROOT, 'bench', 'out', `baseline-${docs}-${commits}`);
rmSync(dir, { recursive: true, force: true });
generateWorkspace(dir, { docs });
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (...args) => execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=Bench', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
git('init', '-q');
git('add', '-A');
git('commit', '-q', '-m', 'baseline');
git('tag', 'baseline');
// 50 commits, each lengthening the first task row of a few plans.
// Only plans with a row to lengthen: a smaller workspace has plans without one, and a commit
// that changes nothing would fail.
const DURATION_CELL = /\| (\d+)d \|/;
const plans = readdirSync(dir, { recursive: true }).map(String)
  .filter((f) => /plan/i.test(f) && f.endsWith('.md') && DURATION_CELL.test(readFileSync(join(dir, f), 'utf8')));
if (plans.length === 0) throw new Error(`bench/baseline: no plan in ${dir} has a duration cell to change`);
for (let c = 0; c < commits; c++) {
  for (let k = 0; k < 3; k++) {
    const file = join(dir, plans[(c * 3 + k) % plans.length]);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(DURATION_CELL, (_, n) => `| ${Number(n) + 1}d |`));
  }
  git('commit', '-q', '-am', `change ${c + 1}`);
}

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
    samples.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`specline ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const common = ['schedule', '--format', 'json', '--today', '2027-01-04'];
// Interleave so that load on a shared machine hits both alike.
let plain = 0;
let compared = 0;
for (let round = 0; round < 2; round++) {
  plain += time(common);
  compared += time([...common, '--baseline', 'baseline']);
}
plain /= 2;
compared /= 2;
const ratio = compared / plain;
console.log(`schedule, ${docs} documents: plain ${plain.toFixed(0)} ms, --baseline ${commits} commits back ${compared.toFixed(0)} ms: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? '✔' : '✖'}`);

// The same for the chart: drawing the baseline bars, slip labels and removed tasks on top
// of reading the old plan.
const chart = ['gantt', '--format', 'svg', '--today', '2027-01-04'];
let plainChart = 0;
let comparedChart = 0;
for (let round = 0; round < 2; round++) {
  plainChart += time(chart);
  comparedChart += time([...chart, '--baseline', 'baseline']);
}
const chartRatio = comparedChart / plainChart;
console.log(`gantt --format svg, ${docs} documents: plain ${(plainChart / 2).toFixed(0)} ms, --baseline ${(comparedChart / 2).toFixed(0)} ms: ${chartRatio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${chartRatio <= TARGET_RATIO ? '✔' : '✖'}`);
