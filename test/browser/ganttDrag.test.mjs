// Editing the Gantt chart in real Chromium: the preview page as a panel builds it, with a
// real chart, driven by the mouse and keyboard. What leaves the page is checked: the
// `gesture` messages the host would receive (validated as the host validates them), the
// ghost with its new dates while dragging, nothing at all after Escape, and no drag where
// the page is not editable (Restricted Mode). Set SPECLINE_SHOTS=dir to keep screenshots.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { closeBrowser } from './chromium.mjs';
import { box, loadGanttCore, openGanttPage, shot, smallChart } from './ganttChartPage.mjs';

describe('Gantt chart editing in the preview webview', function () {
  this.timeout(120_000);
  let core;

  before(async () => {
    core = await loadGanttCore();
  });

  after(closeBrowser);

  /** T-1 (40% done), T-2 after it, M-1 after T-2, T-3; day zoom (24 px a day) unless told. */
  const chart = (zoom = 'day') => smallChart(core, { zoom, progress: 40 });
  const open = (editable = true, zoom = 'day') => openGanttPage(core, chart(zoom), { editable });

  /** Gestures posted so far, each as the host's validator reads it. */
  const gestures = (page) => page.evaluate(() => window.slPosted.filter((m) => m.type === 'gesture' || m.type === 'reveal'))
    .then((list) => list.map((m) => (m.type === 'gesture' ? core.parseWebviewMessage(m) : m)));


  it('drags a bar three days later, with a ghost showing the new dates, and posts one move', async () => {
    const { page } = await open();
    const bar = await box(page, 'rect.sl-bar[data-id="T-1"]');
    const y = bar.y + bar.height / 2;
    await page.mouse.move(bar.x + 20, y);
    await page.mouse.down();
    await page.mouse.move(bar.x + 20 + 40, y, { steps: 4 });
    await page.mouse.move(bar.x + 20 + 3 * 24 + 5, y, { steps: 4 });
    assert.equal(await page.locator('.sl-ghost').count(), 1, 'a ghost while dragging');
    assert.equal(await page.locator('.sl-ghost-label').textContent(), '2027-03-04 Thu → 2027-03-08 Mon');
    await shot(page, 'drag-move-ghost');
    await page.mouse.up();
    assert.equal(await page.locator('.sl-ghost').count(), 0, 'the ghost goes on drop');
    assert.deepEqual(await gestures(page), [{ type: 'gesture', generation: 7, gesture: { kind: 'move', id: 'T-1', days: 3 } }], 'one move and no reveal click');
    assert.match(await page.locator('#sl-live').textContent(), /Moving T-1 3 days later/);
  });

  for (const [zoom, ppd] of [['week', 10], ['month', 3], ['quarter', 1.2]]) {
    it(`snaps to whole days at ${zoom} zoom (${ppd} px a day)`, async () => {
      const { page } = await open(true, zoom);
      const bar = await box(page, 'rect.sl-bar[data-id="T-2"]');
      const y = bar.y + bar.height / 2;
      await page.mouse.move(bar.x + 1, y);
      await page.mouse.down();
      await page.mouse.move(bar.x + 1 + 12 * ppd + ppd / 3, y, { steps: 6 });
      await page.mouse.up();
      assert.deepEqual((await gestures(page)).map((m) => m.gesture), [{ kind: 'move', id: 'T-2', days: 12 }]);
    });
  }

  it('drags the end of a bar to change its length; a milestone moves', async () => {
    const { page } = await open();
    const bar = await box(page, 'rect.sl-bar[data-id="T-3"]');
    const y = bar.y + bar.height / 2;
    await page.mouse.move(bar.x + bar.width - 2, y);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width - 2 + 2 * 24, y, { steps: 5 });
    assert.equal(await page.locator('.sl-ghost-label').textContent(), 'ends 2027-03-04 Thu');
    await shot(page, 'drag-resize-ghost');
    await page.mouse.up();
    const diamond = await box(page, '.sl-milestone[data-id="M-1"]');
    await page.mouse.move(diamond.x + diamond.width / 2, diamond.y + diamond.height / 2);
    await page.mouse.down();
    await page.mouse.move(diamond.x + diamond.width / 2 - 24, diamond.y + diamond.height / 2, { steps: 5 });
    await page.mouse.up();
    assert.deepEqual((await gestures(page)).map((m) => m.gesture), [{ kind: 'resize', id: 'T-3', days: 2 }, { kind: 'move', id: 'M-1', days: -1 }]);
  });

  it('drags one bar onto another to make it follow', async () => {
    const { page } = await open();
    const from = await box(page, 'rect.sl-bar[data-id="T-3"]');
    const to = await box(page, 'rect.sl-bar[data-id="T-2"]');
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    assert.equal(await page.locator('.sl-link-line').count(), 1);
    assert.equal(await page.locator('.sl-ghost-label').textContent(), 'T-2 after T-3');
    await shot(page, 'drag-link');
    await page.mouse.up();
    assert.deepEqual((await gestures(page)).map((m) => m.gesture), [{ kind: 'link', from: 'T-3', to: 'T-2' }]);
  });

  it('Escape cancels a drag: nothing is posted', async () => {
    const { page } = await open();
    const bar = await box(page, 'rect.sl-bar[data-id="T-1"]');
    await page.mouse.move(bar.x + 10, bar.y + 5);
    await page.mouse.down();
    await page.mouse.move(bar.x + 100, bar.y + 5, { steps: 5 });
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.sl-ghost').count(), 0);
    await page.mouse.up();
    assert.deepEqual(await gestures(page), []);
    assert.match(await page.locator('#sl-live').textContent(), /cancelled/);
  });

  it('a click still reveals the source', async () => {
    const { page } = await open();
    await page.locator('rect.sl-bar[data-id="T-1"]').click();
    assert.deepEqual((await gestures(page)).map((m) => [m.type, m.id]), [['reveal', 'T-1']]);
  });

  it('keyboard: arrows move a focused bar a day, Shift+arrows change its length, L then L links', async () => {
    const { page } = await open();
    await page.locator('g.sl-task[data-id="T-1"]').focus();
    await page.keyboard.press('ArrowRight');
    // The next press waits for the redraw of the first: a new render lets it through.
    await page.keyboard.press('ArrowRight');
    assert.match(await page.locator('#sl-live').textContent(), /Saving T-1/);
    const result = chart();
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 8, toolbar: result.toolbar, html: result.html, state: {} });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'T-1' && document.body.dataset.generation === '8');
    assert.match(await page.locator('#sl-live').textContent(), /T-1 runs 2027-03-01 Mon to 2027-03-05 Fri/);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'T-2');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('l');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('l');
    assert.deepEqual((await gestures(page)).map((m) => [m.generation, m.gesture]), [
      [7, { kind: 'move', id: 'T-1', days: 1 }],
      [8, { kind: 'resize', id: 'T-1', days: -1 }],
      [8, { kind: 'link', from: 'T-1', to: 'T-3' }],
    ]);
  });

  it('drags the progress handle in 5% steps, with a ghost of the new fill, and posts one progress', async () => {
    const { page } = await open();
    const bar = await box(page, 'rect.sl-bar[data-id="T-1"]');
    await page.mouse.move(bar.x + 10, bar.y + bar.height / 2);
    const handle = await box(page, '.sl-progress-handle[data-id="T-1"]');
    // At 40% of the 120 px bar.
    assert.ok(Math.abs(handle.x + handle.width / 2 - (bar.x + 0.4 * bar.width)) < 1.5, 'the handle is at the fill\'s end');
    const x = handle.x + handle.width / 2;
    const y = handle.y + handle.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 25, y, { steps: 5 }); // 25 px of 120 = 20.8% → 60%
    assert.equal(await page.locator('.sl-ghost-label').textContent(), '60% done');
    await shot(page, 'drag-progress-ghost');
    await page.mouse.move(x + 200, y, { steps: 3 });
    assert.equal(await page.locator('.sl-ghost-label').textContent(), '100% done', 'never past 100%');
    await page.mouse.move(x + 26, y, { steps: 3 });
    await page.mouse.up();
    assert.deepEqual(await gestures(page), [{ type: 'gesture', generation: 7, gesture: { kind: 'progress', id: 'T-1', percent: 60 } }], 'one progress and no reveal click');
    assert.match(await page.locator('#sl-live').textContent(), /T-1 will be 60% done/);
  });

  it('keyboard: ] and [ step the progress of a focused bar by 5%, announced after the redraw', async () => {
    const { page } = await open();
    await page.locator('g.sl-task[data-id="T-1"]').focus();
    await page.keyboard.press(']');
    assert.match(await page.locator('#sl-live').textContent(), /T-1 will be 45% done/);
    const result = chart();
    await page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: 8, toolbar: result.toolbar, html: result.html, state: {} });
    await page.waitForFunction(() => document.getElementById('sl-live')?.textContent === 'T-1 is 40% done.');
    await page.keyboard.press('[');
    await page.locator('g.sl-task[data-id="T-3"]').focus();
    await page.keyboard.press('[');
    await page.locator('g.sl-task[data-id="M-1"]').focus();
    await page.keyboard.press(']');
    assert.deepEqual((await gestures(page)).map((m) => [m.generation, m.gesture]), [
      [7, { kind: 'progress', id: 'T-1', percent: 45 }],
      [8, { kind: 'progress', id: 'T-1', percent: 35 }],
    ], 'nothing below 0%, and a milestone has no progress');
  });

  it('double-click a row label to rename in place: Enter posts the title, no source is revealed', async () => {
    const { page } = await open();
    await page.locator('g.sl-task[data-id="T-2"] .sl-label').dblclick();
    const input = page.locator('input.sl-rename');
    assert.equal(await input.inputValue(), 'Beta');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'sl-rename');
    await shot(page, 'rename-input');
    await input.fill('   ');
    await page.keyboard.press('Enter');
    assert.equal(await input.getAttribute('aria-invalid'), 'true', 'an empty title is refused in place');
    await input.fill('Beta <b>two</b>');
    await page.keyboard.press('Enter');
    assert.equal(await input.count(), 0, 'the field closes');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'T-2', 'focus goes back to the bar');
    // A later single click's reveal waits as long as the double-click's first click would have: once it is here, that one would be too.
    await page.locator('g.sl-task[data-id="T-1"] .sl-label').click();
    await page.waitForFunction(() => window.slPosted.some((m) => m.type === 'reveal'));
    assert.deepEqual(await gestures(page), [
      { type: 'gesture', generation: 7, gesture: { kind: 'rename', id: 'T-2', title: 'Beta <b>two</b>' } },
      { type: 'reveal', file: 'plan.md', line: 0, id: 'T-1' },
    ]);
    assert.equal(await page.locator('b').count(), 0, 'the title is text, never markup');
  });

  it('F2 renames the focused bar; Escape cancels; one click on a label still reveals', async () => {
    const { page } = await open();
    await page.locator('g.sl-task[data-id="T-3"]').focus();
    await page.keyboard.press('F2');
    assert.equal(await page.locator('input.sl-rename').inputValue(), 'Gamma');
    await page.keyboard.type('ZZ');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('input.sl-rename').count(), 0);
    assert.match(await page.locator('#sl-live').textContent(), /Rename of T-3 cancelled/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'T-3');
    await page.locator('g.sl-task[data-id="T-1"] .sl-label').click();
    await page.waitForFunction(() => window.slPosted.some((m) => m.type === 'reveal'));
    assert.deepEqual((await gestures(page)).map((m) => [m.type, m.id ?? m.gesture]), [['reveal', 'T-1']]);
  });

  it('a page that is not editable (Restricted Mode) does not drag', async () => {
    const { page } = await open(false);
    const bar = await box(page, 'rect.sl-bar[data-id="T-1"]');
    await page.mouse.move(bar.x + 10, bar.y + 5);
    await page.mouse.down();
    await page.mouse.move(bar.x + 100, bar.y + 5, { steps: 5 });
    assert.equal(await page.locator('.sl-ghost').count(), 0);
    await page.mouse.up();
    assert.equal((await gestures(page)).filter((m) => m.type === 'gesture').length, 0);
  });
});
