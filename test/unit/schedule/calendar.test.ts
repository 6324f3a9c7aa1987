import assert from 'node:assert/strict';
import { weekday } from '../../../src/core/model/dates.js';
import type { DayNumber } from '../../../src/core/model/types.js';
import { WorkCalendar } from '../../../src/core/schedule/calendar.js';
import { day, duration, iso, prng, randInt } from './helpers.js';

// January 2027: Fri 1, Sat 2, Sun 3, Mon 4 … Fri 8, Sat 9, Sun 10, Mon 11 … Fri 15, Sat 16, Sun 17, Mon 18.
const MON_FRI = [1, 2, 3, 4, 5];
const SUN_THU = [0, 1, 2, 3, 4];

function cal(workdays: number[] = MON_FRI, holidays: string[] = []): WorkCalendar {
  return new WorkCalendar({ workdays, holidays: holidays.map(day) });
}

/** The obvious day-by-day implementation every fast method is checked against. */
class NaiveCalendar {
  constructor(
    private readonly workdays: number[],
    private readonly holidays: Set<DayNumber>,
  ) {}
  isWorkday(d: DayNumber): boolean {
    return this.workdays.includes(weekday(d)) && !this.holidays.has(d);
  }
  nextWorkday(d: DayNumber): DayNumber {
    while (!this.isWorkday(d)) d++;
    return d;
  }
  prevWorkday(d: DayNumber): DayNumber {
    while (!this.isWorkday(d)) d--;
    return d;
  }
  addWorkdays(start: DayNumber, n: number): DayNumber {
    let d = this.nextWorkday(start);
    for (let left = n - 1; left > 0; left--) d = this.nextWorkday(d + 1);
    return d;
  }
  subtractWorkdays(end: DayNumber, n: number): DayNumber {
    let d = this.prevWorkday(end);
    for (let left = n - 1; left > 0; left--) d = this.prevWorkday(d - 1);
    return d;
  }
  countWorkdays(a: DayNumber, b: DayNumber): number {
    let c = 0;
    for (let d = a; d <= b; d++) if (this.isWorkday(d)) c++;
    return c;
  }
  /** Gives up after 1,000 days: the random calendars have no holiday that far ahead. */
  nextNonWorkday(d: DayNumber): DayNumber {
    for (let i = 0; i < 1000; i++, d++) if (!this.isWorkday(d)) return d;
    return Infinity;
  }
}

