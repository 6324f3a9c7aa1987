// The roadmap's cost and outcome figures in Chromium: budget health and metric progress
// per goal, RICE scores on the cards, and the order of the cards by priority or by score —
// in the preview webview (its toolbar control included) and in the CLI's HTML page. The
// expected figures are worked out by hand below; the goal's title and metric carry markup
// that must stay text.
/* global window, document, describe, before, after, it */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeBrowser, dangerousMarkup, openDocument, sensors, visibleText } from './chromium.mjs';
import { openPreviewWebview } from './previewWebview.mjs';

const out = (path) => import(new URL(`../../out/src/${path}`, import.meta.url).href);

const TODAY = '2027-01-08';
const HOSTILE_TITLE = 'Activation <img src=x onerror=window.slPwned=1> & co';
const HOSTILE_METRIC = 'Weekly <script>window.slPwned=1</script> actives';

/**
 * Day rate 500 EUR, work from Monday 2027-01-04.
 * - G-1: FEAT-4's T-1 is 5 days × 500 = 2,500 planned, 1,200 spent, against a budget of
 *   1,500: over budget. Metric (30 − 20) ÷ (60 − 20) = 25% of the way.
 * - G-2: FEAT-9's T-2 is 2 days × 500 = 1,000 planned against 5,000: within budget.
 * RICE = reach × impact × confidence ÷ effort:
 * - FEAT-1 could: 1000 × 2 × 0.5 ÷ 2 = 500;  FEAT-2 must: 200 × 1 × 1 ÷ 1 = 200;
 * - FEAT-3 should: no inputs;  FEAT-4 must: 300 × 3 × 0.8 ÷ (5 person-days ÷ 5) = 720.
 */
const FILES = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
  'roadmap.md': [
    `## G-1 ${HOSTILE_TITLE}`, '- horizon: now', '- budget: 1,500', `- metric: ${HOSTILE_METRIC}`,
    '- metric baseline: 20%', '- metric target: 60%', '- metric current: 30%', '',
    '## G-2 Exports', '- horizon: now', '- budget: 5k', '',
  ].join('\n'),
  'spec.md': [
    '## FEAT-1 Import <b onmouseover=window.slPwned=1>bold</b>', '- goals: G-1', '- priority: could', '- reach: 1000', '- impact: high', '- confidence: 50%', '- effort: 2', '',
    '## FEAT-2 Export', '- goals: G-1', '- priority: must', '- reach: 200', '- impact: medium', '- confidence: 100%', '- effort: 1', '',
    '## FEAT-3 Themes', '- goals: G-1', '- priority: should', '',
    '## FEAT-4 Onboarding', '- goals: G-1', '- priority: must', '- reach: 300', '- impact: massive', '- confidence: 80%', '',
    '## FEAT-9 CSV', '- goals: G-2', '',
  ].join('\n'),
  'plan.md': '- T-1 Build onboarding\n  - duration: 5d\n  - spent: 1,200\n  - features: FEAT-4\n- T-2 CSV export\n  - duration: 2d\n  - features: FEAT-9\n',
};

const BY_PRIORITY = ['FEAT-4', 'FEAT-2', 'FEAT-3', 'FEAT-1'];
const BY_SCORE = ['FEAT-4', 'FEAT-1', 'FEAT-2', 'FEAT-3'];

/** What the page shows for one goal lane: budget and metric lines, cards in order, score chips. */
const laneFigures = (page, goal) => page.evaluate((id) => {
  const head = document.querySelector(`th.sl-lane-head[data-id="${id}"]`);
  const band = head.closest('.sl-lane-band');
  const facts = [...head.querySelectorAll('.sl-lane-facts')];
  return {
    budget: facts.find((f) => f.textContent.startsWith('Budget'))?.textContent,
    over: facts.some((f) => f.textContent.startsWith('Budget') && f.classList.contains('sl-over-budget')),
    metric: facts.find((f) => f.textContent.startsWith('Now '))?.textContent,
    metricName: head.querySelector('.sl-lane-metric')?.textContent,
    title: head.querySelector('.sl-lane-title')?.textContent,
    cards: [...band.querySelectorAll('.sl-card[data-id]')].map((c) => c.getAttribute('data-id')),
    scores: Object.fromEntries([...band.querySelectorAll('.sl-card[data-id]')].map((c) => [c.getAttribute('data-id'), c.querySelector('.sl-score')?.textContent ?? null])),
  };
}, goal);

async function assertInert(page) {
  const s = await sensors(page);
  assert.equal(s.pwned, false, 'no injected script ran');
  assert.deepEqual(s.csp, [], 'no CSP violation: escaping held on its own');
  assert.deepEqual(await dangerousMarkup(page), []);
  const text = await visibleText(page);
  for (const probe of [HOSTILE_TITLE, HOSTILE_METRIC, 'Import <b onmouseover=window.slPwned=1>bold</b>']) assert.ok(text.includes(probe), `"${probe}" is shown as text`);
}

