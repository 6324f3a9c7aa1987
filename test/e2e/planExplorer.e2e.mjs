// The Plan Explorer as a user sees it: the Specline container in the activity bar, opened
// on examples/acme with today fixed, shows the goals; a click on a task opens its plan.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { screenshotsDir, withWorkbench } from './harness.mjs';

describe('Plan Explorer (code-server + Chromium)', () => {
  it('opens from the activity bar and lists the goals of examples/acme', async () => {
    await withWorkbench({ fixture: 'examples/acme', theme: 'dark', settings: { 'specline.today': '2027-03-01' } }, async ({ page }) => {
      const icon = page.locator('.part.activitybar .action-item a[aria-label^="Specline"]');
      await icon.waitFor({ state: 'visible', timeout: 30_000 });
      await icon.click();
      const view = page.locator('.part.sidebar .pane-body').filter({ has: page.locator('.monaco-list') });
      const rows = view.locator('.monaco-list-row');
      await rows.filter({ hasText: 'G-1 Halve the time' }).first().waitFor({ timeout: 60_000 });
      const labels = await rows.evaluateAll((els) => els
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((el) => el.querySelector('.label-name')?.textContent ?? ''));
      assert.deepEqual(labels.filter((l) => /^G-\d/.test(l)).map((l) => l.split(' ')[0]).slice(0, 3), ['G-1', 'G-2', 'G-3']);
      assert.ok(labels.some((l) => l.startsWith('FEAT-5 ')), 'goals are expanded to their features');
      // The view's badge counts the problems.
      const badge = await page.locator('.part.activitybar .action-item:has(a[aria-label^="Specline"]) .badge-content').textContent();
      assert.match(badge ?? '', /^\d+$/);
      // Widen the side bar (drag its sash) so descriptions show, and move the mouse off the icon's hover.
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 760, box.y + box.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      await page.mouse.move(900, 700);
      await rows.filter({ hasText: 'FEAT-5 Onboarding analytics dashboard' }).first().locator('.monaco-tl-twistie').click();
      await page.mouse.move(1200, 800);
      await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {}); // the hover fades out
      mkdirSync(screenshotsDir, { recursive: true });
      await page.screenshot({ path: join(screenshotsDir, 'plan-explorer.png') });

      // Click T-12 (FEAT-5 is expanded above): the plan opens.
      await rows.filter({ hasText: 'T-12 Analytics event pipeline' }).first().click();
      const tab = page.locator('.tabs-container .tab.active');
      await page.locator('.tabs-container .tab.active[data-resource-name="q1-core.md"]').waitFor({ timeout: 30_000 });
      assert.equal(await tab.getAttribute('data-resource-name'), 'q1-core.md');
      await page.screenshot({ path: join(screenshotsDir, 'plan-explorer-reveal.png') });
    });
  });
});
