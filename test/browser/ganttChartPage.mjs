// The small chart both Gantt editing suites drive in Chromium (ganttDrag, ganttGhost): the
// preview page as a panel builds it, with a real chart rendered by the compiled core.
/* global window, document */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { nextPaint } from './chromium.mjs';
import { openPreviewWebview } from './previewWebview.mjs';

const out = (path) => import(new URL(`../../out/${path}`, import.meta.url).href);

/** The compiled core the suites use: the Gantt view, the webview protocol, dates and the test analysis builder. */
export async function loadGanttCore() {
  return {
    ...(await out('src/core/views/ganttView.js')),
    ...(await out('src/core/views/protocol.js')),
    ...(await out('src/core/render/ganttSvg.js')),
    ...(await out('src/core/model/dates.js')),
    ...(await out('test/unit/render/analysisBuilder.js')),
  };
}

/**
 * T-1 Mon 1 – Fri 5 March (`progress` % done when given), T-2 after it (8–10 March), M-1
 * after T-2, T-3 unrelated; day zoom is 24 px a day.
 */
export function smallChart(core, { zoom = 'day', progress } = {}) {
  const b = new core.AnalysisBuilder({ today: '2027-02-22' });
  b.task('T-1', { title: 'Alpha', start: '2027-03-01', end: '2027-03-05', ...(progress === undefined ? {} : { progress }) });
  b.task('T-2', { title: 'Beta', start: '2027-03-08', end: '2027-03-10', after: ['T-1'] });
  b.task('T-3', { title: 'Gamma', start: '2027-03-01', end: '2027-03-02' });
  b.milestone('M-1', { title: 'Launch', date: '2027-03-10', after: ['T-2'] });
  return core.renderGanttView(b.build(), { ...core.DEFAULT_GANTT_OPTIONS, zoom });
}

/** Opens the preview page with `result` rendered as generation 7, painted. */
export async function openGanttPage(core, result, { editable = true } = {}) {
  const doc = await openPreviewWebview({ kind: 'gantt', inlineCss: core.GANTT_CSS, editable });
  await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 7, toolbar: result.toolbar, html: result.html, state: {} });
  await doc.page.waitForFunction(() => document.body.dataset.generation === '7');
  await nextPaint(doc.page);
  return doc;
}

/** The on-screen box of `selector`, which must be there. */
export async function box(page, selector) {
  const b = await page.locator(selector).boundingBox();
  assert.ok(b, `${selector} is on screen`);
  return b;
}

/** A screenshot into SPECLINE_SHOTS when it is set (for a person to look at), else nothing. */
export async function shot(page, name) {
  if (process.env.SPECLINE_SHOTS) await page.screenshot({ path: join(process.env.SPECLINE_SHOTS, `${name}.png`) });
}
