#!/usr/bin/env node
// Specline benchmark harness: `npm run bench` (builds first), or `node bench/run.mjs`.
//
// Measures, side by side and in one run, for generated workspaces of 200 / 2,000 / 10,000
// documents: the read-and-scan floor, markdownlint-cli2, a cold `specline check`, and the
// in-process core API (cold load, warm re-check, one-file re-checks); then the scheduler on
// 100,000 tasks with 200,000 dependencies. It prints numbers and how they compare with the
// targets; it never fails on a slow result. A part that cannot run (not built yet, tool
// missing) prints an error line and the rest goes on.
//
// Options:
//   --sizes 200,2000      document counts (default 200,600,2000,10000)
//   --shapes mixed,specs  workspace shapes (default both; see bench/generate.mjs)
//   --today YYYY-MM-DD    "today" for every check (default 2027-01-01: nothing is overdue)
//   --runs N              repeat each child-process measurement, report the median (default 1)
//   --edits N             one-file edits per workspace (default 20)
//   --no-schedule         skip the 100k-task scheduler measurement
//   --regenerate          rewrite the workspaces in bench/out even when they are current
// Environment: MARKDOWNLINT_CLI2=path overrides where markdownlint-cli2 is looked for;
// SPECLINE_DIST=dir measures another build than ./dist (cli.js, core.js, parseWorker.js).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GENERATOR_VERSION, SHAPES, generateWorkspace } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const DIST = process.env.SPECLINE_DIST ? resolve(process.env.SPECLINE_DIST) : join(ROOT, 'dist');
const CLI = join(DIST, 'cli.js');
const CORE = join(DIST, 'core.js');
const ID_REGEX = /\b[A-Z][A-Z0-9]*-\d+(?:\.\d+)*\b/g;

const TARGET_CHECK_RATIO = 5; // cold check ≥ 5× markdownlint-cli2 throughput
const TARGET_EDIT_MS = 30; // one-file re-check ≤ 30 ms median at 2,000 docs
const TARGET_EDIT_DOCS = 2000;
const TARGET_SCHEDULE_MS = 1000; // 100k tasks / 200k dependencies ≤ 1 s
const SCHEDULE_TASKS = 100_000;
const SCHEDULE_DEPS = 200_000;

// ---------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = { sizes: [200, 600, 2000, 10000], shapes: SHAPES, today: '2027-01-01', runs: 1, edits: 20, schedule: true, regenerate: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') opts.sizes = value().split(',').map((s) => Number(s.replace(/[_,]/g, '')));
    else if (a === '--shapes') opts.shapes = value().split(',');
    else if (a === '--today') opts.today = value();
    else if (a === '--runs') opts.runs = Number(value());
    else if (a === '--edits') opts.edits = Number(value());
    else if (a === '--no-schedule') opts.schedule = false;
    else if (a === '--regenerate') opts.regenerate = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 10)) usage('--sizes takes whole numbers ≥ 10, comma-separated');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) usage('--today takes YYYY-MM-DD');
  if (!opts.shapes.length || opts.shapes.some((s) => !SHAPES.includes(s))) usage(`--shapes takes ${SHAPES.join(', ')}, comma-separated`);
  if (!(opts.runs >= 1) || !(opts.edits >= 1)) usage('--runs and --edits take numbers ≥ 1');
  return opts;
}

function usage(problem) {
  if (problem) console.error(`bench: ${problem}`);
  console.error('usage: node bench/run.mjs [--sizes 200,600,2000,10000] [--shapes mixed,specs] [--today YYYY-MM-DD] [--runs N] [--edits N] [--no-schedule] [--regenerate]');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------
// Helpers

const log = (line) => process.stderr.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const ms = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mbps = (bytes, t) => (t === undefined ? '—' : (bytes / 1e6 / (t / 1000)).toFixed(1));
const int = (n) => n.toLocaleString('en-US');
const dayNumber = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const errorText = (e) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

/** Runs a measured part; on failure prints one error line and returns undefined. */
async function part(name, fn) {
  try {
    return await fn();
  } catch (e) {
    log(`  ✗ ${name}: ${errorText(e)}`);
    return undefined;
  }
}

function listMarkdown(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('.md'))
    .map((p) => p.split(sep).join('/'))
    .sort();
}

