#!/usr/bin/env node
/* global document, requestAnimationFrame, TextEncoder */
// Gantt drag benchmark: from the drop to the redrawn chart on the generated 1,000-task plan
// (bench/ganttPlan.mjs), in one Chromium page built as the panel builds it.
//
// Timed per drop, as the extension does it: the webview's `gesture` message validated
// (`parseWebviewMessage`), the gesture planned (`planChartGesture`), the edit computed
// (`planTaskEdit` against the plan's text) and applied to the text, the workspace updated
// incrementally (`setFile` + `analyze`), the chart rendered (`renderGanttView` + the block
// sync) and posted, until the frame showing it is painted. Alternately the end of T-500 is
// dragged two days later and back, which re-flows every task after it. VS Code's own part
// (applying the WorkspaceEdit to the buffer) is not in this process and not counted; the
// index's typing debounce and the panel's coalescing delay do not apply to an edit made
// from the chart (`LiveIndex.editApplied`), so nothing else waits between these steps.
// test/e2e/ganttEdit.e2e.mjs prints the whole drop → redraw in code-server. It only
// prints; a slow number never fails it. Median of --drops.
//
//   node bench/dragEdit.mjs [--tasks 1000] [--drops 10]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeBrowser, ROOT } from '../test/browser/chromium.mjs';
import { openPreviewWebview } from '../test/browser/previewWebview.mjs';
import { ganttFiles } from './ganttPlan.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const TASKS = Number(arg('--tasks', '1000'));
const DROPS = Math.max(1, Number(arg('--drops', '10')));
const LIMIT_MS = 200;
const PLAN = 'plans/plan.md';

const outDir = join(ROOT, 'out', 'src');
if (!existsSync(join(outDir, 'core', 'edit', 'planTaskEdit.js')) || !existsSync(join(ROOT, 'media', 'preview.js'))) {
  console.error('bench/dragEdit: build first (npm run build: tsc -p . && node scripts/bundle.mjs)');
  process.exit(1);
}
const load = (p) => import(pathToFileURL(join(outDir, p)).href);
const { createWorkspace } = await load('core/workspace/createWorkspace.js');
const { parseIsoDate } = await load('core/model/dates.js');
const { renderGanttView, DEFAULT_GANTT_OPTIONS, ALL_PLANS } = await load('core/views/ganttView.js');
const { GANTT_CSS } = await load('core/render/ganttSvg.js');
const { RenderSync, stepMessage } = await load('core/views/renderSync.js');
const { parseWebviewMessage } = await load('core/views/protocol.js');
const { planChartGesture } = await load('core/edit/chartGesture.js');
const { planTaskEdit, applyTextEdits } = await load('core/edit/planTaskEdit.js');
const { fileResultFor } = await load('core/language/freshFile.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

const files = ganttFiles(TASKS);
const enc = new TextEncoder();
const ws = createWorkspace({
  fs: { listFiles: async () => [...files.keys()], readFile: async (p) => enc.encode(files.get(p)), stat: async (p) => ({ size: files.get(p).length }) },
  today: () => parseIsoDate('2027-01-01'),
});
await ws.load();
const options = { ...DEFAULT_GANTT_OPTIONS, plan: ALL_PLANS, collapsed: [] };
const doc = await openPreviewWebview({ kind: 'gantt', inlineCss: GANTT_CSS, usesMermaid: true, title: 'Bench', editable: true });

/** Posts the panel's messages and resolves when the frame showing the last one is painted. */
const paint = (messages) => doc.page.evaluate((list) => new Promise((resolve) => {
  const t0 = performance.now();
  for (const m of list) globalThis.postMessage(m, '*');
  const frame = () => {
    if (Number(document.body.dataset.generation) >= list.at(-1).generation) setTimeout(() => resolve(performance.now() - t0), 0);
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}), messages);

const rows = [];
try {
  const sync = new RenderSync();
  let generation = 0;
  const post = (result) => sync.next(result).map((step) => stepMessage(step, { generation: ++generation, toolbar: result.toolbar, state: {} }));
  const first = renderGanttView(ws.analyze(), options);
  await paint(post(first));
  let text = files.get(PLAN);
  for (let d = 0; d < DROPS + 1; d++) {
    const raw = { type: 'gesture', generation, gesture: { kind: 'resize', id: 'T-500', days: d % 2 ? -2 : 2 } };
    const t0 = performance.now();
    const message = parseWebviewMessage(JSON.parse(JSON.stringify(raw)));
    const analysis = ws.analyze();
    const planned = planChartGesture(analysis, message.gesture);
    if (!planned.ok) throw new Error(planned.message);
    const edit = planTaskEdit({ text, file: fileResultFor(analysis, PLAN, text), config: analysis.config }, planned.plan.request);
    if (!edit.ok) throw new Error(edit.message);
    text = applyTextEdits(text, edit.edits);
    const t1 = performance.now();
    ws.setFile(PLAN, text);
    const after = ws.analyze();
    const t2 = performance.now();
    const result = renderGanttView(after, options);
    const messages = post(result);
    const t3 = performance.now();
    if (messages.length === 0) throw new Error('the drop changed nothing on the chart');
    const webview = await paint(messages);
    // The first drop warms up.
    if (d > 0) rows.push({ edit: t1 - t0, analyze: t2 - t1, render: t3 - t2, webview, total: t3 - t0 + webview });
  }
} finally {
  await doc.close();
  await closeBrowser();
}
const med = (k) => median(rows.map((r) => r[k]));
console.log(`Gantt drop → redrawn chart, ${TASKS} tasks (ms, median of ${DROPS} drops; max ${ms(Math.max(...rows.map((r) => r.total)))})`);
console.log('| gesture + edit | analyze | render | webview paint | total | ÷ 200 ms |');
console.log('|---|---|---|---|---|---|');
console.log(`| ${ms(med('edit'))} | ${ms(med('analyze'))} | ${ms(med('render'))} | ${ms(med('webview'))} | ${ms(med('total'))} | ${(med('total') / LIMIT_MS).toFixed(2)} |`);
