// The Gantt preview comparing with a baseline, in Chromium with the panel's own page, CSS
// and script: each baseline bar starts and ends on its baseline days on the chart's scale,
// sits under its row's bar inside the row, milestones' baselines are hollow diamonds, slip
// labels read "+2d" / "new" right of everything else on the row, removed tasks have a
// section of their own, the tooltip of a baseline bar says what it is, and a chart large
// enough to be drawn in bands carries the same bars in its bands.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { closeBrowser } from './chromium.mjs';
import { openPreviewWebview } from './previewWebview.mjs';

const out = (path) => import(new URL(`../../out/${path}`, import.meta.url).href);

// Then (v1): T-1 2d Mon 01-04 … Tue 01-05; T-2 3d Wed 01-06 … Fri 01-08; T-3 1d Mon 01-11; M-1 after T-2: Fri 01-08.
// Now: T-1 4d (… Thu 01-07), T-2 Fri 01-08 … Tue 01-12, T-3 removed, T-9 added, M-1 Tue 01-12.
const plan = (t1, rows) => `---\ntitle: Plan\nstart: 2027-01-04\n---\n\n| ID | Task | Duration | After |\n|---|---|---|---|\n| T-1 | Design | ${t1} | |\n${rows}\n- M-1 Release\n  - after: T-2\n`;
const THEN = plan('2d', '| T-2 | Build | 3d | T-1 |\n| T-3 | Polish | 1d | T-2 |\n');
const NOW = plan('4d', '| T-2 | Build | 3d | T-1 |\n| T-9 | New work | 1d | T-2 |\n');

