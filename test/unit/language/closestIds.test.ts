import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { closestIds, damerauLevenshtein } from '../../../src/core/language/closestIds.js';
import { analyzeFiles, workspaceFiles } from './helpers.js';

describe('closestIds', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(workspaceFiles());
  });

  it('counts a swap of neighbours as one edit', () => {
    assert.equal(damerauLevenshtein('T-13', 'T-31'), 1);
    assert.equal(damerauLevenshtein('FEAT-12', 'FEAT-21'), 1);
    assert.equal(damerauLevenshtein('G-1', 'G-1'), 0);
    assert.equal(damerauLevenshtein('G-1', 'GOAL-1'), 3);
    assert.equal(damerauLevenshtein('abc', 'xyz', 1), 2, 'stops once beyond the limit');
  });

  it('suggests only items of the expected kinds', () => {
    assert.deepEqual(closestIds(analysis, 'G-4', ['goal']), ['G-3', 'G-2', 'G-1']);
    assert.deepEqual(closestIds(analysis, 'T-4', ['task', 'milestone']), ['T-3', 'T-2', 'T-1']);
    assert.ok(!closestIds(analysis, 'M-2', ['task']).includes('M-1'));
    assert.deepEqual(closestIds(analysis, 'M-2', ['milestone']), ['M-1']);
    assert.deepEqual(closestIds(analysis, 'FEAT-12', ['feature'], 2), ['FEAT-2', 'FEAT-1']);
  });

  it('ranks by distance, then the same prefix, then the nearest number', async () => {
    const a = await analyzeFiles({
      '.specline.yml': 'kinds: { task: [T, S], feature: [FEAT] }\n',
      'p.md': '- [ ] S-5 Other prefix\n- [ ] T-15 Far number\n- [ ] T-6 Near number\n- [ ] T-51 Swap\n- [ ] T-500 Two inserts\n- [ ] T-5000 Too far\n',
    });
    assert.deepEqual(closestIds(a, 'T-5', ['task'], 10), ['T-6', 'T-15', 'T-51', 'S-5', 'T-500']);
    assert.deepEqual(closestIds(a, 'T-15', ['task'], 1), ['T-51']);
  });

  it('leaves out guesses too far away, and answers nothing for max 0', () => {
    assert.deepEqual(closestIds(analysis, 'T-9999', ['task']), []);
    assert.deepEqual(closestIds(analysis, 'G-4', ['goal'], 0), []);
  });

  it('looks at every kind when none is expected', () => {
    assert.deepEqual(closestIds(analysis, 'P-3', undefined, 2), ['P-2', 'P-1']);
    assert.deepEqual(closestIds(analysis, 'P-3', [], 2), ['P-2', 'P-1']);
  });
});
