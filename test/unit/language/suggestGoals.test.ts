import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { suggestGoals, words } from '../../../src/core/language/suggestGoals.js';
import { analyzeFiles, FEATURES, workspaceFiles } from './helpers.js';

describe('suggestGoals', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(workspaceFiles());
  });

  it('reduces text to word stems without stop words', () => {
    assert.deepEqual([...words('The onboarding of new users: sign-ins, processes and 2027 times')], ['onboard', 'sign', 'ins', 'process', 'time']);
  });

  it('ranks goals by the words they share with the feature\'s prose, then by horizon', () => {
    const ranked = suggestGoals(analysis, 'FEAT-3', 5, FEATURES);
    assert.deepEqual(ranked.map((g) => g.id), ['G-2', 'G-1', 'G-3']);
    assert.deepEqual(ranked[0], { id: 'G-2', title: 'Grow self-serve revenue', score: 4, shared: ['grow', 'self', 'serve', 'revenue'] });
    assert.equal(ranked[1]!.score, 0);
  });

  it('without the text, uses the title and orders the rest by horizon: dated first, then later', () => {
    assert.deepEqual(suggestGoals(analysis, 'FEAT-3').map((g) => g.id), ['G-1', 'G-2', 'G-3']);
  });

  it('counts title words double', async () => {
    const a = await analyzeFiles({
      'roadmap.md': '## G-1 Faster checkout\n- horizon: later\n\n## G-2 Fewer refunds\n- horizon: now\n- metric: refunds per checkout\n',
      'f.md': '---\nid: FEAT-1\ntitle: One-click checkout\n---\nCuts refunds.\n',
    });
    // G-1 shares "checkout" with the title (2); G-2 shares "checkout" (title, 2) and "refund" (prose, 1).
    const text = '---\nid: FEAT-1\ntitle: One-click checkout\n---\nCuts refunds.\n';
    assert.deepEqual(suggestGoals(a, 'FEAT-1', 5, text).map((g) => [g.id, g.score]), [['G-2', 3], ['G-1', 2]]);
    assert.deepEqual(suggestGoals(a, 'FEAT-1').map((g) => [g.id, g.score]), [['G-2', 2], ['G-1', 2]], 'a tie goes to the nearer horizon');
  });

  it('leaves out goals already linked and dropped goals, and caps the list', async () => {
    assert.deepEqual(suggestGoals(analysis, 'FEAT-2').map((g) => g.id), ['G-2']);
    assert.equal(suggestGoals(analysis, 'FEAT-3', 1).length, 1);
    const a = await analyzeFiles({ 'r.md': '## G-1 A\n- status: dropped\n\n## G-2 B\n', 'f.md': '## FEAT-1 A\n' });
    assert.deepEqual(suggestGoals(a, 'FEAT-1').map((g) => g.id), ['G-2']);
  });

  it('answers nothing for IDs that are not features', () => {
    assert.deepEqual(suggestGoals(analysis, 'T-1'), []);
    assert.deepEqual(suggestGoals(analysis, 'FEAT-99'), []);
  });
});
