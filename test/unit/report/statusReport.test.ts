import assert from 'node:assert/strict';
import { renderStatusReport } from '../../../src/core/report/statusReport.js';
import { AnalysisBuilder, d } from '../render/analysisBuilder.js';
import { HOSTILE } from '../render/hostile.js';

/** Today is Monday 2027-03-01; G-1's horizon ends Wednesday 2027-03-31. */
function plan(options: ConstructorParameters<typeof AnalysisBuilder>[0] = {}): AnalysisBuilder {
  return new AnalysisBuilder({ today: '2027-03-01', ...options })
    .goal('G-1', { title: 'Launch <v2>', horizon: '2027-Q1' })
    .feature('FEAT-1', { title: 'Payments', goals: ['G-1'], owners: ['@bob'] })
    .feature('FEAT-2', { title: 'Onboarding', goals: ['G-1'] })
    .feature('FEAT-3', { title: 'Search', goals: ['G-1'] })
    .feature('FEAT-4', { title: 'Untraced idea' })
    .task('T-1', { title: 'Payments API', features: ['FEAT-1'], start: '2027-03-29', end: '2027-04-05' })
    .task('T-2', { title: 'Wizard', features: ['FEAT-2'], start: '2027-03-22', end: '2027-03-26' })
    .task('T-3', { title: 'Index', features: ['FEAT-3'], start: '2027-03-08', end: '2027-03-10', owners: ['@ana'] })
    .task('T-4', { title: 'Schema | migration', features: ['FEAT-3'], start: '2027-02-22', end: '2027-02-24', status: 'in-progress', progress: 30, owners: ['@ana'] })
    .task('T-5', { title: 'Kickoff', features: ['FEAT-3'], start: '2027-02-15', end: '2027-02-19', status: 'done' })
    .task('T-6', { title: 'Old idea', start: '2027-02-01', end: '2027-02-02', status: 'dropped' })
    .task('T-7', { title: 'Estimate only', days: 2 })
    .milestone('M-1', { title: 'Beta', date: '2027-03-10' })
    .milestone('M-2', { title: 'GA', date: '2027-03-16' })
    .milestone('M-3', { title: 'Freeze', date: '2027-03-01' })
    .milestone('M-4', { title: 'Past', date: '2027-02-26' })
    .risk('R-1', { title: 'Vendor delay', impact: 'high', probability: 'medium', owners: ['@cy'], mitigation: ['T-3'] })
    .risk('R-2', { title: 'Closed risk', impact: 'high', status: 'done' })
    .risk('R-3', { title: 'Medium risk', impact: 'medium' })
    .risk('R-4', { title: 'Unmitigated', impact: 'high' })
    .risk('R-5', { title: 'Staffing', impact: 'high', mitigationText: 'Hire <contractor> | now' })
    .diagnostic({ code: 'schedule.goal-late', item: 'FEAT-1', message: 'FEAT-1 ends 2027-04-05, after G-1 (2027-03-31)' })
    .diagnostic({ code: 'schedule.milestone-missed', item: 'M-1', message: 'T-9 ends after M-1' })
    .diagnostic({ code: 'schedule.overdue', item: 'T-4' })
    .diagnostic({ code: 'resource.overallocated', item: 'T-3', message: '@ana is at 150% on 2027-03-08' })
    .diagnostic({ code: 'ref.unknown', severity: 'error', item: 'T-1' })
    .diagnostic({ code: 'ref.unknown', severity: 'error', item: 'T-2' })
    .diagnostic({ code: 'trace.feature-no-goal', item: 'FEAT-4' })
    .diagnostic({ code: 'trace.task-no-feature', severity: 'info', item: 'T-7' });
}

function section(report: string, heading: string): string {
  const start = report.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `section ${heading}`);
  const end = report.indexOf('\n## ', start + 1);
  return report.slice(start, end < 0 ? undefined : end);
}

