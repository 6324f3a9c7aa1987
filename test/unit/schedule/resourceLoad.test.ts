import assert from 'node:assert/strict';
import type { DayNumber } from '../../../src/core/model/types.js';
import { WorkCalendar } from '../../../src/core/schedule/calendar.js';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import type { ScheduleInput } from '../../../src/core/schedule/types.js';
import { buildInput, day, iso, prng, randInt, run } from './helpers.js';
import type { PlanSpec, TaskRow } from './helpers.js';

/** Load runs of one owner as `from..to@load[tasks]`. */
function runs(plan: PlanSpec, owner: string): string[] {
  const load = run(plan).result.load.get(owner);
  assert.ok(load, `no load for ${owner}`);
  return load.map((r) => `${iso(r.from)}..${iso(r.to)}@${r.load}[${r.tasks.join(' ')}]`);
}

const week = (id: string, extra: Partial<TaskRow> = {}): TaskRow => ({ id, start: '2027-01-04', dur: '5d', owners: '@ana', ...extra });

describe('schedule(): resource load', () => {
  describe('over-allocation', () => {
    const cases: Array<{ name: string; plan: PlanSpec; issues: string[] }> = [
      {
        name: '50% + 50% is exactly full: fine',
        plan: { tasks: [week('T-1', { alloc: 50 }), week('T-2', { alloc: 50 })] },
        issues: [],
      },
      {
        name: '60% + 50% is over',
        plan: { tasks: [week('T-1', { alloc: 60 }), week('T-2', { alloc: 50 })] },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-08@110 tasks T-1 T-2'],
      },
      {
        name: '33.3% + 33.3% + 33.4% is exactly full (no rounding drift)',
        plan: { tasks: [week('T-1', { alloc: 33.3 }), week('T-2', { alloc: 33.3 }), week('T-3', { alloc: 33.4 })] },
        issues: [],
      },
      {
        name: 'two full-time tasks overlapping on two days',
        plan: {
          tasks: [
            week('T-1'), // Mon 4 – Fri 8
            { id: 'T-2', start: '2027-01-07', dur: '4d', owners: '@ana' }, // Thu 7 – Tue 12
            { id: 'T-3', start: '2027-01-18', dur: '1d', owners: '@ana' }, // alone: not listed
          ],
        },
        issues: ['resource.overallocated @ana cap 100 2027-01-07..2027-01-08@200 tasks T-1 T-2'],
      },
      {
        name: 'an over-allocation across a weekend at the same load is one range',
        plan: { tasks: [week('T-1', { dur: '10d' }), week('T-2', { dur: '10d' })] },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-15@200 tasks T-1 T-2'],
      },
      {
        name: '…even when the tasks change over the weekend',
        plan: { tasks: [week('T-1', { dur: '10d' }), week('T-2'), { id: 'T-3', start: '2027-01-11', dur: '5d', owners: '@ana' }] },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-15@200 tasks T-1 T-2 T-3'],
      },
      {
        name: 'a different load on either side of the weekend: two ranges',
        plan: { tasks: [week('T-1', { dur: '10d' }), week('T-2', { dur: '10d' }), week('T-3')] },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-08@300 2027-01-11..2027-01-15@200 tasks T-1 T-2 T-3'],
      },
      {
        name: 'a working day within capacity splits the ranges',
        plan: {
          tasks: [
            week('T-1'),
            { id: 'T-2', start: '2027-01-04', dur: '2d', owners: '@ana' },
            { id: 'T-3', start: '2027-01-07', dur: '2d', owners: '@ana' },
          ],
        },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-05@200 2027-01-07..2027-01-08@200 tasks T-1 T-2 T-3'],
      },
      {
        name: 'a holiday between two over-allocated weeks is bridged like a weekend',
        plan: { holidays: ['2027-01-11'], tasks: [week('T-1', { dur: '9d' }), week('T-2', { dur: '9d' })] },
        issues: ['resource.overallocated @ana cap 100 2027-01-04..2027-01-15@200 tasks T-1 T-2'],
      },
      {
        name: 'an owner\'s capacity overrides the default',
        plan: { owners: { '@ana': 50 }, tasks: [week('T-1'), week('T-2', { owners: '@bob' })] },
        issues: ['resource.overallocated @ana cap 50 2027-01-04..2027-01-08@100 tasks T-1'],
      },
      {
        name: 'a default capacity above 100%',
        plan: { capacity: 150, tasks: [week('T-1'), week('T-2', { alloc: 40 }), week('T-3', { owners: '@bob', alloc: 160 })] },
        issues: ['resource.overallocated @bob cap 150 2027-01-04..2027-01-08@160 tasks T-3'],
      },
      {
        name: 'owners are counted separately; a task with two owners loads both',
        plan: { tasks: [week('T-1', { owners: '@ana @bob' }), week('T-2', { owners: '@bob' }), week('T-3', { owners: '@cy' })] },
        issues: ['resource.overallocated @bob cap 100 2027-01-04..2027-01-08@200 tasks T-1 T-2'],
      },
      {
        name: 'an owner written twice on one task counts once',
        plan: { tasks: [week('T-1', { owners: '@ana @ana' })] },
        issues: [],
      },
      {
        name: 'tasks without an end do not load anyone',
        plan: { tasks: [week('T-1'), { id: 'T-2', start: '2027-01-04', owners: '@ana' }, { id: 'T-3', dur: '5d', owners: '@ana' }] },
        issues: ['schedule.no-duration T-2', 'schedule.unscheduled T-3'],
      },
      {
        name: 'one issue per owner, sorted by owner',
        plan: { tasks: [week('T-1', { owners: '@zoe' }), week('T-2', { owners: '@zoe' }), week('T-3', { owners: '@al' }), week('T-4', { owners: '@al' })] },
        issues: [
          'resource.overallocated @al cap 100 2027-01-04..2027-01-08@200 tasks T-3 T-4',
          'resource.overallocated @zoe cap 100 2027-01-04..2027-01-08@200 tasks T-1 T-2',
        ],
      },
      {
        name: 'tasks on different calendars overlap only on days both work',
        plan: {
          calendars: { gulf: { workdays: [0, 1, 2, 3, 4] } },
          tasks: [
            { id: 'T-1', start: '2027-01-04', end: '2027-01-15', owners: '@ana' }, // Mon–Fri
            { id: 'T-2', cal: 'gulf', start: '2027-01-10', end: '2027-01-10', owners: '@ana' }, // Sunday only
            { id: 'T-3', cal: 'gulf', start: '2027-01-13', end: '2027-01-14', owners: '@ana' }, // Wed–Thu
          ],
        },
        issues: ['resource.overallocated @ana cap 100 2027-01-13..2027-01-14@200 tasks T-1 T-3'],
      },
    ];
    for (const c of cases) it(c.name, () => assert.deepEqual(run(c.plan).issues, c.issues));
  });

  describe('load runs', () => {
    it('split at weekends and where the working tasks change', () => {
      const plan: PlanSpec = {
        tasks: [
          { id: 'T-1', start: '2027-01-04', dur: '7d', owners: '@ana', alloc: 50 }, // Mon 4 – Tue 12
          { id: 'T-2', start: '2027-01-06', dur: '2d', owners: '@ana', alloc: 50 }, // Wed 6 – Thu 7
        ],
      };
      assert.deepEqual(runs(plan, '@ana'), [
        '2027-01-04..2027-01-05@50[T-1]',
        '2027-01-06..2027-01-07@100[T-1 T-2]',
        '2027-01-08..2027-01-08@50[T-1]',
        '2027-01-11..2027-01-12@50[T-1]',
      ]);
    });

    it('skip holidays', () => {
      assert.deepEqual(runs({ holidays: ['2027-01-06'], tasks: [week('T-1')] }, '@ana'), [
        '2027-01-04..2027-01-05@100[T-1]',
        '2027-01-07..2027-01-08@100[T-1]',
        '2027-01-11..2027-01-11@100[T-1]',
      ]);
    });

    it('on mixed calendars, a day counts for the tasks whose calendar works that day', () => {
      const plan: PlanSpec = {
        calendars: { gulf: { workdays: [0, 1, 2, 3, 4] } },
        tasks: [
          { id: 'T-1', start: '2027-01-04', end: '2027-01-08', owners: '@ana', alloc: 50 }, // Mon–Fri
          { id: 'T-2', cal: 'gulf', start: '2027-01-03', end: '2027-01-10', owners: '@ana', alloc: 50 }, // Sun 3 – Sun 10, not Fri/Sat
        ],
      };
      assert.deepEqual(runs(plan, '@ana'), [
        '2027-01-03..2027-01-03@50[T-2]',
        '2027-01-04..2027-01-07@100[T-1 T-2]',
        '2027-01-08..2027-01-08@50[T-1]',
        '2027-01-10..2027-01-10@50[T-2]',
      ]);
    });

    it('list every owner, also one whose tasks are all unscheduled', () => {
      const out = run({ tasks: [week('T-1', { owners: '@bob' }), { id: 'T-2', dur: '1d', owners: '@ana' }] });
      assert.deepEqual([...out.result.load.keys()], ['@ana', '@bob']);
      assert.deepEqual(out.result.load.get('@ana'), []);
    });

    it('are plain data: structuredClone keeps them', () => {
      const result = run({ tasks: [week('T-1')] }).result;
      const copy = structuredClone(result);
      assert.deepEqual([...copy.load], [...result.load]);
      assert.equal(copy.load.get('@ana')?.length, 1);
    });

    it('a 50,000-day task is one run per week (a sweep, not a day-by-day walk)', function () {
      this.timeout(20_000);
      const result = schedule(buildInput({ tasks: [week('T-1', { dur: '50000d' }), week('T-2', { dur: '50000d', alloc: 10 })] }));
      const load = result.load.get('@ana') ?? [];
      assert.equal(load.length, 10_000);
      assert.equal(load[9_999].to, result.tasks.get('T-1')?.end);
      const issue = result.issues[0];
      assert.equal(issue.code, 'resource.overallocated');
      if (issue.code === 'resource.overallocated') assert.equal(issue.days.length, 1, 'one range across all weekends');
    });
  });

  describe('matches a day-by-day reference on random plans', () => {
    // Random owners, allocations, calendars and dates; the reference walks every day.
    const CALENDARS = { std: [1, 2, 3, 4, 5], gulf: [0, 1, 2, 3, 4], six: [1, 2, 3, 4, 5, 6] };
    for (let seed = 1; seed <= 30; seed++) {
      it(`seed ${seed}`, () => {
        const rnd = prng(seed);
        const holidays = Array.from({ length: randInt(rnd, 0, 6) }, () => iso(day('2027-01-01') + randInt(rnd, 0, 60)));
        const keys = Object.keys(CALENDARS) as Array<keyof typeof CALENDARS>;
        const mixed = seed % 3 === 0;
        const tasks: TaskRow[] = Array.from({ length: randInt(rnd, 1, 25) }, (_, i) => ({
          id: `T-${i}`,
          start: iso(day('2027-01-01') + randInt(rnd, 0, 50)),
          dur: `${randInt(rnd, 1, 15)}d`,
          owners: ['@a', '@b', '@c'].filter(() => rnd() < 0.5).join(' '),
          alloc: [undefined, 25, 50, 60, 100][randInt(rnd, 0, 4)],
          cal: mixed ? keys[randInt(rnd, 0, 2)] : undefined,
        }));
        const plan: PlanSpec = {
          holidays,
          calendars: Object.fromEntries(keys.map((k) => [k, { workdays: CALENDARS[k], holidays }])),
          owners: { '@b': 150 },
          tasks,
        };
        const input = buildInput(plan);
        const result = schedule(input);
        const expected = reference(input, result.tasks);
        for (const [owner, ref] of expected) {
          const got = (result.load.get(owner) ?? []).map((r) => `${iso(r.from)}..${iso(r.to)}@${r.load}[${r.tasks.join(' ')}]`);
          assert.deepEqual(got, ref.runs, `runs of ${owner}, seed ${seed}`);
          const issue = result.issues.find((i) => i.code === 'resource.overallocated' && i.owner === owner);
          if (ref.overDays.length === 0) {
            assert.equal(issue, undefined, `${owner} is not over-allocated, seed ${seed}`);
            continue;
          }
          assert.ok(issue && issue.code === 'resource.overallocated', `${owner} is over-allocated, seed ${seed}`);
          assert.deepEqual(issue.tasks, ref.overTasks, `tasks of ${owner}, seed ${seed}`);
          // Every over-allocated day lies in a range at its load, and every range covers only
          // over-allocated days or days on which the owner's calendars all rest.
          for (const [d, l] of ref.overDays) {
            assert.ok(issue.days.some((r) => r.from <= d && d <= r.to && r.load === l), `${iso(d)}@${l} in a range of ${owner}, seed ${seed}`);
          }
          for (const r of issue.days) {
            for (let d = r.from; d <= r.to; d++) {
              const l = ref.dayLoad.get(d);
              assert.ok(l === r.load || (l === undefined && ref.restDay(d)), `${iso(d)} in range ${iso(r.from)}..${iso(r.to)} of ${owner}, seed ${seed}`);
            }
          }
        }
      });
    }
  });
});

