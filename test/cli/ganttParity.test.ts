// The Gantt preview panel and `specline gantt` draw the same chart: for the example
// workspace and each filter the CLI has, the panel's view (renderGanttView, what the
// webview shows) and the CLI's SVG list the same bars and diamonds in the same order,
// under the same sections, and the SVGs are identical once the panel's page-level style
// element is put back. The mermaid export of the panel equals `--format mermaid`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it, before } from 'mocha';
import { createNodeWorkspace } from '../../src/node/nodeWorkspace.js';
import type { Analysis } from '../../src/core/analysis/types.js';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { GANTT_CSS } from '../../src/core/render/ganttSvg.js';
import { renderMermaidGantt } from '../../src/core/render/mermaidGantt.js';
import type { GanttViewOptions } from '../../src/core/views/ganttView.js';
import { DEFAULT_GANTT_OPTIONS, ganttFilter, renderGanttView } from '../../src/core/views/ganttView.js';
import { REPO_ROOT, runCli } from './helpers.js';

const ACME = path.join(REPO_ROOT, 'examples', 'acme');
const TODAY = '2027-02-15';
const PLAN = 'plans/q1-core.md';

/** `data-id`s of the rows (bars and diamonds) in drawing order. */
const rowIds = (markup: string): string[] => [...markup.matchAll(/<g class="sl-task [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]!);
const sectionLabels = (markup: string): string[] => [...markup.matchAll(/<text class="sl-section-label"[^>]*>([^<]*)</g)].map((m) => m[1]!);
/** The chart's `<svg>` element from the panel's body markup. */
const panelSvg = (html: string): string => {
  const start = html.indexOf('<svg xmlns=');
  const end = html.indexOf('</svg>', start) + '</svg>'.length;
  assert.ok(start >= 0 && end > start, 'the panel body holds an SVG chart');
  return html.slice(start, end);
};

interface Case {
  name: string;
  panel: Partial<GanttViewOptions>;
  activePath?: string;
  cli: string[];
}

const CASES: Case[] = [
  { name: 'the active plan / a plan PATH', panel: { plan: '' }, activePath: PLAN, cli: [PLAN] },
  { name: 'an explicit plan / a plan PATH', panel: { plan: 'plans/integrations.md' }, cli: ['plans/integrations.md'] },
  { name: 'all plans / no PATH', panel: { plan: '*' }, cli: [] },
  { name: 'grouped by feature', panel: { plan: '*', groupBy: 'feature' }, cli: ['--group-by', 'feature'] },
  { name: 'a feature filter', panel: { plan: '*', feature: 'FEAT-1' }, cli: ['--feature', 'FEAT-1'] },
  { name: 'a goal filter', panel: { plan: '*', goal: 'G-1' }, cli: ['--goal', 'G-1'] },
  { name: 'an owner filter', panel: { plan: '*', owner: '@mei' }, cli: ['--owner', '@mei'] },
  { name: 'a milestone filter, month zoom', panel: { plan: '*', milestone: 'M-3', zoom: 'month' }, cli: ['--milestone', 'M-3', '--zoom', 'month'] },
  { name: 'a plan and an owner, day zoom', panel: { plan: PLAN, owner: 'kofi', zoom: 'day' }, cli: [PLAN, '--owner', 'kofi', '--zoom', 'day'] },
];

describe('Gantt preview and `specline gantt` draw the same chart (examples/acme)', () => {
  let analysis: Analysis;
  before(async () => {
    const ws = createNodeWorkspace({ root: ACME, today: parseIsoDate(TODAY)!, parallel: false });
    await ws.load();
    analysis = ws.analyze();
  });

  for (const c of CASES) {
    it(`${c.name}: same rows, sections and SVG`, async () => {
      const options: GanttViewOptions = { ...DEFAULT_GANTT_OPTIONS, collapsed: [], ...c.panel };
      const view = renderGanttView(analysis, options, c.activePath);
      const { scope } = ganttFilter(analysis, options, c.activePath);
      const title = `Gantt chart: ${scope}`;
      const cli = await runCli(['gantt', ...c.cli, '--format', 'svg', '--today', TODAY, '--title', title], { cwd: ACME });
      assert.equal(cli.code, 0, cli.stderr);

      const ids = rowIds(view.html);
      assert.ok(ids.length > 0, 'the view draws rows');
      assert.deepEqual(ids, rowIds(cli.stdout), 'the same bars and diamonds in the same order');
      assert.equal(view.counts.bars + view.counts.milestones, ids.length, 'the counts are what is drawn');
      assert.deepEqual(sectionLabels(view.html), sectionLabels(cli.stdout), 'the same sections');
      // The panel loads the chart's CSS once per page instead of inside every SVG.
      // It also carries hover text in data-tip attributes rather than <title> elements.
      const svg = panelSvg(view.html).replace(/(<svg [^>]*>)/, `$1\n<style>${GANTT_CSS}</style>`);
      const cliAsPanel = cli.stdout.replace(/(<g class="sl-task [^>]*)><title>([^<]*)<\/title>/g, (_m, open: string, tip: string) => `${open} data-tip="${tip.replace(/"/g, '&quot;')}">`);
      assert.ok(cliAsPanel !== cli.stdout, 'the CLI chart has hover titles');
      assert.equal(`${svg}\n`, cliAsPanel, 'the same SVG, byte for byte (hover text placed as the panel places it)');

      const mermaid = await runCli(['gantt', ...c.cli, '--format', 'mermaid', '--today', TODAY, '--title', scope], { cwd: ACME });
      assert.equal(mermaid.stdout, renderMermaidGantt(analysis, { ...ganttFilter(analysis, options, c.activePath).filter, title: scope }), 'the panel’s “Copy as Mermaid” text is the CLI’s');
    });
  }

  it('the active plan counts exactly the tasks `specline schedule` dates for that plan', async () => {
    const view = renderGanttView(analysis, { ...DEFAULT_GANTT_OPTIONS, collapsed: [] }, PLAN);
    const schedule = await runCli(['schedule', PLAN, '--format', 'json', '--today', TODAY], { cwd: ACME });
    const json = JSON.parse(schedule.stdout) as { tasks: Array<{ start: string | null; end: string | null }>; milestones: Array<{ date: string | null }> };
    assert.equal(view.counts.bars, json.tasks.filter((t) => t.start !== null && t.end !== null).length);
    assert.equal(view.counts.milestones, json.milestones.filter((m) => m.date !== null).length);
  });
});
