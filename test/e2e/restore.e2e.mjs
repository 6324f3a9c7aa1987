/* global document */
// A Gantt preview survives a window reload: VS Code restores the panel through
// Specline's webview serializer, with the options the user chose (here: month zoom,
// grouped by feature), and the chart is drawn again from the current index.
// Run: node scripts/vscode/runE2E.mjs --grep reload
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { waitUntil } from '../../scripts/vscode/codeServer.mjs';
import { openFile, runCommand, withWorkbench, frameWith } from './harness.mjs';


const pressed = (frame, value) => frame.getAttribute(`button[data-option="zoom"][data-value="${value}"]`, 'aria-pressed');
const groupBy = (frame) => frame.$eval('select[data-option="groupBy"]', (s) => s.value);
const bars = (frame) => frame.$$eval('svg.sl-gantt g.sl-task-row', (els) => els.length);

describe('Gantt preview restored after a window reload (code-server + Chromium)', () => {
  it('comes back with its zoom and grouping after the page reloads', async () => {
    await withWorkbench({ fixture: 'examples/acme', theme: 'light', settings: { 'specline.today': '2027-02-15' } }, async ({ page, screenshot }) => {
      await openFile(page, 'plans/q1-core.md');
      await runCommand(page, 'Specline: Open Gantt Preview');
      let frame = await frameWith(page, 'svg.sl-gantt g.sl-task-row', 'the Gantt preview');
      const before = await bars(frame);
      assert.ok(before > 0, 'bars before the reload');

      await frame.click('button[data-option="zoom"][data-value="month"]');
      await waitUntil(async () => (await pressed(frame, 'month')) === 'true', { timeoutMs: 15_000, what: 'month zoom' });
      await frame.selectOption('select[data-option="groupBy"]', 'feature');
      await waitUntil(async () => (await frame.$$eval('.sl-section-label', (els) => els.map((e) => e.textContent ?? ''))).some((t) => t.startsWith('FEAT-')), { timeoutMs: 15_000, what: 'sections by feature' });
      // The webview hands its state to VS Code after each render: wait until it holds both choices.
      await waitUntil(async () => {
        const saved = JSON.parse((await frame.evaluate(() => document.body.dataset.savedState)) ?? '{}');
        return saved.options?.zoom === 'month' && saved.options?.groupBy === 'feature';
      }, { timeoutMs: 15_000, what: 'the webview to save month zoom and grouping by feature' });

      // "Developer: Reload Window", as a user reloads: the workbench saves its state first.
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      frame = await frameWith(page, 'svg.sl-gantt g.sl-task-row', 'the restored Gantt preview');
      await waitUntil(async () => (await pressed(frame, 'month')) === 'true', { timeoutMs: 20_000, what: 'the restored month zoom' });
      assert.equal(await groupBy(frame), 'feature', 'grouping restored');
      assert.equal(await bars(frame), before, 'the same bars as before the reload');
      await screenshot('gantt-restored');
    });
  });
});
