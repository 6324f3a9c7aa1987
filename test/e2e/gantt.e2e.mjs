// The Gantt preview in a real workbench (code-server + Chromium) over a copy of
// examples/acme with today fixed at 2027-02-15: the editor-title button on plan files
// only, the preview opened from the command palette, its bars counted against the CLI's
// schedule, a click on a bar moving the editor, a typed task row adding a bar, and a
// ```specline-gantt block drawn in VS Code's own Markdown preview. Screenshots in light,
// dark and high-contrast themes.
// Run: node scripts/vscode/runE2E.mjs --grep Gantt
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot, waitUntil } from '../../scripts/vscode/codeServer.mjs';
import { cursorPosition, editorCursorLine, frameWith, goTo, openFile, runCommand, withWorkbench } from './harness.mjs';

const TODAY = '2027-02-15';
const PLAN = 'plans/q1-core.md';

/**
 * What the CLI says about the plan: the tasks and milestones it schedules
 * (`specline schedule PLAN --format json`), read independently of the preview's code.
 */
function cliSchedule(workspaceDir) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'specline.js'), 'schedule', PLAN, '--format', 'json', '--today', TODAY], { cwd: workspaceDir, encoding: 'utf8' });
  assert.equal(r.status, 0, `specline schedule failed: ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  return {
    // A bar needs both dates: a task with a start but no duration is listed as unscheduled.
    tasks: json.tasks.filter((t) => t.start !== null && t.end !== null).map((t) => t.id),
    milestones: json.milestones.filter((m) => m.date !== null).map((m) => m.id),
  };
}


/** The IDs of the task bars the preview draws, in order. */
const barIds = (frame) => frame.$$eval('svg.sl-gantt g.sl-task-row', (els) => els.map((e) => e.getAttribute('data-id')));

/** The editor-title action of the Gantt preview in the active editor group. */
const ganttButton = (page) => page.locator('.editor-group-container.active .editor-actions .action-item a.action-label[aria-label="Open Gantt Preview"]');

/** The cursor's 1-based line, from the status bar. */
const cursorLine = async (page) => (await cursorPosition(page))?.line;

const STATUS = `# Status

The plan at a glance, drawn by Specline inside the Markdown preview:

\`\`\`specline-gantt
plan: ${PLAN}
zoom: week
\`\`\`

\`\`\`js
console.log('other fences are left to the preview');
\`\`\`
`;

describe('Gantt preview on examples/acme (today 2027-02-15)', () => {
  for (const theme of ['light', 'dark']) {
    it(`counts the CLI's bars, reveals on click, follows typing, and draws in the Markdown preview (${theme})`, async () => {
      await withWorkbench({ fixture: 'examples/acme', theme, settings: { 'specline.today': TODAY } }, async ({ page, workspaceDir, screenshot }) => {
        const expected = cliSchedule(workspaceDir);
        assert.ok(expected.tasks.length >= 10, `the CLI schedules the plan's tasks (${expected.tasks.length})`);
        writeFileSync(join(workspaceDir, 'status.md'), STATUS);

        // --- The editor-title button: not on the roadmap, on a plan.
        await openFile(page, 'roadmap.md');
        await page.locator('.editor-group-container.active .editor-actions').waitFor();
        await openFile(page, PLAN);
        await ganttButton(page).waitFor({ state: 'visible', timeout: 30_000 });
        await openFile(page, 'roadmap.md');
        await ganttButton(page).waitFor({ state: 'hidden', timeout: 10_000 });
        assert.equal(await ganttButton(page).count(), 0, 'no Gantt button on roadmap.md');
        await openFile(page, PLAN);
        await ganttButton(page).waitFor({ state: 'visible', timeout: 10_000 });

        // --- Open from the palette; the bars are the CLI's scheduled tasks.
        await runCommand(page, 'Specline: Open Gantt Preview');
        const frame = await frameWith(page, 'svg.sl-gantt g.sl-task-row', 'the Gantt preview to draw bars');
        const ids = await waitUntil(async () => {
          const now = await barIds(frame);
          return now.length === expected.tasks.length ? now : undefined;
        }, { timeoutMs: 15_000, what: `${expected.tasks.length} bars` }).catch(async () => assert.fail(`the preview shows ${(await barIds(frame)).length} bars, the CLI schedules ${expected.tasks.length}`));
        assert.deepEqual([...ids].sort(), [...expected.tasks].sort(), 'the bars are the tasks the CLI schedules');
        const diamonds = await frame.$$eval('svg.sl-gantt g.sl-milestone-row', (els) => els.map((e) => e.getAttribute('data-id')));
        assert.deepEqual(diamonds.sort(), [...expected.milestones].sort(), 'the diamonds are the milestones the CLI schedules');
        // The toolbar fits on at most two rows of a half-width panel.
        const toolbar = await frame.$eval('#sl-toolbar', (el) => ({ height: el.getBoundingClientRect().height, width: el.getBoundingClientRect().width }));
        assert.ok(toolbar.height <= 80, `the toolbar is compact (${Math.round(toolbar.height)} px high at ${Math.round(toolbar.width)} px wide)`);
        await screenshot('gantt');

        // --- Click a bar: the editor's cursor goes to that task's line.
        const planText = readFileSync(join(workspaceDir, ...PLAN.split('/')), 'utf8').split('\n');
        const target = 'T-13';
        const targetLine = planText.findIndex((l) => l.startsWith(`| ${target} |`)) + 1;
        assert.ok(targetLine > 0, `${target} has a row in ${PLAN}`);
        assert.notEqual(await cursorLine(page), targetLine, 'the cursor starts elsewhere');
        await frame.click(`svg.sl-gantt g.sl-task-row[data-id="${target}"] rect.sl-bar`);
        // The plan's editor moves to the row; the status bar agrees unless the workbench gave
        // the focus back to the preview's group, so read the editor's own line number too.
        const planName = PLAN.split('/').pop();
        await waitUntil(async () => {
          const at = await editorCursorLine(page, planName);
          return at.status === targetLine || (at.status === undefined && at.editor === targetLine);
        }, { timeoutMs: 10_000, what: `the cursor on Ln ${targetLine}` })
          .catch(async () => assert.fail(`after clicking ${target} the plan's cursor is at ${JSON.stringify(await editorCursorLine(page, planName))}, expected Ln ${targetLine}`));
        // The cursor on the task highlights its bar.
        await waitUntil(() => frame.$eval(`g.sl-task-row[data-id="${target}"]`, (el) => el.classList.contains('sl-selected')), { timeoutMs: 10_000, what: `${target} highlighted` });

        // --- Type a new task row on the blank line under the Delivery table: one more bar.
        // (Not End + Enter on the last row: the editor wraps long lines, and End stops at the wrap.)
        const blank = planText.findIndex((l) => l.startsWith('| T-19 |')) + 2;
        assert.equal(planText[blank - 1], '', 'a blank line follows the Delivery table');
        await goTo(page, blank);
        await page.keyboard.type('| T-90 | Launch checklist review | @ruth | 2d | T-19 | FEAT-1 | todo | 0% |', { delay: 2 });
        await page.keyboard.press('Enter');
        await waitUntil(async () => (await barIds(frame)).includes('T-90'), { timeoutMs: 20_000, what: 'the typed task T-90 to get a bar' })
          .catch(async () => assert.fail(`no bar for T-90 after typing; bars: ${(await barIds(frame)).length}`));
        assert.equal((await barIds(frame)).length, expected.tasks.length + 1, 'exactly one bar more');
        await screenshot('gantt-after-edit');

        // --- A ```specline-gantt block in VS Code's own Markdown preview.
        await openFile(page, 'status.md');
        // "Markdown: Open Preview to the Side" by its key binding: in the palette, the fuzzy
        // match ranks "Open Locked Preview to the Side" first.
        await page.keyboard.press('Control+K');
        await page.keyboard.press('V');
        const preview = await frameWith(page, '.specline-gantt-block svg.sl-gantt', 'the Markdown preview to draw the specline-gantt block');
        const blockBars = await preview.$$eval('.specline-gantt-block svg.sl-gantt g.sl-task-row', (els) => els.length);
        // The edit above is unsaved but live: the block shows it too.
        assert.equal(blockBars, expected.tasks.length + 1, 'the block draws the plan with the typed task');
        assert.ok(await preview.$('pre code, code.language-js, .hljs') !== null || (await preview.content()).includes('other fences are left to the preview'), 'the js fence is rendered by the Markdown preview as code');
        await screenshot('gantt-markdown');
      });
    });
  }

  it('looks right in a high-contrast theme', async () => {
    await withWorkbench({ fixture: 'examples/acme', theme: 'hc', settings: { 'specline.today': TODAY } }, async ({ page, workspaceDir, screenshot }) => {
      const expected = cliSchedule(workspaceDir);
      await openFile(page, PLAN);
      await runCommand(page, 'Specline: Open Gantt Preview');
      const frame = await frameWith(page, 'svg.sl-gantt g.sl-task-row', 'the Gantt preview to draw bars');
      await waitUntil(async () => (await barIds(frame)).length === expected.tasks.length, { timeoutMs: 15_000, what: `${expected.tasks.length} bars` });
      assert.ok(await frame.evaluate(() => globalThis.document.body.classList.contains('vscode-high-contrast')), 'the webview knows the theme is high contrast');
      // Bars are outlined in the theme's contrast border, not drawn as bare fills.
      const stroke = await frame.$eval('g.sl-task-row rect.sl-bar', (el) => globalThis.getComputedStyle(el).stroke);
      assert.notEqual(stroke, 'none', 'high-contrast bars have an outline');
      await screenshot('gantt');
    });
  });
});
