// The HTML export of a long plan (`specline gantt --format html`) in Chromium: the page is
// banded like the preview (bands off screen are skipped by `content-visibility: auto`), yet
// every row is in the document and needs no script; bars sit on their days; the axis header
// stays in view while the rows scroll; printing draws every band and makes several pages;
// hostile titles stay text; and a baseline is drawn under the bars of the banded page.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBrowser, dangerousMarkup, nextPaint, openDocument, ROOT, sensors } from './chromium.mjs';

const out = (path) => import(new URL(`../../out/${path}`, import.meta.url).href);
const TODAY = '2027-01-04';
const TASKS = 400;
const HOSTILE = '<img src=x onerror=slPwned=1>';

/** A plan of `n` tasks in sections of 40 (chained inside each, every fifth also after one 20 back), a milestone per section. */
function planText(n, duration = (i) => 1 + (i % 4)) {
  const lines = ['---', 'title: Long plan', 'start: 2027-01-04', '---', '', '# Long plan', ''];
  for (let i = 1; i <= n; i++) {
    if ((i - 1) % 40 === 0) lines.push(`## Phase ${Math.ceil(i / 40)}`, '');
    const title = i === 7 ? HOSTILE : `Task ${i}`;
    lines.push(`- [ ] T-${i} ${title}`, `  - duration: ${duration(i)}d`);
    const after = [];
    if ((i - 1) % 40 > 0) after.push(`T-${i - 1}`);
    if (i % 5 === 0 && i > 20) after.push(`T-${i - 20}`);
    if (after.length) lines.push(`  - after: ${after.join(', ')}`);
    if (i % 40 === 0 || i === n) lines.push('', `- M-${Math.ceil(i / 40)} Phase ${Math.ceil(i / 40)} done`, `  - after: T-${i}`, '');
  }
  return `${lines.join('\n')}\n`;
}

