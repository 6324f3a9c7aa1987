import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createNodeWorkspace } from '../../../src/node/nodeWorkspace.js';
import { unmarkGenerated } from '../../../src/cli/generated.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import type { TraceMatrix } from '../../../src/core/render/traceMatrix.js';
import { buildTraceMatrix, renderTraceMatrix } from '../../../src/core/render/traceMatrix.js';
import { renderMatrixView } from '../../../src/core/views/matrixView.js';
import type { MatrixViewOptions } from '../../../src/core/views/matrixViewOptions.js';
import { DEFAULT_MATRIX_OPTIONS, NO_GOAL, restoreMatrixOptions, setMatrixOption } from '../../../src/core/views/matrixViewOptions.js';
import { REPO_ROOT, runCli } from '../../cli/helpers.js';
import { AnalysisBuilder } from '../render/analysisBuilder.js';
import { HOSTILE } from '../render/hostile.js';
import { assertSafeMarkup, assertSafeView, decodeEntities } from '../render/markup.js';

const opts = (o: Partial<MatrixViewOptions> = {}): MatrixViewOptions => ({ ...DEFAULT_MATRIX_OPTIONS, ...o });
/** The `<tr>` of the table body, each with its own markup. */
const bodyRows = (html: string): string[] => {
  const body = html.slice(html.indexOf('</thead>'));
  return [...body.matchAll(/<tr[ >].*?<\/tr>/gs)].map((m) => m[0]);
};
/** Every table row the matrix has, computed from the JSON the CLI prints (not from the view). */
const expectedRows = (m: TraceMatrix): number =>
  m.goals.reduce((n, g) => n + Math.max(1, g.features.length), 0) + m.untraced.length + m.gaps.tasksWithoutFeatures.length;

function plan(): AnalysisBuilder {
  return new AnalysisBuilder({ today: '2027-03-01' })
    .goal('G-1', { title: 'Halve onboarding time', horizon: 'now' })
    .goal('G-2', { title: 'Enterprise', horizon: 'next' })
    .goal('G-3', { title: 'Nothing yet', horizon: 'later' })
    .feature('FEAT-1', { title: 'Single sign-on', goals: ['G-1', 'G-2'] })
    .feature('FEAT-2', { title: 'Guided setup', goals: ['G-1'] })
    .feature('FEAT-3', { title: 'No tasks', goals: ['G-2'] })
    .feature('FEAT-4', { title: 'Orphan' })
    .feature('FEAT-5', { title: 'Unscheduled', goals: ['G-2'] })
    .feature('FEAT-6', { title: 'Cancelled', goals: ['G-1'], status: 'dropped' })
    .task('T-1', { features: ['FEAT-1'], start: '2027-03-01', end: '2027-03-05' })
    .task('T-2', { features: ['FEAT-2'], start: '2027-03-08', end: '2027-03-12', status: 'done' })
    .task('T-3', { features: ['FEAT-4'], start: '2027-03-01', end: '2027-03-02' })
    .task('T-4', { features: ['FEAT-5'] })
    .task('T-9', { title: 'Stray task', start: '2027-03-01', end: '2027-03-01' });
}

