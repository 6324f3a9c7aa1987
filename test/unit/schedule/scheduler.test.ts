import assert from 'node:assert/strict';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import { buildInput, run } from './helpers.js';
import type { PlanSpec } from './helpers.js';

// January 2027: Fri 1, Sat 2, Sun 3, Mon 4 … Fri 8, Sat 9, Sun 10, Mon 11 … Fri 15,
// Mon 18 … Fri 22, Mon 25 … Fri 29; Mon 1 February.

interface Case {
  name: string;
  plan: PlanSpec;
  /** Task → `start..end`, milestone → date; only the listed ones are checked. */
  dates: Record<string, string>;
  /** Every issue, in order (see helpers.issueText). */
  issues?: string[];
  /** startFrom of listed tasks. */
  from?: Record<string, string | undefined>;
}

function check(c: Case): void {
  const out = run(c.plan);
  const dates: Record<string, string> = {};
  for (const id of Object.keys(c.dates)) dates[id] = out.dates[id];
  assert.deepEqual(dates, c.dates);
  assert.deepEqual(out.issues, c.issues ?? []);
  for (const [id, from] of Object.entries(c.from ?? {})) assert.equal(out.result.tasks.get(id)?.startFrom, from, `startFrom of ${id}`);
}

function table(cases: Case[]): void {
  for (const c of cases) it(c.name, () => check(c));
}

