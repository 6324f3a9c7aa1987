// The "Get Started with Specline" walkthrough, followed as a newcomer would: in an empty
// folder, open it from the Command Palette and press each step's button in turn. Each
// button must do what its step says (files on disk, a roadmap with the starter goal, the
// Problems panel reporting the broken link the step asks for and clearing it once mended, a Gantt chart with the
// starter tasks), and VS Code must tick the step off. Screenshot:
// test-results/screenshots/walkthrough{,-done}-light.png.
// Run: node scripts/vscode/runE2E.mjs --grep Walkthrough
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { waitUntil } from '../../scripts/vscode/codeServer.mjs';
import { frameWith, goTo, problemsRows, withWorkbench } from './harness.mjs';

const STEPS = ['createStarterPlan', 'openRoadmap', 'problemAndQuickFix', 'openGanttPreview'];
const STARTER = ['roadmap.md', 'specs/FEAT-1.md', 'plans/plan.md', '.specline.yml'];

/** The walkthrough's step button (VS Code ids it `<extension>#<walkthrough>#<step>`). */
const stepButton = (page, id) => page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);

/** Brings the walkthrough tab back to the front (a step's command may open an editor over it). */
async function showWalkthrough(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: /Walkthrough|Welcome/ }).first();
  if (await tab.isVisible().catch(() => false)) await tab.click();
  await page.locator('.gettingStartedContainer').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Expands the step and presses the button its description renders for `label`. */
async function pressStepButton(page, id, label) {
  await showWalkthrough(page);
  const step = stepButton(page, id);
  await step.waitFor({ state: 'visible', timeout: 20_000 });
  if ((await step.getAttribute('aria-expanded')) !== 'true') await step.click();
  await waitUntil(async () => (await step.getAttribute('aria-expanded')) === 'true', { timeoutMs: 10_000, what: `step ${id} to expand` });
  const button = step.getByRole('button', { name: label, exact: true }).or(step.locator('a', { hasText: label })).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/** VS Code ticks a step off when its completion event fires. */
async function stepDone(page, id) {
  await showWalkthrough(page);
  await waitUntil(async () => (await stepButton(page, id).getAttribute('aria-checked')) === 'true', { timeoutMs: 20_000, what: `step ${id} to be ticked off` });
}

describe('Walkthrough from an empty folder', () => {
  it('creates the starter plan, then opens the roadmap, the problems and the Gantt chart from its buttons', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'specline-walkthrough-'));
    try {
      await withWorkbench({ fixture: empty, settings: { 'workbench.startupEditor': 'none', 'specline.today': '2027-01-04' }, waitForActivation: false }, async ({ page, workspaceDir, screenshot }) => {
        // The command answers with a second quick pick in the same box, so the box never
        // closes in between (the harness's runCommand waits for it to close): wait for the
        // walkthrough picker's own prompt instead.
        const input = page.locator('.quick-input-widget input.input');
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        await input.fill('>Welcome: Open Walkthrough...');
        await page.locator('.quick-input-widget .monaco-list-row[data-index="0"]', { hasText: 'Open Walkthrough' }).waitFor({ timeout: 30_000 });
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget input.input[placeholder="Select a walkthrough to open"]').waitFor({ timeout: 30_000 });
        await input.fill('Get Started with Specline');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Specline' }).first().waitFor({ timeout: 20_000 });
        await page.keyboard.press('Enter');
        await showWalkthrough(page);
        for (const id of STEPS) await stepButton(page, id).waitFor({ state: 'visible', timeout: 20_000 });
        // The first step's Markdown beside the steps is drawn in a webview of its own.
        await waitUntil(async () => {
          for (const frame of page.frames()) {
            const text = await frame.evaluate(() => globalThis.document.body?.textContent ?? '').catch(() => '');
            if (text.includes('A plan in three files')) return true;
          }
          return false;
        }, { timeoutMs: 30_000, intervalMs: 250, what: "the first step's explanation beside the steps" });
        await screenshot('walkthrough');

        // Step 1: the four starter files, on disk, with the plan open.
        await pressStepButton(page, 'createStarterPlan', 'Create Starter Plan');
        // The command creates the files, then saves them: wait for their text, not just their names.
        const saved = (f) => existsSync(join(workspaceDir, f)) && readFileSync(join(workspaceDir, f), 'utf8').length > 0;
        await waitUntil(() => STARTER.every(saved), { timeoutMs: 60_000, what: `the starter files (${STARTER.join(', ')}) saved on disk` });
        assert.match(readFileSync(join(workspaceDir, 'plans', 'plan.md'), 'utf8'), /\| T-1 \| Write and review the spec \|/);
        await page.locator('.tabs-container .tab[data-resource-name="plan.md"]').first().waitFor({ timeout: 30_000 });
        await stepDone(page, 'createStarterPlan');

        // Step 2: the roadmap shows goal G-1 with FEAT-1 as its card.
        await pressStepButton(page, 'openRoadmap', 'Open Roadmap');
        const roadmap = await frameWith(page, '.sl-card[data-id="FEAT-1"]', 'the roadmap with the FEAT-1 card', 60_000);
        assert.ok(await roadmap.locator('[data-id="G-1"]').count() > 0, 'the roadmap has a lane for G-1');
        await stepDone(page, 'openRoadmap');

        // Step 3: the Problems panel opens; the link the step tells you to break shows up there.
        await pressStepButton(page, 'problemAndQuickFix', 'Show Problems');
        // The button itself must show the panel (pressing Ctrl+Shift+M here would race it: that key toggles).
        await page.locator('.part.panel .markers-panel').waitFor({ state: 'visible', timeout: 30_000 });
        await stepDone(page, 'problemAndQuickFix');
        const planTab = page.locator('.tabs-container .tab[data-resource-name="plan.md"]').first();
        await planTab.click();
        const planText = readFileSync(join(workspaceDir, 'plans', 'plan.md'), 'utf8').split('\n');
        const line = planText.findIndex((l) => l.startsWith('| T-1 |')) + 1;
        const column = planText[line - 1].indexOf('FEAT-1') + 'FEAT-'.length + 1;
        await goTo(page, line, column);
        await page.keyboard.press('Delete');
        await page.keyboard.type('9');
        await waitUntil(async () => (await problemsRows(page)).some((r) => r.includes('FEAT-9') && r.includes('ref.unknown')), { timeoutMs: 60_000, what: 'the Problems panel to report FEAT-9 as ref.unknown' });
        // Put the link back as it was: the panel is left with no error.
        await page.keyboard.press('Backspace');
        await page.keyboard.type('1');
        await waitUntil(async () => {
          const rows = await problemsRows(page);
          return !rows.some((r) => /FEAT-9|FEAT-"|ref\.unknown|schema\.invalid/.test(r));
        }, { timeoutMs: 60_000, what: 'the problem to go away once the link reads FEAT-1 again' });

        // Step 4: the Gantt chart of the starter plan: three bars and the milestone.
        await pressStepButton(page, 'openGanttPreview', 'Open Gantt Preview');
        const gantt = await frameWith(page, '[data-id="M-1"]', 'the Gantt preview with milestone M-1', 60_000);
        for (const id of ['T-1', 'T-2', 'T-3']) assert.ok(await gantt.locator(`[data-id="${id}"]`).count() > 0, `the chart draws ${id}`);
        await stepDone(page, 'openGanttPreview');
        for (const id of STEPS) assert.equal(await stepButton(page, id).getAttribute('aria-checked'), 'true', `step ${id} stays ticked off`);
        await screenshot('walkthrough-done');
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
