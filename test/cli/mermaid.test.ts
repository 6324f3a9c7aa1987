import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from './helpers.js';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'mermaid', 'workspace');

describe('specline on mermaid gantt charts', () => {
  it('schedule --format json lists the chart tasks with mermaid dates and "source":"mermaid"; milestones carry titles', async () => {
    const run = await runCli(['schedule', WORKSPACE, '--format', 'json', '--today', '2027-01-01']);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout) as {
      tasks: Array<{ id: string; title: string; start: string | null; end: string | null; source?: string }>;
      milestones: Array<{ id: string; title: string; date: string | null; source?: string }>;
      features: Array<{ id: string; start: string | null; end: string | null; traced: boolean; scheduled: boolean }>;
    };
    assert.deepEqual(json.tasks.map((t) => [t.id, t.title, t.start, t.end, t.source ?? 'specline']), [
      ['T-1', 'Kick-off', '2027-01-04', '2027-01-04', 'specline'],
      ['a1@plan.md#L10', 'Design FEAT-1 screens', '2027-01-04', '2027-01-06', 'mermaid'],
      // after a1 (ends 2027-01-07 exclusive), 5 days over a weekend: mermaid pushes the end past it.
      ['T-3', 'Build it', '2027-01-07', '2027-01-13', 'mermaid'],
      ['task1@plan.md#L10', 'Review', '2027-01-14', '2027-01-15', 'mermaid'],
    ]);
    assert.equal('source' in json.tasks[0]!, false, 'Specline tasks have no source field');
    assert.deepEqual(json.milestones, [{ id: 'M-1', title: 'Ship', date: '2027-01-14', source: 'mermaid' }]);
    // The feature ID in a chart task's title traces the feature to it.
    assert.deepEqual(json.features, [{ id: 'FEAT-1', start: '2027-01-04', end: '2027-01-06', traced: true, scheduled: true }]);
  });

  it('check reports what mermaid swallows, on the offending value', async () => {
    const run = await runCli(['check', WORKSPACE, '--format', 'json', '--today', '2027-01-01']);
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; endColumn: number; code: string; severity: string }> };
    const chart = json.diagnostics.filter((d) => d.line >= 10);
    assert.deepEqual(chart.map((d) => [d.file, d.line, d.column, d.endColumn, d.code, d.severity]), [
      ['plan.md', 17, 5, 11, 'trace.task-no-feature', 'info'],
      ['plan.md', 17, 38, 40, 'ref.unknown', 'error'],
      ['plan.md', 16, 28, 31, 'trace.task-no-feature', 'info'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number)));
  });

  it('gantt draws the chart tasks, labelled with their mermaid ids', async () => {
    const run = await runCli(['gantt', WORKSPACE, '--format', 'mermaid', '--today', '2027-01-01']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\s+a1 Design FEAT-1 screens :.*2027-01-04, 2027-01-07$/m);
    assert.match(run.stdout, /^\s+T-3 Build it :.*2027-01-07, 2027-01-14$/m);
    assert.match(run.stdout, /^\s+M-1 Ship :milestone,.*2027-01-14/m);
    assert.doesNotMatch(run.stdout, /@plan/);
  });
});
