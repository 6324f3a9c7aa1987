// Keyed block patches in real Chromium (for speed on large workspaces): the webview script applies the
// `patch` messages `RenderSync` makes, exactly as the panel posts them. An edit must change
// only the blocks it touched (the other elements stay the same DOM nodes, so the browser
// neither re-parses nor re-lays them out), the page must end up equal to a fresh render of
// the new markup, and a patch the page cannot apply must change nothing and ask for a
// whole render.
/* global window, document, requestAnimationFrame, describe, before, after, it */
import assert from 'node:assert/strict';
import { closeBrowser } from './chromium.mjs';
import { openPreviewWebview } from './previewWebview.mjs';

const out = (path) => import(new URL(`../../out/src/${path}`, import.meta.url).href);

describe('Block patches in the preview webview', function () {
  this.timeout(120_000);
  let core;

  before(async () => {
    core = {
      ...(await out('core/views/renderSync.js')),
      ...(await out('core/render/blocks.js')),
      ...(await out('core/render/roadmapBoard.js')),
      ...(await out('core/views/roadmapView.js')),
      ...(await import(new URL('../../out/test/unit/render/analysisBuilder.js', import.meta.url).href)),
    };
  });

  after(closeBrowser);

  const openPreview = () => openPreviewWebview({ kind: 'roadmap', inlineCss: core.ROADMAP_CSS + core.ROADMAP_VIEW_CSS });

  let generation = 0;
  /** Posts what the panel would post for this result and waits until the page shows the last message. */
  async function show(page, sync, result) {
    const messages = sync.next(result).map((step) => core.stepMessage(step, { generation: ++generation, toolbar: result.toolbar, state: {} }));
    await page.evaluate((ms) => { for (const m of ms) window.postMessage(m, '*'); }, messages);
    if (messages.length > 0) await page.waitForFunction((g) => document.body.dataset.generation === String(g), generation);
    return messages;
  }

  /** Tags every block element with a property markup cannot set: it survives only if the node does. */
  const tagBlocks = (page) => page.evaluate(() => {
    for (const el of document.querySelectorAll('#sl-content [data-block]')) el.slTag = el.getAttribute('data-block');
  });
  const blockState = (page) => page.evaluate(() => [...document.querySelectorAll('#sl-content [data-block]')]
    .map((el) => ({ key: el.getAttribute('data-block'), kept: el.slTag === el.getAttribute('data-block') })));
  const contentHtml = (page) => page.evaluate(() => document.getElementById('sl-content').innerHTML);

  /** Eight goals with a feature each; `weeks` sets FEAT-3's task length, which moves its card. */
  function analysis(weeks, extra = {}) {
    const b = new core.AnalysisBuilder({ today: '2027-03-01' });
    for (let i = 1; i <= 8; i++) {
      if (!(extra.dropGoal === i)) b.goal(`G-${i}`, { title: `Goal ${i}`, horizon: i % 3 === 0 ? 'later' : i % 2 ? 'now' : 'next', ...(i === 3 ? { target: '2027-06-30' } : {}) });
      b.feature(`FEAT-${i}`, { title: `Feature ${i}`, goals: extra.dropGoal === i ? [] : [`G-${i}`] });
      const days = i === 3 ? weeks * 7 : 5;
      b.task(`T-${i}`, { features: [`FEAT-${i}`], start: '2027-03-01', end: addDays('2027-03-01', days - 1) });
    }
    return b.build();
  }
  const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const render = (a) => core.renderRoadmapView(a, { ...core.DEFAULT_ROADMAP_OPTIONS });

  it('an edit replaces only the changed lane; the page equals a fresh render of the new markup', async () => {
    const doc = await openPreview();
    try {
      const sync = new core.RenderSync();
      const before = render(analysis(2));
      assert.ok(before.blocks, 'the roadmap view has blocks');
      await show(doc.page, sync, before);
      await tagBlocks(doc.page);

      const after = render(analysis(30));
      const changed = after.blocks.blocks.filter((b, i) => before.blocks.blocks[i]?.html !== b.html).map((b) => b.key);
      assert.deepEqual(changed, ['lane/G-3'], 'only the edited feature\'s lane differs');
      const messages = await show(doc.page, sync, after);
      assert.deepEqual(messages.map((m) => m.type), ['patch']);
      assert.deepEqual(messages[0].blocks.map((b) => b.key), ['lane/G-3']);

      const state = await blockState(doc.page);
      assert.deepEqual(state.map((s) => s.key), after.blocks.blocks.map((b) => b.key), 'blocks in the new order');
      assert.deepEqual(state.filter((s) => !s.kept).map((s) => s.key), ['lane/G-3'], 'every other block is the same node');
      // Byte for byte what a whole render of the new markup gives (the parser normalises both the same way).
      const fresh = await openPreview();
      try {
        await show(fresh.page, new core.RenderSync(), after);
        assert.equal(await contentHtml(doc.page), await contentHtml(fresh.page));
      } finally {
        await fresh.close();
      }
    } finally {
      await doc.close();
    }
  });

  it('adds and removes lanes, and sends nothing for an identical render', async () => {
    const doc = await openPreview();
    try {
      const sync = new core.RenderSync();
      await show(doc.page, sync, render(analysis(2)));
      await tagBlocks(doc.page);
      // FEAT-5 loses its goal: lane G-5 goes, the Untraced lane appears at the end, the header counts stay.
      const next = render(analysis(2, { dropGoal: 5 }));
      const messages = await show(doc.page, sync, next);
      assert.deepEqual(messages.map((m) => m.type), ['patch']);
      const state = await blockState(doc.page);
      assert.deepEqual(state.map((s) => s.key), next.blocks.blocks.map((b) => b.key));
      assert.ok(!state.some((s) => s.key === 'lane/G-5'), 'the removed lane is gone');
      assert.deepEqual(state.filter((s) => !s.kept).map((s) => s.key).sort(), messages[0].blocks.map((b) => b.key).sort(), 'only the sent blocks are new nodes');
      assert.equal(await doc.page.locator('#sl-content .sl-lane-untraced [data-id="FEAT-5"]').count(), 1);
      assert.deepEqual(await show(doc.page, sync, render(analysis(2, { dropGoal: 5 }))), [], 'an identical render sends nothing');
    } finally {
      await doc.close();
    }
  });

  it('a patch the page cannot apply changes nothing and asks for a whole render', async () => {
    const doc = await openPreview();
    try {
      const result = render(analysis(2));
      await show(doc.page, new core.RenderSync(), result);
      const html = await contentHtml(doc.page);
      const keys = result.blocks.blocks.map((b) => b.key);
      const bad = [
        { keys: [...keys, 'lane/G-99'], blocks: [] }, // a kept block the page does not have
        { keys: [...keys, keys[1]], blocks: [] }, // a repeated key
        { keys, blocks: [{ key: 'lane/G-1', html: '<div data-block="lane/G-2"></div>' }] }, // markup under another key
        { keys, blocks: [{ key: 'lane/G-1', html: '<div data-block="lane/G-1"></div><div></div>' }] }, // two elements
      ];
      for (const patch of bad) {
        const readyBefore = await doc.page.evaluate(() => window.slPosted.filter((m) => m.type === 'ready').length);
        await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'patch', generation: ++generation, toolbar: result.toolbar, state: {}, ...patch });
        await doc.page.waitForFunction((n) => window.slPosted.filter((m) => m.type === 'ready').length > n, readyBefore);
        assert.equal(await contentHtml(doc.page), html, `${JSON.stringify(patch.keys.slice(-1))}: the page is unchanged`);
      }
    } finally {
      await doc.close();
    }
  });

  it('a first render in chunks paints its first block before the rest arrive, then holds all of them', async () => {
    const doc = await openPreview();
    try {
      const result = render(analysis(2));
      const sync = new core.RenderSync({ firstChunk: 1, chunk: 1 });
      const steps = sync.next(result);
      assert.equal(steps.length, result.blocks.blocks.length, 'one block per message');
      // Record, at every frame, how many blocks the page holds: a frame must come between chunks.
      await doc.page.evaluate(() => {
        window.slFrames = [];
        const frame = () => { window.slFrames.push(document.querySelectorAll('#sl-content [data-block]').length); requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
      });
      const messages = steps.map((step) => core.stepMessage(step, { generation: ++generation, toolbar: result.toolbar, state: {} }));
      await doc.page.evaluate((ms) => { for (const m of ms) window.postMessage(m, '*'); }, messages);
      await doc.page.waitForFunction((g) => document.body.dataset.generation === String(g), generation);
      const frames = await doc.page.evaluate(() => window.slFrames);
      const seen = new Set(frames.filter((n) => n > 0));
      assert.ok(seen.size >= 3, `frames showed several partial states, not just the end: ${[...seen].join(', ')}`);
      assert.equal(await contentHtml(doc.page), await (async () => {
        const fresh = await openPreview();
        try {
          await show(fresh.page, new core.RenderSync(), result);
          return await contentHtml(fresh.page);
        } finally {
          await fresh.close();
        }
      })());
    } finally {
      await doc.close();
    }
  });

  it('a render that arrives in chunks keeps the scroll position once the content is long enough again', async () => {
    const doc = await openPreview();
    try {
      const b = new core.AnalysisBuilder({ today: '2027-03-01' });
      for (let i = 1; i <= 60; i++) b.goal(`G-${i}`, { title: `Goal ${i}`, horizon: 'now' }).feature(`FEAT-${i}`, { title: `Feature ${i}`, goals: [`G-${i}`] });
      const a = b.build();
      const result = render(a);
      await show(doc.page, new core.RenderSync(), result);
      const top = await doc.page.evaluate(() => {
        const content = document.getElementById('sl-content');
        content.scrollTop = 3000;
        return content.scrollTop;
      });
      assert.equal(top, 3000, 'the board is long enough to scroll');
      // The columns change (a new frame): a whole render again, one lane per message.
      const other = core.renderRoadmapView(a, { ...core.DEFAULT_ROADMAP_OPTIONS, columns: 'quarter' });
      const messages = await show(doc.page, new core.RenderSync({ firstChunk: 1, chunk: 1 }), other);
      assert.ok(messages.length > 30 && messages[0].chunk === true && !messages.at(-1).chunk);
      // Reached once the chunks made the board long enough; lanes laid out after that may
      // move it a little (scroll anchoring keeps what is on screen in place), not back to the top.
      const after = await doc.page.evaluate(() => document.getElementById('sl-content').scrollTop);
      assert.ok(Math.abs(after - 3000) < 300, `scrolled to ${after}, expected about 3000`);
    } finally {
      await doc.close();
    }
  });
});
