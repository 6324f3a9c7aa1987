#!/usr/bin/env node
/* global document, requestAnimationFrame, TextEncoder */
// Preview benchmark (issues 4 and 5, "Speed"): `npm run bench` runs it after the core
// benchmarks, or `node bench/preview.mjs` after `npm run build`.
//
// In one Chromium run, side by side:
//  - Gantt, plans of 200 / 1,000 / 3,000 tasks: our preview's first paint (host: analysis +
//    `renderGanttView`; webview: from posting the `render` message until the frame that
//    shows it has been painted) against plain mermaid (the
//    bundled media/mermaid.min.js) rendering the same chart's mermaid text into a page;
//  - an edit in the 1,000-task plan: `Workspace.setFile` + `analyze()` (the incremental path
//    the extension uses), `renderGanttView`, webview repaint;
//  - roadmap and matrix on the generated 2,000-document workspace: first paint and update
//    after an edit (`renderRoadmapView` / `renderMatrixView` with the CSS their panels
//    inline), and `renderStatusReport`.
// It only prints; a slow number never fails it. Medians of --runs (default 3).
//
//   node bench/preview.mjs [--sizes 200,1000,3000] [--runs 3] [--edits 10] [--docs 2000] [--parts gantt,edit,views]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { closeBrowser, ROOT } from '../test/browser/chromium.mjs';
import { openPreviewWebview } from '../test/browser/previewWebview.mjs';
import { ganttFiles } from './ganttPlan.mjs';
import { mermaidPaint } from './mermaidPaint.mjs';
import { GENERATOR_VERSION, generateWorkspace } from './generate.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const SIZES = arg('--sizes', '200,1000,3000').split(',').map(Number);
const RUNS = Math.max(1, Number(arg('--runs', '3')));
const EDITS = Math.max(1, Number(arg('--edits', '10')));
const DOCS = Number(arg('--docs', '2000'));
const PARTS = new Set(arg('--parts', 'gantt,edit,views').split(','));
const TODAY = '2027-01-01';

const TARGET_FIRST_PAINT_RATIO = 5; // 3,000 tasks: first paint ≥ 5× faster than mermaid
const TARGET_EDIT_MS = 200; // 1,000 tasks: edit repainted ≤ 200 ms
const TARGET_VIEW_FIRST_MS = 300; // roadmap / matrix first paint
const TARGET_VIEW_EDIT_MS = 150; // roadmap / matrix update
const TARGET_REPORT_MS = 1000;

const outDir = join(ROOT, 'out', 'src');
if (!existsSync(join(outDir, 'core', 'views', 'ganttView.js')) || !existsSync(join(ROOT, 'media', 'preview.js'))) {
  console.error('bench/preview: build first (npm run build: tsc -p . && node scripts/bundle.mjs)');
  process.exit(1);
}
const load = (p) => import(pathToFileURL(join(outDir, p)).href);
const { createWorkspace } = await load('core/workspace/createWorkspace.js');
const { parseIsoDate } = await load('core/model/dates.js');
const { renderGanttView, DEFAULT_GANTT_OPTIONS, ALL_PLANS } = await load('core/views/ganttView.js');
const { GANTT_CSS } = await load('core/render/ganttSvg.js');
const { renderMermaidGantt } = await load('core/render/mermaidGantt.js');
const { ROADMAP_CSS } = await load('core/render/roadmapBoard.js');
const { renderStatusReport } = await load('core/report/statusReport.js');
const roadmapView = await load('core/views/roadmapView.js');
const { RenderSync, stepMessage } = await load('core/views/renderSync.js');
const matrixView = { ...(await load('core/views/matrixView.js')), ...(await load('core/views/matrixViewOptions.js')) };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const log = (line) => process.stderr.write(`${line}\n`);
const time = (fn) => {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
};

// ---------------------------------------------------------------------------------------
// Workspaces

/** An in-memory workspace over a file map (the extension's is over VS Code's fs plus buffers). */
function memoryWorkspace(files) {
  const enc = new TextEncoder();
  return createWorkspace({
    fs: {
      listFiles: async () => [...files.keys()],
      readFile: async (p) => enc.encode(files.get(p)),
      stat: async (p) => ({ size: files.get(p).length }),
    },
    today: () => parseIsoDate(TODAY),
  });
}

async function loadWorkspace(files) {
  const ws = memoryWorkspace(files);
  const t0 = performance.now();
  await ws.load();
  const analysis = ws.analyze();
  return { ws, analysis, ms: performance.now() - t0 };
}