describe('Gantt HTML export in Chromium (banded page)', function () {
  this.timeout(180_000);
  let dir;
  let html;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'specline-export-'));
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', 'plan.md'), planText(TASKS));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'specline.js'), 'gantt', '--format', 'html', '--zoom', 'day', '--today', TODAY], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    html = r.stdout;
  });

  after(async () => {
    await closeBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (page = html) => {
    const doc = await openDocument({ html: page, path: 'gantt.html' });
    await nextPaint(doc.page);
    return doc;
  };

  it('holds every row in the document, in bands, with no script, and every bar on its days', async () => {
    const doc = await open();
    try {
      const { page } = doc;
      const facts = await page.evaluate(() => ({
        scripts: document.scripts.length,
        bands: document.querySelectorAll('.sl-gantt-pages > .sl-band').length,
        rows: [...document.querySelectorAll('g.sl-task[data-id]')].map((g) => g.getAttribute('data-id')),
        skipped: [...document.querySelectorAll('rect.sl-bar')].filter((r) => !r.checkVisibility({ contentVisibilityAuto: true })).length,
      }));
      assert.equal(facts.scripts, 0, 'the page needs no script');
      const expected = [...Array.from({ length: TASKS }, (_, i) => `T-${i + 1}`), ...Array.from({ length: TASKS / 40 }, (_, i) => `M-${i + 1}`)];
      assert.deepEqual([...facts.rows].sort(), [...expected].sort(), 'every task and milestone has its row');
      assert.ok(facts.bands >= Math.ceil((TASKS + 20) / 25), `drawn in bands: ${facts.bands}`);
      assert.ok(facts.skipped > TASKS / 2, `bands off screen are skipped on screen (${facts.skipped} bars)`);

      // Each row's shape on its days, on the header's scale: bars from their first day's
      // left edge to their last day's right edge, diamonds centred in their day.
      const layout = await page.evaluate(() => {
        const head = document.querySelector('svg[data-px-per-day]');
        const box = head.getBoundingClientRect();
        const scale = { origin: Number(head.dataset.originDay), ppd: Number(head.dataset.pxPerDay), left: box.left + Number(head.dataset.chartLeft) };
        const rows = [...document.querySelectorAll('g.sl-task[data-id]')].map((g) => {
          const shape = g.querySelector('.sl-bar, .sl-milestone').getBoundingClientRect();
          return { id: g.getAttribute('data-id'), start: Number(g.dataset.startDay), end: Number(g.dataset.endDay), milestone: g.querySelector('.sl-milestone') !== null, left: shape.left, right: shape.right, top: shape.top };
        });
        return { scale, rows };
      });
      const x = (d) => layout.scale.left + (d - layout.scale.origin) * layout.scale.ppd;
      const near = (a, b, what) => assert.ok(Math.abs(a - b) <= 0.5, `${what}: ${a} vs ${b}`);
      for (const r of layout.rows) {
        if (r.milestone) near((r.left + r.right) / 2, x(r.start) + layout.scale.ppd / 2, `${r.id} diamond centred on its day`);
        else {
          near(r.left, x(r.start), `${r.id} starts on its first day`);
          near(r.right, x(r.end + 1), `${r.id} ends after its last day`);
        }
      }
      for (let i = 1; i < layout.rows.length; i++) assert.ok(layout.rows[i].top > layout.rows[i - 1].top, `${layout.rows[i].id} is below ${layout.rows[i - 1].id}: the bands stack`);

      const s = await sensors(page);
      assert.equal(s.pwned, false);
      assert.deepEqual(s.csp, []);
      assert.deepEqual(doc.rec.blocked, [], 'nothing is fetched');
      assert.deepEqual(await dangerousMarkup(page), []);
      const text = await page.evaluate(() => document.body.textContent);
      assert.ok(text.includes(HOSTILE), 'the hostile title is shown as text');
    } finally {
      await doc.close();
    }
  });

  it('keeps the axis header in view while the rows scroll under it', async () => {
    const doc = await open();
    try {
      const pos = await doc.page.evaluate(() => new Promise((resolve) => {
        const box = document.querySelector('.sl-scroll');
        box.scrollTop = box.scrollHeight / 2;
        window.requestAnimationFrame(() => {
          const head = document.querySelector('.sl-gantt-head').getBoundingClientRect();
          const firstBand = document.querySelector('.sl-band').getBoundingClientRect();
          resolve({ box: box.getBoundingClientRect().top + box.clientTop, head: head.top, firstBand: firstBand.bottom, scrolled: box.scrollTop });
        });
      }));
      assert.ok(pos.scrolled > 1000, `the chart box scrolls (${pos.scrolled})`);
      assert.ok(Math.abs(pos.head - pos.box) <= 1, `the header stays at the top of the box: ${pos.head} vs ${pos.box}`);
      assert.ok(pos.firstBand < pos.box, 'the first band has scrolled away under it');
    } finally {
      await doc.close();
    }
  });

  it('prints every band (nothing skipped), the header once, on several pages', async () => {
    const doc = await open();
    try {
      const { page } = doc;
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        skipped: [...document.querySelectorAll('g.sl-task')].filter((g) => !g.checkVisibility({ contentVisibilityAuto: true })).length,
        rows: document.querySelectorAll('g.sl-task').length,
        visibility: [...new Set([...document.querySelectorAll('.sl-band')].map((b) => window.getComputedStyle(b).contentVisibility))],
        breaks: [...new Set([...document.querySelectorAll('.sl-band')].map((b) => window.getComputedStyle(b).breakInside))],
        head: window.getComputedStyle(document.querySelector('.sl-gantt-head')).position,
        heads: document.querySelectorAll('.sl-gantt-head').length,
      }));
      assert.equal(printed.skipped, 0, `every row is drawn in print (${printed.rows} rows)`);
      assert.deepEqual(printed.visibility, ['visible']);
      assert.deepEqual(printed.breaks, ['avoid'], 'pages break between bands');
      assert.equal(printed.head, 'static', 'the header is printed once, not stuck over the rows');
      assert.equal(printed.heads, 1);
      const pdf = await page.pdf({ printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages > 1, `the long plan prints on ${pages} pages`);
    } finally {
      await doc.close();
    }
  });

  it('draws a baseline under the bars of the banded page, on its days, and cuts the removed section into bands too', async () => {
    const core = {
      ...(await out('src/core/workspace/createWorkspace.js')),
      ...(await out('src/core/model/dates.js')),
      ...(await out('src/core/baseline/baseline.js')),
      ...(await out('src/core/render/ganttHtml.js')),
      ...(await out('test/support/memoryFileSystem.js')),
    };
    const analyse = async (text) => {
      const ws = core.createWorkspace({ fs: core.memoryFileSystem({ 'plans/plan.md': text }), today: () => core.parseIsoDate(TODAY) });
      await ws.load();
      return ws.analyze();
    };
    // Then: 160 tasks of a day each; now 120 tasks of 1–4 days: every bar slipped, 41 items removed.
    const then = await analyse(planText(160, () => 1));
    const now = await analyse(planText(120));
    const page = core.renderGanttHtml(now, { zoom: 'day', baseline: core.baselineOf(then, 'v1', 'a'.repeat(40)) });
    const doc = await open(page);
    try {
      const layout = await doc.page.evaluate(() => {
        const head = document.querySelector('svg[data-px-per-day]');
        const box = head.getBoundingClientRect();
        const scale = { origin: Number(head.dataset.originDay), ppd: Number(head.dataset.pxPerDay), left: box.left + Number(head.dataset.chartLeft) };
        const bars = [...document.querySelectorAll('.sl-band g.sl-baseline:not(.sl-removed) .sl-baseline-bar')].map((b) => {
          const r = b.getBoundingClientRect();
          return { start: b.getAttribute('data-start'), end: b.getAttribute('data-end'), left: r.left, right: r.right };
        });
        return {
          scale, bars, slips: document.querySelectorAll('.sl-band text.sl-slip').length, legend: document.querySelector('.sl-legend').textContent,
          removed: document.querySelectorAll('.sl-band g.sl-baseline.sl-removed').length,
          tallest: Math.max(...[...document.querySelectorAll('.sl-band')].map((b) => b.getBoundingClientRect().height)),
        };
      });
      assert.equal(layout.bars.length, 120, 'a baseline bar per task, inside the bands');
      assert.ok(layout.slips > 0, 'slip labels are drawn');
      assert.ok(layout.legend.includes('Baseline dates'));
      assert.equal(layout.removed, 41, 'the removed tasks and milestone have rows of their own');
      assert.ok(layout.tallest <= 25 * 24, `no band is taller than 25 rows, the removed section included (${layout.tallest} px)`);
      const x = (iso) => layout.scale.left + (core.parseIsoDate(iso) - layout.scale.origin) * layout.scale.ppd;
      for (const b of layout.bars) {
        assert.ok(Math.abs(b.left - x(b.start)) <= 0.5, `baseline ${b.start} starts on its day`);
        assert.ok(Math.abs(b.right - (x(b.end) + layout.scale.ppd)) <= 0.5, `baseline ${b.end} ends after its day`);
      }
    } finally {
      await doc.close();
    }
  });
});
