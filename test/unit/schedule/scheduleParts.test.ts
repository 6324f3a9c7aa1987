import assert from 'node:assert/strict';
import { schedule, scheduleDates, scheduleLoad } from '../../../src/core/schedule/scheduler.js';
import type { ScheduleInput, ScheduleTask } from '../../../src/core/schedule/types.js';
import { buildInput, day, iso, issueText, prng, randInt } from './helpers.js';
import type { TaskRow } from './helpers.js';

/** A random plan with owners, allocations, a second calendar, fixed tasks and (every third seed) cycles. */
function randomInput(seed: number): ScheduleInput {
  const rnd = prng(seed * 104729);
  const base = day('2027-01-01');
  const someDay = (): string => iso(base + randInt(rnd, -5, 60));
  const count = randInt(rnd, 1, 30);
  const ids = Array.from({ length: count }, (_, i) => `T-${i}`);
  const owners = ['@ana', '@bo', '@cy'];
  const tasks: TaskRow[] = ids.map((id, i) => ({
    id,
    doc: rnd() < 0.5 ? 'a.md' : 'b.md',
    cal: rnd() < 0.3 ? 'gulf' : undefined,
    start: rnd() < 0.3 ? someDay() : undefined,
    end: rnd() < 0.2 ? someDay() : undefined,
    dur: rnd() < 0.85 ? `${randInt(rnd, 1, 9)}d` : undefined,
    after: ids.filter((_, j) => (seed % 3 === 0 ? j !== i : j < i) && rnd() < 2 / count).join(' '),
    owners: owners.filter(() => rnd() < 0.45).join(' '),
    alloc: rnd() < 0.3 ? randInt(rnd, 1, 10) * 20 : undefined,
  }));
  const input = buildInput({
    start: someDay(),
    holidays: Array.from({ length: randInt(rnd, 0, 4) }, someDay),
    calendars: { gulf: { workdays: [0, 1, 2, 3, 4], holidays: [someDay()] } },
    tasks,
    milestones: [{ id: 'M-1', doc: 'a.md', after: ids[0] }],
    capacity: 100,
    owners: { '@bo': 150 },
  });
  // Dates kept as written (a mermaid chart's), weekends included.
  for (const t of input.tasks) if (rnd() < 0.1) Object.assign(t, { fixed: true, start: base + randInt(rnd, 0, 30), end: base + randInt(rnd, 30, 40) });
  return input;
}

describe('the scheduler in parts gives what schedule() gives', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`scheduleDates: the same dates and every issue but over-allocation (seed ${seed})`, () => {
      const input = randomInput(seed);
      const whole = schedule(input);
      const dates = scheduleDates(input);
      assert.deepEqual([...dates.tasks.values()], [...whole.tasks.values()]);
      assert.deepEqual([...dates.milestones.values()], [...whole.milestones.values()]);
      assert.deepEqual(dates.issues.map(issueText), whole.issues.filter((i) => i.code !== 'resource.overallocated').map(issueText));
    });

    it(`scheduleLoad: tasks pinned at their computed dates load their owners the same (seed ${seed})`, () => {
      const input = randomInput(seed);
      const whole = schedule(input);
      const pinned: ScheduleTask[] = [];
      for (const t of input.tasks) {
        const d = whole.tasks.get(t.id);
        if (d?.start === undefined || d.end === undefined) continue;
        // Moved off working days on purpose (the run moves them back as schedule() does),
        // and now and then ending before it starts (a start without an end loads nothing).
        const k = pinned.length;
        const start = d.start - (k % 4);
        const end = k % 5 === 4 ? start - 1 : d.end + (k % 3);
        pinned.push({ id: t.id, doc: t.doc, calendar: t.calendar, start, end, after: [], owners: t.owners, allocation: t.allocation });
      }
      const pinnedInput = { ...input, tasks: pinned, milestones: [] };
      const expected = schedule(pinnedInput);
      const load = scheduleLoad(pinnedInput);
      assert.deepEqual(load.issues.map(issueText), expected.issues.filter((i) => i.code === 'resource.overallocated').map(issueText));
      assert.deepEqual([...load.load], [...expected.load]);
    });
  }

  it('scheduleLoad refuses a task without pinned dates', () => {
    const input = buildInput({ tasks: [{ id: 'T-1', dur: '2d', owners: '@ana' }] });
    assert.throws(() => scheduleLoad(input), /without pinned dates/);
  });
});