describe('renderStatusReport', () => {
  const report = renderStatusReport(
    plan().issue({ code: 'resource.overallocated', owner: '@ana', capacity: 100, days: [{ from: d('2027-03-08'), to: d('2027-03-12'), load: 150 }], tasks: ['T-3', 'T-4'] }).build(),
    { title: 'Weekly status' },
  );

  it('has every section, in order', () => {
    const headings = [...report.matchAll(/^##? (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [
      'Weekly status', 'Summary', 'Goals and features late or at risk', 'Overdue tasks', 'Slipped',
      'Milestones in the next 14 days', 'Over-allocated people', 'Open high risks', 'Budget', 'Goal metrics', 'Problems by code',
    ]);
    assert.match(report, /^# Weekly status\n\n_As of 2027-03-01\._\n/);
  });

  it('summarises progress weighted by working days and traceability', () => {
    // Weights: T-1 6, T-2 5, T-3 3, T-4 3 (30%), T-5 5 (done), T-7 2 (estimate) → 5.9 of 24.
    const s = section(report, 'Summary');
    assert.ok(s.includes('- **Progress:** 25% done (5.9 of 24 working days of planned work, weighted by duration).'));
    assert.ok(s.includes('- **Traceability:** 3 of 4 features traced to a goal and a task (75%).'));
    assert.ok(s.includes('- **Attention:** 1 feature late, 2 at risk, 1 task overdue, 2 milestones in the next 14 days, 3 open high risks.'));
    assert.ok(s.includes('- **Problems:** 2 errors, 5 warnings, 1 info.'));
  });

  it('lists late and at-risk features under their goal, worst first', () => {
    const s = section(report, 'Goals and features late or at risk');
    assert.ok(s.includes('Goals affected: **G-1** (late).'));
    const rows = s.split('\n').filter((l) => l.startsWith('| **'));
    assert.deepEqual(rows, [
      "| **G-1** Launch &lt;v2&gt; | **FEAT-1** Payments | Late | ends 2027-04-05, 3 working days after G-1's deadline 2027-03-31 | @bob |",
      "| **G-1** Launch &lt;v2&gt; | **FEAT-2** Onboarding | At risk | ends 2027-03-26, 3 working days before G-1's deadline 2027-03-31 | — |",
      '| **G-1** Launch &lt;v2&gt; | **FEAT-3** Search | At risk | task T-4 is overdue | — |',
    ]);
  });

  it('lists overdue tasks (open, ended before today) with how late they are', () => {
    const s = section(report, 'Overdue tasks');
    const rows = s.split('\n').filter((l) => l.startsWith('| **'));
    assert.deepEqual(rows, ['| **T-4** Schema \\| migration | @ana | 2027-02-24 | 3 working days | in-progress | 30% |']);
  });

  it('lists what slipped from the checker diagnostics', () => {
    const s = section(report, 'Slipped');
    assert.ok(s.includes('- **FEAT-1** Payments — FEAT-1 ends 2027-04-05, after G-1 (2027-03-31)'));
    assert.ok(s.includes('- **M-1** Beta — T-9 ends after M-1'));
  });

  it('lists milestones of the next 14 calendar days with their outlook', () => {
    const s = section(report, 'Milestones in the next 14 days');
    const rows = s.split('\n').filter((l) => l.startsWith('| **'));
    assert.deepEqual(rows, [
      '| **M-3** Freeze | 2027-03-01 | today | On track |',
      '| **M-1** Beta | 2027-03-10 | 9 days | At risk: T-9 ends after M-1 |',
    ]);
  });

  it('lists over-allocated people from the scheduler', () => {
    const s = section(report, 'Over-allocated people');
    assert.ok(s.includes('| @ana | 100% | 150% | 5 | 2027-03-08 | T-3, T-4 |'));
  });

  it('falls back to the load runs, then to the diagnostics, and respects the rule being off', () => {
    const fromLoad = renderStatusReport(plan({ capacity: { '@ana': 50 } }).ownerLoad('ana', [
      { from: '2027-03-08', to: '2027-03-10', load: 100, tasks: ['T-3'] },
      { from: '2027-03-11', to: '2027-03-12', load: 50, tasks: ['T-3'] },
    ]).build());
    assert.ok(section(fromLoad, 'Over-allocated people').includes('| ana | 50% | 100% | 3 | 2027-03-08 | T-3 |'));
    const fromDiagnostics = renderStatusReport(plan().build());
    assert.ok(section(fromDiagnostics, 'Over-allocated people').includes('- @ana is at 150% on 2027-03-08'));
    const off = renderStatusReport(plan({ rules: { 'resource.overallocated': 'off' } }).build());
    assert.ok(section(off, 'Over-allocated people').includes('Not checked'));
  });

  it('lists open high risks with their mitigation', () => {
    const s = section(report, 'Open high risks');
    const rows = s.split('\n').filter((l) => l.startsWith('| **'));
    assert.deepEqual(rows, [
      '| **R-1** Vendor delay | medium | @cy | — | T-3 Index (todo) |',
      '| **R-4** Unmitigated | — | — | — | **none** |',
      '| **R-5** Staffing | — | — | — | Hire &lt;contractor&gt; \\| now |',
    ]);
  });

  it('counts problems by code, errors first', () => {
    const s = section(report, 'Problems by code');
    const rows = s.split('\n').filter((l) => /^\| [a-z]/.test(l));
    assert.deepEqual(rows, [
      '| ref.unknown | error | 2 |',
      '| resource.overallocated | warning | 1 |',
      '| schedule.goal-late | warning | 1 |',
      '| schedule.milestone-missed | warning | 1 |',
      '| schedule.overdue | warning | 1 |',
      '| trace.feature-no-goal | warning | 1 |',
      '| trace.task-no-feature | info | 1 |',
    ]);
  });

  it('accepts today as a date string', () => {
    const later = renderStatusReport(plan().build(), { today: '2027-03-05' });
    assert.match(later, /_As of 2027-03-05\._/);
    assert.ok(!section(later, 'Milestones in the next 14 days').includes('M-3'));
  });

  it('says "None" in every section of an empty workspace', () => {
    const empty = renderStatusReport(new AnalysisBuilder().build());
    assert.match(empty, /^# Status report\n/);
    assert.ok(empty.includes('- **Progress:** no planned work with a duration yet.'));
    for (const h of ['Overdue tasks', 'Milestones in the next 14 days', 'Over-allocated people', 'Open high risks', 'Budget', 'Goal metrics']) {
      assert.ok(section(empty, h).includes('None.'), h);
    }
  });

  it('escapes hostile user text and keeps table rows intact', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' });
    HOSTILE.forEach((h, i) => {
      b.goal(`G-${i}`, { title: h, horizon: '2027-Q1' });
      b.feature(`FEAT-${i}`, { title: h, goals: [`G-${i}`], owners: [`@${h}`] });
      b.task(`T-${i}`, { title: h, features: [`FEAT-${i}`], start: '2027-02-22', end: '2027-02-24', owners: [`@${h}`] });
      b.milestone(`M-${i}`, { title: h, date: '2027-03-05' });
      b.risk(`R-${i}`, { title: h, impact: 'high', mitigationText: h, owners: [h] });
      b.diagnostic({ code: 'schedule.goal-late', item: `FEAT-${i}`, message: h });
      b.diagnostic({ code: h.slice(0, 30), item: `T-${i}`, message: h });
    });
    for (const title of HOSTILE) {
      const md = renderStatusReport(b.build(), { title });
      assert.ok(!/<[a-z!/]/i.test(md), 'no raw HTML');
      // eslint-disable-next-line no-control-regex -- NUL must never reach the output.
      assert.ok(!/[\u2028\u2029\u0000]/.test(md));
      const heading = md.split('\n')[0];
      assert.match(heading, /^# [^#\n]/);
      for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
        const cells = line.replace(/\\\|/g, '').split('|').length - 2;
        assert.ok([3, 4, 5, 6].includes(cells), `row keeps its columns: ${line.slice(0, 100)}`);
      }
      assert.equal((md.match(/^- \*\*FEAT-\d+\*\*/gm) ?? []).length, HOSTILE.length, 'one slipped line per feature, no injected lines');
    }
  });
});