describe('Gantt preview with a baseline (Chromium)', function () {
  this.timeout(120_000);
  let core;

  before(async () => {
    core = {
      ...(await out('src/core/workspace/createWorkspace.js')),
      ...(await out('src/core/model/dates.js')),
      ...(await out('src/core/baseline/baseline.js')),
      ...(await out('src/core/views/ganttView.js')),
      ...(await out('src/core/render/ganttSvg.js')),
      ...(await out('src/core/render/ganttBaseline.js')),
      ...(await out('test/support/memoryFileSystem.js')),
    };
  });

  after(closeBrowser);

  const analyse = async (files) => {
    const ws = core.createWorkspace({ fs: core.memoryFileSystem({ ...files }), today: () => core.parseIsoDate('2027-01-04') });
    await ws.load();
    return ws.analyze();
  };

  async function show(then, now) {
    const baseline = core.baselineOf(await analyse(then), 'v1', 'a'.repeat(40));
    const result = core.renderGanttView(await analyse(now), { ...core.DEFAULT_GANTT_OPTIONS, plan: '*', zoom: 'day', baseline: 'v1' }, undefined, { baseline });
    const doc = await openPreviewWebview({ kind: 'gantt', inlineCss: core.GANTT_CSS + core.GANTT_BASELINE_CSS });
    await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 1, toolbar: result.toolbar, html: result.html, state: {} });
    await doc.page.waitForFunction(() => document.body.dataset.generation === '1');
    return { doc, result };
  }

  it('draws each baseline bar on its days, under its own bar, with slip labels after the row and removed tasks apart', async () => {
    const { doc, result } = await show({ 'plan.md': THEN }, { 'plan.md': NOW });
    try {
      assert.deepEqual([result.counts.baselineRows, result.counts.slipped], [3, 3]);
      const layout = await doc.page.evaluate(() => {
        const svg = document.querySelector('svg[data-px-per-day]');
        const box = svg.getBoundingClientRect();
        const scale = { origin: Number(svg.dataset.originDay), ppd: Number(svg.dataset.pxPerDay), left: box.left + Number(svg.dataset.chartLeft) };
        const rect = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
        const rows = {};
        for (const g of document.querySelectorAll('g.sl-baseline')) {
          const shape = g.querySelector('.sl-baseline-bar, .sl-baseline-milestone');
          const id = g.getAttribute('data-baseline-id');
          const own = document.querySelector(`g.sl-task[data-id="${id}"] .sl-bar, g.sl-task[data-id="${id}"] .sl-milestone`);
          rows[id] = {
            start: shape.getAttribute('data-start'), end: shape.getAttribute('data-end'), removed: g.classList.contains('sl-removed'),
            shape: rect(shape), own: own ? rect(own) : null, fill: window.getComputedStyle(shape).fill, stroke: window.getComputedStyle(shape).stroke, tip: g.getAttribute('data-tip'),
          };
        }
        const labels = {};
        for (const t of document.querySelectorAll('text.sl-slip[data-slip-id]')) labels[t.getAttribute('data-slip-id')] = { text: t.textContent, box: rect(t), visible: t.getBoundingClientRect().width > 0 };
        const removedHeader = [...document.querySelectorAll('.sl-baseline-removed text')].map((t) => t.textContent);
        return { scale, rows, labels, removedHeader, legend: document.querySelector('.sl-legend')?.textContent ?? '' };
      });
      const day = (iso) => core.parseIsoDate(iso);
      const x = (d) => layout.scale.left + (d - layout.scale.origin) * layout.scale.ppd;
      const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 0.5, `${what}: ${a} vs ${b}`);

      assert.deepEqual(Object.keys(layout.rows).sort(), ['M-1', 'T-1', 'T-2', 'T-3']);
      for (const id of ['T-1', 'T-2']) {
        const r = layout.rows[id];
        near(r.shape.left, x(day(r.start)), `${id} baseline starts on its first day`);
        near(r.shape.right, x(day(r.end) + 1), `${id} baseline ends after its last day`);
        assert.ok(r.shape.top >= r.own.bottom, `${id}: the baseline bar is below the current bar`);
        assert.ok(r.shape.bottom - r.shape.top <= 4, `${id}: the baseline bar is thin`);
        assert.ok(r.shape.bottom - r.own.top <= 24, `${id}: both stay inside the row`);
        assert.match(r.tip, new RegExp(`^${id} .*\\nBaseline \\(v1\\): .*\\nSlipped \\+2 working days$`));
      }
      assert.deepEqual([layout.rows['T-1'].start, layout.rows['T-1'].end], ['2027-01-04', '2027-01-05']);
      const m1 = layout.rows['M-1'];
      near((m1.shape.left + m1.shape.right) / 2, x(day('2027-01-08')) + layout.scale.ppd / 2, 'the baseline diamond is centred on its day');
      assert.equal(m1.fill, 'none', 'a baseline milestone is hollow');
      assert.notEqual(m1.stroke, 'none');
      assert.ok(m1.own.left > m1.shape.right, 'M-1 moved right of its baseline diamond');

      assert.deepEqual(Object.fromEntries(Object.entries(layout.labels).map(([id, l]) => [id, l.text])), { 'T-1': '+2d', 'T-2': '+2d', 'T-9': 'new', 'M-1': '+2d' });
      for (const [id, l] of Object.entries(layout.labels)) {
        assert.ok(l.visible, `${id} label is drawn`);
        const own = layout.rows[id]?.own;
        if (own) assert.ok(l.box.left >= own.right, `${id} label is right of its bar`);
      }
      const t3 = layout.rows['T-3'];
      assert.equal(t3.removed, true);
      near(t3.shape.left, x(day('2027-01-11')), 'the removed task\'s baseline is on its day');
      assert.deepEqual(layout.removedHeader, ['Removed since v1']);
      assert.ok(layout.legend.includes('Baseline dates') && layout.legend.includes('Slip in working days'), layout.legend);

      // The panel's own tooltip shows the baseline bar's text on hover.
      const bar = await doc.page.$('g.sl-baseline[data-baseline-id="T-2"] .sl-baseline-bar');
      await bar.hover();
      await doc.page.waitForFunction(() => (document.getElementById('sl-tooltip')?.textContent ?? '').includes('Baseline (v1)'));
    } finally {
      await doc.close();
    }
  });

  it('a chart drawn in bands carries the baseline bars and labels in its bands', async () => {
    const rows = (n, dur) => Array.from({ length: n }, (_, i) => `| T-${100 + i} | Task ${i} | ${dur} | |`).join('\n');
    const big = (dur) => `---\ntitle: Big\nstart: 2027-01-04\n---\n\n| ID | Task | Duration | After |\n|---|---|---|---|\n${rows(400, dur)}\n`;
    const { doc } = await show({ 'plan.md': big('2d') }, { 'plan.md': big('3d') });
    try {
      const counts = await doc.page.evaluate(() => ({
        bands: document.querySelectorAll('.sl-band').length,
        inBands: document.querySelectorAll('.sl-band g.sl-baseline').length,
        labels: [...document.querySelectorAll('.sl-band text.sl-slip')].map((t) => t.textContent),
      }));
      assert.ok(counts.bands >= 2, `drawn in bands: ${counts.bands}`);
      assert.equal(counts.inBands, 400);
      assert.equal(counts.labels.length, 400);
      assert.ok(counts.labels.every((l) => l === '+1d'), [...new Set(counts.labels)].join(', '));
    } finally {
      await doc.close();
    }
  });

  it('the toolbar offers "Compare with…", shows the baseline when set, and is disabled with the reason where git may not run', async () => {
    const analysis = await analyse({ 'plan.md': NOW });
    const disabled = core.renderGanttView(analysis, { ...core.DEFAULT_GANTT_OPTIONS }, undefined, { unavailable: 'Restricted Mode is on.' });
    const doc = await openPreviewWebview({ kind: 'gantt', inlineCss: core.GANTT_CSS });
    try {
      await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 1, toolbar: disabled.toolbar, html: disabled.html, state: {} });
      await doc.page.waitForFunction(() => document.body.dataset.generation === '1');
      const button = await doc.page.evaluate(() => {
        const b = document.querySelector('button[data-command="compareBaseline"]');
        return { text: b.textContent, disabled: b.disabled, title: b.title };
      });
      assert.deepEqual(button, { text: 'Compare with…', disabled: true, title: 'Restricted Mode is on.' });
      // A click on a disabled control posts nothing.
      await doc.page.click('button[data-command="compareBaseline"]', { force: true }).catch(() => undefined);
      assert.ok(!(await doc.page.evaluate(() => globalThis.slPosted.some((m) => m.type === 'command'))));

      const set = core.renderGanttView(analysis, { ...core.DEFAULT_GANTT_OPTIONS, baseline: 'v1' }, undefined, {});
      await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 2, toolbar: set.toolbar, html: set.html, state: {} });
      await doc.page.waitForFunction(() => document.body.dataset.generation === '2');
      await doc.page.click('button[data-command="compareBaseline"]');
      const posted = await doc.page.evaluate(() => ({ label: document.querySelector('button[data-command="compareBaseline"]').textContent, last: globalThis.slPosted.at(-1) }));
      assert.equal(posted.label, 'Baseline: v1');
      assert.deepEqual(posted.last, { type: 'command', command: 'compareBaseline' });
    } finally {
      await doc.close();
    }
  });
});
