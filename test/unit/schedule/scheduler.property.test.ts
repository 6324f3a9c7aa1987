import assert from 'node:assert/strict';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import { referenceSchedule as reference } from './referenceSchedule.js';
import { buildInput, day, iso, prng, randInt } from './helpers.js';
import type { MilestoneRow, TaskRow } from './helpers.js';

describe('schedule(): random plans against a plain reference', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const rnd = prng(seed * 7919);
      const base = day('2027-01-01');
      const someDay = () => iso(base + randInt(rnd, 0, 60));
      const taskCount = randInt(rnd, 1, 25);
      const milestoneCount = randInt(rnd, 0, 5);
      const ids = [...Array.from({ length: taskCount }, (_, i) => `T-${i}`), ...Array.from({ length: milestoneCount }, (_, i) => `M-${i}`)];
      const cyclic = seed % 4 === 0;
      const afterFor = (i: number): string =>
        ids
          .filter((_, j) => (cyclic ? j !== i || rnd() < 0.02 : j < i) && rnd() < 2.5 / ids.length)
          .concat(rnd() < 0.05 ? ['X-404'] : [])
          .join(' ');
      const tasks: TaskRow[] = [];
      for (let i = 0; i < taskCount; i++) {
        tasks.push({
          id: ids[i],
          doc: rnd() < 0.5 ? 'a.md' : 'b.md',
          cal: rnd() < 0.3 ? 'gulf' : undefined,
          start: rnd() < 0.2 ? someDay() : undefined,
          end: rnd() < 0.2 ? someDay() : undefined,
          dur: rnd() < 0.8 ? `${randInt(rnd, 1, 12)}${rnd() < 0.2 ? 'w' : 'd'}` : undefined,
          after: afterFor(i),
          plan: rnd() < 0.15 ? someDay() : undefined,
        });
      }
      const milestones: MilestoneRow[] = [];
      for (let i = taskCount; i < ids.length; i++) {
        milestones.push({ id: ids[i], doc: rnd() < 0.5 ? 'a.md' : 'b.md', date: rnd() < 0.4 ? someDay() : undefined, after: afterFor(i) });
      }
      const input = buildInput({
        start: rnd() < 0.7 ? someDay() : undefined,
        holidays: Array.from({ length: randInt(rnd, 0, 5) }, someDay),
        calendars: { gulf: { workdays: [0, 1, 2, 3, 4], holidays: [someDay()] } },
        tasks,
        milestones,
      });
      const result = schedule(input);
      const expected = reference(input);
      for (const t of result.tasks.values()) {
        const ref = expected.get(t.id);
        assert.deepEqual(
          { start: iso(t.start), end: iso(t.end), float: t.float, critical: t.critical },
          { start: iso(ref?.start), end: iso(ref?.end), float: ref?.float, critical: ref?.float !== undefined && ref.float <= 0 },
          `${t.id}, seed ${seed}`,
        );
      }
      for (const m of result.milestones.values()) assert.equal(iso(m.date), iso(expected.get(m.id)?.end), `${m.id}, seed ${seed}`);
    });
  }
});
