#!/usr/bin/env node
/* global window, document */
// Static Gantt export benchmark: `npm run bench` runs it after bench/preview.mjs, or
// `node bench/ganttExport.mjs` after `npm run build`.
//
// In one Chromium run, side by side, for a plan of 3,000 tasks (bench/ganttPlan.mjs):
//  - `specline gantt --format html` run as a child process in a folder holding the plan (the
//    built CLI, bin/specline.js), its page written to a file and opened from disk
//    (`file://`, as a person opens an export), timed from navigation start until the first
//    screen of the chart has been painted;
//  - plain mermaid (bench/mermaidPaint.mjs) rendering the same chart's `specline gantt
//    --format mermaid` text, until its frame is painted.
// It only prints; a slow number never fails it. Medians of --runs (default 3).
//
//   node bench/ganttExport.mjs [--sizes 3000] [--runs 3] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { browser, closeBrowser, ROOT } from '../test/browser/chromium.mjs';
import { ganttFiles } from './ganttPlan.mjs';
import { mermaidPaint } from './mermaidPaint.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SIZES = arg('--sizes', '3000').split(',').map(Number);
const RUNS = Math.max(1, Number(arg('--runs', '3')));
const KEEP = args.includes('--keep');
const TODAY = '2027-01-01';
const TARGET_RATIO = 5; // 3,000 tasks: the export's first screen ≥ 5× faster than mermaid
const VIEWPORT = { width: 1400, height: 900 };

if (!existsSync(join(ROOT, 'dist', 'cli.js')) || !existsSync(join(ROOT, 'media', 'mermaid.min.js'))) {
  console.error('bench/ganttExport: build first (npm run build: tsc -p . && node scripts/bundle.mjs)');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs the built CLI in `dir`; its stdout and wall time. */
function cli(dir, ...cliArgs) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'specline.js'), ...cliArgs, '--today', TODAY], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`specline ${cliArgs.join(' ')} exited ${r.status}: ${r.error ?? r.stderr}`);
  return { text: r.stdout, ms: wall };
}

/**
 * Runs in the page before anything else (the page's CSP does not apply to it). On every
 * frame: once the document holds more task rows than the viewport can show (or has been
 * parsed completely), it forces style and layout in that frame's callback and records the
 * time after that frame has been painted, from navigation start (`slFirstScreen`); the
 * same for the first frame after the whole document has been parsed (`slParsedScreen`),
 * the stricter figure, which counts parsing every row.
 */
const FIRST_SCREEN_SENSOR = `(() => {
  const rows = document.getElementsByClassName('sl-task');
  const need = Math.ceil(window.innerHeight / 24);
  const painted = (key) => {
    document.documentElement.getBoundingClientRect();
    setTimeout(() => { window[key] = performance.now(); }, 0);
  };
  let first = false;
  const frame = () => {
    const parsed = document.readyState !== 'loading';
    if (!first && (rows.length >= need || parsed)) {
      first = true;
      painted('slFirstScreen');
    }
    if (parsed) painted('slParsedScreen');
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Opens the exported page from disk in a fresh context; first screen and load times. */
async function exportPaint(file) {
  const context = await (await browser()).newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.addInitScript(FIRST_SCREEN_SENSOR);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.slFirstScreen !== undefined && window.slParsedScreen !== undefined);
    const t = await page.evaluate(() => ({
      first: window.slFirstScreen,
      parsed: window.slParsedScreen,
      load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      bars: document.querySelectorAll('rect.sl-bar[data-id]').length,
    }));
    const foreign = requests.filter((u) => !u.startsWith('file:'));
    if (foreign.length > 0) throw new Error(`the export requested ${foreign.join(', ')}`);
    return t;
  } finally {
    await context.close();
  }
}

async function benchExport(n, dir) {
  const ws = join(dir, `plan-${n}`);
  for (const [path, text] of ganttFiles(n)) {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    writeFileSync(join(ws, path), text);
  }
  const cliMs = [];
  let html = '';
  for (let r = 0; r < RUNS; r++) {
    const out = cli(ws, 'gantt', '--format', 'html');
    cliMs.push(out.ms);
    html = out.text;
  }
  const file = join(dir, `gantt-${n}.html`);
  writeFileSync(file, html);
  const bars = (html.match(/<rect class="sl-bar" data-id=/g) ?? []).length;
  const first = [];
  const parsed = [];
  const load = [];
  await exportPaint(file); // warm-up: Chromium's own first-page costs are not the export's
  for (let r = 0; r < RUNS; r++) {
    const t = await exportPaint(file);
    if (t.bars !== bars) throw new Error(`the page shows ${t.bars} bars, the export has ${bars}`);
    first.push(t.first);
    parsed.push(t.parsed);
    load.push(t.load);
  }
  const text = cli(ws, 'gantt', '--format', 'mermaid').text;
  const mermaid = [];
  for (let r = 0; r < RUNS; r++) {
    const m = await mermaidPaint(text);
    if (m.rects < bars) throw new Error(`mermaid drew ${m.rects} rects for ${bars} tasks`);
    mermaid.push(m.ms);
  }
  return { n, bars, kb: html.length / 1024, file, cli: median(cliMs), first: median(first), parsed: median(parsed), load: median(load), mermaid: median(mermaid) };
}

const dir = mkdtempSync(join(tmpdir(), 'specline-bench-export-'));
try {
  log(`static export benchmark: sizes ${SIZES.join(', ')} tasks, ${RUNS} runs; Debian Chromium (headless), viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  console.log('\nGantt HTML export opened in Chromium (ms, medians)');
  console.log('| tasks | bars | page KB | CLI (child process) | first screen painted | load event | first screen after parsing all | mermaid | mermaid ÷ first screen / ÷ after parsing |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rows = [];
  for (const n of SIZES) {
    const r = await benchExport(n, dir);
    rows.push(r);
    console.log(`| ${n} | ${r.bars} | ${r.kb.toFixed(0)} | ${ms(r.cli)} | ${ms(r.first)} | ${ms(r.load)} | ${ms(r.parsed)} | ${ms(r.mermaid)} | ${(r.mermaid / r.first).toFixed(1)}× / ${(r.mermaid / r.parsed).toFixed(1)}× |`);
  }
  console.log('\nTargets');
  const r3 = rows.find((r) => r.n === 3000) ?? rows.at(-1);
  if (r3) console.log(`  Gantt HTML export, ${r3.n} tasks: first screen ${(r3.mermaid / r3.first).toFixed(1)}× faster than mermaid (target ≥ ${TARGET_RATIO}×): ${r3.mermaid / r3.first >= TARGET_RATIO ? 'meets target' : 'BELOW target'}; ${(r3.mermaid / r3.parsed).toFixed(1)}× counting the parse of every row`);
  if (KEEP) log(`pages kept in ${dir}`);
} catch (error) {
  console.error(`bench/ganttExport: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await closeBrowser();
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