/** GNU time, when installed: it reports a child's CPU time (user + system, all threads). */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a child process `runs` times; returns the median wall time, the median CPU time
 * when GNU time is there (on a machine shared with other work, CPU time moves far less
 * than wall time, so its ratios are the steadier comparison), and the last result.
 */
function timeChild(cmd, args, options, runs) {
  const times = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const cpuFile = GNU_TIME ? join(OUT, `.cpu-${process.pid}`) : undefined;
    const t0 = performance.now();
    result = cpuFile ? spawnSync(GNU_TIME, ['-f', '%U %S', '-o', cpuFile, cmd, ...args], { maxBuffer: 1 << 30, ...options }) : spawnSync(cmd, args, { maxBuffer: 1 << 30, ...options });
    times.push(performance.now() - t0);
    if (result.error) throw result.error;
    if (cpuFile) {
      const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      if (Number.isFinite(user) && Number.isFinite(sys)) cpu.push((user + sys) * 1000);
    }
  }
  return { ms: median(times), cpuMs: cpu.length ? median(cpu) : undefined, result };
}

// ---------------------------------------------------------------------------------------
// Workspaces

function ensureWorkspace(docs, shape, regenerate) {
  // The mixed shape keeps its old folder name: bench/extension.mjs and preview.mjs share it.
  const dir = join(OUT, shape === 'mixed' ? `ws-${docs}` : `ws-${shape}-${docs}`);
  const markerPath = join(dir, '.bench-workspace.json');
  const wanted = { docs, shape, generator: GENERATOR_VERSION };
  if (!regenerate && existsSync(markerPath)) {
    try {
      const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
      if (marker.docs === docs && marker.shape === shape && marker.generator === GENERATOR_VERSION) return { dir, ...marker, reused: true };
    } catch {
      // A broken marker means a broken workspace: regenerate it.
    }
  }
  log(`  generating ${int(docs)} documents into ${relative(ROOT, dir)} …`);
  const t0 = performance.now();
  const info = generateWorkspace(dir, { docs, shape });
  const marker = { ...wanted, files: info.files, bytes: info.bytes, items: info.items, problems: info.problems.length };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  log(`  generated in ${ms(performance.now() - t0)} ms`);
  return { dir, ...marker, reused: false };
}

// ---------------------------------------------------------------------------------------
// Measurements

/** The floor: read every .md file and run the ID regex over it, in this process. */
function measureFloor(dir) {
  const files = listMarkdown(dir);
  const times = [];
  let bytes = 0;
  let ids = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    bytes = 0;
    ids = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      bytes += Buffer.byteLength(text);
      ID_REGEX.lastIndex = 0;
      while (ID_REGEX.exec(text) !== null) ids++;
    }
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes, files: files.length, ids };
}

function findMarkdownlint() {
  const candidates = [process.env.MARKDOWNLINT_CLI2, join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2')].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function measureMarkdownlint(dir, bin, runs) {
  // Default rules on, no progress chatter; results go to stderr, which we discard.
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), `${JSON.stringify({ config: { default: true }, noProgress: true, noBanner: true }, null, 2)}\n`);
  const { ms: t, cpuMs, result } = timeChild(bin, ['**/*.md'], { cwd: dir, stdio: 'ignore' }, runs);
  if (result.status !== 0 && result.status !== 1) throw new Error(`markdownlint-cli2 exited with ${result.status ?? result.signal}`);
  return { ms: t, cpuMs, lintErrors: result.status === 1 };
}

function measureCliCheck(dir, today, runs) {
  if (!existsSync(CLI)) throw new Error(`${relative(ROOT, CLI)} not found (run \`npm run build\`)`);
  const { ms: t, cpuMs, result } = timeChild(process.execPath, [CLI, 'check', dir, '--format', 'json', '--today', today], { encoding: 'utf8' }, runs);
  if (result.status !== 0 && result.status !== 1) throw new Error(`specline check exited with ${result.status}: ${String(result.stderr).trim().split('\n')[0]}`);
  let diagnostics;
  try {
    diagnostics = JSON.parse(result.stdout).diagnostics?.length;
  } catch {
    throw new Error('specline check did not print JSON');
  }
  return { ms: t, cpuMs, diagnostics };
}