function generatedWorkspaceFiles(docs) {
  const dir = join(ROOT, 'bench', 'out', `ws-${docs}`);
  const markerPath = join(dir, '.bench-workspace.json');
  let current = false;
  try {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    current = marker.docs === docs && marker.generator === GENERATOR_VERSION;
  } catch {
    current = false;
  }
  if (!current) {
    log(`generating ${docs} documents into ${dir}`);
    const info = generateWorkspace(dir, { docs });
    // Same marker as bench/run.mjs, so both reuse the workspace.
    writeFileSync(markerPath, JSON.stringify({ docs, generator: GENERATOR_VERSION, files: info.files, bytes: info.bytes }));
  }
  const files = new Map();
  const walk = (rel) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') || e.name === '.specline.yml') files.set(p, readFileSync(join(dir, p), 'utf8'));
    }
  };
  walk('');
  return files;
}

// ---------------------------------------------------------------------------------------
// Browser pages

/** A preview webview page as the panel builds it, ready for its messages. */
const openPreview = (kind, inlineCss, usesMermaid) => openPreviewWebview({ kind, inlineCss, usesMermaid, title: 'Bench' });

// ---------------------------------------------------------------------------------------
// Gantt

const ganttOptions = { ...DEFAULT_GANTT_OPTIONS, plan: ALL_PLANS, collapsed: [] };

async function benchGantt(n) {
  const files = ganttFiles(n);
  const host = [];
  const analysisMs = [];
  const renderMs = [];
  const webview = [];
  const complete = [];
  let result;
  let messages = 0;
  // One unmeasured run first: the extension host that draws the preview is already warm.
  for (let r = -1; r < RUNS; r++) {
    const { analysis, ms: a } = await loadWorkspace(files);
    if (r < 0) { renderGanttView(analysis, ganttOptions); continue; }
    const rendered = time(() => {
      const view = renderGanttView(analysis, ganttOptions);
      return { view, steps: new RenderSync().next(view) };
    });
    result = rendered.value.view;
    analysisMs.push(a);
    renderMs.push(rendered.ms);
    host.push(a + rendered.ms);
    const doc = await openPreview('gantt', GANTT_CSS, true);
    try {
      const posted = syncMessages(rendered.value.steps, result.toolbar, { value: 0 });
      messages = posted.length;
      const t = await postAllAndPaint(doc.page, posted);
      webview.push(t.first);
      complete.push(t.last);
      const bars = await doc.page.locator('#sl-content rect.sl-bar[data-id]').count();
      if (bars !== result.counts.bars) throw new Error(`webview shows ${bars} bars, expected ${result.counts.bars}`);
    } finally {
      await doc.close();
    }
  }
  const { analysis } = await loadWorkspace(files);
  const text = renderMermaidGantt(analysis, { title: 'Bench plan' });
  const mermaid = [];
  for (let r = 0; r < RUNS; r++) {
    const m = await mermaidPaint(text);
    if (m.rects < result.counts.bars) throw new Error(`mermaid drew ${m.rects} rects for ${result.counts.bars} tasks`);
    mermaid.push(m.ms);
  }
  const ours = median(host) + median(webview);
  const all = median(host) + median(complete);
  return {
    n, bars: result.counts.bars, milestones: result.counts.milestones, kb: (result.html.length + result.toolbar.length) / 1024, analysis: median(analysisMs),
    render: median(renderMs), webview: median(webview), ours, all, messages, mermaid: median(mermaid), ratio: median(mermaid) / ours, ratioAll: median(mermaid) / all,
  };
}

/** Edits one task's duration in the plan (moving everything after it) and repaints, as the panel does. */
async function benchGanttEdit(n) {
  const files = ganttFiles(n);
  const { ws } = await loadWorkspace(files);
  const doc = await openPreview('gantt', GANTT_CSS, true);
  const rows = [];
  try {
    const generation = { value: 0 };
    const sync = new RenderSync();
    const first = renderGanttView(ws.analyze(), ganttOptions);
    await postAllAndPaint(doc.page, syncMessages(sync.next(first), first.toolbar, generation));
    for (let e = 0; e < EDITS + 1; e++) {
      const text = ganttFiles(n, e % 2 ? 3 : 8).get('plans/plan.md');
      const t0 = performance.now();
      ws.setFile('plans/plan.md', text);
      const analysis = ws.analyze();
      const t1 = performance.now();
      const result = renderGanttView(analysis, ganttOptions);
      const steps = sync.next(result);
      const t2 = performance.now();
      const paint = await postAllAndPaint(doc.page, syncMessages(steps, result.toolbar, generation));
      // The first edit warms up. Counted until everything is drawn, not just the first chunk.
      if (e > 0) rows.push({ analysis: t1 - t0, render: t2 - t1, webview: paint.last, total: t2 - t0 + paint.last, first: t2 - t0 + paint.first });
    }
  } finally {
    await doc.close();
  }
  const med = (k) => median(rows.map((r) => r[k]));
  return { n, analysis: med('analysis'), render: med('render'), webview: med('webview'), total: med('total'), first: med('first'), max: Math.max(...rows.map((r) => r.total)) };
}

