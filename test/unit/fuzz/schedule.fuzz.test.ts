import assert from 'node:assert/strict';
import fc from 'fast-check';
import { weekday } from '../../../src/core/model/dates.js';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import { buildInput, day, iso } from '../schedule/helpers.js';
import type { MilestoneRow, TaskRow } from '../schedule/helpers.js';
import { referenceSchedule } from '../schedule/referenceSchedule.js';
import { fuzzParameters, fuzzTimeout } from './fuzzSettings.js';

/**
 * Random plan graphs — cycles, unknown predecessors, owners with allocations, holidays and
 * a second calendar — must schedule without throwing, give the plain reference's dates, and
 * report loads that are consistent with the capacities.
 */
const BASE = day('2027-01-01');
const someDay = fc.integer({ min: 0, max: 60 }).map((n) => iso(BASE + n));

const plan = fc.integer({ min: 1, max: 10 }).chain((taskCount) => fc.integer({ min: 0, max: 3 }).chain((milestoneCount) => {
  const ids = [...Array.from({ length: taskCount }, (_, i) => `T-${i}`), ...Array.from({ length: milestoneCount }, (_, i) => `M-${i}`)];
  const after = fc.subarray([...ids, 'X-404'], { maxLength: Math.min(3, ids.length + 1) }).map((xs) => xs.join(' '));
  const owners = fc.subarray(['@ana', '@bo', '@cy'], { maxLength: 2 }).map((xs) => xs.join(' '));
  const task = (id: string): fc.Arbitrary<TaskRow> => fc.record({
    id: fc.constant(id),
    doc: fc.constantFrom('a.md', 'b.md'),
    cal: fc.option(fc.constant('gulf'), { nil: undefined }),
    start: fc.option(someDay, { nil: undefined, freq: 5 }),
    end: fc.option(someDay, { nil: undefined, freq: 5 }),
    dur: fc.option(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('d', 'd', 'w')).map(([n, u]) => `${n}${u}`), { nil: undefined, freq: 5 }),
    after,
    plan: fc.option(someDay, { nil: undefined, freq: 7 }),
    owners,
    alloc: fc.option(fc.constantFrom(25, 50, 100, 150, 0), { nil: undefined }),
  });
  const milestone = (id: string): fc.Arbitrary<MilestoneRow> => fc.record({ id: fc.constant(id), doc: fc.constantFrom('a.md', 'b.md'), date: fc.option(someDay, { nil: undefined }), after });
  return fc.record({
    start: fc.option(someDay, { nil: undefined, freq: 3 }),
    holidays: fc.array(someDay, { maxLength: 4 }),
    capacity: fc.constantFrom(50, 100, 200),
    tasks: fc.tuple(...ids.slice(0, taskCount).map(task)),
    milestones: milestoneCount ? fc.tuple(...ids.slice(taskCount).map(milestone)) : fc.constant([] as MilestoneRow[]),
    gulfHoliday: someDay,
  });
}));

describe('fuzz: random plan graphs', function () {
  this.timeout(fuzzTimeout());
  it('schedule() never throws, matches the plain reference and reports consistent loads', () => {
    fc.assert(fc.property(plan, (p) => {
      const input = buildInput({ start: p.start, holidays: p.holidays, capacity: p.capacity, tasks: p.tasks, milestones: p.milestones, calendars: { gulf: { workdays: [0, 1, 2, 3, 4], holidays: [p.gulfHoliday] } } });
      const result = schedule(input);
      const expected = referenceSchedule(input);
      for (const t of result.tasks.values()) {
        const ref = expected.get(t.id);
        assert.deepEqual({ start: iso(t.start), end: iso(t.end), float: t.float }, { start: iso(ref?.start), end: iso(ref?.end), float: ref?.float }, t.id);
        if (t.start !== undefined && t.end !== undefined) assert.ok(t.start <= t.end, `${t.id} ends before it starts`);
      }
      for (const m of result.milestones.values()) assert.equal(iso(m.date), iso(expected.get(m.id)?.end), m.id);
      for (const [owner, runs] of result.load) {
        for (let i = 0; i < runs.length; i++) {
          const run = runs[i]!;
          assert.ok(run.from <= run.to && run.load >= 0, `${owner}: bad run ${iso(run.from)}..${iso(run.to)}`);
          if (i > 0) assert.ok(runs[i - 1]!.to < run.from, `${owner}: runs overlap`);
          assert.ok([1, 2, 3, 4, 5].includes(weekday(run.from)) || run.load === 0 || input.calendars!.size > 0, `${owner}: load on a weekend`);
        }
      }
      for (const issue of result.issues) {
        if (issue.code === 'resource.overallocated') for (const d of issue.days) assert.ok(d.load > issue.capacity, `${issue.owner} reported at ${d.load}% with capacity ${issue.capacity}%`);
      }
    }), fuzzParameters(0.12));
  });
});
