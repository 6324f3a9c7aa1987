import assert from 'node:assert/strict';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import type { ScheduleInput, ScheduleTask } from '../../../src/core/schedule/types.js';
import { buildInput, day, run } from './helpers.js';
import type { TaskRow } from './helpers.js';

/** `T-1 < T-2` reads "T-1 is after T-2". */
function graph(...edges: string[]): TaskRow[] {
  const after = new Map<string, string[]>();
  for (const e of edges) {
    const [v, p] = e.split(' < ');
    if (!after.has(v)) after.set(v, []);
    if (!after.has(p)) after.set(p, []);
    after.get(v)?.push(p);
  }
  return [...after].map(([id, preds]) => ({ id, dur: '1d', after: preds.join(' ') }));
}

/** Each listed ID is after the one before it (and the first after the last), when the list is a cycle order. */
function assertCycleOrder(tasks: TaskRow[], ids: string[]): void {
  const afterOf = new Map(tasks.map((t) => [t.id, (t.after ?? '').split(' ')]));
  ids.forEach((id, i) => {
    const prev = ids[(i + ids.length - 1) % ids.length];
    assert.ok(afterOf.get(id)?.includes(prev), `${id} should be after ${prev} in ${ids.join(' > ')}`);
  });
}

describe('schedule(): cycles', () => {
  const cases: Array<{ name: string; tasks: TaskRow[]; cycles: string[]; simple?: boolean }> = [
    { name: 'self-loop', tasks: graph('T-1 < T-1'), cycles: ['schedule.cycle T-1'], simple: true },
    { name: '2-cycle', tasks: graph('T-1 < T-2', 'T-2 < T-1'), cycles: ['schedule.cycle T-1 > T-2'], simple: true },
    {
      name: '3-cycle listed in dependency order, from the smallest ID',
      tasks: graph('T-3 < T-2', 'T-1 < T-3', 'T-2 < T-1'),
      cycles: ['schedule.cycle T-1 > T-2 > T-3'],
      simple: true,
    },
    {
      name: '3-cycle the other way round',
      tasks: graph('T-2 < T-3', 'T-3 < T-1', 'T-1 < T-2'),
      cycles: ['schedule.cycle T-1 > T-3 > T-2'],
      simple: true,
    },
    {
      name: 'a cycle with a chord still lists the full simple cycle',
      tasks: graph('T-2 < T-1', 'T-3 < T-2', 'T-4 < T-3', 'T-1 < T-4', 'T-3 < T-1'),
      cycles: ['schedule.cycle T-1 > T-2 > T-3 > T-4'],
      simple: true,
    },
    {
      name: 'a simple cycle that a greedy walk would miss (A>B>A and A>C>B)',
      tasks: graph('B < A', 'A < B', 'C < A', 'B < C'),
      cycles: ['schedule.cycle A > C > B'],
      simple: true,
    },
    {
      name: 'a figure eight (no simple cycle through all): every member once',
      tasks: graph('B < A', 'A < B', 'C < A', 'A < C'),
      cycles: ['schedule.cycle A > B > C'],
    },
    {
      name: 'two separate cycles: two issues',
      tasks: graph('X-2 < X-1', 'X-1 < X-2', 'T-5 < T-6', 'T-6 < T-5'),
      cycles: ['schedule.cycle T-5 > T-6', 'schedule.cycle X-1 > X-2'],
      simple: true,
    },
    {
      name: 'string order: T-10 comes before T-9',
      tasks: graph('T-9 < T-10', 'T-10 < T-9'),
      cycles: ['schedule.cycle T-10 > T-9'],
      simple: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = run({ start: '2027-01-04', tasks: c.tasks });
      assert.deepEqual(out.issues, c.cycles);
      for (const t of c.tasks) assert.equal(out.dates[t.id], '-..-', `${t.id} is in a cycle`);
      if (c.simple) {
        for (const issue of out.result.issues) if (issue.code === 'schedule.cycle') assertCycleOrder(c.tasks, issue.ids);
      }
    });
  }

  it('a cycle with a tail: the tail before is scheduled, after it silently not, unless it has a start', () => {
    const out = run({
      start: '2027-01-04',
      tasks: [
        { id: 'T-0', dur: '5d' },
        { id: 'T-1', dur: '1d', after: 'T-0 T-3' },
        { id: 'T-2', dur: '1d', after: 'T-1' },
        { id: 'T-3', dur: '1d', after: 'T-2' },
        { id: 'T-4', dur: '1d', after: 'T-3' },
        { id: 'T-5', dur: '1d', after: 'T-4' },
        { id: 'T-6', dur: '2d', after: 'T-3', start: '2027-01-20' },
        { id: 'T-7', after: 'T-2' },
      ],
      milestones: [{ id: 'M-1', after: 'T-3' }],
    });
    assert.deepEqual(out.issues, ['schedule.cycle T-1 > T-2 > T-3', 'schedule.no-duration T-7']);
    assert.equal(out.dates['T-0'], '2027-01-04..2027-01-08');
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-7']) assert.equal(out.dates[id], '-..-', id);
    assert.equal(out.dates['M-1'], '-');
    assert.equal(out.dates['T-6'], '2027-01-20..2027-01-21');
  });

  it('a cycle through a milestone', () => {
    const out = run({
      start: '2027-01-04',
      tasks: [{ id: 'T-1', dur: '1d', after: 'M-1' }],
      milestones: [{ id: 'M-1', after: 'T-1' }, { id: 'M-2', date: '2027-01-04', after: 'M-1' }],
    });
    assert.deepEqual(out.issues, ['schedule.cycle M-1 > T-1']);
    assert.equal(out.dates['M-1'], '-');
    assert.equal(out.dates['M-2'], '2027-01-04', 'a dated milestone does not need its predecessors');
  });

  it('a cycle member without a duration is still reported as no-duration', () => {
    const out = run({ tasks: [{ id: 'T-1', after: 'T-2' }, { id: 'T-2', dur: '1d', after: 'T-1' }] });
    assert.deepEqual(out.issues, ['schedule.cycle T-1 > T-2', 'schedule.no-duration T-1']);
  });

  describe('no recursion, no hang', function () {
    // Generous: these take a fraction of a second, but CI machines can be busy.
    this.timeout(20_000);
    const N = 100_000;
    function big(after: (i: number) => string[]): ScheduleInput {
      const tasks: ScheduleTask[] = [];
      for (let i = 0; i < N; i++) tasks.push({ id: `T-${i}`, doc: 'plan.md', duration: { amount: 1, unit: 'd' }, after: after(i), owners: [] });
      return { ...buildInput({}), projectStart: day('2027-01-04'), tasks };
    }

    it('a 100,000-task chain', () => {
      const result = schedule(big((i) => (i === 0 ? [] : [`T-${i - 1}`])));
      assert.deepEqual(result.issues, []);
      assert.equal(result.tasks.get(`T-${N - 1}`)?.duration, 1);
      // 100,000 working days = 20,000 weeks after Monday 2027-01-04, ending on a Friday.
      assert.equal(result.tasks.get(`T-${N - 1}`)?.end, day('2027-01-04') + 20_000 * 7 - 3);
      assert.equal(result.tasks.get('T-0')?.critical, true);
    });

    it('a 100,000-task cycle', () => {
      const result = schedule(big((i) => [`T-${(i + N - 1) % N}`]));
      assert.equal(result.issues.length, 1);
      const issue = result.issues[0];
      assert.equal(issue.code, 'schedule.cycle');
      if (issue.code !== 'schedule.cycle') return;
      assert.equal(issue.ids.length, N);
      // From the smallest ID in string order ('T-0'), each after the previous.
      assert.equal(issue.ids[0], 'T-0');
      assert.equal(issue.ids[1], 'T-1');
      assert.equal(issue.ids[N - 1], `T-${N - 1}`);
    });
  });
});