// ---------------------------------------------------------------------------------------
// Roadmap, matrix, report on the generated workspace

/** The roadmap and matrix views with the CSS their panels inline (src/extension/preview/*Preview.ts). */
function views() {
  const roadmapOptions = { ...roadmapView.DEFAULT_ROADMAP_OPTIONS };
  const matrixOptions = { ...matrixView.DEFAULT_MATRIX_OPTIONS };
  return [
    { name: 'roadmap (renderRoadmapView)', kind: 'roadmap', css: ROADMAP_CSS + roadmapView.ROADMAP_VIEW_CSS, render: (a) => roadmapView.renderRoadmapView(a, roadmapOptions) },
    { name: 'matrix (renderMatrixView)', kind: 'matrix', css: matrixView.MATRIX_CSS, render: (a) => matrixView.renderMatrixView(a, matrixOptions) },
  ];
}

/** The messages a panel posts for these sync steps (src/extension/preview/previewPanel.ts). */
function syncMessages(steps, toolbar, generation) {
  return steps.map((step) => stepMessage(step, { generation: ++generation.value, toolbar, state: {} }));
}

/**
 * Posts a panel's messages at once, as the panel does, and times from the first post:
 * `first`, the frame that shows the first message, with its style and layout forced in
 * that frame's callback (a chunked first render paints its top there); `last`, until the
 * frame that shows the last message has been painted.
 */
function postAllAndPaint(page, messages) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const t0 = performance.now();
    for (const m of ms) globalThis.postMessage(m, '*');
    const shown = (g) => Number(document.body.dataset.generation) >= g;
    let first;
    const frame = () => {
      if (first === undefined && shown(ms[0].generation)) {
        document.getElementById('sl-content').getBoundingClientRect();
        first = performance.now() - t0;
      }
      if (shown(ms.at(-1).generation)) setTimeout(() => resolve({ first, last: performance.now() - t0 }), 0);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }), messages);
}

async function benchViews(docs) {
  const files = generatedWorkspaceFiles(docs);
  const { ws, analysis, ms: loadMs } = await loadWorkspace(files);
  const plan = [...files.keys()].find((p) => p.startsWith('plans/'));
  const original = files.get(plan);
  const edited = (k) => original.replace(/\b(\d+)d\b/, (_, d) => `${Number(d) + (k % 2 ? 0 : 3)}d`);
  if (edited(0) === original) throw new Error(`${plan} has no duration to edit`);
  const out = [];
  for (const view of views()) {
    const first = [];
    const complete = [];
    const host = [];
    let messages = 0;
    for (let r = 0; r < RUNS; r++) {
      const h = time(() => view.render(analysis));
      const s = time(() => new RenderSync().next(h.value));
      host.push(h.ms + s.ms);
      const doc = await openPreview(view.kind, view.css, false);
      try {
        const posted = syncMessages(s.value, h.value.toolbar, { value: 0 });
        messages = posted.length;
        const t = await postAllAndPaint(doc.page, posted);
        first.push(h.ms + s.ms + t.first);
        complete.push(h.ms + s.ms + t.last);
      } finally {
        await doc.close();
      }
    }
    const updates = [];
    const doc = await openPreview(view.kind, view.css, false);
    try {
      const generation = { value: 0 };
      const sync = new RenderSync();
      ws.setFile(plan, original); // the previous view's last edit may have left it changed
      const r0 = view.render(ws.analyze());
      await postAllAndPaint(doc.page, syncMessages(sync.next(r0), r0.toolbar, generation));
      for (let e = 0; e < EDITS + 1; e++) {
        const t0 = performance.now();
        ws.setFile(plan, edited(e));
        const analysisNow = ws.analyze();
        const t1 = performance.now();
        const result = view.render(analysisNow);
        const steps = sync.next(result);
        const t2 = performance.now();
        const sent = syncMessages(steps, result.toolbar, generation);
        if (sent.length === 0) throw new Error(`${view.name}: the edit changed nothing to send`);
        const paint = (await postAllAndPaint(doc.page, sent)).last;
        const kb = sent.reduce((n, m) => n + (m.html ?? m.blocks.map((b) => b.html).join('')).length, 0) / 1024;
        if (e > 0) updates.push({ analysis: t1 - t0, render: t2 - t1, paint, total: t2 - t0 + paint, kb });
      }
    } finally {
      await doc.close();
    }
    out.push({
      name: view.name, host: median(host), first: median(first), complete: median(complete), messages,
      update: median(updates.map((u) => u.total)), updateAnalysis: median(updates.map((u) => u.analysis)),
      updateRender: median(updates.map((u) => u.render)), updatePaint: median(updates.map((u) => u.paint)), updateKb: median(updates.map((u) => u.kb)),
    });
  }
  ws.setFile(plan, original);
  const a = ws.analyze();
  const report = [];
  for (let r = 0; r < RUNS; r++) report.push(time(() => renderStatusReport(a)).ms);
  return { docs, files: files.size, loadMs, views: out, report: median(report) };
}

