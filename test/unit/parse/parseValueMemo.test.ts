import assert from 'node:assert/strict';
import { parseOwners, parseOwnersUncached, parseValue, parseValueUncached, VALUE_SCHEMAS } from '../../../src/core/model/valueSchemas.js';
import type { ValueKey } from '../../../src/core/model/valueSchemas.js';
import { prng } from '../../support/prng.js';

/**
 * `parseValue` (and `parseOwners`) remember their answers for short scalar values; zod stays the judge of each
 * distinct one. On random values, repeated and in look-alike types (3 and "3", true and
 * "true"), the memo must answer exactly what the schema answers, and hand out copies.
 */
describe('parseValue memo agrees with the zod schemas', () => {
  const keys = Object.keys(VALUE_SCHEMAS) as ValueKey[];
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const WORDS = [
    '3d', '2w', '1.5d', '0d', '10 days', 'todo', 'done', 'In Progress', 'blocked', 'P1', 'p0', 'must', "won't", 'now', '2027',
    '2027-Q2', '2027-H3', '2027-01-04', '2027-02-30', '1899-01-01', 'low', 'High', '12,500', 'EUR 900', '€1.2k', '12.5k EUR', '-5',
    '50%', '101%', '0', '3', ' 3d ', '', 'massive', '40 users', '−3 d', 'abc', `x${'y'.repeat(70)}`, '2.5w', '1e3',
  ];
  const randomValue = (r: () => number): unknown => {
    const roll = r();
    if (roll < 0.6) return pick(r, WORDS);
    if (roll < 0.8) return pick(r, [0, 3, 50, 1.5, -1, 1e12, -0, Number.NaN, Number.POSITIVE_INFINITY, 2027]);
    if (roll < 0.9) return pick(r, [true, false, null, undefined]);
    return pick(r, [['a'], { a: 1 }, [3]]);
  };

  it('answers as the schema does, on 20,000 random key–value pairs', () => {
    const r = prng(42);
    for (let n = 0; n < 20_000; n++) {
      const key = pick(r, keys);
      const value = randomValue(r);
      const memo = parseValue(key, value);
      assert.deepEqual(memo, parseValueUncached(key, value), `${key}: ${String(value)}`);
      if (memo.ok && typeof memo.value === 'number') assert.ok(Object.is(memo.value, (parseValueUncached(key, value) as { value: number }).value));
    }
  });

  it('parseOwners answers as without the memo, and hands out fresh lists', () => {
    const r = prng(43);
    const handles = ['@ana', '@bo', 'cy', '@ana.b', '@é', 'two words', '@x;@y', '', ' ', '@a @b', '@@', 'a,b', '@ana, @ana'];
    for (let n = 0; n < 5000; n++) {
      const value: unknown = r() < 0.85 ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, handles)).join(pick(r, [', ', ';', ' ', ','])) : pick(r, [3, null, ['@a', '@b'], { a: 1 }, true]);
      assert.deepEqual(parseOwners(value), parseOwnersUncached(value), JSON.stringify(value));
    }
    const first = parseOwners('@ana, @bo');
    const second = parseOwners('@ana, @bo');
    assert.ok(first.ok && second.ok);
    assert.notEqual(first.value, second.value);
    first.value.push('@zed');
    assert.deepEqual(parseOwners('@ana, @bo'), { ok: true, value: ['@ana', '@bo'] });
  });

  it('hands out a fresh copy of an object value each time', () => {
    const first = parseValue('duration', '3d');
    const second = parseValue('duration', '3d');
    assert.ok(first.ok && second.ok);
    assert.deepEqual(first.value, { amount: 3, unit: 'd' });
    assert.notEqual(first.value, second.value);
    (first.value as { amount: number }).amount = 99;
    assert.deepEqual(parseValue('duration', '3d'), { ok: true, value: { amount: 3, unit: 'd' } });
  });
});
