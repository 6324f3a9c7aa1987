// The webview previews the injection tests load, each as a host-side
// `render(analysis) → { toolbar, html }` plus what to check once it is on screen.
// Adding a preview is one entry in `webviewViews()`.
/* global document */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { PAYLOADS } from './payloads.mjs';

const outUrl = (path) => new URL(`../../out/src/${path}`, import.meta.url);
const load = (path) => import(outUrl(path).href);

const ganttView = await load('core/views/ganttView.js');
const ganttSvg = await load('core/render/ganttSvg.js');
const roadmap = { ...(await load('core/render/roadmapModel.js')), ...(await load('core/render/roadmapBoard.js')) };
// The roadmap and matrix previews are written on another branch; when their
// views exist they join the corpus automatically.
const roadmapView = existsSync(outUrl('core/views/roadmapView.js')) ? await load('core/views/roadmapView.js') : undefined;
const matrixView = existsSync(outUrl('core/views/matrixView.js')) ? { ...(await load('core/views/matrixView.js')), ...(await load('core/views/matrixViewOptions.js')) } : undefined;

/** Feature titles are front matter (exact payloads): every view that shows features shows these. */
const featureProbes = () => PAYLOADS.map((p) => p.probe);

/** Every task and milestone of the workspace is drawn once, as a bar or a diamond. */
async function checkGanttBars(page, analysis, result, meta) {
  const shown = await page.evaluate(() => [...document.querySelectorAll('#sl-content rect.sl-bar[data-id]')].map((r) => r.getAttribute('data-id')));
  assert.deepEqual(shown.filter((id) => !meta.tasks.includes(id)), [], 'bars of unknown tasks');
  assert.equal(result.counts.bars, meta.tasks.length, 'every hostile task is scheduled');
  assert.equal(result.counts.milestones, meta.milestones.length);
  assert.equal(await page.locator('#sl-content rect.sl-bar[data-id]').count(), meta.tasks.length);
  for (const id of meta.tasks) assert.equal(await page.locator(`#sl-content rect.sl-bar[data-id="${id}"]`).count(), 1, `${id} has one bar`);
  for (const id of meta.milestones) assert.equal(await page.locator(`#sl-content path.sl-milestone[data-id="${id}"]`).count(), 1, `${id} has a diamond`);
  // The toolbar rendered its controls (and escaped the titles inside them).
  assert.ok(await page.locator('#sl-toolbar select[data-option="feature"] option').count() > PAYLOADS.length);
}

function gantt(name, patch) {
  const state = { ...ganttView.DEFAULT_GANTT_OPTIONS, plan: ganttView.ALL_PLANS, collapsed: [], ...patch };
  return {
    name, kind: 'gantt', state, inlineCss: ganttSvg.GANTT_CSS, usesMermaid: true,
    render: (analysis) => ganttView.renderGanttView(analysis, state),
    ready: async () => {},
    check: checkGanttBars,
    probes: featureProbes,
  };
}

/**
 * The previews to test. Each: `render(analysis) → { toolbar, html, counts? }`, `ready(page)`
 * (waits for anything asynchronous), `check(page, analysis, result, meta)`, `probes(meta)`
 * (text that must be visible), and the page options (`kind`, `inlineCss`, `usesMermaid`).
 */
export function webviewViews() {
  const views = [
    gantt('Gantt webview (Specline renderer, by section)', { renderer: 'specline', groupBy: 'section' }),
    gantt('Gantt webview (Specline renderer, by feature, day zoom)', { renderer: 'specline', groupBy: 'feature', zoom: 'day' }),
    {
      ...gantt('Gantt webview (mermaid renderer, securityLevel strict)', { renderer: 'mermaid', groupBy: 'feature' }),
      ready: (page) => page.waitForSelector('#sl-content .sl-mermaid svg, #sl-content .sl-mermaid-error', { timeout: 60_000 }),
      check: async (page, analysis, result, meta) => {
        assert.equal(await page.locator('#sl-content .sl-mermaid-error').count(), 0, 'mermaid drew the chart');
        assert.equal(await page.locator('#sl-content [data-mermaid-source]').count(), 0, 'the source block was replaced');
        // Mermaid draws one rect per task and milestone, id'd `<diagram id>-t0`, `-t1`… from our generated ids.
        const rects = await page.evaluate(() => [...document.querySelectorAll('#sl-content .sl-mermaid svg rect[id]')].filter((r) => /-t\d+$/.test(r.id)).length);
        assert.equal(rects, meta.tasks.length + meta.milestones.length);
        const text = await page.evaluate(() => [...document.querySelectorAll('#sl-content .sl-mermaid svg text')].map((t) => t.textContent).join('\n'));
        for (const id of [...meta.tasks, ...meta.milestones]) assert.ok(new RegExp(`\\b${id}\\b`).test(text), `${id} is labelled`);
      },
      // Mermaid text replaces `<>:;#%{}"'&` with look-alikes, so the probes are the markers and the words.
      probes: () => ['Q01', 'img src=x onerror=slPwned=1', 'click T-1 call pwn()', 'securityLevel'],
    },
    {
      // The roadmap board as the roadmap preview will place it (until `renderRoadmapView` exists).
      name: 'Roadmap board in the webview', kind: 'roadmap', inlineCss: roadmap.ROADMAP_CSS, usesMermaid: false, state: {},
      render: (analysis) => ({ toolbar: '', html: roadmap.roadmapBoardHtml(roadmap.buildRoadmap(analysis, 'auto')) }),
      ready: async () => {},
      check: async (page, analysis, result, meta) => {
        for (const id of meta.features) assert.ok(await page.locator(`#sl-content .sl-card[data-id="${id}"]`).count() >= 1, `${id} has a card`);
        for (const id of meta.goals) assert.equal(await page.locator(`#sl-content th[data-id="${id}"]`).count(), 1, `${id} has a lane`);
      },
      probes: featureProbes,
    },
  ];
  if (roadmapView?.renderRoadmapView) views.push(generic('Roadmap preview', 'roadmap', roadmapView.renderRoadmapView, roadmapView.DEFAULT_ROADMAP_OPTIONS, roadmap.ROADMAP_CSS + roadmapView.ROADMAP_VIEW_CSS));
  if (matrixView?.renderMatrixView) views.push(generic('Traceability matrix preview', 'matrix', matrixView.renderMatrixView, matrixView.DEFAULT_MATRIX_OPTIONS, matrixView.MATRIX_CSS));
  return views;
}

/** A preview known only by its render function: every feature must be reachable by `data-id`. */
function generic(name, kind, render, defaults, inlineCss) {
  const state = { ...(defaults ?? {}) };
  return {
    name, kind, state, inlineCss, usesMermaid: false,
    render: (analysis) => render(analysis, state),
    ready: async () => {},
    check: async (page, analysis, result, meta) => {
      for (const id of meta.features) assert.ok(await page.locator(`#sl-content [data-id="${id}"]`).count() >= 1, `${id} is shown`);
    },
    probes: featureProbes,
  };
}
