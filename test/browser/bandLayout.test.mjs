// The roadmap and the matrix draw each lane / goal group as its own table in a
// `content-visibility: auto` band under a header table (for speed on large workspaces). In Chromium,
// with the panels' CSS: every column of every band on screen lines up with its header to
// the pixel, in a wide and in a narrow panel (where the board scrolls sideways), and the
// bands far below the fold are not laid out until scrolled to.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { closeBrowser, ROOT } from './chromium.mjs';
import { openPreviewWebview } from './previewWebview.mjs';

const out = (path) => import(new URL(`../../out/src/${path}`, import.meta.url).href);

describe('Banded roadmap and matrix layout', function () {
  this.timeout(120_000);
  let core;
  let analysis;

  before(async () => {
    core = {
      ...(await out('node/nodeWorkspace.js')),
      ...(await out('core/model/dates.js')),
      ...(await out('core/render/roadmapBoard.js')),
      ...(await out('core/views/roadmapView.js')),
      ...(await out('core/views/matrixView.js')),
      ...(await out('core/views/matrixViewOptions.js')),
    };
    const ws = core.createNodeWorkspace({ root: join(ROOT, 'examples', 'acme'), today: core.parseIsoDate('2027-02-15'), parallel: false });
    await ws.load();
    analysis = ws.analyze();
  });

  after(closeBrowser);

  async function show(kind, css, result, width) {
    const doc = await openPreviewWebview({ kind, inlineCss: css, viewport: { width, height: 900 } });
    await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 1, toolbar: result.toolbar, html: result.html, state: {} });
    await doc.page.waitForFunction(() => document.body.dataset.generation === '1');
    return doc;
  }

  /** For each band in view: how far each of its first row's cells is from its header cell (px), left and right edges. */
  const misalignment = (page, headSelector, bandSelector) => page.evaluate(([head, band]) => {
    const want = [...document.querySelectorAll(`${head} thead th`)].map((c) => c.getBoundingClientRect()).map((r) => [r.left, r.right]);
    const out = [];
    for (const b of document.querySelectorAll(band)) {
      const box = b.getBoundingClientRect();
      if (box.top > window.innerHeight || box.bottom < 0) continue;
      // The first row holds every column (a goal cell spanning rows only starts in it); a
      // cell spanning columns starts at its first column's header and ends at its last's.
      const diffs = [];
      let column = 0;
      for (const cell of b.querySelector('tr').children) {
        const r = cell.getBoundingClientRect();
        const last = column + cell.colSpan - 1;
        if (last >= want.length) break;
        diffs.push(Math.abs(r.left - want[column][0]), Math.abs(r.right - want[last][1]));
        column = last + 1;
      }
      out.push(column === want.length ? { band: b.getAttribute('data-block'), worst: Math.max(...diffs) } : { band: b.getAttribute('data-block'), columns: column, headers: want.length });
    }
    return out;
  }, [headSelector, bandSelector]);

  for (const width of [1400, 700]) {
    it(`roadmap lanes line up with the column headers (${width} px wide)`, async () => {
      const result = core.renderRoadmapView(analysis, { ...core.DEFAULT_ROADMAP_OPTIONS });
      const doc = await show('roadmap', core.ROADMAP_CSS + core.ROADMAP_VIEW_CSS, result, width);
      try {
        const bands = await misalignment(doc.page, '.sl-roadmap-head', '.sl-lane-band');
        assert.ok(bands.length >= 2, `at least two lanes in view: ${JSON.stringify(bands)}`);
        for (const b of bands) assert.ok(b.worst !== undefined && b.worst <= 0.5, `${b.band} is off its headers: ${JSON.stringify(b)}`);
        if (width < 800) {
          const scroll = await doc.page.evaluate(() => { const c = document.getElementById('sl-content'); return c.scrollWidth > c.clientWidth; });
          assert.ok(scroll, 'a narrow panel scrolls the board sideways rather than squeezing the columns');
        }
      } finally {
        await doc.close();
      }
    });

    it(`matrix goal groups line up with the column headers (${width} px wide)`, async () => {
      const result = core.renderMatrixView(analysis, { ...core.DEFAULT_MATRIX_OPTIONS });
      const doc = await show('matrix', core.MATRIX_CSS, result, width);
      try {
        const bands = await misalignment(doc.page, '.sl-matrix-head', '.sl-matrix-band');
        assert.ok(bands.length >= 2, `at least two goal groups in view: ${JSON.stringify(bands)}`);
        for (const b of bands) assert.ok(b.worst !== undefined && b.worst <= 0.5, `${b.band} is off its headers: ${JSON.stringify(b)}`);
      } finally {
        await doc.close();
      }
    });
  }

  it('leaves bands below the fold unlaid-out until they are scrolled to', async () => {
    // 60 goals with a feature each: far more lanes than fit in 900 px.
    const { AnalysisBuilder } = await import(new URL('../../out/test/unit/render/analysisBuilder.js', import.meta.url).href);
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    for (let i = 1; i <= 60; i++) b.goal(`G-${i}`, { title: `Goal ${i}`, horizon: 'now' }).feature(`FEAT-${i}`, { title: `Feature ${i}`, goals: [`G-${i}`] });
    const result = core.renderRoadmapView(b.build(), { ...core.DEFAULT_ROADMAP_OPTIONS });
    const doc = await show('roadmap', core.ROADMAP_CSS + core.ROADMAP_VIEW_CSS, result, 1400);
    try {
      // checkVisibility({ contentVisibilityAuto: true }) is false inside a band the browser skips.
      const rendered = () => doc.page.evaluate(() => [...document.querySelectorAll('.sl-lane-band')]
        .map((band) => band.querySelector('.sl-card').checkVisibility({ contentVisibilityAuto: true })));
      const before = await rendered();
      assert.equal(before.length, 60);
      assert.ok(before[0], 'the first lane is rendered');
      assert.ok(!before[59], 'the last lane is skipped while far off screen');
      await doc.page.evaluate(() => document.querySelector('.sl-lane-band:last-child').scrollIntoView());
      await doc.page.waitForFunction(() => document.querySelector('.sl-lane-band:last-child .sl-card').checkVisibility({ contentVisibilityAuto: true }));
      // …and the first one is skipped again once scrolled away (decided at the next frame).
      await doc.page.waitForFunction(() => !document.querySelector('.sl-lane-band .sl-card').checkVisibility({ contentVisibilityAuto: true }));
    } finally {
      await doc.close();
    }
  });
});
