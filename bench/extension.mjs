#!/usr/bin/env node
// Specline in a real VS Code (code-server + headless Chromium) on a generated workspace:
//   (a) activation time,
//   (b) time to the first complete diagnostics,
//   (c) keystroke to updated diagnostics, in the edited plan AND in a file that depends on it.
// It prints numbers and how they compare with the targets; it never fails on a slow result
// (exit 1 only when the measurement itself could not run).
//
//   node bench/extension.mjs [--docs 2000] [--edits 12] [--today 2027-01-01] [--timeout 300] [--keep]
//
// The measuring happens inside the extension host: bench/extension-probe/probe.ts is
// bundled into a temp folder and run as the extension-tests entry next to the extension in
// development mode (the same mechanism as scripts/vscode/runIntegration.mjs). It writes its
// results to a JSON file this script reads. The page itself records when the status bar's
// problem counts change, i.e. when a person would see the new numbers.
//
// The generated workspace (bench/out/ws-N, reused like bench/run.mjs does) has no problems
// that depend on dates, so a duration edit would change no diagnostic anywhere. The temp
// copy therefore gets two one-line additions, chosen with dist/core.js so that lengthening
// one task makes problems appear in two files and restoring it makes them go: the plan's
// dated milestone gets `- after: <a task that depends on the edited one>`
// (schedule.milestone-missed, in the edited plan) and the spec of the feature the task
// delivers gets `target: <the feature's current end>` (schedule.goal-late, in the spec).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import {
  bundleExtension, ensureCodeServer, ensureSystemPackages, exitOnUnhandledErrors, extensionTestPayload,
  openWorkbench, repoRoot, startCodeServer, tail, tempDir, waitUntil,
} from '../scripts/vscode/codeServer.mjs';
import { GENERATOR_VERSION, generateWorkspace } from './generate.mjs';

/* global document, window, MutationObserver -- used inside page.evaluate(), which runs in the browser */

const OUT = join(repoRoot, 'bench', 'out');
const EXTENSION_ID = 'specline.specline';
const TARGET_ACTIVATION_MS = 100;
const TARGET_FIRST_DIAGNOSTICS_MS = 5000;
const TARGET_BEYOND_DEBOUNCE_MS = 100;
const EXIT_LINE = /Extension Host Process exited with code: (\S+?),? signal: (\S+?)\.?$/m;