interface Reference {
  runs: string[];
  dayLoad: Map<DayNumber, number>;
  overDays: Array<[DayNumber, number]>;
  overTasks: string[];
  restDay: (d: DayNumber) => boolean;
}

/** Day-by-day: for every owner, the working tasks and load of every day. */
function reference(input: ScheduleInput, tasks: ReturnType<typeof schedule>['tasks']): Map<string, Reference> {
  const calendarOf = (key: string | undefined): WorkCalendar => new WorkCalendar((key && input.calendars?.get(key)) || input.calendar);
  const out = new Map<string, Reference>();
  const owners = [...new Set(input.tasks.flatMap((t) => t.owners))].sort();
  for (const owner of owners) {
    const mine = input.tasks.filter((t) => t.owners.includes(owner) && tasks.get(t.id)?.end !== undefined);
    const cals = mine.map((t) => calendarOf(t.calendar));
    const cap = (input.capacity.owners.get(owner) ?? input.capacity.default) * 1000;
    const lo = Math.min(...mine.map((t) => tasks.get(t.id)?.start as number));
    const hi = Math.max(...mine.map((t) => tasks.get(t.id)?.end as number));
    const runs: string[] = [];
    const dayLoad = new Map<DayNumber, number>();
    const overDays: Array<[DayNumber, number]> = [];
    const overTasks = new Set<string>();
    let current: { from: DayNumber; to: DayNumber; load: number; key: string } | undefined;
    const flush = (): void => {
      if (current) runs.push(`${iso(current.from)}..${iso(current.to)}@${current.load}[${current.key}]`);
      current = undefined;
    };
    for (let d = lo; d <= hi; d++) {
      const working = mine.filter((t, i) => (tasks.get(t.id)?.start as number) <= d && d <= (tasks.get(t.id)?.end as number) && cals[i].isWorkday(d));
      if (working.length === 0) {
        flush();
        continue;
      }
      const milli = working.reduce((sum, t) => sum + Math.round((t.allocation ?? 100) * 1000), 0);
      const load = milli / 1000;
      const key = working.map((t) => t.id).sort().join(' ');
      dayLoad.set(d, load);
      if (milli > cap) {
        overDays.push([d, load]);
        for (const t of working) overTasks.add(t.id);
      }
      if (current && current.key === key && current.to === d - 1) current.to = d;
      else {
        flush();
        current = { from: d, to: d, load, key };
      }
    }
    flush();
    out.set(owner, { runs, dayLoad, overDays, overTasks: [...overTasks].sort(), restDay: (d) => cals.every((c) => !c.isWorkday(d)) });
  }
  return out;
}
