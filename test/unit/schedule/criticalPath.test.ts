import assert from 'node:assert/strict';
import { run } from './helpers.js';
import type { PlanSpec } from './helpers.js';

/** Task → float (`-` when undefined) and `*` when critical, for compact tables. */
function floats(plan: PlanSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of run(plan).result.tasks.values()) out[t.id] = `${t.float ?? '-'}${t.critical ? '*' : ''}`;
  return out;
}

describe('schedule(): float and critical path', () => {
  it('a textbook network (checked by hand)', () => {
    // Project start Mon 2027-01-04, Mon–Fri.
    //   A 3d            Mon 4 – Wed 6
    //   B 2d after A    Thu 7 – Fri 8
    //   C 5d after A    Thu 7 – Wed 13
    //   D 2d after B    Mon 11 – Tue 12
    //   E 1d after C,D  Thu 14
    //   F 2d after A    Thu 7 – Fri 8     (no successor)
    // Project end PE = Thu 14 (E).
    // Backward pass:
    //   E: LF = PE = Thu 14, LS = Thu 14.              float 0  → critical
    //   C: LF = day before LS(E) = Wed 13; ends Wed 13. float 0  → critical
    //   D: LF = Wed 13; ends Tue 12.                   float 1
    //   B: LS(D) = Tue 13 − 2 days = Tue 12; LF(B) = Mon 11; B ends Fri 8:
    //      working days in (Fri 8, Mon 11] = 1 (the weekend does not count).   float 1
    //   F: LF = PE = Thu 14; ends Fri 8: Mon 11 … Thu 14 = 4 working days.       float 4
    //   A: LS(B) = Fri 8 → Thu 7; LS(C) = Thu 7 → Wed 6; LF(A) = Wed 6 = its end. float 0 → critical
    const plan: PlanSpec = {
      start: '2027-01-04',
      tasks: [
        { id: 'A', dur: '3d' },
        { id: 'B', dur: '2d', after: 'A' },
        { id: 'C', dur: '5d', after: 'A' },
        { id: 'D', dur: '2d', after: 'B' },
        { id: 'E', dur: '1d', after: 'C D' },
        { id: 'F', dur: '2d', after: 'A' },
      ],
    };
    const out = run(plan);
    assert.deepEqual(out.dates, {
      A: '2027-01-04..2027-01-06',
      B: '2027-01-07..2027-01-08',
      C: '2027-01-07..2027-01-13',
      D: '2027-01-11..2027-01-12',
      E: '2027-01-14..2027-01-14',
      F: '2027-01-07..2027-01-08',
    });
    assert.deepEqual(floats(plan), { A: '0*', B: '1', C: '0*', D: '1', E: '0*', F: '4' });
  });

  const cases: Array<{ name: string; plan: PlanSpec; floats: Record<string, string> }> = [
    {
      name: 'a single task is critical',
      plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '3d' }] },
      floats: { 'T-1': '0*' },
    },
    {
      // T-2 ends Fri 8, T-1 ends Mon 11: one working day of float, not three calendar days.
      name: 'float across a weekend counts working days only',
      plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '6d' }, { id: 'T-2', dur: '5d' }] },
      floats: { 'T-1': '0*', 'T-2': '1' },
    },
    {
      name: 'a holiday inside the slack is not float',
      plan: { start: '2027-01-04', holidays: ['2027-01-12'], tasks: [{ id: 'T-1', dur: '8d' }, { id: 'T-2', dur: '5d' }] },
      // T-1 ends Thu 14 (Tue 12 is a holiday); T-2 ends Fri 8; slack Mon 11, Wed 13, Thu 14.
      floats: { 'T-1': '0*', 'T-2': '3' },
    },
    {
      name: 'parallel chains: the longer one is critical',
      plan: {
        start: '2027-01-04',
        tasks: [
          { id: 'A-1', dur: '2d' },
          { id: 'A-2', dur: '2d', after: 'A-1' },
          { id: 'B-1', dur: '1d' },
          { id: 'B-2', dur: '1d', after: 'B-1' },
          { id: 'END', dur: '1d', after: 'A-2 B-2' },
        ],
      },
      floats: { 'A-1': '0*', 'A-2': '0*', 'B-1': '2', 'B-2': '2', END: '0*' },
    },
    {
      name: 'through a milestone: the milestone passes its late date on',
      plan: {
        start: '2027-01-04',
        tasks: [
          { id: 'T-1', dur: '5d' }, // Mon 4 – Fri 8
          { id: 'T-2', dur: '3d', after: 'M-1' }, // Mon 11 – Wed 13
          { id: 'T-3', dur: '2d' }, // Mon 4 – Tue 5, slack Wed 6 … Wed 13
        ],
        milestones: [{ id: 'M-1', after: 'T-1' }],
      },
      floats: { 'T-1': '0*', 'T-2': '0*', 'T-3': '6' },
    },
    {
      name: 'a milestone with no successor gives its predecessors the project end',
      plan: {
        start: '2027-01-04',
        tasks: [{ id: 'T-1', dur: '5d' }, { id: 'T-2', dur: '2d' }],
        milestones: [{ id: 'M-1', after: 'T-2' }, { id: 'M-2', date: '2027-03-01', after: 'T-1' }],
      },
      floats: { 'T-1': '0*', 'T-2': '3' },
    },
    {
      // T-2 is forced to start Wed 6 although T-1 ends Fri 8: T-1 must finish by Tue 5,
      // three working days (Wed, Thu, Fri) before it can: float −3.
      name: 'a violated dependency gives negative float, which is critical',
      plan: { tasks: [{ id: 'T-1', start: '2027-01-04', dur: '5d' }, { id: 'T-2', start: '2027-01-06', dur: '5d', after: 'T-1' }] },
      floats: { 'T-1': '-3*', 'T-2': '0*' },
    },
    {
      name: 'unscheduled tasks and tasks without an end have no float and are not critical',
      plan: {
        start: '2027-01-04',
        tasks: [{ id: 'T-1', dur: '2d' }, { id: 'T-2' }, { id: 'T-3', dur: '1d', after: 'T-2' }, { id: 'T-4', dur: '1d', after: 'T-1' }],
      },
      floats: { 'T-1': '0*', 'T-2': '-', 'T-3': '-', 'T-4': '0*' },
    },
    {
      name: 'an unscheduled successor does not constrain its predecessor',
      plan: { start: '2027-01-04', tasks: [{ id: 'T-1', dur: '2d' }, { id: 'T-2', dur: '4d' }, { id: 'T-3', after: 'T-1' }] },
      floats: { 'T-1': '2', 'T-2': '0*', 'T-3': '-' },
    },
    {
      name: 'per document: each document has its own project end and critical path',
      plan: {
        start: '2027-01-04',
        tasks: [
          { id: 'A-1', doc: 'a.md', dur: '10d' },
          { id: 'A-2', doc: 'a.md', dur: '2d' },
          // A cross-document edge: B-1 waits for A-2, but it does not make A-2 critical in a.md.
          { id: 'B-1', doc: 'b.md', dur: '3d', after: 'A-2' },
          { id: 'B-2', doc: 'b.md', dur: '1d' },
        ],
      },
      // a.md ends Fri 15: A-2 ends Tue 5, float 8. b.md ends Fri 8 (B-1): B-2 ends Mon 4, float 4.
      floats: { 'A-1': '0*', 'A-2': '8', 'B-1': '0*', 'B-2': '4' },
    },
    {
      name: 'float in the task\'s own calendar (Sun–Thu)',
      plan: {
        calendars: { gulf: { workdays: [0, 1, 2, 3, 4] } },
        tasks: [
          { id: 'T-1', start: '2027-01-04', dur: '6d' }, // Mon 4 – Mon 11
          { id: 'T-2', cal: 'gulf', start: '2027-01-06', dur: '2d' }, // Wed 6 – Thu 7; slack Sun 10, Mon 11
        ],
      },
      floats: { 'T-1': '0*', 'T-2': '2' },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(floats(c.plan), c.floats));
});