const log = (msg) => console.log(`[bench:extension] ${msg}`);
const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
const uptime = () => {
  const r = spawnSync('uptime', { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : `load average: ${load()}`;
};

// ---------------------------------------------------------------------------------------
// Workspace

/** bench/out/ws-N, generated unless a current one is there (the same marker as bench/run.mjs). */
function ensureWorkspace(docs) {
  const dir = join(OUT, `ws-${docs}`);
  const markerPath = join(dir, '.bench-workspace.json');
  if (existsSync(markerPath)) {
    try {
      const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
      if (marker.docs === docs && marker.generator === GENERATOR_VERSION) return { dir, ...marker, reused: true };
    } catch {
      // A broken marker means a broken workspace: regenerate it.
    }
  }
  log(`generating ${docs} documents into ${relative(repoRoot, dir)} …`);
  const info = generateWorkspace(dir, { docs });
  const marker = { docs, generator: GENERATOR_VERSION, files: info.files, bytes: info.bytes, items: info.items, problems: info.problems.length };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  return { dir, ...marker, reused: false };
}

function byFile(analysis) {
  const map = new Map();
  for (const d of analysis.diagnostics) map.set(d.file, [...(map.get(d.file) ?? []), d]);
  return map;
}
const insertLine = (text, afterLine, line) => {
  const lines = text.split('\n');
  lines.splice(afterLine + 1, 0, line);
  return lines.join('\n');
};
const replaceRange = (text, range, value) => {
  const lines = text.split('\n');
  const l = lines[range.start.line];
  lines[range.start.line] = l.slice(0, range.start.character) + value + l.slice(range.end.character);
  return lines.join('\n');
};

/**
 * Picks (with dist/core.js, on the copy) a task T with a duration in a plan P, a task D in P
 * that depends on T, P's dated milestone M and the feature F that T delivers (spec S); adds
 * `- after: D` to M and `target: <F's end>` to S, checks that the copy is as clean as
 * before, and finds a longer duration for T that makes D miss M and F miss its target.
 * Writes the two changed files and returns where the edit goes.
 */
async function prepareEditTarget(dir, today) {
  const core = await import(pathToFileURL(join(repoRoot, 'dist', 'core.js')).href);
  const ws = core.createNodeWorkspace({ root: dir, today: core.parseIsoDate(today) });
  await ws.load();
  const base = ws.analyze();
  const baseBy = byFile(base);
  const items = [...base.items.values()];
  const inFile = new Map();
  for (const i of items) inFile.set(i.file, [...(inFile.get(i.file) ?? []), i]);
  const plans = [...new Set(items.filter((i) => i.kind === 'task').map((i) => i.file))].sort();
  const read = (f) => readFileSync(join(dir, ...f.split('/')), 'utf8');
  let tried = 0;
  for (const plan of plans) {
    if (baseBy.has(plan)) continue; // a clean plan: every change there is ours
    const own = inFile.get(plan);
    const milestone = own.find((i) => i.kind === 'milestone' && i.date !== undefined && i.attributes.date?.keyRange && !i.links.after?.length);
    if (!milestone) continue;
    const end = (id) => base.schedule.tasks.get(id)?.end;
    for (const task of own) {
      if (task.kind !== 'task' || !task.attributes.duration || end(task.id) === undefined) continue;
      const dependent = own.find((d) => d.kind === 'task' && d.links.after?.some((r) => r.id === task.id) && end(d.id) !== undefined && end(d.id) <= milestone.date);
      const featureId = task.links.features?.[0]?.id;
      const feature = featureId && base.items.get(featureId);
      const info = featureId && base.features.get(featureId);
      if (!dependent || !feature || feature.form !== 'document' || feature.file === plan || feature.target !== undefined || info?.end === undefined || baseBy.has(feature.file)) continue;
      if (++tried > 200) throw new Error('no task found whose duration moves problems in two files (tried 200)');
      const spec = feature.file;
      const planText = read(plan);
      const specText = read(spec);
      const dateLine = milestone.attributes.date.range.start.line;
      const indent = planText.split('\n')[dateLine].slice(0, milestone.attributes.date.keyRange.start.character);
      const plan1 = insertLine(planText, dateLine, `${indent}after: ${dependent.id}`);
      const spec1 = insertLine(specText, feature.idRange.start.line, `target: ${core.formatDate(info.end)}`);
      ws.setFile(plan, plan1);
      ws.setFile(spec, spec1);
      const prepared = ws.analyze();
      const preparedBy = byFile(prepared);
      const restore = () => { ws.setFile(plan, planText); ws.setFile(spec, specText); ws.analyze(); };
      if (prepared.diagnostics.length !== base.diagnostics.length || preparedBy.has(plan) || preparedBy.has(spec)) { restore(); continue; }
      const durationRange = prepared.items.get(task.id).attributes.duration.range;
      const original = task.attributes.duration.text;
      const days = prepared.schedule.tasks.get(task.id).duration ?? 1;
      for (const extra of [5, 10, 20, 40, 80, 160]) {
        const edited = `${days + extra}d`;
        ws.setFile(plan, replaceRange(plan1, durationRange, edited));
        const after = byFile(ws.analyze());
        const planCodes = (after.get(plan) ?? []).map((d) => d.code);
        const specCodes = (after.get(spec) ?? []).map((d) => d.code);
        if (planCodes.includes('schedule.milestone-missed') && specCodes.includes('schedule.goal-late')) {
          writeFileSync(join(dir, ...plan.split('/')), plan1);
          writeFileSync(join(dir, ...spec.split('/')), spec1);
          return {
            plan, spec, line: durationRange.start.line, character: durationRange.start.character, original, edited,
            task: task.id, dependent: dependent.id, milestone: milestone.id, feature: featureId,
            problems: base.diagnostics.length, editedProblems: { plan: planCodes, spec: specCodes },
          };
        }
      }
      restore();
    }
  }
  throw new Error('no task found whose duration moves problems in two files');
}

// ---------------------------------------------------------------------------------------
// Logs

/** Files below `dir` whose path matches `pattern`. */
function findFiles(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => pattern.test(f)).map((f) => join(dir, f));
}

/** Wall-clock ms of a VS Code log line (`2027-01-01 10:00:00.123 [info] …`, local time). */
function logTime(line) {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})/.exec(line);
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : undefined;
}