describe('traceability matrix view', () => {
  it('has the numbers of buildTraceMatrix and one row per goal × feature, untraced feature and stray task', () => {
    const a = plan().build();
    const m = buildTraceMatrix(a);
    const view = renderMatrixView(a, opts());
    assert.equal(view.counts.coveragePercent, m.coverage.percent);
    assert.equal(view.counts.traced, m.coverage.traced);
    assert.equal(view.counts.total, m.coverage.total);
    assert.equal(view.counts.featuresWithoutGoal, m.gaps.featuresWithoutGoal.length);
    assert.equal(view.counts.featuresWithoutTasks, m.gaps.featuresWithoutTasks.length);
    assert.equal(view.counts.goalsWithoutFeatures, m.gaps.goalsWithoutFeatures.length);
    assert.equal(view.counts.tasksWithoutFeatures, m.gaps.tasksWithoutFeatures.length);
    assert.deepEqual(
      { traced: view.counts.traced, total: view.counts.total, pct: view.counts.coveragePercent, gaps: view.counts.gaps, rows: view.counts.rows, goals: view.counts.goals, features: view.counts.features, unscheduled: view.counts.unscheduled },
      { traced: 3, total: 5, pct: 60, gaps: 4, rows: 9, goals: 3, features: 6, unscheduled: 1 },
    );
    assert.equal(bodyRows(view.html).length, view.counts.rows);
    assert.equal(view.counts.rows, expectedRows(m));
    // Coverage per goal, as `specline trace` writes it.
    const text = decodeEntities(view.html);
    assert.match(text, /data-id="G-1"[^>]*><div class="sl-goal-name"><span class="sl-id">G-1<\/span> Halve onboarding time<\/div><div class="sl-goal-coverage"><progress[^>]*>100%<\/progress><span>2 of 2 · 100%<\/span>/);
    assert.match(text, /data-id="G-2"[^>]*>.*?<span>1 of 3 · 33%<\/span>/);
    assert.match(text, /data-id="G-3"[^>]*>.*?No feature serves it/);
    assert.match(decodeEntities(view.toolbar), /3 of 5 features traced \(60%\) · 4 gaps · as of 2027-03-01/);
  });

  it('highlights every gap with a word and a warning sign', () => {
    const html = renderMatrixView(plan().build(), opts()).html;
    const rows = bodyRows(html);
    const row = (id: string): string => rows.find((r) => new RegExp(`^<tr[^>]* data-id="${id}"`).test(r)) ?? '';
    assert.match(row('FEAT-3'), /class="sl-row-gap"/);
    assert.match(row('FEAT-3'), /<td class="sl-tasks-cell sl-gap">.*No tasks/);
    assert.match(row('FEAT-4'), /✗<\/span> No goal/);
    assert.match(row('FEAT-5'), /<td class="sl-gap">.*No dates/);
    assert.match(row('G-3'), /No feature serves this goal yet/);
    assert.match(row('T-9'), /No feature.*Stray task/);
    assert.doesNotMatch(row('FEAT-2'), /sl-gap/);
    assert.match(row('FEAT-6'), /class="sl-dropped"/);
    assert.doesNotMatch(row('FEAT-6'), /sl-gap/, 'a dropped feature is not a gap');
    assert.match(html, /<section class="sl-tile sl-tile-gap sl-has-gap"><h3>Features without a goal<\/h3><div class="sl-big"><span class="sl-gap-icon" aria-hidden="true">⚠<\/span>1<\/div>/);
  });

  it('makes every cell reveal an item', () => {
    const a = plan().build();
    const html = renderMatrixView(a, opts()).html;
    for (const row of bodyRows(html)) {
      const rowData = /^<tr[^>]* data-file="([^"]+)" data-line="(\d+)"/.exec(row);
      assert.ok(rowData, `the row reveals something: ${row.slice(0, 100)}`);
      assert.match(row, /^<tr[^>]* tabindex="0">/, 'and is reachable with the keyboard');
    }
    for (const [, id, file, line] of html.matchAll(/data-id="([^"]+)" data-file="([^"]+)" data-line="(\d+)"/g)) {
      const item = a.items.get(id);
      assert.ok(item, `${id} exists`);
      assert.deepEqual([file, Number(line)], [item.file, item.idRange.start.line]);
    }
    // Every task link is a chip of its own.
    assert.equal((html.match(/class="sl-chip sl-task/g) ?? []).length, renderMatrixView(a, opts()).counts.tasks);
  });

  it('shows only rows with gaps, and one goal, on request', () => {
    const a = plan().build();
    const gaps = renderMatrixView(a, opts({ gapsOnly: true }));
    const ids = bodyRows(gaps.html).map((r) => /^<tr[^>]* data-id="([^"]+)"/.exec(r)?.[1]);
    assert.deepEqual(ids, ['FEAT-3', 'FEAT-5', 'G-3', 'FEAT-4', 'T-9']);
    assert.equal(gaps.counts.gaps, renderMatrixView(a, opts()).counts.gaps, 'gap counts are the workspace’s, whatever the filter');
    assert.match(gaps.toolbar, /data-value="gaps" aria-pressed="true">Gaps only/);
    const g2 = renderMatrixView(a, opts({ goal: 'G-2' }));
    assert.deepEqual(bodyRows(g2.html).map((r) => /^<tr[^>]* data-id="([^"]+)"/.exec(r)?.[1]), ['FEAT-1', 'FEAT-3', 'FEAT-5']);
    const none = renderMatrixView(a, opts({ goal: NO_GOAL }));
    assert.deepEqual(bodyRows(none.html).map((r) => /^<tr[^>]* data-id="([^"]+)"/.exec(r)?.[1]), ['FEAT-4', 'T-9']);
    const clean = new AnalysisBuilder().goal('G-1').feature('FEAT-1', { goals: ['G-1'] }).task('T-1', { features: ['FEAT-1'], start: '2027-01-04', end: '2027-01-05' }).build();
    assert.match(renderMatrixView(clean, opts({ gapsOnly: true })).html, /<h2>No gaps<\/h2>/);
  });

  it('validates options', () => {
    assert.deepEqual(setMatrixOption(opts(), 'show', 'gaps'), opts({ gapsOnly: true }));
    assert.deepEqual(setMatrixOption(opts({ gapsOnly: true }), 'show', 'all'), opts());
    assert.equal(setMatrixOption(opts(), 'show', 'some'), undefined);
    assert.equal(setMatrixOption(opts(), 'zoom', 'day'), undefined);
    assert.deepEqual(restoreMatrixOptions({ gapsOnly: 'yes', goal: 3 }), opts());
    assert.deepEqual(restoreMatrixOptions({ gapsOnly: true, goal: 'G-1' }), opts({ gapsOnly: true, goal: 'G-1' }));
  });

  it('explains the chain when there is nothing to trace', () => {
    const view = renderMatrixView(new AnalysisBuilder().build(), opts());
    assert.match(decodeEntities(view.html), /Nothing to trace yet.*goals: \[G-1\]/s);
    assert.equal(view.counts.rows, 0);
    assert.equal(view.counts.coveragePercent, undefined);
    assertSafeMarkup(view.html);
  });

  it('escapes hostile titles', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    HOSTILE.forEach((h, i) => {
      b.goal(`G-${i}`, { title: h });
      b.feature(`FEAT-${i}`, { title: h, goals: i % 3 === 0 ? [] : [`G-${i}`] });
      b.task(`T-${i}`, { title: h, features: i % 4 === 0 ? [] : [`FEAT-${i}`], start: '2027-03-01', end: '2027-03-02' });
    });
    const a = b.build();
    for (const o of [opts(), opts({ gapsOnly: true }), opts({ goal: HOSTILE[1] })]) {
      const view = renderMatrixView(a, o);
      assertSafeView(view);
    }
  });

  describe('on examples/acme, against the CLI', () => {
    const root = path.join(REPO_ROOT, 'examples', 'acme');
    const today = '2027-02-15';
    const analysis = async () => {
      const ws = createNodeWorkspace({ root, today: parseIsoDate(today)!, parallel: false });
      await ws.load();
      return ws.analyze();
    };

    it('has the numbers of specline trace --format json', async () => {
      const cli = await runCli(['trace', root, '--format', 'json', '--today', today]);
      assert.equal(cli.code, 0, cli.stderr);
      const json = JSON.parse(cli.stdout) as TraceMatrix;
      const view = renderMatrixView(await analysis(), opts());
      assert.deepEqual(
        { traced: view.counts.traced, total: view.counts.total, pct: view.counts.coveragePercent, goals: view.counts.goals, rows: view.counts.rows },
        { traced: json.coverage.traced, total: json.coverage.total, pct: json.coverage.percent, goals: json.goals.length, rows: expectedRows(json) },
      );
      const g = json.gaps;
      assert.equal(view.counts.gaps, g.featuresWithoutGoal.length + g.featuresWithoutTasks.length + g.goalsWithoutFeatures.length + g.tasksWithoutFeatures.length);
      for (const goal of json.goals) {
        const shown = goal.coverage === null ? 'No feature serves it' : `${goal.covered} of ${goal.total} · ${goal.coverage}%`;
        assert.ok(decodeEntities(view.html).includes(shown), `${goal.id}: ${shown}`);
      }
      assert.deepEqual({ traced: json.coverage.traced, total: json.coverage.total, percent: json.coverage.percent }, { traced: 7, total: 9, percent: 78 });
    });

    it('exports exactly what specline trace writes', async () => {
      const a = await analysis();
      for (const format of ['csv', 'markdown'] as const) {
        const cli = await runCli(['trace', root, '--format', format, '--today', today]);
        // The CLI wraps Markdown in generated-block markers (so a saved copy is never read back).
        assert.equal(format === 'markdown' ? unmarkGenerated(cli.stdout) : cli.stdout, renderTraceMatrix(a, { format }), format);
      }
    });
  });
});
