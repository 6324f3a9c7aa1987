// The Problems panel of a real workbench over examples/acme, with today fixed at
// 2027-02-15 (setting `specline.today`), against the README's table of deliberate
// problems; then one quick fix applied by clicking it in the light-bulb menu.
// Run: node scripts/vscode/runE2E.mjs --grep Problems
//
// The Problems tree is virtualised (only the rows in view exist in the DOM), so the test
// does not scroll through it: the total comes from the Problems tab badge, and each code
// is checked through the panel's filter box, which narrows the tree to a few rows and
// shows "Showing N of M".
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot, waitUntil } from '../../scripts/vscode/codeServer.mjs';
import { goTo, openFile, openProblemsPanel, runCommand, withWorkbench } from './harness.mjs';

const TODAY = '2027-02-15';

/**
 * The "Deliberate problems" table of examples/acme/README.md: one entry per diagnostic
 * `specline check examples/acme --today 2027-02-15` reports.
 * @returns {{ file: string, line: number, code: string, severity: string }[]}
 */
function readmeProblems() {
  const text = readFileSync(join(repoRoot, 'examples', 'acme', 'README.md'), 'utf8');
  const start = text.indexOf('## Deliberate problems');
  const end = text.indexOf('\n#', start + 1);
  assert.ok(start >= 0 && end > start, 'examples/acme/README.md has a "Deliberate problems" section');
  const rows = [];
  for (const line of text.slice(start, end).split('\n')) {
    // | # | `file` | line | item | `code` | severity | why |
    const m = /^\|\s*\d+\s*\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|[^|]*\|\s*`([a-z-]+\.[a-z-]+)`\s*\|\s*(error|warning|info)\s*\|/.exec(line);
    if (m) rows.push({ file: m[1], line: Number(m[2]), code: m[3], severity: m[4] });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------
// Problems panel

/** The number in the Problems tab's badge ('' while there is none). */
async function problemsBadge(page) {
  return page.locator('.part.panel .composite-bar .action-item[role="tab"]')
    .filter({ has: page.locator('.action-label', { hasText: /^Problems$/ }) })
    .locator('.badge .badge-content')
    .evaluate((el) => (el.closest('.badge').style.display === 'none' ? '' : el.textContent.trim()))
    .catch(() => '');
}

/**
 * Waits until the Problems badge shows a number that has not changed for `quietMs`
 * (indexing publishes in one go, but a late re-check must not be caught half-way).
 */
async function settledProblemCount(page, { quietMs = 2000, timeoutMs = 60_000 } = {}) {
  let last = '';
  let since = Date.now();
  return waitUntil(async () => {
    const now = await problemsBadge(page);
    if (now !== last) { last = now; since = Date.now(); return undefined; }
    return now !== '' && Date.now() - since >= quietMs ? Number(now) : undefined;
  }, { timeoutMs, intervalMs: 200, what: 'the Problems badge to settle' });
}

/** Waits until the badge shows exactly `count`, and reports what it showed otherwise. */
async function badgeReaches(page, count, timeoutMs = 30_000) {
  let seen = '';
  try {
    await waitUntil(async () => (seen = await problemsBadge(page)) === String(count), { timeoutMs, intervalMs: 200, what: `the Problems badge to read ${count}` });
  } catch {
    assert.fail(`the Problems badge should read ${count}, but reads ${seen || '(nothing)'}`);
  }
}

const filterInput = (page) => page.locator('.part.panel .viewpane-filter input');
const filterBadge = (page) => page.locator('.part.panel .viewpane-filter-badge');

/**
 * What the (filtered) Problems tree shows: each problem row with the file row above it.
 * Related-information rows (indented under a problem) are skipped.
 * @returns {Promise<{ file: string, line: number, code: string, severity: string, message: string }[]>}
 */
async function visibleProblems(page, workspaceDir) {
  const rows = await page.locator('.part.panel .markers-panel .monaco-list-row').evaluateAll((els) => els
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    .map((el) => {
      const resource = el.querySelector('.resource-label-container .monaco-icon-label');
      if (resource) return { kind: 'file', path: resource.getAttribute('aria-label') };
      const code = el.querySelector('.marker-code');
      if (!code) return { kind: 'related' };
      const icon = el.querySelector('.marker-icon');
      return {
        kind: 'problem',
        code: code.textContent.trim(),
        line: el.querySelector('.marker-line')?.textContent.trim() ?? '',
        severity: ['error', 'warning', 'info'].find((s) => icon?.classList.contains(s)) ?? '?',
        message: el.querySelector('.marker-message')?.textContent.trim() ?? '',
      };
    }));
  const out = [];
  let file = '?';
  for (const r of rows) {
    if (r.kind === 'file') file = relative(workspaceDir, r.path).split('\\').join('/');
    else if (r.kind === 'problem') out.push({ file, line: Number(/Ln (\d+)/.exec(r.line)?.[1] ?? NaN), code: r.code, severity: r.severity, message: r.message });
  }
  return out;
}

/**
 * Types `text` into the Problems filter and waits until the tree and the "Showing N of M"
 * badge agree (the filter applies after a short delay). Returns the shown count, the total
 * and the problem rows.
 */
async function filterProblems(page, workspaceDir, text) {
  await filterInput(page).fill(text);
  return waitUntil(async () => {
    const badge = (await filterBadge(page).isVisible()) ? (await filterBadge(page).textContent()).trim() : '';
    const m = /Showing (\d+) of (\d+)/.exec(badge);
    if (!m) return undefined;
    const shown = Number(m[1]);
    const rows = await visibleProblems(page, workspaceDir);
    // Rows are those of this filter (not the previous one's) once every code matches.
    if (rows.length !== shown || rows.some((r) => !r.code.includes(text))) return undefined;
    return { shown, total: Number(m[2]), rows };
  }, { timeoutMs: 15_000, intervalMs: 150, what: `the Problems filter "${text}" to apply` });
}

async function clearFilter(page) {
  await filterInput(page).fill('');
  await filterBadge(page).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

const describeRows = (rows) => rows.map((r) => `${r.file}:${r.line} ${r.code} (${r.severity})`).sort();

// ---------------------------------------------------------------------------------------
// Editor

/** The rendered text of the editor line that contains `needle` (it must be in view). */
async function editorLineWith(page, needle) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').allInnerTexts();
  // Non-breaking spaces render the text's spaces.
  return lines.map((l) => l.replace(/\u00a0/g, ' ')).find((l) => l.includes(needle));
}

// ---------------------------------------------------------------------------------------

describe('Problems panel and quick fix on examples/acme (today 2027-02-15)', () => {
  const expected = readmeProblems();

  it('reads 39 deliberate problems from the README table', () => {
    assert.equal(expected.length, 39, 'examples/acme/README.md lists 39 problems');
  });

  for (const theme of ['light', 'dark']) {
    it(`shows every README problem, then fixes T-29 by clicking the quick fix (${theme})`, async () => {
      await withWorkbench({ fixture: 'examples/acme', theme, settings: { 'specline.today': TODAY } }, async ({ page, workspaceDir, screenshot }) => {
        // --- The whole list: badge total, then each code through the filter box.
        await openProblemsPanel(page);
        const total = await settledProblemCount(page);
        assert.equal(total, expected.length, `the Problems badge counts the README's ${expected.length} problems`);

        const byCode = new Map();
        for (const p of expected) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
        let counted = 0;
        for (const [code, want] of byCode) {
          const { shown, total: of, rows } = await filterProblems(page, workspaceDir, code);
          assert.equal(of, expected.length, `"Showing N of ${expected.length}" while filtering ${code}`);
          assert.equal(shown, want.length, `${code}: ${want.length} problem(s) expected, the panel shows ${shown}`);
          assert.deepEqual(describeRows(rows), describeRows(want), `${code}: the files, lines and severities shown match the README`);
          counted += shown;
          if (code === 'schedule.cycle') await screenshot('problems-filter-cycle'); // a filtered view, with related info
        }
        assert.equal(counted, expected.length, 'the per-code filters account for every problem');
        await clearFilter(page);

        // A person looking at the screenshot should see the list, not a strip of it.
        await runCommand(page, 'View: Toggle Maximized Panel');
        await page.locator('.part.panel .markers-panel .monaco-list-row').nth(20).waitFor({ timeout: 10_000 });
        await screenshot('problems-panel');
        await runCommand(page, 'View: Toggle Maximized Panel');

        // --- Quick fix by clicking: the unknown predecessor T-29 in T-46's row.
        const file = 'plans/integrations.md';
        const diskPath = join(workspaceDir, ...file.split('/'));
        const before = readFileSync(diskPath, 'utf8').split('\n');
        const lineIndex = before.findIndex((l) => /^\|\s*T-46\s*\|/.test(l));
        assert.ok(lineIndex >= 0, 'T-46 has a table row in plans/integrations.md');
        const column = before[lineIndex].indexOf('T-29') + 1;
        assert.ok(column > 0, "T-29 is in T-46's row");
        const line = lineIndex + 1;
        const unknownBefore = (await filterProblems(page, workspaceDir, 'ref.unknown')).rows;
        // The other ref.unknown is the mermaid chart's `after live` (plans/launch-timeline.md).
        const otherUnknown = expected.filter((e) => e.code === 'ref.unknown' && e.file !== file).map((e) => `${e.file}:${e.line}`);
        assert.deepEqual(unknownBefore.map((r) => `${r.file}:${r.line}`).sort(), [`${file}:${line}`, ...otherUnknown].sort(), 'the ref.unknown problems are on those lines');
        await clearFilter(page);

        await openFile(page, file);
        await goTo(page, line, column);
        // Quick fixes come from the analysis of this very text, which a loaded machine may
        // still be finishing: ask again (as a person would) until the menu shows, bounded.
        const menu = page.locator('.action-widget');
        await waitUntil(async () => {
          await page.keyboard.press('Control+.');
          if (await menu.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false)) return true;
          await page.keyboard.press('Escape');
          return false;
        }, { timeoutMs: 60_000, intervalMs: 500, what: 'the quick-fix menu at the unknown ID' });
        const items = menu.locator('.monaco-list-row.action');
        await items.first().waitFor({ state: 'visible' });
        const titles = (await items.locator('.title').allInnerTexts()).map((t) => t.trim());
        const change = titles.find((t) => /^Change to T-\d+\b/.test(t));
        assert.ok(change, `the light bulb offers "Change to T-…" for the unknown ID; it offers: ${titles.join(' | ')}`);
        assert.ok(titles.includes('Ignore ref.unknown on this line'), `the suppression is offered too; offered: ${titles.join(' | ')}`);
        const replacement = /^Change to (T-\d+)/.exec(change)[1];
        // Like a person: move the mouse onto the action, then click. Until the pointer moves,
        // the menu keeps an invisible pointer block over the page (VS Code's ActionWidget).
        const item = items.filter({ has: page.locator('.title', { hasText: change }) });
        const box = await item.boundingBox();
        await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 5 });
        await page.locator('.context-view-pointerBlock').waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
        // The row under the pointer is highlighted once the menu has taken the hover.
        await waitUntil(async () => /\bfocused\b/.test((await item.getAttribute('class')) ?? ''), { timeoutMs: 10_000, what: 'the hovered quick fix to be highlighted' });
        await screenshot('problems-quickfix-menu');
        await item.click();
        await menu.waitFor({ state: 'hidden', timeout: 10_000 });

        // The editor shows the new ID in place of T-29 before anything is saved…
        await waitUntil(async () => {
          const text = await editorLineWith(page, '| T-46 |');
          return text && text.includes(replacement) && !text.includes('T-29');
        }, { timeoutMs: 10_000, what: `the editor line of T-46 to read ${replacement} instead of T-29` });
        // …and on disk. VS Code saves files a code action changed when they were clean before
        // (`files.refactoring.autoSave`, on by default); save by hand in case that is off.
        const dirty = page.locator('.tabs-container .tab.active.dirty');
        if (await dirty.isVisible()) {
          await page.keyboard.press('Control+S');
          await dirty.waitFor({ state: 'detached', timeout: 15_000 });
        }
        const expectedLine = `${before[lineIndex].slice(0, column - 1)}${replacement}${before[lineIndex].slice(column - 1 + 'T-29'.length)}`;
        let after = [];
        await waitUntil(() => (after = readFileSync(diskPath, 'utf8').split('\n'))[lineIndex] !== before[lineIndex], { timeoutMs: 15_000, what: `${file} to be saved` });
        assert.equal(after[lineIndex], expectedLine, `line ${line} on disk has ${replacement} where T-29 was, and nothing else changed on it`);
        assert.deepEqual(after.filter((_, i) => i !== lineIndex), before.filter((_, i) => i !== lineIndex), 'no other line of the file changed');

        // The ref.unknown problem is gone, and nothing else appeared or vanished.
        await badgeReaches(page, expected.length - 1);
        const unknownAfter = await filterProblems(page, workspaceDir, 'ref.unknown');
        assert.deepEqual({ shown: unknownAfter.shown, total: unknownAfter.total }, { shown: otherUnknown.length, total: expected.length - 1 }, `only the other ref.unknown is left (${otherUnknown.join(', ')})`);
        await clearFilter(page);
        await goTo(page, line, column); // back in the editor, for the screenshot
        await screenshot('problems-quickfix-result');
      });
    });
  }
});