let corePromise;
function loadCore() {
  if (!existsSync(CORE)) return Promise.reject(new Error(`${relative(ROOT, CORE)} not found (run \`npm run build\`)`));
  corePromise ??= import(pathToFileURL(CORE).href);
  return corePromise;
}

/** A small, realistic edit: a plan's duration changes, or a spec gains a sentence. */
function editText(text, round) {
  let edited = text.replace(/\| (\d+)d \|/, (_, n) => `| ${(Number(n) % 9) + 1}d |`);
  if (edited !== text) return edited;
  edited = text.replace(/(duration|estimate): (\d+)d/, (_, k, n) => `${k}: ${(Number(n) % 9) + 1}d`);
  if (edited !== text) return edited;
  return text.replace('## Problem\n\n', `## Problem\n\nEdit ${round}: a customer call added one more example of the problem.\n\n`);
}

async function measureInProcess(dir, today, edits) {
  const core = await loadCore();
  if (typeof core.createNodeWorkspace !== 'function') throw new Error('dist/core.js does not export createNodeWorkspace');
  const ws = core.createNodeWorkspace({ root: dir, today: dayNumber(today) });

  let t0 = performance.now();
  await ws.load();
  const cold = ws.analyze();
  const coldMs = performance.now() - t0;

  t0 = performance.now();
  ws.analyze();
  const warmMs = performance.now() - t0;

  // Edit files spread over the workspace, alternating plans and specs.
  const files = (typeof ws.files === 'function' ? ws.files() : listMarkdown(dir)).filter((f) => f.endsWith('.md')).sort();
  const plans = files.filter((f) => f.startsWith('plans/'));
  const specs = files.filter((f) => f.startsWith('specs/'));
  const pool = plans.length && specs.length ? null : files;
  const texts = new Map();
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < edits; i++) {
    const list = pool ?? (i % 2 === 0 ? plans : specs);
    const file = list[Math.floor(((i * 7919) % 1000) / 1000 * list.length)];
    const before = texts.get(file) ?? readFileSync(join(dir, file), 'utf8');
    const after = editText(before, i);
    texts.set(file, after);
    const c0 = process.cpuUsage();
    const e0 = performance.now();
    ws.setFile(file, after);
    ws.analyze();
    times.push(performance.now() - e0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  return { coldMs, warmMs, editMedian: median(times), editP95: percentile(times, 95), editCpuMedian: median(cpuTimes), diagnostics: cold?.diagnostics?.length };
}

/** A deterministic DAG shaped like real plans: 1,000 documents of 100 tasks, edges mostly inside a document. */
function buildScheduleInput() {
  let seed = 0x5eed;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const perDoc = 100;
  const docs = SCHEDULE_TASKS / perDoc;
  const start = dayNumber('2027-01-04');
  const tasks = [];
  let deps = 0;
  for (let d = 0; d < docs; d++) {
    for (let j = 0; j < perDoc; j++) {
      const after = [];
      if (j >= 1) {
        const a = Math.floor(rand() * j);
        after.push(`T-${d * perDoc + a + 1}`);
        if (j >= 2) {
          let b = Math.floor(rand() * (j - 1));
          if (b >= a) b++;
          after.push(`T-${d * perDoc + b + 1}`);
        }
      }
      deps += after.length;
      tasks.push({
        id: `T-${d * perDoc + j + 1}`,
        doc: `plans/plan-${d + 1}.md`,
        duration: { amount: 1 + Math.floor(rand() * 8), unit: 'd' },
        after,
        planStart: start + 7 * (d % 52),
        owners: [`@d${d + 1}o${j % 5}`],
      });
    }
  }
  // Top up to exactly SCHEDULE_DEPS with links to tasks of the previous few documents.
  while (deps < SCHEDULE_DEPS) {
    const d = 1 + Math.floor(rand() * (docs - 1));
    const t = tasks[d * perDoc + Math.floor(rand() * perDoc)];
    const from = Math.max(0, d - 5) + Math.floor(rand() * Math.min(5, d));
    const pred = `T-${from * perDoc + Math.floor(rand() * perDoc) + 1}`;
    if (t.after.includes(pred)) continue;
    t.after.push(pred);
    deps++;
  }
  const holidays = [];
  for (let y = 2027; y <= 2035; y++) for (const [m, day] of [[1, 1], [5, 31], [7, 5], [12, 24], [12, 31]]) holidays.push(Date.UTC(y, m - 1, day) / 86_400_000);
  return {
    input: {
      calendar: { workdays: [1, 2, 3, 4, 5], holidays: holidays.sort((a, b) => a - b) },
      calendars: new Map(),
      projectStart: start,
      tasks,
      milestones: [],
      capacity: { default: 100, owners: new Map() },
    },
    deps,
  };
}

async function measureSchedule() {
  const core = await loadCore();
  if (typeof core.schedule !== 'function') throw new Error('dist/core.js does not export schedule');
  const { input, deps } = buildScheduleInput();
  const times = [];
  let result;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    result = core.schedule(input);
    times.push(performance.now() - t0);
  }
  const scheduled = [...(result?.tasks?.values?.() ?? [])].filter((t) => t.end !== undefined).length;
  return { first: times[0], median: median(times), tasks: input.tasks.length, deps, scheduled, issues: result?.issues?.length };
}

