import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderRoadmap } from '../../../src/core/render/renderRoadmap.js';
import { buildRoadmap } from '../../../src/core/render/roadmapModel.js';
import { renderFencedBlock } from '../../../src/core/views/fencedBlock.js';
import { renderMatrixView } from '../../../src/core/views/matrixView.js';
import { DEFAULT_MATRIX_OPTIONS, restoreMatrixOptions, setMatrixOption } from '../../../src/core/views/matrixViewOptions.js';
import type { RoadmapViewOptions } from '../../../src/core/views/roadmapView.js';
import {
  clearRoadmapFilters, DEFAULT_ROADMAP_OPTIONS, renderRoadmapView, restoreRoadmapOptions, setRoadmapOption,
} from '../../../src/core/views/roadmapView.js';
import { runCli } from '../../cli/helpers.js';
import { decodeEntities } from '../render/markup.js';
import { analyzeFiles } from './workspace.js';

/**
 * One goal, seven features in its Now column. RICE = reach × impact × confidence ÷ effort:
 * - FEAT-1 could:  1000 × 2 (high) × 0.5 ÷ 2 weeks = 500
 * - FEAT-2 must:   200 × 1 (medium) × 1.0 ÷ 1 week = 200
 * - FEAT-3 should: no RICE inputs
 * - FEAT-4 must:   300 × 3 (massive) × 0.8 ÷ (T-1: 5 days × 1 person ÷ 5) = 720
 * - FEAT-5 should: 500 × 0.5 (low) × 1.0 ÷ 0.5 week = 500 (ties FEAT-1)
 * - FEAT-6 and FEAT-0: no priority, no score; FEAT-6 is written in a.md, before spec.md.
 */
const FILES: Record<string, string> = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
  'roadmap.md': '## G-1 Activation\n- horizon: now\n',
  'a.md': '## FEAT-6 Unranked in a.md\n- goals: G-1\n',
  'spec.md': [
    '## FEAT-1 Import', '- goals: G-1', '- priority: could', '- reach: 1000', '- impact: high', '- confidence: 50%', '- effort: 2', '',
    '## FEAT-2 Export', '- goals: G-1', '- priority: must', '- reach: 200', '- impact: medium', '- confidence: 100%', '- effort: 1w', '',
    '## FEAT-3 Themes', '- goals: G-1', '- priority: should', '',
    '## FEAT-4 Onboarding', '- goals: G-1', '- priority: must', '- reach: 300', '- impact: massive', '- confidence: 80%', '',
    '## FEAT-5 Search', '- goals: G-1', '- priority: should', '- reach: 500', '- impact: low', '- confidence: 100%', '- effort: 0.5', '',
    '## FEAT-0 Unranked in spec.md', '- goals: G-1', '',
  ].join('\n'),
  'plan.md': '- T-1 Build onboarding\n  - duration: 5d\n  - features: FEAT-4\n',
};

const BY_PRIORITY = ['FEAT-4', 'FEAT-2', 'FEAT-5', 'FEAT-3', 'FEAT-1', 'FEAT-6', 'FEAT-0'];
const BY_SCORE = ['FEAT-4', 'FEAT-5', 'FEAT-1', 'FEAT-2', 'FEAT-3', 'FEAT-6', 'FEAT-0'];

