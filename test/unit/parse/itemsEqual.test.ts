import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { sameFileItems, sameValue } from '../../../src/core/model/itemsEqual.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

const config = defaultConfig();
const PLAN = '# Plan\n\n- [ ] T-1 First\n  - duration: 2d\n- [ ] T-2 Second\n  - after: T-1\n  - duration: 1d\n';

describe('sameFileItems: whether an edit changed a file\'s items', () => {
  it('two parses of one text are the same; an edited value or a moved line is not', () => {
    const a = parseFile('plan.md', PLAN, config);
    assert.equal(sameFileItems(a, parseFile('plan.md', PLAN, config)), true);
    assert.equal(sameFileItems(a, parseFile('plan.md', PLAN.replace('2d', '3d'), config)), false);
    assert.equal(sameFileItems(a, parseFile('plan.md', `\n${PLAN}`, config)), false, 'ranges count');
    assert.equal(sameFileItems(a, parseFile('plan.md', PLAN.replace('Second', 'Secnod'), config)), false);
  });

  it('never calls two values the same where their JSON differs, and always where one is a copy of the other', () => {
    const values = (leaves: unknown[]): fc.Arbitrary<unknown> => fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...leaves), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 })),
    })).value;
    const leaves = [null, undefined, 0, -0, 1, '', 'a', true, false];
    fc.assert(fc.property(values([...leaves, Number.NaN]), values([...leaves, Number.NaN]), (a, b) => {
      if (sameValue(a, b)) assert.equal(JSON.stringify(a), JSON.stringify(b));
    }), { numRuns: 3000 });
    fc.assert(fc.property(values(leaves), (a) => sameValue(a, structuredClone(a))), { numRuns: 1000 });
    assert.equal(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 }), false, 'key order counts, as in JSON');
    assert.equal(sameValue({ a: undefined }, {}), false, 'at worst an item is re-analysed');
    assert.equal(sameValue(new Map([[1, 2]]), new Map()), true, 'non-plain objects compare as JSON does');
  });
});
