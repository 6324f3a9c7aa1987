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
// Then the live ghost during a drag: the what-if (`planGhost`: the gesture's edit applied to
// a copy of the item, the plan rescheduled from it) and its reply message, built and
// validated as the webview validates it, for T-500's end (a short re-flow) and T-10's end
// (the first task: everything after it is rescheduled). Median of --drops asks each.
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
const { planGhost } = await load('core/edit/ghostPreview.js');
const { parseGhostReply } = await load('core/views/protocol.js');

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
// The live ghost: host work per snapped step of a drag, against the published analysis.
const ghostRows = [];
{
  const analysis = ws.analyze();
  for (const [id, days] of [['T-500', 2], ['T-10', 3]]) {
    const times = [];
    let moved = 0;
    for (let i = 0; i < DROPS + 1; i++) {
      const t0 = performance.now();
      const request = parseWebviewMessage({ type: 'ghost', generation: 1, seq: i, gesture: { kind: 'resize', id, days: i % 2 ? days + 1 : days } });
      const ghost = planGhost(analysis, request.gesture, (p) => files.get(p));
      if (!ghost.ok) throw new Error(ghost.message);
      const reply = parseGhostReply(JSON.parse(JSON.stringify({ type: 'ghost', generation: 1, for: request.seq, ...ghost.ghost })));
      if (!reply) throw new Error('the ghost reply does not validate');
      // The first ask builds the analysis's schedule graph, which every later step reuses.
      if (i > 0) times.push(performance.now() - t0);
      moved = reply.moves.length + reply.more;
    }
    ghostRows.push({ id, days, moved, med: median(times), max: Math.max(...times) });
  }
}
const med = (k) => median(rows.map((r) => r[k]));
console.log(`Gantt drop → redrawn chart, ${TASKS} tasks (ms, median of ${DROPS} drops; max ${ms(Math.max(...rows.map((r) => r.total)))})`);
console.log('| gesture + edit | analyze | render | webview paint | total | ÷ 200 ms |');
console.log('|---|---|---|---|---|---|');
console.log(`| ${ms(med('edit'))} | ${ms(med('analyze'))} | ${ms(med('render'))} | ${ms(med('webview'))} | ${ms(med('total'))} | ${(med('total') / LIMIT_MS).toFixed(2)} |`);
console.log('');
console.log(`Drag ghost (what-if + reply), ${TASKS} tasks (ms, median of ${DROPS} steps)`);
console.log('| gesture | items moving | median | max | ÷ 30 ms |');
console.log('|---|---|---|---|---|');
for (const g of ghostRows) console.log(`| ${g.id} end +${g.days}/${g.days + 1} days | ${g.moved} | ${ms(g.med)} | ${ms(g.max)} | ${(g.med / 30).toFixed(2)} |`);
