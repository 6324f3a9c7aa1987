// The roadmap and traceability matrix panels in a real workbench over examples/acme, with
// today fixed at 2027-02-15, in the light and dark themes: the number of cards and rows in
// the webview equals what `specline roadmap` / `specline trace` compute from the same
// files, a click on a card or a row opens its spec at its ID, and screenshots are saved
// for a person to look at (test-results/screenshots/{roadmap,matrix}-{light,dark}.png).
// In the light run, typing in a spec beside the board redraws only that card's lane.
// Run: node scripts/vscode/runE2E.mjs --grep Roadmap
/* global document */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot, waitUntil } from '../../scripts/vscode/codeServer.mjs';
import { editorCursorLine, goTo, openFile, runCommand, withWorkbench } from './harness.mjs';

const TODAY = '2027-02-15';
const ACME = join(repoRoot, 'examples', 'acme');

/** `specline …` on examples/acme (the workbench has a fresh copy of the same files). */
function cli(...args) {
  return execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args, ACME, '--today', TODAY], { encoding: 'utf8' });
}

/** What the CLI computes: cards on the roadmap page, rows of the matrix, and where FEAT-1 is defined. */
function expected() {
  const html = cli('roadmap', '--format', 'html');
  const cards = (html.match(/<div class="sl-card /g) ?? []).length;
  const feat1 = /<div class="sl-card [^"]*" data-id="FEAT-1" data-file="([^"]+)" data-line="(\d+)"/.exec(html);
  const trace = JSON.parse(cli('trace', '--format', 'json'));
  const rows = trace.goals.reduce((n, g) => n + Math.max(1, g.features.length), 0) + trace.untraced.length + trace.gaps.tasksWithoutFeatures.length;
  return { cards, rows, coverage: trace.coverage.percent, feat1: { file: feat1[1], line: Number(feat1[2]) } };
}

/** The webview frame (nested iframes) whose document has `selector`. */
async function webviewFrame(page, selector, timeoutMs = 30_000) {
  return waitUntil(async () => {
    for (const frame of page.frames()) {
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) return frame;
    }
    return undefined;
  }, { timeoutMs, intervalMs: 200, what: `a webview frame with ${selector}` });
}

/** Waits until `locator` matches exactly `count` elements, and says what it saw otherwise. */
async function countReaches(locator, count, what, timeoutMs = 20_000) {
  let seen = -1;
  try {
    await waitUntil(async () => (seen = await locator.count()) === count, { timeoutMs, intervalMs: 200, what });
  } catch {
    assert.fail(`${what}: expected ${count}, saw ${seen}`);
  }
}

/** The editor tab for `file` is active and the cursor is on its (zero-based) `line`. */
async function editorShows(page, file, line) {
  const name = basename(file);
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 20_000 });
  // The status bar shows the cursor unless the workbench handed the focus back to the
  // panel's group after the click; then the editor's own highlighted line number says it.
  await waitUntil(async () => {
    const at = await editorCursorLine(page, name);
    return at.status === line + 1 || (at.status === undefined && at.editor === line + 1);
  }, { timeoutMs: 10_000, intervalMs: 200, what: `the cursor on line ${line + 1} of ${name}` });
}

/** A full-width panel: no editors beside it, no side bar. */
async function openAlone(page, title) {
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, title);
}

