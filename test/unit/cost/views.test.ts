import assert from 'node:assert/strict';
import { renderRoadmap } from '../../../src/core/render/renderRoadmap.js';
import { buildRoadmap } from '../../../src/core/render/roadmapModel.js';
import { renderGanttSvg } from '../../../src/core/render/ganttSvg.js';
import { analyzeFiles } from './workspace.js';

/** Day rate 500: T-1 4 days = 2,000 (1,200 spent), T-2 2 days = 1,000. */
const FILES: Record<string, string> = {
  '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
  'plan.md': '- T-1 Build\n  - duration: 4d\n  - spent: 1,200\n  - features: FEAT-1\n- T-2 Polish\n  - duration: 2d\n  - features: FEAT-2\n',
  'spec.md': '## FEAT-1 Builder\n- goals: G-1\n\n## FEAT-2 Export\n- goals: G-2\n',
  'roadmap.md': [
    '## G-1 Activation', '- horizon: 2027-Q1', '- budget: 1,500', '- metric baseline: 20%', '- metric target: 60%', '- metric current: 30%', '',
    '## G-2 Exports', '- horizon: 2027-Q1', '- budget: 5k', '',
    '## G-3 Later', '- horizon: later', '',
  ].join('\n'),
};

describe('budget health and metric progress in the roadmap and the Gantt chart', () => {
  it('gives each goal lane its budget health and metric progress', async () => {
    const model = buildRoadmap(await analyzeFiles(FILES));
    const lanes = new Map(model.lanes.map((l) => [l.goal?.id, l]));
    assert.deepEqual(lanes.get('G-1')!.budget, { text: 'Budget 1,500 EUR · planned 2,000 · spent 1,200 · over budget', over: true });
    // (30 − 20) / (60 − 20) = 25%.
    assert.equal(lanes.get('G-1')!.metric, '30% → 60% (from 20%), 25% of the way');
    assert.deepEqual(lanes.get('G-2')!.budget, { text: 'Budget 5,000 EUR · planned 1,000 · within budget', over: false });
    assert.equal(lanes.get('G-2')!.metric, undefined);
    assert.equal(lanes.get('G-3')!.budget, undefined);
  });

  it('shows them in the Markdown and HTML roadmap, over budget marked', async () => {
    const analysis = await analyzeFiles(FILES);
    const md = renderRoadmap(analysis, { format: 'markdown' });
    assert.ok(md.includes('Budget 1,500 EUR · planned 2,000 · spent 1,200 · over budget'), md);
    assert.ok(md.includes('Now: 30% → 60% (from 20%), 25% of the way'), md);
    const html = renderRoadmap(analysis, { format: 'html' });
    assert.match(html, /<div class="sl-lane-facts sl-over-budget">Budget 1,500 EUR/);
    assert.match(html, /<div class="sl-lane-facts">Budget 5,000 EUR/);
  });

  it('puts a task\'s cost in its Gantt tooltip', async () => {
    // Tooltips are escaped SVG text: the colon is written &#58;.
    const svg = renderGanttSvg(await analyzeFiles(FILES));
    assert.ok(svg.includes('Cost&#58; 2,000 EUR planned · 1,200 spent'), 'T-1');
    assert.ok(svg.includes('Cost&#58; 1,000 EUR planned'), 'T-2');
    assert.ok(!svg.includes('Cost&#58; 1,000 EUR planned · '), 'T-2 has spent nothing');
  });
});