describe('schedule()', () => {
  describe('start: explicit, after, plan, project', () => {
    table([
      {
        name: 'duration from the project start',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '5d' }] },
        dates: { 'T-1': '2027-01-04..2027-01-08' },
        from: { 'T-1': 'project' },
      },
      {
        name: 'a project start on Saturday moves to Monday',
        plan: { start: '2027-01-02', tasks: [{ id: 'T-1', dur: '1d' }] },
        dates: { 'T-1': '2027-01-04..2027-01-04' },
      },
      {
        name: 'an explicit start on Sunday moves to Monday',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-10', dur: '2d' }] },
        dates: { 'T-1': '2027-01-11..2027-01-12' },
        from: { 'T-1': 'start' },
      },
      {
        name: 'weeks of working days (2w = 10 days)',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '2w' }] },
        dates: { 'T-1': '2027-01-04..2027-01-15' },
      },
      {
        name: 'a holiday on a weekday lengthens the task, one on a weekend does not',
        plan: {
          start: '2027-01-04',
          holidays: ['2027-01-06', '2027-01-16'],
          tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', dur: '10d' }],
        },
        dates: { 'T-1': '2027-01-04..2027-01-11', 'T-2': '2027-01-04..2027-01-18' },
      },
      {
        name: 'a successor starts on the first working day after its predecessor ends',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', dur: '3d', after: 'T-1' }] },
        dates: { 'T-1': '2027-01-04..2027-01-08', 'T-2': '2027-01-11..2027-01-13' },
        from: { 'T-2': 'after' },
      },
      {
        name: 'multiple predecessors: the latest end wins',
        plan: {
          start: '2027-01-04',
          tasks: [
            { id: 'T-1', dur: '5d' },
            { id: 'T-2', dur: '2d' },
            { id: 'T-3', dur: '1d', after: 'T-2 T-1' },
            { id: 'T-4', dur: '1d', after: 'T-2' },
          ],
        },
        dates: { 'T-3': '2027-01-11..2027-01-11', 'T-4': '2027-01-06..2027-01-06' },
      },
      {
        name: 'the same predecessor listed twice',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '2d' }, { id: 'T-2', dur: '1d', after: 'T-1 T-1' }, { id: 'T-3', dur: '1d', after: 'T-2' }] },
        dates: { 'T-2': '2027-01-06..2027-01-06', 'T-3': '2027-01-07..2027-01-07' },
      },
      {
        name: 'the plan start beats the project start',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '1d', plan: '2027-02-01' }, { id: 'T-2', dur: '1d' }] },
        dates: { 'T-1': '2027-02-01..2027-02-01', 'T-2': '2027-01-04..2027-01-04' },
        from: { 'T-1': 'plan', 'T-2': 'project' },
      },
      {
        name: 'a plan start on a weekend moves to Monday',
        plan: { tasks: [{ id: 'T-1', dur: '1d', plan: '2027-01-30' }] },
        dates: { 'T-1': '2027-02-01..2027-02-01' },
      },
      {
        name: '`after` beats the plan start, even an earlier predecessor (the start precedence of docs/format.md#task-dates)',
        plan: {
          start: '2027-01-04',
          tasks: [{ id: 'T-1', dur: '1d' }, { id: 'T-2', dur: '1d', after: 'T-1', plan: '2027-02-01' }],
        },
        dates: { 'T-2': '2027-01-05..2027-01-05' },
        from: { 'T-2': 'after' },
      },
      {
        name: 'an explicit start beats everything',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '1d', start: '2027-01-20', plan: '2027-02-01' }] },
        dates: { 'T-1': '2027-01-20..2027-01-20' },
      },
      {
        name: 'unknown `after` IDs are ignored',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '1d', after: 'T-99 M-99' }] },
        dates: { 'T-1': '2027-01-04..2027-01-04' },
        from: { 'T-1': 'project' },
      },
      {
        name: 'each task uses its own calendar (Sun–Thu); an unknown calendar key means the project calendar',
        plan: {
          calendars: { gulf: { workdays: [0, 1, 2, 3, 4] } },
          tasks: [
            { id: 'T-1', cal: 'gulf', start: '2027-01-08', dur: '5d' },
            { id: 'T-2', cal: 'nope', start: '2027-01-08', dur: '5d' },
            { id: 'T-3', cal: 'gulf', dur: '1d', after: 'T-2' },
          ],
        },
        dates: { 'T-1': '2027-01-10..2027-01-14', 'T-2': '2027-01-08..2027-01-14', 'T-3': '2027-01-17..2027-01-17' },
      },
    ]);
  });

  describe('end: explicit end, backward placement, overspecified', () => {
    table([
      {
        name: 'start + end gives the duration',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-04', end: '2027-01-12' }] },
        dates: { 'T-1': '2027-01-04..2027-01-12' },
      },
      {
        name: 'an end on Sunday moves back to Friday',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-04', end: '2027-01-10' }] },
        dates: { 'T-1': '2027-01-04..2027-01-08' },
      },
      {
        name: 'end + duration without a start: placed to end on the end',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', end: '2027-01-15', dur: '5d' }] },
        dates: { 'T-1': '2027-01-11..2027-01-15' },
        from: { 'T-1': 'end' },
      },
      {
        name: 'backward placement from a Sunday end, across a holiday',
        plan: { holidays: ['2027-01-14'], tasks: [{ id: 'T-1', end: '2027-01-17', dur: '3d' }] },
        dates: { 'T-1': '2027-01-12..2027-01-15' },
      },
      {
        name: 'backward placement in weeks',
        plan: { tasks: [{ id: 'T-1', end: '2027-01-15', dur: '1w' }] },
        dates: { 'T-1': '2027-01-11..2027-01-15' },
      },
      {
        name: 'start + end + duration that disagree: reported, start and end kept',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-04', end: '2027-01-08', dur: '3d' }] },
        dates: { 'T-1': '2027-01-04..2027-01-08' },
        issues: ['schedule.overspecified T-1 mismatch expected 3 actual 5'],
      },
      {
        name: 'start + end + duration that agree: no issue',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-04', end: '2027-01-11', dur: '6d' }] },
        dates: { 'T-1': '2027-01-04..2027-01-11' },
      },
      {
        name: 'end before start: reported, the task keeps its start and has no end',
        plan: {
          tasks: [
            { id: 'T-1', start: '2027-01-11', end: '2027-01-08' },
            { id: 'T-2', start: '2027-01-11', end: '2027-01-08', dur: '2d' },
            { id: 'T-3', dur: '1d', after: 'T-1' },
          ],
        },
        dates: { 'T-1': '2027-01-11..-', 'T-2': '2027-01-11..-', 'T-3': '-..-' },
        issues: [
          'schedule.overspecified T-1 end-before-start expected 0 actual 0',
          'schedule.overspecified T-2 end-before-start expected 2 actual 0',
        ],
      },
      {
        name: 'start and end on the same weekend: end-before-start',
        plan: { tasks: [{ id: 'T-1', start: '2027-01-09', end: '2027-01-10' }] },
        dates: { 'T-1': '2027-01-11..-' },
        issues: ['schedule.overspecified T-1 end-before-start expected 0 actual 0'],
      },
      {
        name: 'an end before an `after`-derived start',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', after: 'T-1', end: '2027-01-06' }] },
        dates: { 'T-2': '2027-01-11..-' },
        issues: ['schedule.overspecified T-2 end-before-start expected 0 actual 0'],
      },
      {
        name: 'an end without a duration, start from `after`',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', after: 'T-1', end: '2027-01-20' }] },
        dates: { 'T-2': '2027-01-11..2027-01-20' },
      },
    ]);
    it('reports the occupied working days as duration', () => {
      const out = run({ tasks: [{ id: 'T-1', start: '2027-01-07', dur: '4d' }, { id: 'T-2', start: '2027-01-04', end: '2027-01-17' }] });
      assert.equal(out.result.tasks.get('T-1')?.duration, 4);
      assert.equal(out.result.tasks.get('T-2')?.duration, 10);
    });
  });

  describe('dependency-violated', () => {
    const base = { id: 'T-1', start: '2027-01-04', dur: '5d' }; // Mon 4 … Fri 8
    table([
      {
        name: 'an explicit start before the predecessor ends is kept and reported',
        plan: { tasks: [base, { id: 'T-2', start: '2027-01-06', dur: '2d', after: 'T-1' }] },
        dates: { 'T-2': '2027-01-06..2027-01-07' },
        issues: ['schedule.dependency-violated T-2 start 2027-01-06 <= T-1 end 2027-01-08'],
      },
      {
        name: 'starting on the day the predecessor ends is a violation (finish-to-start)',
        plan: { tasks: [base, { id: 'T-2', start: '2027-01-08', dur: '1d', after: 'T-1' }] },
        dates: { 'T-2': '2027-01-08..2027-01-08' },
        issues: ['schedule.dependency-violated T-2 start 2027-01-08 <= T-1 end 2027-01-08'],
      },
      {
        name: 'a start on the weekend after the predecessor moves to Monday: fine',
        plan: { tasks: [base, { id: 'T-2', start: '2027-01-09', dur: '1d', after: 'T-1' }] },
        dates: { 'T-2': '2027-01-11..2027-01-11' },
      },
      {
        name: 'the predecessor named is the one that ends last',
        plan: {
          tasks: [
            base,
            { id: 'T-0', start: '2027-01-04', dur: '7d' },
            { id: 'T-2', start: '2027-01-06', dur: '1d', after: 'T-1 T-0' },
          ],
        },
        dates: { 'T-2': '2027-01-06..2027-01-06' },
        issues: ['schedule.dependency-violated T-2 start 2027-01-06 <= T-0 end 2027-01-12'],
      },
      {
        name: 'on a tie, the first predecessor in `after` order is named',
        plan: {
          tasks: [base, { id: 'T-0', start: '2027-01-08', dur: '1d' }, { id: 'T-2', start: '2027-01-06', dur: '1d', after: 'T-1 T-0' }],
        },
        dates: {},
        issues: ['schedule.dependency-violated T-2 start 2027-01-06 <= T-1 end 2027-01-08'],
      },
      {
        name: 'backward placement that starts before the predecessor ends',
        plan: { tasks: [base, { id: 'T-2', end: '2027-01-12', dur: '3d', after: 'T-1' }] },
        dates: { 'T-2': '2027-01-08..2027-01-12' },
        issues: ['schedule.dependency-violated T-2 start 2027-01-08 <= T-1 end 2027-01-08'],
      },
      {
        name: 'backward placement that fits after the predecessor',
        plan: { tasks: [base, { id: 'T-2', end: '2027-01-13', dur: '3d', after: 'T-1' }] },
        dates: { 'T-2': '2027-01-11..2027-01-13' },
      },
      {
        name: 'an unscheduled predecessor does not block an explicit start (nor is it a violation)',
        plan: { tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', start: '2027-01-06', dur: '1d', after: 'T-1' }] },
        dates: { 'T-1': '-..-', 'T-2': '2027-01-06..2027-01-06' },
        issues: ['schedule.unscheduled T-1'],
      },
    ]);
  });

  describe('no-duration and unscheduled', () => {
    table([
      {
        name: 'no duration and no end: a start, no end, reported; successors silently unscheduled',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1' }, { id: 'T-2', dur: '1d', after: 'T-1' }, { id: 'T-3', dur: '1d', after: 'T-2' }] },
        dates: { 'T-1': '2027-01-04..-', 'T-2': '-..-', 'T-3': '-..-' },
        issues: ['schedule.no-duration T-1'],
      },
      {
        name: 'no-duration is reported even when the start is unknown',
        plan: { tasks: [{ id: 'T-1' }] },
        dates: { 'T-1': '-..-' },
        issues: ['schedule.no-duration T-1', 'schedule.unscheduled T-1'],
      },
      {
        name: 'a duration that is not a positive whole number counts as none',
        plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '0d' }, { id: 'T-2', dur: '1.5d' }, { id: 'T-3', dur: '1.5w' }] },
        dates: { 'T-1': '2027-01-04..-', 'T-2': '2027-01-04..-', 'T-3': '2027-01-04..-' },
        issues: ['schedule.no-duration T-1', 'schedule.no-duration T-2', 'schedule.no-duration T-3'],
      },
      {
        name: 'no start anywhere: unscheduled, reported once at the root',
        plan: { tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', dur: '1d', after: 'T-1' }, { id: 'T-3', dur: '1d', after: 'T-2 T-1' }] },
        dates: { 'T-1': '-..-', 'T-2': '-..-', 'T-3': '-..-' },
        issues: ['schedule.unscheduled T-1'],
        from: { 'T-1': undefined, 'T-2': undefined },
      },
      {
        name: 'one unknown predecessor is enough to make an `after` start unknown',
        plan: {
          start: '2027-01-04',
          tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2' }, { id: 'T-3', dur: '1d', after: 'T-1 T-2' }],
        },
        dates: { 'T-1': '2027-01-04..2027-01-08', 'T-3': '-..-' },
        issues: ['schedule.no-duration T-2'],
      },
      {
        name: 'only unknown `after` IDs and no default start: unscheduled',
        plan: { tasks: [{ id: 'T-1', dur: '5d', after: 'T-99' }] },
        dates: { 'T-1': '-..-' },
        issues: ['schedule.unscheduled T-1'],
      },
      {
        name: 'downstream of an unscheduled task, an explicit start still schedules',
        plan: { tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', dur: '2d', after: 'T-1', start: '2027-01-04' }, { id: 'T-3', dur: '1d', after: 'T-2' }] },
        dates: { 'T-2': '2027-01-04..2027-01-05', 'T-3': '2027-01-06..2027-01-06' },
        issues: ['schedule.unscheduled T-1'],
      },
    ]);
  });

  describe('milestones', () => {
    const tasks = [
      { id: 'T-1', start: '2027-01-04', dur: '5d' }, // … Fri 8
      { id: 'T-2', start: '2027-01-04', dur: '7d' }, // … Tue 12
    ];
    table([
      {
        name: 'a dated milestone keeps its date; its successor starts the next working day',
        plan: { tasks: [{ id: 'T-3', dur: '1d', after: 'M-1' }], milestones: [{ id: 'M-1', date: '2027-01-20' }] },
        dates: { 'M-1': '2027-01-20', 'T-3': '2027-01-21..2027-01-21' },
      },
      {
        name: 'a milestone on a Saturday: not moved, successor starts Monday',
        plan: { tasks: [{ id: 'T-3', dur: '1d', after: 'M-1' }], milestones: [{ id: 'M-1', date: '2027-01-09' }] },
        dates: { 'M-1': '2027-01-09', 'T-3': '2027-01-11..2027-01-11' },
      },
      {
        name: 'a milestone on a Friday: successor starts Monday',
        plan: { tasks: [{ id: 'T-3', dur: '1d', after: 'M-1' }], milestones: [{ id: 'M-1', date: '2027-01-08' }] },
        dates: { 'T-3': '2027-01-11..2027-01-11' },
      },
      {
        name: 'a derived milestone is the latest end of its predecessors',
        plan: { tasks: [...tasks, { id: 'T-3', dur: '2d', after: 'M-1' }], milestones: [{ id: 'M-1', after: 'T-1 T-2' }] },
        dates: { 'M-1': '2027-01-12', 'T-3': '2027-01-13..2027-01-14' },
      },
      {
        name: 'a milestone after a milestone',
        plan: { tasks, milestones: [{ id: 'M-1', after: 'T-1' }, { id: 'M-2', after: 'M-1' }] },
        dates: { 'M-1': '2027-01-08', 'M-2': '2027-01-08' },
      },
      {
        name: 'a dated milestone before its predecessor ends: kept and reported',
        plan: { tasks, milestones: [{ id: 'M-1', date: '2027-01-11', after: 'T-1 T-2' }] },
        dates: { 'M-1': '2027-01-11' },
        issues: ['schedule.dependency-violated M-1 start 2027-01-11 <= T-2 end 2027-01-12'],
      },
      {
        name: 'a dated milestone on the day its predecessor ends: fine',
        plan: { tasks, milestones: [{ id: 'M-1', date: '2027-01-12', after: 'T-1 T-2' }] },
        dates: { 'M-1': '2027-01-12' },
      },
      {
        name: 'a milestone with neither date nor predecessor is unscheduled',
        plan: { milestones: [{ id: 'M-1' }, { id: 'M-2', after: 'M-99' }] },
        dates: { 'M-1': '-', 'M-2': '-' },
        issues: ['schedule.unscheduled M-1', 'schedule.unscheduled M-2'],
      },
      {
        name: 'a milestone after an unscheduled task: no date, no issue of its own',
        plan: { tasks: [{ id: 'T-1', dur: '1d' }], milestones: [{ id: 'M-1', after: 'T-1' }] },
        dates: { 'M-1': '-' },
        issues: ['schedule.unscheduled T-1'],
      },
      {
        name: 'a task can be after a milestone declared after it',
        plan: { tasks: [{ id: 'T-9', dur: '1d', after: 'M-1' }, ...tasks], milestones: [{ id: 'M-1', after: 'T-1' }] },
        dates: { 'T-9': '2027-01-11..2027-01-11' },
      },
    ]);
  });

  describe('output', () => {
    it('lists every task and milestone, scheduled or not, in input order', () => {
      const out = run({ tasks: [{ id: 'T-2', dur: '1d' }, { id: 'T-1', start: '2027-01-04', dur: '1d' }], milestones: [{ id: 'M-1' }] });
      assert.deepEqual([...out.result.tasks.keys()], ['T-2', 'T-1']);
      assert.deepEqual([...out.result.milestones.keys()], ['M-1']);
      assert.deepEqual(out.result.tasks.get('T-2'), {
        id: 'T-2', start: undefined, end: undefined, duration: undefined, float: undefined, critical: false, startFrom: undefined,
      });
    });

    it('sorts issues by code, then ID', () => {
      const out = run({
        tasks: [
          { id: 'T-9' },
          { id: 'T-3', dur: '1d' },
          { id: 'T-1', dur: '1d', after: 'T-2' },
          { id: 'T-2', dur: '1d', after: 'T-1' },
          { id: 'T-4', start: '2027-01-04', end: '2027-01-04', dur: '2d', owners: '@b' },
          { id: 'T-5', start: '2027-01-04', dur: '1d', owners: '@b' },
        ],
      });
      assert.deepEqual(out.issues, [
        'resource.overallocated @b cap 100 2027-01-04..2027-01-04@200 tasks T-4 T-5',
        'schedule.cycle T-1 > T-2',
        'schedule.no-duration T-9',
        'schedule.overspecified T-4 mismatch expected 2 actual 1',
        'schedule.unscheduled T-3',
        'schedule.unscheduled T-9',
      ]);
    });

    it('schedules an ID defined twice from its first definition', () => {
      const out = run({ start: '2027-01-04', tasks: [{ id: 'T-1', dur: '2d' }, { id: 'T-1', dur: '9d' }], milestones: [{ id: 'T-1', date: '2027-03-01' }] });
      assert.equal(out.dates['T-1'], '2027-01-04..2027-01-05');
      assert.equal(out.result.tasks.size, 1);
      assert.equal(out.result.milestones.size, 0);
    });

    it('is pure: the same input gives the same result, and the input is not changed', () => {
      const input = buildInput({
        start: '2027-01-04',
        tasks: [{ id: 'T-1', dur: '3d', owners: '@a' }, { id: 'T-2', dur: '2d', after: 'T-1', owners: '@a' }, { id: 'T-3', dur: '2d', owners: '@a' }],
      });
      const before = JSON.stringify(input, (_k, v: unknown) => (v instanceof Map ? [...v] : v));
      const a = schedule(input);
      const b = schedule(input);
      assert.deepEqual([...a.tasks], [...b.tasks]);
      assert.deepEqual(a.issues, b.issues);
      assert.deepEqual([...a.load], [...b.load]);
      assert.equal(JSON.stringify(input, (_k, v: unknown) => (v instanceof Map ? [...v] : v)), before);
    });

    it('an empty plan schedules nothing and reports nothing', () => {
      const out = run({});
      assert.equal(out.result.tasks.size, 0);
      assert.deepEqual(out.issues, []);
      assert.equal(out.result.load.size, 0);
    });
  });
});
