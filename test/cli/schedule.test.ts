import * as assert from 'node:assert/strict';
import { fixture, runCli } from './helpers.js';

describe('specline schedule', () => {
  // Worked out by hand from test/fixtures/cli/schedule: the project starts Monday 2027-01-04,
  // Monday 2027-01-18 is a holiday, weekends do not count.
  const expected = {
    version: 1,
    tasks: [
      // Mon 4 – Wed 6.
      { id: 'T-1', title: 'Design', start: '2027-01-04', end: '2027-01-06', duration: 3, critical: true, float: 0, owner: '@ana', cost: 0 },
      // Thu 7, Fri 8, Mon 11, Tue 12, Wed 13.
      { id: 'T-2', title: 'Build', start: '2027-01-07', end: '2027-01-13', duration: 5, critical: true, float: 0, owner: '@bo', cost: 0 },
      // Thu 7, Fri 8; may slip to Wed 13 (M-1) without delay: 3 working days of float.
      { id: 'T-3', title: 'Docs', start: '2027-01-07', end: '2027-01-08', duration: 2, critical: false, float: 3, owner: '@ana', cost: 0 },
      // Starts on Saturday 9: moved to Monday 11; ends Tue 12; the plan ends Thu 21: 13, 14, 15, 19, 20, 21 of float.
      { id: 'T-5', title: 'Security review', start: '2027-01-11', end: '2027-01-12', duration: 2, critical: false, float: 6, owner: '@cy, @dee', cost: 0 },
      // After M-1 (Wed 13): Thu 14, Fri 15, (weekend, holiday on Mon 18) Tue 19, Wed 20, Thu 21.
      { id: 'T-4', title: 'Launch', start: '2027-01-14', end: '2027-01-21', duration: 5, critical: true, float: 0, owner: '@bo', cost: 0 },
    ],
    milestones: [
      { id: 'M-1', title: 'Beta', date: '2027-01-13' },
      { id: 'M-2', title: 'General availability', date: '2027-02-01' },
    ],
    features: [
      { id: 'FEAT-1', start: '2027-01-04', end: '2027-01-21', traced: true, scheduled: true },
      { id: 'FEAT-2', start: null, end: null, traced: false, scheduled: false },
    ],
  };

  it('--format json prints the dates worked out by hand, tasks in source order', async () => {
    const run = await runCli(['schedule', fixture('schedule'), '--format', 'json', '--today', '2027-01-01']);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout) as typeof expected;
    assert.deepEqual(Object.keys(json), ['version', 'tasks', 'milestones', 'features']);
    for (const task of json.tasks) {
      // `cost` is 0 throughout: the fixture sets no rates and no fixed costs.
      assert.deepEqual(Object.keys(task), ['id', 'title', 'start', 'end', 'duration', 'critical', 'float', 'owner', 'cost']);
    }
    assert.deepEqual(json, expected);
  });

  it('limits the output to the PATHs, with dates computed on the whole workspace', async () => {
    const run = await runCli(['schedule', `${fixture('schedule')}/specs.md`, '--format', 'json']);
    const json = JSON.parse(run.stdout) as typeof expected;
    assert.deepEqual(json.tasks, []);
    assert.deepEqual(json.milestones, []);
    assert.deepEqual(json.features, expected.features);
  });

  it('--format text (the default) is a readable table', async () => {
    const run = await runCli(['schedule', fixture('schedule')]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Tasks/);
    assert.match(run.stdout, /^ {2}\* +T-1 +Design +2027-01-04 +2027-01-06 +3 +0 +@ana$/m);
    assert.match(run.stdout, /^ {2}M-2 +2027-02-01$/m);
    assert.match(run.stdout, /^ {2}FEAT-2 +— +— +no +no$/m);
  });

  it('rejects formats of other commands', async () => {
    const run = await runCli(['schedule', fixture('schedule'), '--format', 'sarif']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--format of schedule must be text or json/);
  });
});
