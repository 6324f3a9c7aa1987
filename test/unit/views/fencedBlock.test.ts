import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { parseBlockOptions } from '../../../src/core/views/blockOptions.js';
import { renderFencedBlock, renderGanttBlock } from '../../../src/core/views/fencedBlock.js';
import { analyzeFiles } from '../language/helpers.js';

const PLAN = `---
start: 2027-01-04
---

# Q1

## Build

| ID | Task | Owner | Duration | After | Features |
|---|---|---|---|---|---|
| T-1 | Model | @kofi | 5d | | FEAT-1 |
| T-2 | UI | @mei | 5d | T-1 | FEAT-1 |
| T-3 | Docs | @ruth | 2d | T-2 | |

- M-1 Launch
  - after: T-2
`;
const OTHER = `---
start: 2027-02-01
---

# Other

| ID | Task | Duration |
|---|---|---|
| T-9 | Elsewhere <img src=x onerror=alert(1)> | 3d |
`;
const SPEC = `---\nid: FEAT-1\ntitle: Checklists\n---\n`;
const bars = (html: string): number => [...html.matchAll(/<g class="sl-task sl-task-row[^"]*" data-id="/g)].length;

describe('```specline-gantt blocks in the Markdown preview', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles({ 'plans/q1.md': PLAN, 'plans/other.md': OTHER, 'specs/checklists.md': SPEC, 'status/report.md': '# Status\n' }, '2027-01-10');
  });

  it('reads key: value lines, skipping comments and reporting the rest', () => {
    const { options, errors } = parseBlockOptions('plan: plans/q1.md  # the plan\n\n# a comment\nZoom: "month"\nnot an option\n');
    assert.deepEqual([...options], [['plan', 'plans/q1.md'], ['zoom', 'month']]);
    assert.deepEqual(errors, ['line 5: expected "key: value"']);
  });

  it('draws the whole workspace, a plan, or a filtered chart', () => {
    assert.equal(bars(renderGanttBlock(analysis, '', 'status/report.md')), 4);
    assert.equal(bars(renderGanttBlock(analysis, 'plan: plans/q1.md', 'status/report.md')), 3);
    assert.equal(bars(renderGanttBlock(analysis, 'plan: ../plans/q1.md', 'status/report.md')), 3, 'relative to the Markdown file');
    assert.equal(bars(renderGanttBlock(analysis, 'plan: plans/', 'status/report.md')), 4, 'a folder');
    assert.equal(bars(renderGanttBlock(analysis, 'feature: FEAT-1', undefined)), 2);
    assert.equal(bars(renderGanttBlock(analysis, 'owner: ruth', undefined)), 1);
    assert.match(renderGanttBlock(analysis, 'milestone: M-1', undefined), /data-id="M-1"/);
  });

  it('uses the same chart as the panel: data-id, data-file and data-line on every bar', () => {
    const html = renderGanttBlock(analysis, 'plan: plans/q1.md\nzoom: day\ngroup: feature\ntitle: Sprint <b>1</b>', undefined);
    assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="sl-gantt"[^>]*data-px-per-day="24"/);
    assert.match(html, /data-id="T-1" data-file="plans\/q1.md" data-line="10"/);
    assert.match(html, /<text class="sl-section-label"[^>]*>FEAT-1 Checklists</);
    assert.match(html, /<p class="specline-block-title">Sprint &lt;b&gt;1&lt;\/b&gt;<\/p>/);
  });

  it('lists option mistakes under the chart instead of failing', () => {
    const html = renderGanttBlock(analysis, 'plan: plans/nope.md\nfeature: FEAT-99\nzoom: decade\ngroup: owner\ncolour: red', undefined);
    assert.match(html, /<ul class="specline-block-errors">/);
    for (const text of ['unknown option &quot;colour&quot;', 'plan &quot;plans/nope.md&quot; is not an indexed file', 'feature &quot;FEAT-99&quot; is not defined', 'zoom must be day', 'group must be']) {
      assert.ok(html.includes(text), `mentions ${text}`);
    }
    assert.match(html, /No scheduled tasks or milestones/);
  });

  it('escapes titles and option text', () => {
    const html = renderGanttBlock(analysis, 'plan: plans/other.md\ntitle: <script>alert(1)</script>', undefined);
    assert.equal(bars(html), 1);
    assert.doesNotMatch(html, /<script|<img/);
    const bad = renderGanttBlock(analysis, 'owner: <img src=x onerror=alert(1)>\nx<y: 1', undefined);
    assert.doesNotMatch(bad, /<img|<y/);
  });

  it('dispatches on the info string and leaves other fences alone', () => {
    assert.equal(renderFencedBlock('js', analysis, 'x', undefined), undefined);
    assert.equal(renderFencedBlock('specline', analysis, 'x', undefined), undefined);
    assert.equal(renderFencedBlock('specline-ganttx', analysis, 'x', undefined), undefined);
    assert.equal(bars(renderFencedBlock('  specline-gantt {.wide}', analysis, 'plan: plans/q1.md', undefined) ?? ''), 3);
    assert.match(renderFencedBlock('specline-gantt', undefined, '', undefined) ?? '', /Specline is indexing the workspace/);
    assert.match(renderFencedBlock('specline-roadmap', analysis, '', undefined) ?? '', /specline-block/);
  });
});