const opts = (o: Partial<RoadmapViewOptions> = {}): RoadmapViewOptions => ({ ...DEFAULT_ROADMAP_OPTIONS, ...o });
const cardIds = (html: string): string[] => [...html.matchAll(/<div class="sl-card [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]!);

describe('roadmap: features ordered by priority or by RICE score', () => {
  it('scores each card and orders by priority (then score), or by score (then priority), ties by where they are written', async () => {
    const a = await analyzeFiles(FILES);
    const byPriority = buildRoadmap(a, 'auto', 'priority');
    const lane = byPriority.lanes[0]!;
    assert.deepEqual(Object.fromEntries(lane.cards.map((c) => [c.id, c.score ?? null])),
      { 'FEAT-4': 720, 'FEAT-2': 200, 'FEAT-5': 500, 'FEAT-3': null, 'FEAT-1': 500, 'FEAT-6': null, 'FEAT-0': null });
    assert.deepEqual(lane.cards.map((c) => c.id), BY_PRIORITY);
    assert.deepEqual(buildRoadmap(a, 'auto', 'score').lanes[0]!.cards.map((c) => c.id), BY_SCORE);
    assert.deepEqual(buildRoadmap(a).lanes[0]!.cards.map((c) => c.id), BY_PRIORITY, 'priority is the default');
  });

  it('gives the same order whatever order the files are read in', async () => {
    const reversed = Object.fromEntries(Object.entries(FILES).reverse());
    const a = await analyzeFiles(reversed);
    assert.deepEqual(buildRoadmap(a, 'auto', 'priority').lanes[0]!.cards.map((c) => c.id), BY_PRIORITY);
    assert.deepEqual(buildRoadmap(a, 'auto', 'score').lanes[0]!.cards.map((c) => c.id), BY_SCORE);
  });

  it('shows the score on the card and orders the board in the preview, from a toolbar control kept in state', async () => {
    const a = await analyzeFiles(FILES);
    const view = renderRoadmapView(a, opts({ order: 'score' }));
    assert.deepEqual(cardIds(view.html), BY_SCORE);
    assert.match(view.html, /data-id="FEAT-4"[^>]*>.*?<span class="sl-chip sl-score"[^>]*>RICE 720<\/span>/);
    assert.doesNotMatch(/data-id="FEAT-3".*?<\/div><\/div>/.exec(view.html)?.[0] ?? '', /sl-score/, 'no score, no chip');
    assert.deepEqual(cardIds(renderRoadmapView(a, opts()).html), BY_PRIORITY);
    const toolbar = decodeEntities(view.toolbar);
    assert.match(toolbar, /<button type="button" data-option="order" data-value="score" aria-pressed="true">By RICE score<\/button>/);
    assert.match(toolbar, /<button type="button" data-option="order" data-value="priority" aria-pressed="false">By priority<\/button>/);
    // The option as the webview posts it and as the panel restores it.
    assert.deepEqual(setRoadmapOption(opts(), 'order', 'score'), opts({ order: 'score' }));
    assert.equal(setRoadmapOption(opts(), 'order', 'rice'), undefined);
    assert.deepEqual(restoreRoadmapOptions({ order: 'score' }), opts({ order: 'score' }));
    assert.deepEqual(restoreRoadmapOptions({ order: 'alphabet' }), opts());
    assert.deepEqual(clearRoadmapFilters(opts({ order: 'score', owner: '@ana' })), opts({ order: 'score' }), 'clearing filters keeps the order');
  });

  it('orders the Markdown table and adds a RICE column, and the mermaid events', async () => {
    const a = await analyzeFiles(FILES);
    const md = renderRoadmap(a, { format: 'markdown', order: 'score' });
    assert.match(md, /by RICE score \(highest first\), then priority\._/);
    assert.match(md, /^\| When \| Feature \| Status \| Priority \| RICE \| Owner \| Progress \| Health \|$/m);
    const rows = md.split('\n').filter((l) => /^\| Now \| \*\*FEAT-/.test(l));
    assert.deepEqual(rows.map((r) => /\*\*(FEAT-\d)\*\*/.exec(r)![1]), BY_SCORE);
    assert.match(rows[0]!, /\| must \| 720 \|/);
    assert.match(rows[4]!, /\| should \| — \|/);
    const mermaid = renderRoadmap(a, { format: 'mermaid', order: 'score' });
    const events = [...mermaid.matchAll(/(FEAT-\d) /g)].map((m) => m[1]);
    assert.deepEqual(events, BY_SCORE);
  });

  it('takes the order in a specline-roadmap block and rejects an unknown one', async () => {
    const a = await analyzeFiles(FILES);
    const block = renderFencedBlock('specline-roadmap', a, 'order: score\n', 'notes.md') ?? '';
    assert.deepEqual(cardIds(block), BY_SCORE);
    assert.doesNotMatch(block, /specline-block-errors/);
    assert.match(renderFencedBlock('specline-roadmap', a, 'order: rice\n', 'notes.md') ?? '', /order must be priority or score/);
  });

  it('specline roadmap --order score writes the same order; an unknown order is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specline-order-'));
    try {
      for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
      const html = await runCli(['roadmap', dir, '--format', 'html', '--order', 'score', '--today', '2027-01-08']);
      assert.equal(html.code, 0, html.stderr);
      assert.deepEqual(cardIds(html.stdout), BY_SCORE);
      const bad = await runCli(['roadmap', dir, '--order', 'rice']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--order must be priority or score, not "rice"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('orders the traceability matrix the same way, ties in the order they are written', async () => {
    const a = await analyzeFiles(FILES);
    const rows = (order: 'source' | 'priority' | 'score'): string[] => {
      const html = renderMatrixView(a, { ...DEFAULT_MATRIX_OPTIONS, order }).html;
      return [...html.slice(html.indexOf('</thead>')).matchAll(/<tr[^>]* data-id="(FEAT-\d+)"/g)].map((m) => m[1]!);
    };
    assert.deepEqual(rows('source'), ['FEAT-6', 'FEAT-1', 'FEAT-2', 'FEAT-3', 'FEAT-4', 'FEAT-5', 'FEAT-0'], 'as written by default (a.md before spec.md)');
    assert.deepEqual(rows('priority'), BY_PRIORITY, 'the roadmap\'s order');
    assert.deepEqual(rows('score'), BY_SCORE, 'the roadmap\'s order');
    const toolbar = renderMatrixView(a, { ...DEFAULT_MATRIX_OPTIONS, order: 'score' }).toolbar;
    assert.match(toolbar, /data-option="order" data-value="score" aria-pressed="true">By RICE score</);
    assert.deepEqual(setMatrixOption(DEFAULT_MATRIX_OPTIONS, 'order', 'priority'), { ...DEFAULT_MATRIX_OPTIONS, order: 'priority' });
    assert.equal(setMatrixOption(DEFAULT_MATRIX_OPTIONS, 'order', 'rice'), undefined);
    assert.equal(restoreMatrixOptions({ order: 'rice' }).order, 'source', 'an unknown saved order falls back to the written order');
  });
});
