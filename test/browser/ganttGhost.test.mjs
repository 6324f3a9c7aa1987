// The Gantt drag's live ghost in real Chromium: while a bar is dragged, the page asks the
// host what the drop would move (`ghost` messages, validated as the host validates them),
// one request at a time; the host's answer (posted here as the host would) draws dashed
// outlines of the other items at their new days, in their own rows, and the scheduler's
// dates and working days on the dragged bar. Answers for a position the drag has left, for
// an older render or for another request are ignored; Escape and the drop remove every
// outline. Set SPECLINE_SHOTS=dir to keep screenshots.
/* global window, getComputedStyle, describe, before, after, it */
import assert from 'node:assert/strict';
import { closeBrowser, nextPaint } from './chromium.mjs';
import { box, loadGanttCore, openGanttPage, shot, smallChart } from './ganttChartPage.mjs';

describe('Gantt drag ghost in the preview webview', function () {
  this.timeout(120_000);
  let core;

  before(async () => {
    core = await loadGanttCore();
  });

  after(closeBrowser);

  /** T-1 Mon 1 – Fri 5 March, T-2 after it (8–10 March), M-1 after T-2, T-3 unrelated; 24 px a day. */
  const open = () => openGanttPage(core, smallChart(core));

  const day = (iso) => core.parseIsoDate(iso);
  /** Ghost requests posted so far, each as the host's validator reads it. */
  const requests = (page) => page.evaluate(() => window.slPosted.filter((m) => m.type === 'ghost')).then((list) => list.map((m) => core.parseWebviewMessage(m)));
  const reply = (page, message) => page.evaluate((m) => window.postMessage(m, '*'), message).then(() => nextPaint(page));

  /** Presses T-1's right end and drags it `days` days later (not released). */
  async function dragEnd(page, days) {
    const bar = await box(page, 'rect.sl-bar[data-id="T-1"]');
    const y = bar.y + bar.height / 2;
    await page.mouse.move(bar.x + bar.width - 2, y);
    await page.mouse.down();
    // Past the drag threshold, then on to the day in one step.
    await page.mouse.move(bar.x + bar.width - 2 + 5, y);
    await page.mouse.move(bar.x + bar.width - 2 + days * 24, y);
    return { bar, y };
  }

  /** What the host answers for T-1's end two days later: Sunday steps on to Monday, T-2 and M-1 re-flow. */
  const answer = (seq, generation = 7) => ({
    type: 'ghost', generation, for: seq, more: 0, warnings: ['M-9 (2027-03-10) would be missed: T-2 ends 2027-03-11'],
    moves: [
      { id: 'T-1', start: day('2027-03-01'), end: day('2027-03-08'), days: 6 },
      { id: 'T-2', start: day('2027-03-09'), end: day('2027-03-11'), days: 3 },
      { id: 'M-1', start: day('2027-03-11'), end: day('2027-03-11'), days: 0 },
    ],
  });

  it("asks what the drop would move and draws the successors' outlines on their new days", async () => {
    const { page } = await open();
    const t1 = await box(page, 'rect.sl-bar[data-id="T-1"]');
    const t2 = await box(page, 'rect.sl-bar[data-id="T-2"]');
    const m1 = await box(page, '.sl-milestone[data-id="M-1"]');
    await dragEnd(page, 2);
    await page.waitForFunction(() => window.slPosted.some((m) => m.type === 'ghost'));
    const [request] = await requests(page);
    assert.deepEqual({ ...request, seq: typeof request.seq }, { type: 'ghost', generation: 7, seq: 'number', gesture: { kind: 'resize', id: 'T-1', days: 2 } });

    await reply(page, answer(request.seq));
    await page.waitForSelector('.sl-ghost-follow[data-ghost-of="T-2"]');
    // The chart's own day columns, as drawn on screen: T-1's left edge is 1 March, T-2's 8 March.
    const ppd = (t2.x - t1.x) / 7;
    assert.ok(ppd > 20, `about 24 px a day (${ppd})`);
    const xOf = (iso) => t1.x + (day(iso) - day('2027-03-01')) * ppd;
    // Chromium's boxes include the stroke, half of it on each side of the outline's edge.
    const stroke = await page.locator('.sl-ghost-follow[data-ghost-of="T-2"]').evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
    const edge = (b) => ({ x: b.x + stroke / 2, y: b.y + stroke / 2, width: b.width - stroke, height: b.height - stroke });
    const outline = edge(await box(page, '.sl-ghost-follow[data-ghost-of="T-2"]'));
    assert.ok(Math.abs(outline.x - xOf('2027-03-09')) <= 0.5, `T-2's outline starts on 9 March (${outline.x} vs ${xOf('2027-03-09')})`);
    assert.ok(Math.abs(outline.x + outline.width - xOf('2027-03-12')) <= 0.5, "and ends with 11 March's column");
    assert.ok(Math.abs(outline.y - t2.y) <= 0.5 && Math.abs(outline.height - t2.height) <= 0.5, 'in its own row, the size of the bar');
    const diamond = edge(await box(page, '.sl-ghost-follow[data-ghost-of="M-1"]'));
    assert.ok(Math.abs(diamond.x + diamond.width / 2 - (xOf('2027-03-11') + ppd / 2)) <= 0.5, "M-1's outline is centred on 11 March");
    assert.ok(Math.abs(diamond.y + diamond.height / 2 - (m1.y + m1.height / 2)) <= 0.5, 'in its own row');
    assert.equal(await page.locator('.sl-ghost-follow[data-ghost-of="T-1"]').count(), 0, 'the dragged bar has its own ghost');
    assert.equal(await page.locator('.sl-ghost-follow[data-ghost-of="T-3"]').count(), 0);
    assert.equal(await page.locator('.sl-ghost-follow').evaluateAll((els) => els.every((el) => getComputedStyle(el).strokeDasharray !== 'none' && getComputedStyle(el).fill === 'none')), true, 'dashed outlines');
    assert.equal(await page.locator('.sl-ghost-label').textContent(), '2027-03-01 Mon → 2027-03-08 Mon · 6 working days · moves 2 others');
    assert.equal(await page.locator('.sl-ghost-warning').textContent(), '⚠ M-9 (2027-03-10) would be missed: T-2 ends 2027-03-11');
    assert.equal(await page.locator('#sl-live').textContent(), 'Dropping here: M-9 (2027-03-10) would be missed: T-2 ends 2027-03-11.', 'and announced');
    assert.deepEqual(await box(page, 'rect.sl-bar[data-id="T-2"]'), t2, 'the real bars do not move');
    // Each line of text sits on a plate that covers it, so it stays readable over row labels and bars.
    const plates = await page.locator('rect.sl-ghost-plate').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    const lines = await page.locator('text.sl-ghost-label, text.sl-ghost-warning').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    assert.equal(plates.length, lines.length, 'one plate per line');
    for (const [i, line] of lines.entries()) {
      const plate = plates[i];
      assert.ok(plate.left <= line.left && plate.right >= line.right && plate.top <= line.top + 1 && plate.bottom >= line.bottom - 1, `plate ${i} covers its line`);
    }
    await shot(page, 'ghost-successors');

    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.sl-ghost-follow, .sl-ghost-warning, .sl-ghost, .sl-ghost-plate').count(), 0, 'Escape removes every ghost');
    await page.mouse.up();
    assert.deepEqual(await page.evaluate(() => window.slPosted.filter((m) => m.type === 'gesture')), []);
  });

  it('keeps one request in flight and ignores stale answers; the drop removes the outlines', async () => {
    const { page } = await open();
    const { bar, y } = await dragEnd(page, 1);
    await page.waitForFunction(() => window.slPosted.some((m) => m.type === 'ghost'));
    // Further while the first is unanswered: nothing more is asked yet.
    await page.mouse.move(bar.x + bar.width - 2 + 2 * 24, y);
    await page.mouse.move(bar.x + bar.width - 2 + 3 * 24, y);
    await nextPaint(page);
    const first = await requests(page);
    assert.deepEqual(first.map((r) => r.gesture.days), [1]);

    // The answer for one day later: the drag is at three days now, so it draws nothing,
    // and the newest position is asked about.
    await reply(page, answer(first[0].seq));
    await page.waitForFunction(() => window.slPosted.filter((m) => m.type === 'ghost').length === 2);
    assert.equal(await page.locator('.sl-ghost-follow').count(), 0);
    const [, second] = await requests(page);
    assert.deepEqual(second.gesture, { kind: 'resize', id: 'T-1', days: 3 });

    // Another request's number, a malformed answer: ignored.
    await reply(page, answer(second.seq + 1));
    await reply(page, { ...answer(second.seq), moves: [{ id: 'T-2', start: 5, end: 1, days: 1 }] });
    assert.equal(await page.locator('.sl-ghost-follow').count(), 0, 'stale and malformed answers draw nothing');
    // An answer computed on an older render draws nothing: the page asks again.
    await reply(page, answer(second.seq, 6));
    await page.waitForFunction(() => window.slPosted.filter((m) => m.type === 'ghost').length === 3);
    assert.equal(await page.locator('.sl-ghost-follow').count(), 0);
    const third = (await requests(page))[2];
    assert.deepEqual(third.gesture, second.gesture);
    await reply(page, answer(third.seq));
    await page.waitForSelector('.sl-ghost-follow');
    // A late duplicate changes nothing.
    await reply(page, answer(second.seq));
    assert.equal(await page.locator('.sl-ghost-follow').count(), 2);

    await page.mouse.up();
    assert.equal(await page.locator('.sl-ghost-follow, .sl-ghost-warning').count(), 0, 'the drop removes every ghost');
    const drops = await page.evaluate(() => window.slPosted.filter((m) => m.type === 'gesture'));
    assert.deepEqual(drops.map((m) => m.gesture), [{ kind: 'resize', id: 'T-1', days: 3 }]);
    // An answer after the drop draws nothing.
    await reply(page, answer(second.seq));
    assert.equal(await page.locator('.sl-ghost-follow').count(), 0);
  });

  it('keyboard moves ask for no ghost', async () => {
    const { page } = await open();
    await page.locator('g.sl-task[data-id="T-1"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.slPosted.some((m) => m.type === 'gesture'));
    assert.deepEqual(await requests(page), []);
  });
});
