// The injection corpus in real Chromium (the previews' security contract): hostile titles, owners,
// section headings and file names, written as real Markdown plans, parsed and analysed by
// the core, then shown exactly as VS Code shows them (the preview webview page with its CSP
// and nonce, the Markdown-preview blocks) and as the CLI writes them (HTML and SVG files).
//
// For every page: no script runs (canary unset, no dialog), no request leaves the page
// (every request is recorded; only the page and its own media files are served), no CSP
// violation (escaping must hold on its own: a violation would mean injected markup reached
// the DOM and only the CSP stopped it — so any violation fails, even a blocked one), no
// element or attribute that could run or load anything, and the chart still renders with
// every item and the payloads visible as text.
//
// Each webview page is also loaded with its CSP removed: escaping alone must be enough.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeBrowser, dangerousMarkup, markdownPreviewCsp, MEDIA, nextPaint, nonce, openDocument, ORIGIN, ROOT,
  sensors, visibleText, withoutCsp,
} from './chromium.mjs';
import { EVIL, marker, PAYLOADS, writeHostileWorkspace } from './payloads.mjs';
import { openPreviewWebview } from './previewWebview.mjs';
import { webviewViews } from './views.mjs';

const out = (path) => import(new URL(`../../out/src/${path}`, import.meta.url).href);

const TODAY = '2027-02-15';