// ---------------------------------------------------------------------------------------
// Output

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (cells) => cells.map((c, i) => (align[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [fmt(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const threads = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const header = `Specline benchmark · node ${process.version} · ${process.platform} ${process.arch} · ${threads} CPU threads (${cpus()[0]?.model?.trim() ?? 'unknown CPU'}) · --today ${opts.today}`;
  log(header);

  const mdl = findMarkdownlint();
  if (!mdl) log('  markdownlint-cli2 not found at node_modules/.bin/markdownlint-cli2: install it with `npm install --save-dev markdownlint-cli2` (or set MARKDOWNLINT_CLI2=/path/to/markdownlint-cli2); its column stays empty.');

  const rows = [];
  for (const shape of opts.shapes) for (const docs of opts.sizes) {
    log(`\n${int(docs)} documents, ${shape}`);
    const ws = await part('generate workspace', () => ensureWorkspace(docs, shape, opts.regenerate));
    if (!ws) continue;
    if (ws.reused) log(`  reusing ${relative(ROOT, ws.dir)}`);
    const row = { docs, shape, ws };
    log('  floor: read + ID scan …');
    row.floor = await part('floor', () => measureFloor(ws.dir));
    if (mdl) {
      log('  markdownlint-cli2 …');
      row.mdl = await part('markdownlint-cli2', () => measureMarkdownlint(ws.dir, mdl, opts.runs));
    }
    log('  specline check (cold process) …');
    row.cli = await part('specline check', () => measureCliCheck(ws.dir, opts.today, opts.runs));
    log('  core API in-process …');
    row.api = await part('core API (dist/core.js)', () => measureInProcess(ws.dir, opts.today, opts.edits));
    rows.push(row);
  }

  let sched;
  if (opts.schedule) {
    log(`\nscheduler: ${int(SCHEDULE_TASKS)} tasks, ${int(SCHEDULE_DEPS)} dependencies …`);
    sched = await part('schedule', () => measureSchedule());
  }

  // Everything is printed at the end, together, to stdout.
  const out = [];
  out.push('', header, '');
  out.push('Check throughput (each tool a fresh process over the same files; floor = read every .md + ID regex, in-process)');
  out.push(
    table(
      ['shape', 'docs', 'files', 'MB', 'IDs', 'floor ms', 'floor MB/s', 'mdl-cli2 ms', 'mdl MB/s', 'specline ms', 'specline MB/s', 'diags', '× vs mdl', 'mdl CPU ms', 'specline CPU ms', '× CPU'],
      rows.map((r) => {
        const bytes = r.floor?.bytes ?? r.ws.bytes;
        const ratio = r.mdl && r.cli ? `${(r.mdl.ms / r.cli.ms).toFixed(1)}×` : '—';
        const cpuRatio = r.mdl?.cpuMs && r.cli?.cpuMs ? `${(r.mdl.cpuMs / r.cli.cpuMs).toFixed(1)}×` : '—';
        return [r.shape, int(r.docs), int(r.floor?.files ?? r.ws.files), (bytes / 1e6).toFixed(2), r.floor ? int(r.floor.ids) : '—', ms(r.floor?.ms), mbps(bytes, r.floor?.ms), ms(r.mdl?.ms), mbps(bytes, r.mdl?.ms), ms(r.cli?.ms), mbps(bytes, r.cli?.ms), r.cli?.diagnostics ?? '—', ratio, ms(r.mdl?.cpuMs), ms(r.cli?.cpuMs), cpuRatio];
      }),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push(`In-process core API (dist/core.js): cold = load + analyze; warm = analyze with nothing changed; edit = setFile + analyze, ${opts.edits} one-file edits`);
  out.push(
    table(
      ['shape', 'docs', 'cold ms', 'warm ms', 'edit p50 ms', 'edit p95 ms', 'edit p50 CPU ms', 'diags'],
      rows.map((r) => [r.shape, int(r.docs), ms(r.api?.coldMs), ms(r.api?.warmMs), ms(r.api?.editMedian), ms(r.api?.editP95), ms(r.api?.editCpuMedian), r.api?.diagnostics ?? '—']),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  if (opts.schedule) {
    out.push(
      sched
        ? `Scheduler: ${int(sched.tasks)} tasks, ${int(sched.deps)} dependencies: first run ${ms(sched.first)} ms, median of 3 ${ms(sched.median)} ms (${int(sched.scheduled)} tasks dated, ${int(sched.issues ?? 0)} issues)`
        : 'Scheduler: not measured (see the error above)',
    );
    out.push('');
  }

  // Summary against the targets of the performance issue.
  const verdict = (ok) => (ok ? 'meets target' : 'BELOW target');
  out.push('Summary against the targets');
  const ratios = rows.filter((r) => r.mdl && r.cli).map((r) => `${r.shape} ${int(r.docs)} ${(r.mdl.ms / r.cli.ms).toFixed(1)}×`);
  if (ratios.length) {
    const worst = Math.min(...rows.filter((r) => r.mdl && r.cli).map((r) => r.mdl.ms / r.cli.ms));
    out.push(`  cold check ≥ ${TARGET_CHECK_RATIO}× markdownlint-cli2 throughput: ${ratios.join(', ')} — ${verdict(worst >= TARGET_CHECK_RATIO)}`);
    const cpuRows = rows.filter((r) => r.mdl?.cpuMs && r.cli?.cpuMs);
    if (cpuRows.length) {
      const worstCpu = Math.min(...cpuRows.map((r) => r.mdl.cpuMs / r.cli.cpuMs));
      out.push(`  the same in CPU time (steadier on a shared machine): ${cpuRows.map((r) => `${r.shape} ${int(r.docs)} ${(r.mdl.cpuMs / r.cli.cpuMs).toFixed(1)}×`).join(', ')} — ${verdict(worstCpu >= TARGET_CHECK_RATIO)}`);
    }
  } else out.push(`  cold check ≥ ${TARGET_CHECK_RATIO}× markdownlint-cli2 throughput: not measured (${mdl ? 'specline check failed' : 'markdownlint-cli2 missing'})`);
  const at = rows.find((r) => r.docs === TARGET_EDIT_DOCS && r.shape === 'mixed' && r.api) ?? rows.find((r) => r.docs === TARGET_EDIT_DOCS && r.api);
  if (at) out.push(`  one-file re-check ≤ ${TARGET_EDIT_MS} ms median at ${int(TARGET_EDIT_DOCS)} docs: ${ms(at.api.editMedian)} ms (p95 ${ms(at.api.editP95)} ms; CPU ${ms(at.api.editCpuMedian)} ms) — ${verdict(at.api.editMedian <= TARGET_EDIT_MS)}`);
  else out.push(`  one-file re-check ≤ ${TARGET_EDIT_MS} ms median at ${int(TARGET_EDIT_DOCS)} docs: not measured${opts.sizes.includes(TARGET_EDIT_DOCS) ? ' (core API failed)' : ` (add ${TARGET_EDIT_DOCS} to --sizes)`}`);
  if (sched) out.push(`  schedule ${int(SCHEDULE_TASKS)} tasks / ${int(SCHEDULE_DEPS)} dependencies ≤ ${int(TARGET_SCHEDULE_MS)} ms: ${ms(sched.median)} ms (first run ${ms(sched.first)} ms) — ${verdict(sched.median <= TARGET_SCHEDULE_MS)}`);
  else out.push(`  schedule ${int(SCHEDULE_TASKS)} tasks / ${int(SCHEDULE_DEPS)} dependencies ≤ ${int(TARGET_SCHEDULE_MS)} ms: not measured`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  // The core's parse pool may keep worker threads alive; the benchmark is done.
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
