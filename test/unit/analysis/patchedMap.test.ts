import assert from 'node:assert/strict';
import { PatchedMap } from '../../../src/core/model/patchedMap.js';

describe('PatchedMap: a read-only map sharing an earlier one', () => {
  const big = (n: number): Map<string, number> => new Map(Array.from({ length: n }, (_, i) => [`K-${i}`, i]));

  it('replaces values, keeps keys, order and size, and leaves the earlier map as it was', () => {
    const base = big(1000);
    const a = PatchedMap.with(base, new Map([['K-5', -5], ['K-999', -999]]));
    assert.ok(a instanceof PatchedMap, 'a large map is shared, not copied');
    assert.equal(a.get('K-5'), -5);
    assert.equal(a.get('K-6'), 6);
    assert.equal(a.get('nope'), undefined);
    assert.equal(a.has('K-5'), true);
    assert.equal(a.has('nope'), false);
    assert.equal(a.size, 1000);
    assert.deepEqual([...a.keys()], [...base.keys()]);
    assert.deepEqual([...a.values()].slice(4, 7), [4, -5, 6]);
    assert.deepEqual([...a].at(-1), ['K-999', -999]);
    const seen: Array<[string, number]> = [];
    a.forEach((v, k) => seen.push([k, v]));
    assert.deepEqual(seen, [...a.entries()]);
    assert.equal(base.get('K-5'), 5, 'the base is not written');

    const b = PatchedMap.with(a, new Map([['K-5', 55], ['K-7', -7]]));
    assert.equal(b.get('K-5'), 55);
    assert.equal(b.get('K-7'), -7);
    assert.equal(b.get('K-999'), -999, 'earlier replacements carry over');
    assert.equal(a.get('K-5'), -5, 'the earlier snapshot keeps its value');
    assert.equal(a.get('K-7'), 7);
  });

  it('gives a plain copy for a new key or a small map, and merges a grown overlay into a fresh map', () => {
    const base = big(1000);
    const added = PatchedMap.with(base, new Map([['NEW', 1]]));
    assert.ok(added instanceof Map);
    assert.deepEqual([...added.keys()].at(-1), 'NEW');
    assert.equal(base.has('NEW'), false);
    assert.ok(PatchedMap.with(big(10), new Map([['K-1', 0]])) instanceof Map);
    assert.equal(PatchedMap.with(base, new Map()), base, 'no change: the same map');

    // Replace one value per step: the overlay grows, then is merged into a plain map.
    let m: ReadonlyMap<string, number> = base;
    let merged = false;
    for (let i = 0; i < 600; i++) {
      m = PatchedMap.with(m, new Map([[`K-${i}`, -i]]));
      if (!(m instanceof PatchedMap)) merged = true;
    }
    assert.ok(merged, 'the overlay was merged at some point');
    assert.equal(m.size, 1000);
    for (let i = 0; i < 1000; i++) assert.equal(m.get(`K-${i}`), i < 600 ? -i : i);
  });
});
