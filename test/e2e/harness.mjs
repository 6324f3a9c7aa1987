// End-to-end helpers: the extension installed from the working tree into a real VS Code
// (code-server), driven through the UI with playwright-core and Debian's Chromium.
//
//   await withWorkbench({ fixture: 'examples/acme', theme: 'dark' }, async ({ page, screenshot }) => {
//     await openFile(page, 'roadmap.md');
//     await screenshot('roadmap');          // test-results/screenshots/roadmap-dark.png
//   });
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  bundleExtension, copyFixture, ensureCodeServer, ensureSystemPackages, openWorkbench,
  repoRoot, startCodeServer, tail, tempDir, waitUntil,
} from '../../scripts/vscode/codeServer.mjs';

export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots');
/** The README's pictures: these screenshots (light theme) are also written under docs/images/ with fixed names. */
export const docsImagesDir = join(repoRoot, 'docs', 'images');
const DOCS_IMAGES = {
  'problems-panel-light': 'problems-panel.png',
  'gantt-light': 'gantt-preview.png',
  'roadmap-light': 'roadmap.png',
  'matrix-light': 'traceability-matrix.png',
};
export const EXTENSION_ID = 'specline.specline';
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast' };

// One install check and one build per process, however many workbenches the tests open:
// the memo is the point, so it lives for the process.
let prepared;
/** Ensures system packages, code-server and a fresh extension bundle (once per process). */
export function prepare() {
  prepared ??= (async () => {
    await ensureSystemPackages();
    await ensureCodeServer();
    await bundleExtension();
  })();
  return prepared;
}

/**
 * Opens a fresh copy of `fixture` in a real workbench with the extension installed (as a
 * user would have it, not in development mode), runs `fn`, and always tears everything
 * down. On failure it saves `failure-<theme>.png` and prints the logs' tails.
 * Waits for `.monaco-workbench` and, when the fixture has a `.specline.yml` (an
 * activation event), for the extension to activate.
 * @template T
 * @param {{ fixture?: string, theme?: 'light' | 'dark' | 'hc', settings?: Record<string, unknown>, disableWorkspaceTrust?: boolean, waitForActivation?: boolean }} options
 * @param {(ctx: { page: import('playwright-core').Page, workspaceDir: string, server: Awaited<ReturnType<typeof startCodeServer>>, screenshot: (name: string) => Promise<string>, extensionActivated: (timeoutMs?: number) => Promise<void> }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withWorkbench({ fixture = 'examples/acme', theme = 'light', settings = {}, disableWorkspaceTrust = true, waitForActivation } = {}, fn) {
  if (!THEMES[theme]) throw new Error(`theme must be one of ${Object.keys(THEMES).join(', ')}`);
  await prepare();
  const { path: parent, release } = tempDir('specline-e2e-');
  let server;
  let workbench;
  try {
    const workspaceDir = copyFixture(fixture, parent);
    server = await startCodeServer({
      workspace: workspaceDir, linkExtensions: [repoRoot], disableWorkspaceTrust,
      settings: { 'workbench.colorTheme': THEMES[theme], ...settings },
    });
    const t0 = performance.now();
    workbench = await openWorkbench({ server, folder: workspaceDir, theme });
    const { page } = workbench;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The status bar is drawn last among the parts: after it, keybindings are live.
    await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 30_000 });
    const t1 = performance.now();
    const extensionActivated = (timeoutMs = 60_000) => waitForExtensionActivation(server, timeoutMs);
    const activate = waitForActivation ?? existsSync(join(workspaceDir, '.specline.yml'));
    if (activate) await extensionActivated();
    const s = (a, b) => ((b - a) / 1000).toFixed(1);
    console.log(`[e2e] workbench ready in ${s(t0, t1)} s${activate ? `, ${EXTENSION_ID} active ${s(t1, performance.now())} s later` : ''}`);
    const screenshot = async (name) => {
      mkdirSync(screenshotsDir, { recursive: true });
      const path = join(screenshotsDir, `${name}-${theme}.png`);
      await page.screenshot({ path });
      const docsImage = DOCS_IMAGES[`${name}-${theme}`];
      if (docsImage) {
        mkdirSync(docsImagesDir, { recursive: true });
        copyFileSync(path, join(docsImagesDir, docsImage));
      }
      return path;
    };
    return await fn({ page, workspaceDir, server, screenshot, extensionActivated });
  } catch (err) {
    if (workbench) {
      mkdirSync(screenshotsDir, { recursive: true });
      const path = join(screenshotsDir, `failure-${theme}.png`);
      await workbench.page.screenshot({ path, timeout: 10_000 }).then(() => console.error(`[e2e] failure screenshot: ${path}`), () => {});
      if (workbench.consoleErrors.length) console.error(`[e2e] browser console errors:\n  ${workbench.consoleErrors.slice(-10).join('\n  ')}`);
    }
    if (server) {
      console.error(`[e2e] --- ${server.logFile} (tail) ---\n${tail(server.logFile, 25)}`);
      const ext = extensionHostLog(server);
      if (ext) console.error(`[e2e] --- ${ext} (tail) ---\n${tail(ext, 25)}`);
    }
    throw err;
  } finally {
    await workbench?.close();
    await server?.stop();
    release();
    rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The remote extension host's log, where activations are recorded. */