describe('Roadmap budget health, metric progress and order in Chromium', function () {
  this.timeout(120_000);
  let core;
  let dir;
  let analysis;

  before(async () => {
    core = {
      ...(await out('node/nodeWorkspace.js')),
      ...(await out('core/model/dates.js')),
      ...(await out('core/render/renderRoadmap.js')),
      ...(await out('core/render/roadmapBoard.js')),
      ...(await out('core/views/roadmapView.js')),
    };
    dir = mkdtempSync(join(tmpdir(), 'specline-roadmap-figures-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const ws = core.createNodeWorkspace({ root: dir, today: core.parseIsoDate(TODAY), parallel: false });
    await ws.load();
    analysis = ws.analyze();
  });

  after(async () => {
    await closeBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the preview shows each goal\'s budget health and metric progress, orders by priority, and reorders by score from its toolbar', async () => {
    let options = { ...core.DEFAULT_ROADMAP_OPTIONS };
    let generation = 0;
    const doc = await openPreviewWebview({ kind: 'roadmap', inlineCss: core.ROADMAP_CSS + core.ROADMAP_VIEW_CSS });
    const show = async () => {
      const result = core.renderRoadmapView(analysis, options);
      const g = ++generation;
      await doc.page.evaluate((m) => window.postMessage(m, '*'), { type: 'render', generation: g, toolbar: result.toolbar, html: result.html, state: options });
      await doc.page.waitForFunction((n) => document.body.dataset.generation === String(n), g);
    };
    try {
      await show();
      const g1 = await laneFigures(doc.page, 'G-1');
      assert.equal(g1.budget, 'Budget 1,500 EUR · planned 2,500 · spent 1,200 · over budget');
      assert.equal(g1.over, true, 'over budget is marked');
      assert.equal(g1.metric, 'Now 30% → 60% (from 20%), 25% of the way');
      assert.equal(g1.metricName, `Metric: ${HOSTILE_METRIC}`);
      assert.equal(g1.title, HOSTILE_TITLE);
      assert.deepEqual(g1.cards, BY_PRIORITY);
      assert.deepEqual(g1.scores, { 'FEAT-4': 'RICE 720', 'FEAT-2': 'RICE 200', 'FEAT-3': null, 'FEAT-1': 'RICE 500' });
      const g2 = await laneFigures(doc.page, 'G-2');
      assert.equal(g2.budget, 'Budget 5,000 EUR · planned 1,000 · within budget');
      assert.equal(g2.over, false);
      assert.equal(g2.metric, undefined, 'no metric, no progress line');

      // The toolbar control posts the option; the host applies it and renders again.
      await doc.page.click('#sl-toolbar button[data-option="order"][data-value="score"]');
      const posted = await doc.page.waitForFunction(() => window.slPosted.find((m) => m.type === 'option' && m.key === 'order'));
      const message = await posted.jsonValue();
      assert.deepEqual(message, { type: 'option', key: 'order', value: 'score' });
      options = core.setRoadmapOption(options, message.key, message.value);
      assert.equal(options.order, 'score');
      await show();
      assert.deepEqual((await laneFigures(doc.page, 'G-1')).cards, BY_SCORE);
      assert.equal(await doc.page.getAttribute('#sl-toolbar button[data-option="order"][data-value="score"]', 'aria-pressed'), 'true');
      assert.equal(await doc.page.getAttribute('#sl-toolbar button[data-option="order"][data-value="priority"]', 'aria-pressed'), 'false');
      // Budget and metric lines do not depend on the order.
      assert.equal((await laneFigures(doc.page, 'G-1')).budget, g1.budget);
      await assertInert(doc.page);
    } finally {
      await doc.close();
    }
  });

  it('specline roadmap --format html --order score: the same figures and order in its own page', async () => {
    const html = core.renderRoadmap(analysis, { format: 'html', order: 'score' });
    const doc = await openDocument({ html });
    try {
      const g1 = await laneFigures(doc.page, 'G-1');
      assert.equal(g1.budget, 'Budget 1,500 EUR · planned 2,500 · spent 1,200 · over budget');
      assert.equal(g1.metric, 'Now 30% → 60% (from 20%), 25% of the way');
      assert.deepEqual(g1.cards, BY_SCORE);
      // The over-budget line is drawn in the "late" colour, so it is not told by words alone.
      const colours = await doc.page.evaluate(() => {
        const facts = [...document.querySelectorAll('th[data-id="G-1"] .sl-lane-facts')];
        const over = facts.find((f) => f.classList.contains('sl-over-budget'));
        const plain = facts.find((f) => !f.classList.contains('sl-over-budget'));
        return [window.getComputedStyle(over).color, window.getComputedStyle(plain).color];
      });
      assert.notEqual(colours[0], colours[1]);
      await assertInert(doc.page);
    } finally {
      await doc.close();
    }
  });
});
