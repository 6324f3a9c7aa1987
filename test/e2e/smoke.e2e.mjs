// Smoke test of the real workbench: the extension installed from the working tree, a plan
// file open in the editor, the Problems panel reachable. Run: node scripts/vscode/runE2E.mjs
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { openFile, openProblemsPanel, problemsRows, withWorkbench } from './harness.mjs';

describe('workbench smoke (code-server + Chromium)', () => {
  it('opens examples/acme/roadmap.md and shows the Problems panel', async () => {
    await withWorkbench({ fixture: 'examples/acme', theme: 'light' }, async ({ page, screenshot }) => {
      await openFile(page, 'roadmap.md');
      const tab = page.locator('.tabs-container .tab.active');
      assert.equal(await tab.getAttribute('data-resource-name'), 'roadmap.md');
      // The editor shows the file's own text, not an empty or error editor.
      const firstLine = await page.locator('.editor-group-container.active .view-lines .view-line').first().innerText();
      assert.ok(firstLine.trim().length > 0, 'the first line of roadmap.md is rendered');
      assert.equal(await page.locator('.statusbar-item[id="status.editor.mode"]').innerText(), 'Markdown');
      await screenshot('smoke-roadmap');

      const panel = await openProblemsPanel(page);
      assert.equal(await panel.isVisible(), true);
      assert.equal(await page.locator('.part.panel .action-item.checked[role="tab"] .action-label').textContent(), 'Problems');
      // Rendered content either way: problem rows, or the empty-state message.
      const rows = await problemsRows(page);
      const empty = await panel.getByText('No problems have been detected').isVisible();
      assert.ok(rows.length > 0 || empty, 'the Problems panel shows rows or says there are none');
      await screenshot('smoke-problems');
    });
  });
});
