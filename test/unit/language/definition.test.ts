import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getDefinitions } from '../../../src/core/language/definition.js';
import { analyzeFiles, cursorAt, PLAN, textAt, workspaceFiles } from './helpers.js';

describe('getDefinitions', () => {
  let analysis: Analysis;
  let files: Record<string, string>;
  before(async () => {
    files = workspaceFiles();
    analysis = await analyzeFiles(files);
  });

  const definitions = (file: string, marked: string, a = analysis): Array<{ file: string; id: string; origin: string; line: number }> => {
    const { text, position } = cursorAt(marked);
    return getDefinitions(a, file, text, position).map((d) => ({ file: d.file, id: textAt(files[d.file] ?? '', d.range), origin: textAt(text, d.originRange), line: d.targetRange.start.line }));
  };

  it('goes from a link to the definition in another file, selecting the ID and spanning the item', () => {
    const found = definitions('plan.md', PLAN.replace('features: FEAT-1\n  - duration: 3d', 'features: FEAT-‸1\n  - duration: 3d'));
    assert.deepEqual(found, [{ file: 'specs/sso.md', id: 'FEAT-1', origin: 'FEAT-1', line: 0 }]);
  });

  it('works from prose mentions and from the definition itself', () => {
    assert.deepEqual(definitions('notes.md', 'We ship G-‸3 later.').map((d) => [d.file, d.line]), [['roadmap.md', 11]]);
    assert.deepEqual(definitions('plan.md', PLAN.replace('- [ ] T-2 SAML', '- [ ] T-‸2 SAML')).map((d) => [d.file, d.id]), [['plan.md', 'T-2']]);
  });

  it('gives every definition of a duplicated ID, in file order', async () => {
    const dup = { 'a.md': '## G-1 First\n', 'b.md': '# B\n\n- G-1 Second\n', 'c.md': '---\nid: FEAT-1\ngoals: [G-1]\n---\n' };
    const a = await analyzeFiles(dup);
    const { text, position } = cursorAt('---\nid: FEAT-1\ngoals: [G-‸1]\n---\n');
    const found = getDefinitions(a, 'c.md', text, position);
    assert.deepEqual(found.map((d) => [d.file, d.range.start.line, d.range.start.character]), [['a.md', 0, 3], ['b.md', 2, 2]]);
  });

  it('gives nothing for unknown IDs and positions on no ID', () => {
    assert.deepEqual(definitions('plan.md', 'See T-9‸9.'), []);
    assert.deepEqual(definitions('plan.md', 'No ‸ID here.'), []);
  });
});