// ---------------------------------------------------------------------------------------

const verdict = (ok) => (ok ? 'meets target' : 'BELOW target');
try {
  log(`preview benchmark: sizes ${SIZES.join(', ')} tasks, ${RUNS} runs, ${EDITS} edits, ${DOCS} documents; Debian Chromium (headless)`);
  const gantt = [];
  if (PARTS.has('gantt')) {
    console.log('\nGantt first paint (ms, medians)');
    console.log('| tasks | bars+ms | html KB | analysis | renderGanttView + sync | webview: first frame | ours: first paint | ours: all drawn (messages) | mermaid | mermaid ÷ ours first / all |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const n of SIZES) {
      const g = await benchGantt(n);
      gantt.push(g);
      console.log(`| ${n} | ${g.bars}+${g.milestones} | ${g.kb.toFixed(0)} | ${ms(g.analysis)} | ${ms(g.render)} | ${ms(g.webview)} | ${ms(g.ours)} | ${ms(g.all)} (${g.messages}) | ${ms(g.mermaid)} | ${g.ratio.toFixed(1)}× / ${g.ratioAll.toFixed(1)}× |`);
    }
  }
  const editN = SIZES.includes(1000) ? 1000 : SIZES[Math.floor(SIZES.length / 2)];
  let edit;
  if (PARTS.has('edit')) {
    edit = await benchGanttEdit(editN);
    console.log(`\nGantt edit → repaint, ${editN} tasks (ms, median of ${EDITS}; max ${ms(edit.max)})`);
    console.log('| setFile + analyze | renderGanttView + sync | webview until all drawn | total | (first chunk shown at) |');
    console.log('|---:|---:|---:|---:|---:|');
    console.log(`| ${ms(edit.analysis)} | ${ms(edit.render)} | ${ms(edit.webview)} | ${ms(edit.total)} | ${ms(edit.first)} |`);
  }
  let v;
  if (PARTS.has('views')) {
    v = await benchViews(DOCS);
    console.log(`\nRoadmap and matrix, ${v.files} files (${DOCS} documents; cold load + analyze ${ms(v.loadMs)} ms, not counted below)`);
    console.log('| view | host render | first paint | ÷ 300 ms | all drawn (messages) | update: analyze + render + paint (KB sent) | update after edit | ÷ 150 ms |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of v.views) console.log(`| ${r.name} | ${ms(r.host)} | ${ms(r.first)} | ${(r.first / TARGET_VIEW_FIRST_MS).toFixed(2)} | ${ms(r.complete)} (${r.messages}) | ${ms(r.updateAnalysis)} + ${ms(r.updateRender)} + ${ms(r.updatePaint)} (${r.updateKb.toFixed(0)} KB) | ${ms(r.update)} | ${(r.update / TARGET_VIEW_EDIT_MS).toFixed(2)} |`);
    console.log(`| renderStatusReport | ${ms(v.report)} | | ${(v.report / TARGET_REPORT_MS).toFixed(2)} of 1 s | | | | |`);
  }

  console.log('\nTargets');
  const g3 = gantt.find((g) => g.n === 3000) ?? gantt.at(-1);
  if (g3) console.log(`  Gantt ${g3.n} tasks first paint ${g3.ratio.toFixed(1)}× faster than mermaid (target ≥ ${TARGET_FIRST_PAINT_RATIO}×): ${verdict(g3.ratio >= TARGET_FIRST_PAINT_RATIO)}; whole chart drawn ${g3.ratioAll.toFixed(1)}× faster`);
  if (edit) console.log(`  Gantt ${editN}-task edit repainted in ${ms(edit.total)} ms (target ≤ ${TARGET_EDIT_MS} ms): ${verdict(edit.total <= TARGET_EDIT_MS)}`);
  for (const r of v?.views ?? []) {
    console.log(`  ${r.name}: first paint ${ms(r.first)} ms (≤ ${TARGET_VIEW_FIRST_MS}): ${verdict(r.first <= TARGET_VIEW_FIRST_MS)}; update ${ms(r.update)} ms (≤ ${TARGET_VIEW_EDIT_MS}): ${verdict(r.update <= TARGET_VIEW_EDIT_MS)}`);
  }
  if (v) console.log(`  status report ${ms(v.report)} ms (≤ ${TARGET_REPORT_MS}): ${verdict(v.report <= TARGET_REPORT_MS)}`);
} catch (error) {
  console.error(`bench/preview: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await closeBrowser();
}
