import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { baselineOf } from '../../../src/core/baseline/baseline.js';
import { slipMarks } from '../../../src/core/baseline/slipMarks.js';
import { getHover } from '../../../src/core/language/hover.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import { cursorAt } from '../language/helpers.js';

// Mon 2027-01-04 start, Mon–Fri weeks. Then: T-1 2d (Mon–Tue), T-2 3d (Wed–Fri 01-08), M-1 after T-2 (Fri 01-08).
const plan = (t1: string, t2 = 'T-2'): string => `---
title: Plan
start: 2027-01-04
---

| ID | Task | Duration | After | Features |
|---|---|---|---|---|
| T-1 | Design | ${t1} | | FEAT-1 |
| ${t2} | Build | 3d | T-1 | FEAT-1 |

- M-1 Release
  - after: ${t2}
`;
const SPEC = '---\nid: FEAT-1\ntitle: Checkout\n---\n';

async function analyze(files: Record<string, string>, baselineFiles?: Record<string, string>): Promise<Analysis> {
  const ws = createWorkspace({ fs: memoryFileSystem({ ...files }), today: () => parseIsoDate('2027-01-04')! });
  await ws.load();
  if (baselineFiles) ws.setBaseline(baselineOf(await analyze(baselineFiles), 'v1.0*', 'a'.repeat(40)));
  return ws.analyze();
}

describe('baseline dates and slips in hovers and the Plan Explorer\'s marks', () => {
  const THEN = { 'plan.md': plan('2d'), 'feat.md': SPEC };

  it('gives every task, milestone and feature its baseline end and slip; tolerance decides what counts as slipped', async () => {
    // T-1 4d now: Mon–Thu 01-07; T-2 Fri 01-08 … Tue 01-12; M-1 Tue 01-12: 2 working days later.
    const now = await analyze({ 'plan.md': plan('4d'), 'feat.md': SPEC, '.specline.yml': 'baseline: v1.0\nslip-tolerance: 1\n' }, THEN);
    const marks = slipMarks(now);
    assert.deepEqual([...marks.keys()].sort(), ['FEAT-1', 'M-1', 'T-1', 'T-2']);
    assert.deepEqual(marks.get('M-1'), { slip: 2, added: false, baselineEnd: parseIsoDate('2027-01-08'), beyondTolerance: true, short: '+2d', ref: 'v1.0*', detail: 'due 2027-01-08 · slipped +2 working days' });
    assert.equal(marks.get('FEAT-1')!.detail, 'ends 2027-01-08 · slipped +2 working days');
    const within = await analyze({ 'plan.md': plan('3d'), 'feat.md': SPEC, '.specline.yml': 'baseline: v1.0\nslip-tolerance: 1\n' }, THEN);
    assert.deepEqual([slipMarks(within).get('M-1')!.slip, slipMarks(within).get('M-1')!.beyondTolerance], [1, false]);
  });

  it('an added or renamed item is "not in it", one ahead has a negative slip, and without a baseline there are no marks', async () => {
    const now = await analyze({ 'plan.md': plan('1d', 'T-20'), 'feat.md': SPEC }, THEN);
    const marks = slipMarks(now);
    assert.deepEqual([marks.get('T-20')!.added, marks.get('T-20')!.slip, marks.get('T-20')!.detail], [true, null, 'not in it (added since)']);
    assert.deepEqual([marks.get('T-1')!.slip, marks.get('T-1')!.short, marks.get('T-1')!.beyondTolerance, marks.get('T-1')!.detail], [-1, '−1d', false, 'ends 2027-01-05 · ahead by 1 working day']);
    assert.equal(slipMarks(await analyze(THEN)).size, 0);
  });

  it('hovers on a task, a milestone and a feature show the baseline line; the ref is escaped', async () => {
    const text = plan('4d');
    const now = await analyze({ 'plan.md': text, 'feat.md': SPEC }, THEN);
    const at = (file: string, source: string, marker: string): string => {
      const { position } = cursorAt(source.replace(marker, `${marker.slice(0, 2)}‸${marker.slice(2)}`));
      return getHover(now, file, source, position)!.markdown;
    };
    assert.match(at('plan.md', text, '| T-2 |'), /\*\*Baseline \(v1\.0\\\*\):\*\* ends 2027-01-08 · slipped \+2 working days/);
    assert.match(at('plan.md', text, '- M-1'), /\*\*Baseline \(v1\.0\\\*\):\*\* due 2027-01-08 · slipped \+2 working days/);
    assert.match(at('feat.md', SPEC, 'FEAT-1'), /\*\*Baseline \(v1\.0\\\*\):\*\* ends 2027-01-08 · slipped \+2 working days/);
    const plain = await analyze({ 'plan.md': text, 'feat.md': SPEC });
    const { position } = cursorAt(text.replace('| T-2 |', '| T‸-2 |'));
    assert.ok(!getHover(plain, 'plan.md', text, position)!.markdown.includes('Baseline'));
  });
});
