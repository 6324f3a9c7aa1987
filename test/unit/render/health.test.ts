import assert from 'node:assert/strict';
import { createHealthContext, featureHealth } from '../../../src/core/render/health.js';
import { AnalysisBuilder } from './analysisBuilder.js';

describe('featureHealth', () => {
  // Today is Monday 2027-03-01. G-1's horizon 2027-Q1 ends Wednesday 2027-03-31.
  const a = new AnalysisBuilder({ today: '2027-03-01' })
    .goal('G-0', { horizon: '2026-Q4' })
    .goal('G-1', { horizon: '2027-Q1' })
    .goal('G-2', { horizon: 'now' })
    .feature('FEAT-1', { goals: ['G-1'] })
    .task('T-1', { features: ['FEAT-1'], start: '2027-03-29', end: '2027-04-05' })
    .feature('FEAT-2', { goals: ['G-1'] })
    .task('T-2', { features: ['FEAT-2'], start: '2027-03-22', end: '2027-03-26' })
    .feature('FEAT-3', { goals: ['G-1'] })
    .task('T-3', { features: ['FEAT-3'], start: '2027-03-22', end: '2027-03-24' })
    .feature('FEAT-4', { goals: ['G-1'] })
    .task('T-4', { features: ['FEAT-4'], start: '2027-03-22', end: '2027-03-23' })
    .feature('FEAT-5', { goals: ['G-2'] })
    .task('T-5', { features: ['FEAT-5'], start: '2027-02-22', end: '2027-02-26', status: 'in-progress' })
    .task('T-5.1', { features: ['FEAT-5'], start: '2027-03-01', end: '2027-03-10' })
    .feature('FEAT-6')
    .task('T-6', { features: ['FEAT-6'], start: '2027-03-01', end: '2027-03-10', status: 'blocked' })
    .feature('FEAT-7', { status: 'done' })
    .task('T-7', { features: ['FEAT-7'], start: '2027-03-29', end: '2027-04-30' })
    .feature('FEAT-8', { target: '2027-03-10' })
    .task('T-8', { features: ['FEAT-8'], start: '2027-03-08', end: '2027-03-12' })
    .feature('FEAT-9')
    .feature('FEAT-10', { goals: ['G-1'] })
    .feature('FEAT-11', { goals: ['G-0'] })
    .feature('FEAT-12', { status: 'dropped', goals: ['G-1'] })
    .feature('FEAT-13')
    .task('T-13', { features: ['FEAT-13'], start: '2027-01-04', end: '2027-01-08', status: 'done' })
    .task('T-13.1', { features: ['FEAT-13'], status: 'dropped' })
    .feature('FEAT-14', { goals: ['G-2'] })
    .task('T-14', { features: ['FEAT-14'], start: '2027-03-01', end: '2027-03-05' })
    .build();
  const ctx = createHealthContext(a);
  const h = (id: string) => featureHealth(a, id, ctx);

  it('is late when the scheduled end is after the goal deadline', () => {
    assert.equal(h('FEAT-1').level, 'late');
    assert.deepEqual(h('FEAT-1').reasons, ["ends 2027-04-05, 3 working days after G-1's deadline 2027-03-31"]);
    assert.equal(h('FEAT-1').slack, -3);
    assert.equal(h('FEAT-1').label, 'Late');
  });

  it('is late against its own target', () => {
    assert.equal(h('FEAT-8').level, 'late');
    assert.equal(h('FEAT-8').deadlineFrom, 'FEAT-8');
    assert.match(h('FEAT-8').reasons[0], /after its target 2027-03-10/);
  });

  it('is at risk within 5 working days of the deadline, on track beyond', () => {
    assert.equal(h('FEAT-2').level, 'at-risk');
    assert.equal(h('FEAT-2').slack, 3);
    assert.equal(h('FEAT-3').level, 'at-risk', 'exactly 5 working days');
    assert.equal(h('FEAT-3').slack, 5);
    assert.equal(h('FEAT-4').level, 'on-track', '6 working days');
    assert.equal(h('FEAT-4').label, 'On track');
  });

  it('is at risk with overdue or blocked tasks', () => {
    assert.equal(h('FEAT-5').level, 'at-risk');
    assert.deepEqual(h('FEAT-5').reasons, ['task T-5 is overdue']);
    assert.equal(h('FEAT-6').level, 'at-risk');
    assert.deepEqual(h('FEAT-6').reasons, ['task T-6 is blocked']);
  });

  it('handles features without schedule, closed features and a reported goal-late', () => {
    assert.equal(h('FEAT-7').level, 'done');
    assert.equal(h('FEAT-13').level, 'done', 'every task done or dropped');
    assert.equal(h('FEAT-9').level, 'unplanned');
    assert.equal(h('FEAT-10').level, 'at-risk');
    assert.match(h('FEAT-10').reasons[0], /no scheduled task before G-1's deadline 2027-03-31/);
    assert.equal(h('FEAT-11').level, 'late', 'the deadline has passed with nothing scheduled');
    assert.equal(h('FEAT-12').level, 'dropped');
    assert.equal(h('FEAT-14').level, 'on-track');
    const reported = new AnalysisBuilder().feature('FEAT-1').task('T-1', { features: ['FEAT-1'], start: '2027-01-04', end: '2027-01-05' })
      .diagnostic({ code: 'schedule.goal-late', item: 'FEAT-1' }).build();
    assert.equal(featureHealth(reported, 'FEAT-1').level, 'late');
    assert.equal(featureHealth(reported, 'FEAT-404').level, 'unplanned');
  });

  it('names at most three tasks', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01' }).feature('FEAT-1');
    for (let i = 1; i <= 5; i++) b.task(`T-${i}`, { features: ['FEAT-1'], start: '2027-02-01', end: '2027-02-02' });
    assert.deepEqual(featureHealth(b.build(), 'FEAT-1').reasons, ['tasks T-1, T-2, T-3 and 2 more are overdue']);
  });

  it('counts holidays as non-working days', () => {
    const b = new AnalysisBuilder({ today: '2027-03-01', holidays: ['2027-03-29', '2027-03-30'] })
      .goal('G-1', { horizon: '2027-Q1' })
      .feature('FEAT-1', { goals: ['G-1'] })
      .task('T-1', { features: ['FEAT-1'], start: '2027-03-15', end: '2027-03-22' })
      .build();
    // Working days after Mon 22: 23, 24, 25, 26, (29, 30 holidays), 31 = 5 → at risk.
    assert.equal(featureHealth(b, 'FEAT-1').slack, 5);
    assert.equal(featureHealth(b, 'FEAT-1').level, 'at-risk');
  });
});