describe('WorkCalendar', () => {
  describe('isWorkday', () => {
    const cases: Array<[string, number[], string[], string, boolean]> = [
      ['Monday', MON_FRI, [], '2027-01-04', true],
      ['Friday', MON_FRI, [], '2027-01-08', true],
      ['Saturday', MON_FRI, [], '2027-01-09', false],
      ['Sunday', MON_FRI, [], '2027-01-10', false],
      ['holiday on a weekday', MON_FRI, ['2027-01-06'], '2027-01-06', false],
      ['the day after a holiday', MON_FRI, ['2027-01-06'], '2027-01-07', true],
      ['Sunday in a Sun–Thu week', SUN_THU, [], '2027-01-10', true],
      ['Friday in a Sun–Thu week', SUN_THU, [], '2027-01-08', false],
      ['before 1970 (negative day numbers)', MON_FRI, [], '1969-12-29', true],
      ['Saturday before 1970', MON_FRI, [], '1969-12-27', false],
    ];
    for (const [name, workdays, holidays, date, expected] of cases) {
      it(name, () => assert.equal(cal(workdays, holidays).isWorkday(day(date)), expected));
    }
  });

  describe('nextWorkday / prevWorkday', () => {
    const cases: Array<[string, string[], string, string, string]> = [
      // name, holidays, day, next, prev
      ['a working day is its own next and previous', [], '2027-01-06', '2027-01-06', '2027-01-06'],
      ['Saturday', [], '2027-01-09', '2027-01-11', '2027-01-08'],
      ['Sunday', [], '2027-01-10', '2027-01-11', '2027-01-08'],
      ['Monday holiday after a weekend', ['2027-01-11'], '2027-01-09', '2027-01-12', '2027-01-08'],
      ['Friday holiday before a weekend', ['2027-01-08'], '2027-01-10', '2027-01-11', '2027-01-07'],
      ['holiday on a Saturday changes nothing', ['2027-01-09'], '2027-01-09', '2027-01-11', '2027-01-08'],
      ['a whole holiday week', ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'], '2027-01-09', '2027-01-18', '2027-01-08'],
    ];
    for (const [name, holidays, date, next, prev] of cases) {
      it(name, () => {
        const c = cal(MON_FRI, holidays);
        assert.equal(iso(c.nextWorkday(day(date))), next);
        assert.equal(iso(c.prevWorkday(day(date))), prev);
      });
    }
    it('Sun–Thu: Friday and Saturday are the weekend', () => {
      const c = cal(SUN_THU);
      assert.equal(iso(c.nextWorkday(day('2027-01-08'))), '2027-01-10');
      assert.equal(iso(c.prevWorkday(day('2027-01-09'))), '2027-01-07');
    });
  });

  describe('addWorkdays / subtractWorkdays', () => {
    const cases: Array<[string, number[], string[], string, number, string]> = [
      // name, workdays, holidays, start, n, end (and start = subtractWorkdays(end, n))
      ['one day is the start itself', MON_FRI, [], '2027-01-04', 1, '2027-01-04'],
      ['a working week', MON_FRI, [], '2027-01-04', 5, '2027-01-08'],
      ['six days cross the weekend', MON_FRI, [], '2027-01-04', 6, '2027-01-11'],
      ['from Thursday, 3 days', MON_FRI, [], '2027-01-07', 3, '2027-01-11'],
      ['two weeks', MON_FRI, [], '2027-01-04', 10, '2027-01-15'],
      ['holiday on a weekday pushes the end', MON_FRI, ['2027-01-06'], '2027-01-04', 5, '2027-01-11'],
      ['holiday on a weekend changes nothing', MON_FRI, ['2027-01-09', '2027-01-10'], '2027-01-04', 6, '2027-01-11'],
      ['holiday after the end changes nothing', MON_FRI, ['2027-01-12'], '2027-01-04', 6, '2027-01-11'],
      ['Sun–Thu week', SUN_THU, [], '2027-01-03', 5, '2027-01-07'],
      ['Sun–Thu, crossing Fri/Sat', SUN_THU, [], '2027-01-06', 3, '2027-01-10'],
      ['six-day week', [1, 2, 3, 4, 5, 6], [], '2027-01-04', 7, '2027-01-11'],
      ['seven-day week with a holiday', [0, 1, 2, 3, 4, 5, 6], ['2027-01-05'], '2027-01-04', 3, '2027-01-07'],
      ['across 1970-01-01', MON_FRI, [], '1969-12-29', 5, '1970-01-02'],
      ['a year (261 working days in 2027)', MON_FRI, [], '2027-01-01', 261, '2027-12-31'],
    ];
    for (const [name, workdays, holidays, start, n, end] of cases) {
      it(name, () => {
        const c = cal(workdays, holidays);
        assert.equal(iso(c.addWorkdays(day(start), n)), end, 'addWorkdays');
        assert.equal(iso(c.subtractWorkdays(day(end), n)), start, 'subtractWorkdays');
        assert.equal(c.countWorkdays(day(start), day(end)), n, 'countWorkdays');
      });
    }
    it('a start on Saturday counts from Monday', () => {
      assert.equal(iso(cal().addWorkdays(day('2027-01-09'), 1)), '2027-01-11');
      assert.equal(iso(cal().addWorkdays(day('2027-01-10'), 2)), '2027-01-12');
    });
    it('an end on Sunday counts back from Friday', () => {
      assert.equal(iso(cal().subtractWorkdays(day('2027-01-10'), 1)), '2027-01-08');
      assert.equal(iso(cal().subtractWorkdays(day('2027-01-10'), 5)), '2027-01-04');
    });
  });

  describe('countWorkdays', () => {
    const cases: Array<[string, string[], string, string, number]> = [
      ['a full week', [], '2027-01-04', '2027-01-10', 5],
      ['a weekend', [], '2027-01-09', '2027-01-10', 0],
      ['one working day', [], '2027-01-06', '2027-01-06', 1],
      ['b before a', [], '2027-01-08', '2027-01-04', 0],
      ['holiday on a weekday', ['2027-01-06'], '2027-01-04', '2027-01-10', 4],
      ['holiday on a weekend', ['2027-01-09'], '2027-01-04', '2027-01-10', 5],
      ['holiday outside the range', ['2027-01-11'], '2027-01-04', '2027-01-10', 5],
      ['duplicate holidays count once', ['2027-01-06', '2027-01-06'], '2027-01-04', '2027-01-08', 4],
      ['the year 2027', [], '2027-01-01', '2027-12-31', 261],
    ];
    for (const [name, holidays, a, b, expected] of cases) {
      it(name, () => assert.equal(cal(MON_FRI, holidays).countWorkdays(day(a), day(b)), expected));
    }
  });

  describe('weekLength and durationDays', () => {
    const cases: Array<[string, number[], string | undefined, number | undefined]> = [
      ['3d', MON_FRI, '3d', 3],
      ['2w on Mon–Fri', MON_FRI, '2w', 10],
      ['1w on Sun–Thu', SUN_THU, '1w', 5],
      ['1w on a six-day week', [1, 2, 3, 4, 5, 6], '1w', 6],
      ['0.2w is one day', MON_FRI, '0.2w', 1],
      ['1.5w on Mon–Fri is 7.5 days: not whole', MON_FRI, '1.5w', undefined],
      ['1.5w on a six-day week is 9 days', [1, 2, 3, 4, 5, 6], '1.5w', 9],
      ['0d', MON_FRI, '0d', undefined],
      ['negative', MON_FRI, '-2d', undefined],
      ['fractional days', MON_FRI, '1.5d', undefined],
      ['no duration', MON_FRI, undefined, undefined],
    ];
    for (const [name, workdays, text, expected] of cases) {
      it(name, () => assert.equal(cal(workdays).durationDays(duration(text)), expected));
    }
    it('rejects NaN, Infinity and unknown units', () => {
      const c = cal();
      assert.equal(c.durationDays({ amount: NaN, unit: 'd' }), undefined);
      assert.equal(c.durationDays({ amount: Infinity, unit: 'w' }), undefined);
      assert.equal(c.durationDays({ amount: 3, unit: 'm' as 'd' }), undefined);
    });
    it('weekLength counts distinct valid weekdays', () => {
      assert.equal(cal(MON_FRI).weekLength, 5);
      assert.equal(cal([0, 1, 2, 3, 4, 5, 6]).weekLength, 7);
      assert.equal(cal([1, 1, 3, 9, -1, 2.5]).weekLength, 2);
    });
  });

  describe('a calendar with no working day', () => {
    for (const workdays of [[], [7, -1, 2.5]]) {
      it(`falls back to Monday–Friday (${JSON.stringify(workdays)})`, () => {
        const c = cal(workdays);
        assert.equal(c.weekLength, 5);
        assert.deepEqual(c.workdays, MON_FRI);
        assert.equal(iso(c.addWorkdays(day('2027-01-04'), 6)), '2027-01-11');
      });
    }
  });

  describe('nextNonWorkday', () => {
    it('finds the weekend or a holiday, whichever is first', () => {
      assert.equal(iso(cal().nextNonWorkday(day('2027-01-04'))), '2027-01-09');
      assert.equal(iso(cal().nextNonWorkday(day('2027-01-09'))), '2027-01-09');
      assert.equal(iso(cal(MON_FRI, ['2027-01-06']).nextNonWorkday(day('2027-01-04'))), '2027-01-06');
    });
    it('is Infinity for a seven-day week with no holiday ahead', () => {
      const c = cal([0, 1, 2, 3, 4, 5, 6], ['2027-01-05']);
      assert.equal(iso(c.nextNonWorkday(day('2027-01-01'))), '2027-01-05');
      assert.equal(c.nextNonWorkday(day('2027-01-06')), Infinity);
    });
  });

  describe('matches a day-by-day reference on random calendars', () => {
    // Random working weekdays and holidays (on weekdays and weekends, with duplicates), random
    // days and counts; a seeded PRNG so a failure names its seed and reproduces.
    for (let seed = 1; seed <= 40; seed++) {
      it(`seed ${seed}`, () => {
        const rnd = prng(seed);
        const base = day('1968-06-01') + randInt(rnd, 0, 25_000);
        let workdays = [0, 1, 2, 3, 4, 5, 6].filter(() => rnd() < 0.6);
        if (workdays.length === 0) workdays = [randInt(rnd, 0, 6)];
        const holidays: DayNumber[] = [];
        const holidayCount = randInt(rnd, 0, 60);
        for (let i = 0; i < holidayCount; i++) holidays.push(base + randInt(rnd, -20, 400));
        // Runs of consecutive holidays, the hard case for "jump" arithmetic.
        const runStart = base + randInt(rnd, 0, 300);
        for (let i = 0; i < randInt(rnd, 0, 15); i++) holidays.push(runStart + i);
        const fast = new WorkCalendar({ workdays, holidays });
        const slow = new NaiveCalendar(workdays, new Set(holidays));
        assert.equal(fast.weekLength, new Set(workdays).size);
        for (let i = 0; i < 150; i++) {
          const a = base + randInt(rnd, -30, 420);
          const b = a + randInt(rnd, -3, 120);
          const n = randInt(rnd, 1, rnd() < 0.1 ? 400 : 40);
          const msg = `seed ${seed}, a=${iso(a)}, b=${iso(b)}, n=${n}, workdays=${workdays}`;
          assert.equal(fast.isWorkday(a), slow.isWorkday(a), `isWorkday ${msg}`);
          assert.equal(fast.nextWorkday(a), slow.nextWorkday(a), `nextWorkday ${msg}`);
          assert.equal(fast.prevWorkday(a), slow.prevWorkday(a), `prevWorkday ${msg}`);
          assert.equal(fast.addWorkdays(a, n), slow.addWorkdays(a, n), `addWorkdays ${msg}`);
          assert.equal(fast.subtractWorkdays(b, n), slow.subtractWorkdays(b, n), `subtractWorkdays ${msg}`);
          assert.equal(fast.countWorkdays(a, b), slow.countWorkdays(a, b), `countWorkdays ${msg}`);
          assert.equal(fast.nextNonWorkday(a), slow.nextNonWorkday(a), `nextNonWorkday ${msg}`);
          // Round trips that the scheduler relies on.
          const s = fast.nextWorkday(a);
          const e = fast.addWorkdays(s, n);
          assert.equal(fast.countWorkdays(s, e), n, `count(add) ${msg}`);
          assert.equal(fast.subtractWorkdays(e, n), s, `subtract(add) ${msg}`);
        }
      });
    }

    it('long durations (up to 50,000 working days) agree with the reference', () => {
      const rnd = prng(99);
      for (let i = 0; i < 12; i++) {
        const workdays = i % 2 === 0 ? MON_FRI : SUN_THU;
        const start = day('1950-01-01') + randInt(rnd, 0, 3000);
        const holidays = Array.from({ length: 400 }, () => start + randInt(rnd, 0, 75_000));
        const fast = new WorkCalendar({ workdays, holidays });
        const slow = new NaiveCalendar(workdays, new Set(holidays));
        const n = randInt(rnd, 10_000, 50_000);
        const end = slow.addWorkdays(start, n);
        assert.equal(fast.addWorkdays(start, n), end);
        assert.equal(fast.subtractWorkdays(end, n), slow.nextWorkday(start));
        assert.equal(fast.countWorkdays(start, end), slow.countWorkdays(start, end));
      }
    });
  });
});
