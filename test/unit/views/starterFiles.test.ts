import assert from 'node:assert/strict';
import { formatDate, parseIsoDate } from '../../../src/core/model/dates.js';
import { flattenPlanTree, buildPlanTree } from '../../../src/core/views/planTree.js';
import { STARTER_PLAN, starterFiles } from '../../../src/core/views/starterFiles.js';
import { analyzeFiles } from '../language/helpers.js';

describe('starterFiles', () => {
  // A Monday, a Wednesday, a Saturday and a Sunday: the plan always starts on a Monday ahead.
  for (const today of ['2027-01-04', '2027-03-03', '2027-05-29', '2027-12-26']) {
    it(`checks clean on ${today}`, async () => {
      const files = Object.fromEntries(starterFiles(parseIsoDate(today)!).map((f) => [f.path, f.text]));
      assert.deepEqual(Object.keys(files), ['roadmap.md', 'specs/FEAT-1.md', STARTER_PLAN]);
      const analysis = await analyzeFiles(files, today);
      assert.deepEqual(analysis.diagnostics.map((d) => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
      assert.deepEqual([...analysis.items.keys()].sort(), ['FEAT-1', 'G-1', 'M-1', 'T-1', 'T-2', 'T-3']);
      const start = analysis.schedule.tasks.get('T-1')!.start!;
      assert.ok(start >= parseIsoDate(today)! && start < parseIsoDate(today)! + 7, `T-1 starts ${formatDate(start)}`);
      assert.equal(analysis.features.get('FEAT-1')?.traced, true);
    });
  }

  it('fills the Plan Explorer with one goal, feature, three tasks and a milestone', async () => {
    const files = Object.fromEntries(starterFiles(parseIsoDate('2027-01-04')!).map((f) => [f.path, f.text]));
    const tree = buildPlanTree(await analyzeFiles(files, '2027-01-04'));
    assert.deepEqual(flattenPlanTree(tree).map((n) => n.key), ['G-1', 'G-1/FEAT-1', 'G-1/FEAT-1/T-1', 'G-1/FEAT-1/T-2', 'G-1/FEAT-1/T-3', 'G-1/FEAT-1/M-1']);
  });
});
