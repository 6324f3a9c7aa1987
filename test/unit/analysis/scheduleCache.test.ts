import assert from 'node:assert/strict';
import { ScheduleCache } from '../../../src/core/analyzer/scheduleCache.js';
import type { ScheduleNode } from '../../../src/core/analyzer/scheduleCache.js';
import type { Item } from '../../../src/core/model/types.js';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import type { ScheduleInput, ScheduleResult } from '../../../src/core/schedule/types.js';
import { buildInput, day, iso, issueText, prng, randInt } from '../schedule/helpers.js';
import type { MilestoneRow, TaskRow } from '../schedule/helpers.js';

/** Several plans (components), a few links across them, owners shared between them. */
function randomPlans(seed: number): ScheduleInput {
  const rnd = prng(seed * 7907);
  const base = day('2027-01-04');
  const docs = Array.from({ length: randInt(rnd, 2, 7) }, (_, i) => `plans/p${i}.md`);
  const count = randInt(rnd, 4, 40);
  const ids = Array.from({ length: count }, (_, i) => `T-${i}`);
  const docOf = ids.map(() => docs[randInt(rnd, 0, docs.length - 1)]);
  // Links within a plan, a rare one across plans (which joins two components).
  const linked = (i: number, j: number): boolean => (seed % 5 === 0 ? j !== i : j < i) && rnd() < (docOf[i] === docOf[j] ? 0.3 : 0.01);
  const tasks: TaskRow[] = ids.map((id, i) => ({
    id,
    doc: docOf[i],
    start: rnd() < 0.3 ? iso(base + randInt(rnd, 0, 40)) : undefined,
    dur: rnd() < 0.9 ? `${randInt(rnd, 1, 8)}d` : undefined,
    after: ids.filter((_, j) => linked(i, j)).join(' '),
    owners: ['@ana', '@bo', '@cy'].filter(() => rnd() < 0.4).join(' '),
    alloc: rnd() < 0.3 ? randInt(rnd, 1, 4) * 25 : undefined,
    // Some plans on a Sunday–Thursday calendar with a holiday of its own.
    cal: docOf[i] === docs[1] ? 'gulf' : undefined,
  }));
  const milestones: MilestoneRow[] = [{ id: 'M-1', doc: docs[0], after: ids[randInt(rnd, 0, count - 1)] }, { id: 'M-2', doc: docs[docs.length - 1] }];
  const input = buildInput({
    start: iso(base),
    tasks,
    milestones,
    holidays: [iso(base + 9)],
    calendars: { gulf: { workdays: [0, 1, 2, 3, 4], holidays: [iso(base + 3)] } },
    owners: { '@bo': 150 },
  });
  // Every fourth seed, a task with a mermaid chart's dates, weekend days included.
  if (seed % 4 === 0) Object.assign(input.tasks[0]!, { fixed: true, start: base + 5, end: base + 13 });
  return input;
}

/** What every component shares: the input without its tasks and milestones. */
function baseOf(input: ScheduleInput): Omit<ScheduleInput, 'tasks' | 'milestones'> {
  return { calendar: input.calendar, calendars: input.calendars, projectStart: input.projectStart, capacity: input.capacity };
}

function nodesOf(input: ScheduleInput): ScheduleNode[] {
  const item = (id: string, file: string): Item => ({ id, file }) as unknown as Item;
  return [...input.tasks.map((task) => ({ item: item(task.id, task.doc), task })), ...input.milestones.map((milestone) => ({ item: item(milestone.id, milestone.doc), milestone }))];
}

function summary(result: ScheduleResult): string {
  return JSON.stringify({
    tasks: [...result.tasks],
    milestones: [...result.milestones],
    issues: result.issues.map(issueText),
    load: [...result.load],
  });
}

describe('ScheduleCache: a full run in batches of components', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`gives the same result whatever the batch size, and what schedule() gives (seed ${seed})`, () => {
      const input = randomPlans(seed);
      const base = baseOf(input);
      const nodes = nodesOf(input);
      // One component per run, as many as fit in 3 or 8 nodes, and all in one run.
      const results = [1, 3, 8, 10_000].map((size) => new ScheduleCache(size).run(base, nodes));
      for (const r of results.slice(1)) assert.equal(summary(r), summary(results[0]!));
      const whole = schedule(input);
      const sorted = (m: ReadonlyMap<string, unknown>): string => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
      assert.equal(sorted(results[0]!.tasks), sorted(whole.tasks));
      assert.equal(sorted(results[0]!.milestones), sorted(whole.milestones));
      assert.deepEqual(results[0]!.issues.map(issueText), whole.issues.map(issueText));
      // The cache loads owners from their dated tasks: an owner of undated tasks only has no entry.
      assert.equal(sorted(results[0]!.load), sorted(new Map([...whole.load].filter(([, runs]) => runs.length > 0))));
    });

    it(`an edit after a batched run reschedules only its component and still gives a fresh run's result (seed ${seed})`, () => {
      const input = randomPlans(seed);
      const base = baseOf(input);
      const nodes = nodesOf(input);
      const rnd = prng(seed);
      // Same ID, document and predecessors, a new length and no duration now and then.
      const at = randInt(rnd, 0, input.tasks.length - 1);
      const task = { ...input.tasks[at]!, duration: rnd() < 0.3 ? undefined : { amount: randInt(rnd, 1, 12), unit: 'd' as const } };
      const edited = nodes.slice();
      edited[at] = { item: { ...nodes[at]!.item }, task };
      const fresh = new ScheduleCache(1).run(base, edited);
      // After runs in batches, and after one run of everything (which loads owners from it).
      for (const size of [8, 10_000]) {
        const cache = new ScheduleCache(size);
        cache.run(base, nodes);
        assert.equal(summary(cache.run(base, edited)), summary(fresh), `batches of ${size}`);
      }
    });
  }
});

describe('ScheduleCache: a run sliced by its host', () => {
  /** 3,000 tasks in 300 plans of 10, each chained; owners on every plan. */
  function manyPlans(): ScheduleInput {
    const tasks: TaskRow[] = [];
    for (let p = 0; p < 300; p++) {
      for (let t = 0; t < 10; t++) tasks.push({ id: `T-${p * 10 + t}`, doc: `plans/p${p}.md`, dur: `${1 + (t % 4)}d`, after: t ? `T-${p * 10 + t - 1}` : '', owners: `@o${p % 7}` });
    }
    return buildInput({ start: '2027-01-04', tasks, milestones: [] });
  }

  const stepsOf = (cache: ScheduleCache, input: ScheduleInput, sliced: boolean): { steps: number; result: ScheduleResult } => {
    const run = cache.steps(baseOf(input), nodesOf(input), sliced);
    for (let steps = 1; ; steps++) {
      const next = run.next();
      if (next.done) return { steps, result: next.value };
    }
  };

  it('schedules in smaller batches, with more points to yield, and the same result', () => {
    const input = manyPlans();
    const whole = stepsOf(new ScheduleCache(), input, false);
    const sliced = stepsOf(new ScheduleCache(), input, true);
    // 3,000 nodes: one batch when run to the end, three of at most 1,000 when sliced.
    assert.ok(sliced.steps >= whole.steps + 2, `sliced ${sliced.steps} steps, whole ${whole.steps}`);
    assert.equal(summary(sliced.result), summary(whole.result));
  });
});