describe('Roadmap and traceability matrix in the workbench', function () {
  for (const theme of ['light', 'dark']) {
    it(`shows the example's roadmap and matrix with the CLI's numbers (${theme})`, async () => {
      const want = expected(); // dist/cli.js is built by then (npm test bundles before the UI tests)
      assert.ok(want.cards > 0 && want.rows > 0, `the CLI computes a board and a matrix: ${JSON.stringify(want)}`);
      await withWorkbench({ fixture: 'examples/acme', theme, settings: { 'specline.today': TODAY, 'workbench.startupEditor': 'none' } }, async ({ page, screenshot }) => {
        await runCommand(page, 'View: Toggle Primary Side Bar Visibility');

        // Roadmap: every card of the CLI's board, a legend with words, then a click on a card.
        await openAlone(page, 'Specline: Open Roadmap');
        const roadmap = await webviewFrame(page, '.sl-roadmap .sl-card');
        await countReaches(roadmap.locator('.sl-roadmap .sl-card'), want.cards, 'roadmap cards');
        assert.equal(await roadmap.locator('.sl-lane-untraced .sl-card').count(), 1, 'the untraced feature has its own lane');
        assert.match(await roadmap.locator('.sl-card[data-id="FEAT-6"] .sl-badge').textContent(), /Late/);
        await roadmap.evaluate(() => document.fonts.ready.then(() => true)); // the fonts, for the screenshot
        await screenshot('roadmap');
        await roadmap.locator('.sl-card[data-id="FEAT-1"]').first().click();
        await editorShows(page, want.feat1.file, want.feat1.line);

        // Live as you type, by patch: the spec opened beside the board; changing FEAT-8's
        // status redraws its card, and every other lane stays the very same DOM node (a
        // property set on them now survives only if the page was not re-rendered).
        if (theme === 'light') {
          await roadmap.evaluate(() => { for (const el of document.querySelectorAll('[data-block]')) el.slKept = el.getAttribute('data-block'); });
          await openFile(page, 'specs/e-signature.md');
          // Only the value is retyped: while typing, the front matter stays valid YAML and
          // FEAT-8 keeps its card (retyping the key too would drop it for a moment).
          await goTo(page, 6, 'status: '.length + 1);
          await page.keyboard.press('Shift+End');
          await page.keyboard.type('approved', { delay: 2 });
          await waitUntil(async () => (await roadmap.locator('.sl-card[data-id="FEAT-8"] .sl-chip-status').textContent({ timeout: 1000 }).catch(() => '')) === 'approved',
            { timeoutMs: 20_000, what: 'the FEAT-8 card to show the typed status' }).catch(async (e) => { await screenshot('roadmap-edit-failed'); throw e; });
          const blocks = await roadmap.evaluate(() => [...document.querySelectorAll('[data-block]')].map((el) => ({ key: el.getAttribute('data-block'), kept: el.slKept === el.getAttribute('data-block') })));
          assert.deepEqual(blocks.filter((b) => !b.kept).map((b) => b.key), ['lane/G-1'], 'only the lane of FEAT-8\'s goal was replaced');
          assert.ok(blocks.length > 5, `the board still has all its lanes (${blocks.length} blocks)`);
          await page.keyboard.press('Control+Z');
          await waitUntil(async () => (await roadmap.locator('.sl-card[data-id="FEAT-8"] .sl-chip-status').textContent({ timeout: 1000 }).catch(() => '')) === 'proposed',
            { timeoutMs: 20_000, what: 'undo to bring the card back' });
        }

        // Matrix: one row per goal × feature, untraced feature and stray task; the gaps filter.
        await openAlone(page, 'Specline: Show Traceability Matrix');
        const matrix = await webviewFrame(page, '.sl-matrix tbody tr');
        await countReaches(matrix.locator('.sl-matrix tbody tr'), want.rows, 'matrix rows');
        assert.match(await matrix.locator('.sl-tile-coverage .sl-big').textContent(), new RegExp(`^${want.coverage}%$`));
        await matrix.evaluate(() => document.fonts.ready.then(() => true));
        await screenshot('matrix');
        await matrix.locator('button[data-option="show"][data-value="gaps"]').click();
        const gapRows = await matrix.locator('.sl-matrix tbody tr.sl-row-gap').count();
        await countReaches(matrix.locator('.sl-matrix tbody tr'), gapRows, 'rows with the gaps filter');
        assert.ok(gapRows > 0 && gapRows < want.rows, `gaps only shows fewer rows (${gapRows} of ${want.rows})`);
        const row = matrix.locator('.sl-matrix tbody tr[data-id="FEAT-9"] td.sl-feature-cell');
        const file = await matrix.locator('.sl-matrix tbody tr[data-id="FEAT-9"]').getAttribute('data-file');
        const line = Number(await matrix.locator('.sl-matrix tbody tr[data-id="FEAT-9"]').getAttribute('data-line'));
        await row.click();
        await editorShows(page, file, line);
      });
    });
  }
});