describe('Injection corpus in Chromium', function () {
  this.timeout(180_000);
  let dir;
  let meta;
  let analysis;
  let core;

  before(async () => {
    core = {
      ...(await out('node/nodeWorkspace.js')),
      ...(await out('core/model/dates.js')),
      ...(await out('core/views/ganttView.js')),
      ...(await out('core/views/fencedBlock.js')),
      ...(await out('core/views/renderSync.js')),
    };
    dir = mkdtempSync(join(tmpdir(), 'specline-injection-'));
    meta = writeHostileWorkspace(dir);
    const ws = core.createNodeWorkspace({ root: dir, today: core.parseIsoDate(TODAY), parallel: false });
    await ws.load();
    analysis = ws.analyze();
  });

  after(async () => {
    await closeBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has at least 30 payloads, and parsing keeps every hostile item', () => {
    assert.ok(PAYLOADS.length >= 30, `only ${PAYLOADS.length} payloads`);
    for (const id of [...meta.tasks, ...meta.milestones, ...meta.features, ...meta.goals]) assert.ok(analysis.items.has(id), `${id} was not parsed`);
    // Front-matter titles are inline Markdown on one line; the hostile characters reach the renderers.
    PAYLOADS.forEach((p, i) => assert.ok(analysis.items.get(`FEAT-${i + 1}`).title.startsWith(`${marker(i)} `)));
    assert.equal(analysis.items.get('FEAT-1').title, `${marker(0)} ${PAYLOADS[0].text}`);
    assert.ok(analysis.items.get('FEAT-26').title.includes('click T-3 call pwn()'), 'U+2028 did not end the title');
  });

  it('the sensors catch a payload that is not escaped (control: these tests can fail)', async () => {
    const raw = PAYLOADS.filter((p) => /^(img onerror|svg onload|css import|close script)$/.test(p.name)).map((p) => p.text).join('\n');
    const doc = await openDocument({ html: `<!DOCTYPE html><html><body><p>${raw}</p><img src="${EVIL}/x.png"></body></html>`, path: 'control.html' });
    try {
      await nextPaint(doc.page);
      await doc.page.waitForFunction(() => window.slPwned === 1);
      assert.equal((await sensors(doc.page)).pwned, true);
      assert.ok(doc.rec.blocked.some((u) => u.startsWith(EVIL)), `the request to ${EVIL} was recorded`);
      assert.ok((await dangerousMarkup(doc.page)).length >= 3);
    } finally {
      await doc.close();
    }
  });

  /** Everything a payload could have done on this page. */
  async function assertNothingRan({ page, rec }, what, { allowCsp = false } = {}) {
    const s = await sensors(page);
    assert.equal(s.pwned, false, `${what}: the canary was set`);
    assert.deepEqual(rec.dialogs, [], `${what}: a dialog opened`);
    assert.deepEqual(rec.blocked, [], `${what}: requests other than the page and its media`);
    assert.ok(!rec.requests.some((u) => u.startsWith(EVIL)), `${what}: a request to ${EVIL}`);
    if (!allowCsp) assert.deepEqual(s.csp, [], `${what}: CSP violations`);
    assert.deepEqual(rec.pageErrors, [], `${what}: page errors`);
    assert.deepEqual(await dangerousMarkup(page), [], `${what}: markup that can run or load`);
  }

  /** The preview page as the panel builds it, with VS Code's API stub, served from the fake origin. */
  function openWebview(view, { csp }) {
    return openPreviewWebview({ kind: view.kind, inlineCss: view.inlineCss, usesMermaid: view.usesMermaid, csp, title: `Preview ${PAYLOADS[0].text}` });
  }

  let generation = 0;
  /**
   * Posts the host's messages as `PreviewPanel.render` builds them and waits for the last.
   * Views with blocks go through `RenderSync` with tiny chunks, so the hostile markup also
   * arrives as a render followed by many appending patches.
   */
  async function postRender(page, result, state, extra = {}) {
    const steps = result.blocks
      ? new core.RenderSync({ firstChunk: 1, chunk: 2048 }).next(result)
      : [{ kind: 'full', html: result.html }];
    if (result.blocks) assert.ok(steps.length > 2, 'the blocked view arrives in several messages');
    const messages = steps.map((step) => ({ ...core.stepMessage(step, { generation: ++generation, toolbar: result.toolbar, state }), ...(step.kind === 'full' ? extra : {}) }));
    await page.evaluate((ms) => { for (const m of ms) window.postMessage(m, '*'); }, messages);
    await page.waitForFunction((g) => document.body.dataset.generation === String(g), generation);
    return generation;
  }

  for (const csp of [true, false]) {
    const mode = csp ? 'with the webview CSP' : 'without CSP (escaping alone)';
    for (const view of webviewViews()) {
      it(`${view.name} ${mode}: nothing runs or loads, every item renders, payloads show as text`, async () => {
        const doc = await openWebview(view, { csp });
        try {
          const result = view.render(analysis);
          await postRender(doc.page, result, view.state ?? {});
          await view.ready(doc.page);
          await nextPaint(doc.page);
          await assertNothingRan(doc, view.name);
          await view.check(doc.page, analysis, result, meta);
          const text = await visibleText(doc.page);
          for (const probe of view.probes(meta)) assert.ok(text.includes(probe), `${view.name}: "${probe}" is not visible as text`);
        } finally {
          await doc.close();
        }
      });
    }
  }

  it('Gantt webview: hover, click, collapse and zoom paths run no payload', async () => {
    const view = webviewViews().find((v) => v.kind === 'gantt' && v.state?.renderer === 'specline');
    const doc = await openWebview(view, { csp: true });
    const { page } = doc;
    try {
      let options = view.state;
      let result = view.render(analysis);
      await postRender(page, result, options);
      // Hover every bar (tooltips are built from the payload text) and click a few.
      const bars = page.locator('#sl-content rect.sl-bar[data-id]');
      const count = await bars.count();
      assert.equal(count, result.counts.bars);
      for (let i = 0; i < count; i++) await bars.nth(i).hover({ force: true });
      const tip = page.locator('#sl-tooltip');
      // Scrolling hides the tooltip: scroll first, let the scroll event pass, then point at the bar.
      await bars.first().scrollIntoViewIfNeeded();
      await nextPaint(page);
      await page.mouse.move(1, 1);
      await bars.first().hover();
      assert.equal(await tip.isVisible(), true, 'the tooltip shows on hover');
      assert.ok((await tip.textContent()).includes(`${marker(5)} <svg><foreignObject><iframe srcdoc=`), `tooltip text: ${await tip.textContent()}`);
      assert.equal(await tip.evaluate((el) => el.children.length), 0, 'the tooltip holds text only');
      for (const id of ['T-1', 'T-7', 'T-10', 'T-900', 'T-805']) {
        await page.locator(`#sl-content rect.sl-bar[data-id="${id}"]`).click({ force: true });
        const posted = await page.evaluate(() => window.slPosted.at(-1));
        assert.equal(posted.type, 'reveal');
        assert.equal(posted.id, id);
        assert.equal(posted.file, analysis.items.get(id).file);
        assert.equal(posted.line, analysis.items.get(id).idRange.start.line);
      }
      // A section whose heading is a payload: the toggle key is ours, never the heading.
      await page.locator('#sl-content [data-toggle]').nth(1).click({ force: true });
      const toggle = await page.evaluate(() => window.slPosted.at(-1));
      assert.equal(toggle.type, 'toggle');
      assert.match(toggle.key, /^s[0-9a-z]{1,30}$/);
      options = core.toggleGanttSection(options, toggle.key);
      assert.ok(options, 'the host accepts the toggle');
      result = core.renderGanttView(analysis, options);
      await postRender(page, result, options);
      assert.equal(await page.locator('#sl-content [data-toggle][aria-expanded="false"]').count(), 1);
      // Zoom from the toolbar: the webview posts the option, the host re-renders with rescale.
      await page.locator('#sl-toolbar button[data-option="zoom"][data-value="month"]').click();
      const zoom = await page.evaluate(() => window.slPosted.at(-1));
      assert.deepEqual(zoom, { type: 'option', key: 'zoom', value: 'month' });
      options = core.setGanttOption(options, zoom.key, zoom.value);
      result = core.renderGanttView(analysis, options);
      await postRender(page, result, options, { rescale: true, selected: 'T-3' });
      assert.equal(await page.locator('#sl-toolbar button[data-option="zoom"][data-value="month"][aria-pressed="true"]').count(), 1);
      assert.equal(await page.locator('#sl-content .sl-selected[data-id="T-3"]').count() > 0, true, 'the selected bar is highlighted');
      // The toolbar's selects list payload titles and file names as options; changing one posts the value verbatim.
      const planSelect = page.locator('#sl-toolbar select[data-option="plan"]');
      const hostilePlan = meta.namedPlans[0];
      await planSelect.selectOption(hostilePlan);
      assert.deepEqual(await page.evaluate(() => window.slPosted.at(-1)), { type: 'option', key: 'plan', value: hostilePlan });
      // Highlight from the editor (cursor on a hostile task) and a keyboard reveal.
      await page.evaluate(() => window.postMessage({ type: 'highlight', id: 'T-2', reveal: true }, '*'));
      await page.waitForFunction(() => document.querySelector('.sl-selected[data-id="T-2"]'));
      await page.locator('#sl-content g.sl-task[data-id="T-4"]').focus().catch(() => {});
      await page.mouse.move(5, 5);
      await nextPaint(page);
      await assertNothingRan(doc, 'Gantt interactions');
    } finally {
      await doc.close();
    }
  });

  it('Markdown preview blocks (specline-gantt, specline-roadmap) under the Markdown preview CSP', async () => {
    const pageNonce = nonce();
    const hostileTitle = PAYLOADS.find((p) => p.name === 'close style').text.replace(/\n/g, ' ');
    const blocks = [
      core.renderFencedBlock('specline-gantt', analysis, 'plan: plans/hostile.md\nzoom: week', 'README.md'),
      core.renderFencedBlock('specline-gantt', analysis, `group: feature\ntitle: ${hostileTitle}`, 'README.md'),
      core.renderFencedBlock('specline-gantt', analysis, `feature: FEAT-1\nowner: "><img src=x onerror=slPwned=1>\nplan: ../<svg onload=slPwned=1>`, 'docs/README.md'),
      core.renderFencedBlock('specline-gantt', analysis, '<script>slPwned=1</script>\nunknown: </style><script>slPwned=1</script>', 'README.md'),
      core.renderFencedBlock('specline-roadmap', analysis, `columns: horizon\ntitle: ${PAYLOADS[0].text}`, 'README.md'),
      core.renderFencedBlock('specline-roadmap', analysis, 'columns: <img src=x onerror=slPwned=1>\ngoal: G-1', 'README.md'),
      core.renderFencedBlock('specline-gantt', undefined, '', 'README.md'),
    ];
    assert.ok(blocks.every((b) => typeof b === 'string'));
    const html = [
      '<!DOCTYPE html><html><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${markdownPreviewCsp(ORIGIN, pageNonce)}">`,
      `<link rel="stylesheet" href="${MEDIA}markdown-preview.css">`,
      '</head><body class="vscode-body vscode-light"><div class="markdown-body">',
      '<h1>Plan overview</h1>',
      ...blocks,
      '</div></body></html>',
    ].join('\n');
    const doc = await openDocument({ html, path: 'markdown-preview.html', media: ['markdown-preview.css'] });
    try {
      await nextPaint(doc.page);
      await assertNothingRan(doc, 'Markdown preview blocks');
      const { page } = doc;
      const planTasks = meta.tasks.filter((id) => analysis.items.get(id).file === 'plans/hostile.md');
      for (const id of planTasks) assert.ok(await page.locator(`.specline-gantt-block >> nth=0 >> rect.sl-bar[data-id="${id}"]`).count() === 1, `${id} in the first block`);
      assert.equal(await page.locator('.specline-gantt-block').nth(1).locator('rect.sl-bar').count(), meta.tasks.length);
      assert.ok(await page.locator('.specline-roadmap-block').first().locator('.sl-card').count() >= PAYLOADS.length);
      const text = await visibleText(page);
      assert.ok(text.includes(hostileTitle.slice(0, 30)), 'the hostile block title shows as text');
      assert.ok(text.includes('unknown option'), 'block option errors show as text');
      assert.ok(text.includes('onerror=slPwned'), 'hostile option values show as text');
      for (const p of PAYLOADS) assert.ok(text.includes(p.probe), `"${p.probe}" is not visible`);
    } finally {
      await doc.close();
    }
  });

  /** Runs the built CLI in the hostile workspace. */
  function cli(...args) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'specline.js'), ...args, '--today', TODAY], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.error, undefined);
    assert.ok(r.status === 0 || r.status === 1, `specline ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    assert.ok(r.stdout.length > 1000, `specline ${args.join(' ')} printed too little`);
    return r.stdout;
  }

  const CLI_OUTPUTS = [
    { name: 'specline gantt --format html', args: ['gantt', '--format', 'html'], path: 'gantt.html', type: 'text/html; charset=utf-8', bars: true },
    { name: 'specline gantt --format html --group-by feature', args: ['gantt', '--format', 'html', '--group-by', 'feature', '--title', PAYLOADS[6].text], path: 'gantt-feature.html', type: 'text/html; charset=utf-8', bars: true },
    { name: 'specline gantt --format svg', args: ['gantt', '--format', 'svg', '--title', PAYLOADS[2].text], path: 'gantt.svg', type: 'image/svg+xml', bars: true },
    { name: 'specline roadmap --format html', args: ['roadmap', '--format', 'html', '--title', PAYLOADS[9].text], path: 'roadmap.html', type: 'text/html; charset=utf-8', cards: true },
  ];
  for (const o of CLI_OUTPUTS) {
    for (const csp of [true, false]) {
      if (!csp && o.type === 'image/svg+xml') continue; // an SVG file has no CSP to remove
      const how = o.type === 'image/svg+xml' ? '(an SVG file has no CSP: escaping alone)' : csp ? 'with its CSP' : 'without CSP (escaping alone)';
      it(`${o.name} loaded as a document ${how}`, async () => {
        let body = cli(...o.args);
        if (!csp) body = withoutCsp(body);
        const doc = await openDocument({ html: body, path: o.path, contentType: o.type });
        try {
          await nextPaint(doc.page);
          await assertNothingRan(doc, o.name);
          const { page } = doc;
          if (o.bars) {
            for (const id of meta.tasks) assert.equal(await page.locator(`rect.sl-bar[data-id="${id}"]`).count(), 1, `${id} has one bar`);
            for (const id of meta.milestones) assert.equal(await page.locator(`path.sl-milestone[data-id="${id}"]`).count(), 1, `${id} has a diamond`);
          }
          if (o.cards) {
            for (const id of meta.features) assert.ok(await page.locator(`.sl-card[data-id="${id}"]`).count() >= 1, `${id} has a card`);
          }
          const text = await page.evaluate(() => document.documentElement.textContent);
          for (const p of PAYLOADS) assert.ok(text.includes(p.probe), `${o.name}: "${p.probe}" is not visible`);
        } finally {
          await doc.close();
        }
      });
    }
  }
});
