import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getReferences, getReferencesAt } from '../../../src/core/language/references.js';
import { analyzeFiles, cursorAt, textAt, workspaceFiles } from './helpers.js';

describe('getReferences', () => {
  let analysis: Analysis;
  let files: Record<string, string>;
  before(async () => {
    files = workspaceFiles();
    files['notes.md'] = '# Notes\n\nT-2 is the risky one; [T-2](plan.md#T-2) has the details. FEAT-1 needs T-2 too.\n';
    analysis = await analyzeFiles(files);
  });

  const shown = (refs: ReturnType<typeof getReferences>): string[] =>
    refs.map((r) => `${r.file}:${r.range.start.line + 1}:${r.range.start.character} ${r.kind}${r.key ? `/${r.key}` : ''}${r.from ? ` from ${r.from}` : ''} ${textAt(files[r.file]!, r.range)}`);

  it('finds links and prose mentions in every file, sorted by file and position', () => {
    assert.deepEqual(shown(getReferences(analysis, 'T-2', { includeDeclaration: false })), [
      'notes.md:3:0 mention T-2',
      'notes.md:3:23 mention T-2',
      'notes.md:3:71 mention T-2',
      'plan.md:11:11 link/after from M-1 T-2',
      'specs/sso.md:12:32 mention T-2',
    ]);
  });

  it('adds the definition on request', () => {
    const refs = getReferences(analysis, 'T-2', { includeDeclaration: true });
    assert.equal(refs.length, 6);
    assert.deepEqual(shown(refs.filter((r) => r.kind === 'definition')), ['plan.md:19:6 definition T-2']);
    assert.deepEqual(refs.map((r) => r.file), ['notes.md', 'notes.md', 'notes.md', 'plan.md', 'plan.md', 'specs/sso.md']);
  });

  it('covers link attributes of every form: front matter, lists, tables', () => {
    const g1 = shown(getReferences(analysis, 'G-1', { includeDeclaration: true }));
    assert.deepEqual(g1, [
      'roadmap.md:3:3 definition G-1',
      'specs/features.md:4:9 link/goals from FEAT-2 G-1',
      'specs/sso.md:4:8 link/goals from FEAT-1 G-1',
    ]);
    const feat4 = shown(getReferences(analysis, 'FEAT-4', { includeDeclaration: false }));
    assert.deepEqual(feat4, ['billing-plan.md:5:23 link/features from T-10 FEAT-4', 'billing-plan.md:6:23 link/features from T-11 FEAT-4']);
  });

  it('lists every definition of a duplicated ID once', async () => {
    const a = await analyzeFiles({ 'a.md': '## G-1 A\n\nG-1 again\n', 'b.md': '## G-1 B\n' });
    assert.deepEqual(getReferences(a, 'G-1', { includeDeclaration: true }).map((r) => `${r.file}:${r.range.start.line} ${r.kind}`), ['a.md:0 definition', 'a.md:2 mention', 'b.md:0 definition']);
  });

  it('works from a position, and for IDs nothing defines', () => {
    const { text, position } = cursorAt('See FEAT-‸1');
    assert.equal(getReferencesAt(analysis, 'x.md', text, position, { includeDeclaration: true }).length, 4);
    assert.deepEqual(getReferences(analysis, 'T-404', { includeDeclaration: true }), []);
  });
});