function readLogs(server) {
  const logs = join(server.userDataDir, 'logs');
  const out = {};
  for (const file of findFiles(logs, /exthost\.log$/)) {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}\\b`).test(l));
    if (line) { out.activationStartWall = logTime(line); out.activationLine = line.trim(); }
  }
  for (const file of findFiles(logs, /\.log$/)) {
    const text = readFileSync(file, 'utf8');
    if (!/Specline \S+ activated in/.test(text)) continue;
    out.speclineLog = file;
    for (const line of text.split('\n')) {
      let m = /activated in ([\d.]+) ms/.exec(line);
      if (m && out.activatedWall === undefined) { out.activatedWall = logTime(line); out.activationMsLogged = Number(m[1]); }
      m = /indexed (\d+) files, (\d+) items, (\d+) problems in (\d+) ms \((.*)\)/.exec(line);
      if (m && out.indexedWall === undefined) {
        out.indexedWall = logTime(line);
        out.indexed = { files: Number(m[1]), items: Number(m[2]), problems: Number(m[3]), ms: Number(m[4]), detail: m[5] };
      }
    }
  }
  return out;
}

/**
 * VS Code's own activation figure for Specline (module loading + the activate() call), as
 * "Developer: Show Running Extensions" shows it, e.g. "Startup Activation: 66ms".
 */
async function readRunningExtensions(page) {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row[data-index="0"]', { hasText: 'Show Running Extensions' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Specline' });
  const time = row.locator('.activation-time');
  await time.waitFor({ timeout: 15_000 });
  return (await time.innerText()).trim();
}

// ---------------------------------------------------------------------------------------
// Statistics and output

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (p / 100) * (s.length - 1);
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
}
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (align[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
const verdict = (value, target) => (Number.isFinite(value) ? (value <= target ? 'meets target' : 'BELOW target') : 'not measured');

// ---------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '2000' }, edits: { type: 'string', default: '12' },
      today: { type: 'string', default: '2027-01-01' }, timeout: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
    },
  });
  const docs = Number(values.docs);
  const edits = Math.max(2, Number(values.edits));
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isInteger(docs) || docs < 10) throw new Error('--docs must be an integer ≥ 10');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');
  const threads = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const header = `Specline extension benchmark · code-server (VS Code 1.100.3) + headless Chromium · node ${process.version} · ${threads} CPU threads · ${docs} documents · today ${values.today}`;
  log(header);
  const loadBefore = uptime();
  log(`machine load before: ${loadBefore}`);

  await ensureSystemPackages();
  await ensureCodeServer();
  await bundleExtension(); // dist/extension.cjs for the extension host, dist/core.js to prepare the edit

  const ws = ensureWorkspace(docs);
  if (ws.reused) log(`reusing ${relative(repoRoot, ws.dir)} (${ws.files} files, ${(ws.bytes / 1e6).toFixed(1)} MB)`);
  const { path: runDir, release } = tempDir('specline-bench-extension-');
  let server;
  let workbench;
  let ok = false;
  try {
    const workspace = join(runDir, `ws-${docs}`);
    cpSync(ws.dir, workspace, { recursive: true });
    const target = await prepareEditTarget(workspace, values.today);
    log(`edit: ${target.plan}:${target.line + 1} ${target.task} duration ${target.original} ⇄ ${target.edited}; ${target.dependent} (after ${target.task}) is a predecessor of dated ${target.milestone}; ${target.feature} in ${target.spec} got a target`);

    const probe = join(runDir, 'probe.cjs');
    await build({
      entryPoints: [join(repoRoot, 'bench', 'extension-probe', 'probe.ts')], outfile: probe, bundle: true, format: 'cjs',
      platform: 'node', target: 'node20', external: ['vscode'], logLevel: 'warning',
    });
    const pageReadyFile = join(runDir, 'page-ready');
    const releaseFile = join(runDir, 'release');
    writeFileSync(join(runDir, 'probe-context.json'), JSON.stringify({ extensionId: EXTENSION_ID, edits, quietMs: 2000, pageReadyFile, releaseFile, target }, null, 2));
    const resultsFile = join(runDir, 'probe-results.json');

    server = await startCodeServer({ workspace, settings: { 'specline.today': values.today } });
    workbench = await openWorkbench({ server, folder: workspace, payload: extensionTestPayload(server, repoRoot, probe) });
    const { page } = workbench;
    const navigationWall = await page.evaluate(() => performance.timeOrigin);
    await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    const workbenchReadyWall = Date.now();
    // What a person sees: the status bar's problem counts, timestamped on every change.
    await page.evaluate(() => {
      const read = () => document.getElementById('status.problems')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const changes = [[Date.now(), read()]];
      window.__speclineStatus = changes;
      let last = changes[0][1];
      new MutationObserver(() => {
        const now = read();
        if (now !== last) { last = now; changes.push([Date.now(), now]); }
      }).observe(document.querySelector('.part.statusbar'), { subtree: true, childList: true, characterData: true, attributes: true });
    });
    writeFileSync(pageReadyFile, String(Date.now()));
    log(`workbench open; the probe runs in the extension host (timeout ${timeoutMs / 1000} s) …`);

    let exitedAt = 0;
    const results = await waitUntil(() => {
      if (existsSync(resultsFile)) {
        try { return JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { /* being written */ }
      }
      if (EXIT_LINE.test(readFileSync(server.logFile, 'utf8'))) {
        exitedAt ||= Date.now();
        if (Date.now() - exitedAt > 3000) throw new Error('the extension host exited without writing the probe results');
      }
      return undefined;
    }, { timeoutMs, intervalMs: 250, what: 'the probe results' });
    if (results.error) throw new Error(`the probe failed:\n${results.error}`);
    const status = await page.evaluate(() => window.__speclineStatus);
    const runningExtensions = await readRunningExtensions(page).catch((err) => `not read: ${err.message.split('\n')[0]}`);
    writeFileSync(releaseFile, String(Date.now()));
    const logs = readLogs(server);
    const loadAfter = uptime();

    // ---- (a) activation
    const activationMs = results.activationMs;
    const runningMs = Number(/(\d+)\s*ms/.exec(String(runningExtensions))?.[1] ?? NaN);
    const activationWithLoad = logs.activatedWall !== undefined && logs.activationStartWall !== undefined ? logs.activatedWall - logs.activationStartWall : NaN;

    // ---- (b) first complete diagnostics
    const settledWall = results.settled.wall || logs.indexedWall; // 0: complete before the probe ran
    // The counts the status bar showed just before the first edit, and when it first showed them.
    const finalStatus = status.filter(([t]) => t < results.edits[0].wallStart).at(-1)?.[1];
    const statusFirstFinal = status.find(([, s]) => s === finalStatus);
    const statusCompleteWall = statusFirstFinal && statusFirstFinal !== status[0] ? statusFirstFinal[0] : NaN;
    const fromActivation = settledWall - (logs.activatedWall ?? NaN);
    const fromActivationStart = settledWall - (logs.activationStartWall ?? NaN);
    const fromNavigation = settledWall - navigationWall;
    const fromWorkbench = settledWall - workbenchReadyWall;

    // ---- (c) edits
    const debounce = results.debounceMs;
    const rows = [];
    const raw = [];
    const events = [];
    const panel = [];
    results.edits.forEach((e, i) => {
      const polled = Math.max(e.planPolledMs ?? NaN, e.specPolledMs ?? NaN);
      const event = Math.max(e.planEventMs ?? NaN, e.specEventMs ?? NaN);
      const before = status.filter(([t]) => t < e.wallStart).at(-1)?.[1];
      const seen = status.find(([t, s]) => t >= e.wallStart && s !== before);
      const shown = seen ? seen[0] - e.wallStart : NaN;
      raw.push(polled);
      events.push(event);
      panel.push(shown);
      rows.push([i + 1, e.value, fmt(e.documentChangedMs, 1), fmt(e.planPolledMs, 1), fmt(e.specPolledMs, 1), fmt(polled, 1), fmt(polled - debounce, 1), fmt(event, 1), fmt(shown), e.timedOut ? 'timed out' : '']);
    });
    const beyond = raw.map((r) => r - debounce);

    const out = [];
    out.push('', header);
    out.push(`machine load: before ${loadBefore}`);
    out.push(`              after  ${loadAfter}`);
    out.push(`workspace: ${ws.files} files, ${(ws.bytes / 1e6).toFixed(1)} MB (copy of ${relative(repoRoot, ws.dir)}); Specline indexed ${logs.indexed ? `${logs.indexed.files} files, ${logs.indexed.items} items, ${logs.indexed.problems} problems` : '?'}; ${results.settled.problems} problems in ${results.settled.files} files in the API once settled`);
    out.push('');
    out.push('(a) Activation');
    out.push(table(['measure', 'ms', 'source'], [
      ['activate() itself (API activationMs)', fmt(activationMs, 1), 'the extension\'s exports'],
      ['logged "activated in N ms"', fmt(logs.activationMsLogged, 1), 'Specline output channel'],
      ['VS Code\'s own figure: module loading + activate() call', fmt(runningMs), `Developer: Show Running Extensions ("${runningExtensions}")`],
      ['activation event → activated, wall time', fmt(activationWithLoad), 'extension host log → Specline log (other extensions activate meanwhile)'],
      ['page navigation → activation event', fmt((logs.activationStartWall ?? NaN) - navigationWall), 'page timeOrigin → extension host log'],
    ], ['l', 'r', 'l']));
    out.push(`  (the extension was ${results.wasActiveWhenProbeStarted ? 'already active' : 'not yet active'} when the probe started)`);
    out.push('');
    out.push('(b) First complete diagnostics');
    out.push(table(['measure', 'ms', 'source'], [
      ['indexing (list + read + parse + analyse), as the extension logs it', fmt(logs.indexed?.ms), logs.indexed ? `Specline log: ${logs.indexed.detail}` : 'Specline log'],
      ['activated → diagnostics complete', fmt(fromActivation), results.settled.wall ? 'Specline log → last onDidChangeDiagnostics before 2 s quiet' : 'Specline log ("indexed") timestamps'],
      ['activation event → diagnostics complete', fmt(fromActivationStart), 'extension host log → same'],
      ['workbench drawn (status bar visible) → diagnostics complete', fmt(fromWorkbench), 'Playwright → same'],
      ['page navigation → diagnostics complete', fmt(fromNavigation), 'page timeOrigin → same'],
      ['page navigation → status bar shows the final counts', fmt(statusCompleteWall - navigationWall), Number.isFinite(statusCompleteWall) ? `status bar "${finalStatus}"` : 'status bar already final when watched'],
    ], ['l', 'r', 'l']));
    out.push(`  whenReady() resolved ${fmt(results.whenReadyWall - navigationWall)} ms after navigation; the probe started ${fmt(results.probeStartedWall - navigationWall)} ms after navigation with ${results.atProbeStart.problems} problems already published`);
    out.push('');
    out.push(`(c) Edit → updated diagnostics: ${edits} edits of ${target.task}'s duration in ${target.plan} (${target.original} ⇄ ${target.edited}), each changing the problems of`);
    out.push(`    the plan (schedule.milestone-missed on ${target.milestone}) and of ${target.spec} (schedule.goal-late on ${target.feature}); debounce (specline.debounceMs) ${debounce} ms.`);
    out.push('    ms from the start of editor.edit(): doc = onDidChangeTextDocument in the extension host; plan/spec = getDiagnostics(uri) changed (polled every ~1 ms);');
    out.push('    both = the later of the two; event = onDidChangeDiagnostics named both (VS Code batches this event for 50 ms); status bar = the page shows the new counts.');
    out.push(table(['#', 'value', 'doc', 'plan', 'spec', 'both', 'both − debounce', 'event', 'status bar', ''], rows, ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']));
    out.push(table(['', 'median', 'p90', 'min', 'max'], [
      ['both (raw)', ...[median(raw), percentile(raw, 90), Math.min(...raw), Math.max(...raw)].map((n) => fmt(n, 1))],
      ['both − debounce', ...[median(beyond), percentile(beyond, 90), Math.min(...beyond), Math.max(...beyond)].map((n) => fmt(n, 1))],
      ['event (raw)', ...[median(events), percentile(events, 90), Math.min(...events), Math.max(...events)].map((n) => fmt(n, 1))],
      ['status bar (raw)', ...[median(panel), percentile(panel, 90), Math.min(...panel), Math.max(...panel)].map((n) => fmt(n))],
    ], ['l', 'r', 'r', 'r', 'r']));
    out.push('');
    out.push('Summary against the targets (printed, never asserted)');
    out.push(`  activation ≤ ${TARGET_ACTIVATION_MS} ms: activate() ${fmt(activationMs, 1)} ms — ${verdict(activationMs, TARGET_ACTIVATION_MS)}; with module loading (Running Extensions) ${fmt(runningMs)} ms — ${verdict(runningMs, TARGET_ACTIVATION_MS)}`);
    out.push(`  first complete diagnostics ≤ ${TARGET_FIRST_DIAGNOSTICS_MS} ms: ${fmt(fromActivationStart)} ms after activation — ${verdict(fromActivationStart, TARGET_FIRST_DIAGNOSTICS_MS)}; ${fmt(fromWorkbench)} ms after the workbench was drawn (the extension host activated extensions ${fmt((logs.activationStartWall ?? NaN) - workbenchReadyWall)} ms after that) — ${verdict(fromWorkbench, TARGET_FIRST_DIAGNOSTICS_MS)}`);
    out.push(`  after an edit, updated diagnostics ≤ ${TARGET_BEYOND_DEBOUNCE_MS} ms beyond the ${debounce} ms debounce (median of ${raw.length}): API ${fmt(median(beyond), 1)} ms — ${verdict(median(beyond), TARGET_BEYOND_DEBOUNCE_MS)}; onDidChangeDiagnostics ${fmt(median(events) - debounce, 1)} ms — ${verdict(median(events) - debounce, TARGET_BEYOND_DEBOUNCE_MS)}; status bar ${fmt(median(panel) - debounce)} ms — ${verdict(median(panel) - debounce, TARGET_BEYOND_DEBOUNCE_MS)}`);
    process.stdout.write(`${out.join('\n')}\n`);

    mkdirSync(OUT, { recursive: true });
    const json = join(OUT, `extension-${docs}.json`);
    writeFileSync(json, `${JSON.stringify({ header, loadBefore, loadAfter, navigationWall, workbenchReadyWall, runningExtensions, target, logs, results, status }, null, 2)}\n`);
    log(`raw results: ${relative(repoRoot, json)}`);
    ok = true;
  } catch (err) {
    if (server) {
      console.error(`--- ${server.logFile} (tail) ---\n${tail(server.logFile, 20)}`);
      for (const f of findFiles(join(server.userDataDir, 'logs'), /exthost\.log$/)) console.error(`--- ${f} (tail) ---\n${tail(f, 20)}`);
    }
    throw err;
  } finally {
    await workbench?.close();
    await server?.stop({ keep: values.keep || !ok });
    release();
    if (values.keep || !ok) log(`kept for inspection: ${runDir}${server ? ` and ${server.baseDir}` : ''}`);
    else rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

exitOnUnhandledErrors();
await main();