export function extensionHostLog(server) {
  const logs = join(server.userDataDir, 'logs');
  if (!existsSync(logs)) return undefined;
  const found = readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith('remoteexthost.log')).sort();
  return found.length ? join(logs, found[found.length - 1]) : undefined;
}

/** Resolves once the extension host logged the extension's activation; fails fast on an activation error. */
export async function waitForExtensionActivation(server, timeoutMs = 60_000) {
  const id = EXTENSION_ID.replace('.', '\\.');
  await waitUntil(() => {
    const file = extensionHostLog(server);
    const text = file ? readFileSync(file, 'utf8') : '';
    if (new RegExp(`Activating extension '?${id}'? failed`, 'i').test(text)) throw new Error(`${EXTENSION_ID} failed to activate:\n${tail(file, 15)}`);
    return new RegExp(`_doActivateExtension ${id}\\b`).test(text);
  }, { timeoutMs, intervalMs: 200, what: `${EXTENSION_ID} to activate (extension host log)` });
}

/** The quick input box (Quick Open, Command Palette). */
const quickInput = (page) => page.locator('.quick-input-widget input.input');
const firstQuickPick = (page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row[data-index="0"]');

/** Opens `relPath` (relative to the workspace) through Quick Open and waits for its editor. */
export async function openFile(page, relPath, { timeoutMs = 30_000 } = {}) {
  const name = basename(relPath);
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor({ state: 'visible', timeout: timeoutMs });
  await quickInput(page).fill(relPath);
  // File search streams results in: press Enter only once the best match is this file.
  await firstQuickPick(page).filter({ hasText: name }).waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ timeout: timeoutMs });
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: timeoutMs });
  // Grammars load asynchronously: give colouring a bounded chance so screenshots show it
  // (a file with nothing to colour just waits the 5 s out).
  await lines.locator('span[class*="mtk"]:not(.mtk1)').first().waitFor({ timeout: 5000 }).catch(() => {});
}

/** "Ln N, Col M" of the status bar, as numbers (undefined when no editor is active). */
export async function cursorPosition(page) {
  const text = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '');
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/**
 * The 1-based cursor line of the editor showing `fileName`, read from its highlighted line
 * number rather than the status bar: after a click in a webview beside the editor, the
 * workbench may hand the focus back to the webview's group, and the status bar then shows
 * no editor position although the editor did move.
 */
export async function editorCursorLine(page, fileName) {
  const status = await cursorPosition(page);
  const group = page.locator('.editor-group-container', { has: page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`) }).first();
  const text = await group.locator('.margin-view-overlays .line-numbers.active-line-number').first().innerText({ timeout: 1000 }).catch(() => '');
  const fromEditor = /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
  return { status: status?.line, editor: fromEditor };
}

/** Moves the cursor with Go to Line (Ctrl+G, `line:column`, 1-based) and waits for the status bar to agree. */
export async function goTo(page, line, column = 1, { timeoutMs = 10_000 } = {}) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  // After a click in a webview beside the editor, that webview's group can still have the
  // focus, and Go to Line then has no editor to act on: focus the first group and ask again.
  if (/Open a text editor first/.test((await input.getAttribute('aria-label')) ?? '')) {
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible' });
  }
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await waitUntil(async () => {
    const at = await cursorPosition(page);
    return at?.line === line && at.column === column;
  }, { timeoutMs, what: `the cursor at Ln ${line}, Col ${column}` });
}

/** Runs a command by its palette title (e.g. "Specline: Refresh Index") through F1. */
export async function runCommand(page, title, { timeoutMs = 30_000 } = {}) {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ state: 'visible', timeout: timeoutMs });
  await quickInput(page).fill(`>${title}`);
  await firstQuickPick(page).filter({ hasText: title }).waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns its locator once visible. */
export async function openProblemsPanel(page, { timeoutMs = 30_000 } = {}) {
  const panel = page.locator('.part.panel .markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  return panel;
}

/**
 * The text of each row the Problems panel shows (file rows and problem rows, top to bottom;
 * the tree is virtualised, so only rows scrolled into view).
 */
export async function problemsRows(page) {
  const rows = page.locator('.part.panel .markers-panel .monaco-list-row');
  const texts = await rows.evaluateAll((els) => els
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    // Text nodes joined by spaces: the name, folder and count of a file row are adjacent spans.
    .map((el) => {
      const parts = [];
      const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        if (text) parts.push(text);
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    }));
  return texts.filter(Boolean);
}

/** The frame (a nested webview iframe) whose document matches `selector`. */
export async function frameWith(page, selector, what, timeoutMs = 45_000) {
  return waitUntil(async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const found = await frame.evaluate((s) => globalThis.document.querySelector(s) !== null, selector).catch(() => false);
      if (found) return frame;
    }
    return undefined;
  }, { timeoutMs, intervalMs: 250, what });
}
