import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getRenameEdits, prepareRename } from '../../../src/core/language/rename.js';
import type { TextEdit } from '../../../src/core/language/types.js';
import { analyzeFiles, applyEdits, applyWorkspaceEdits, cursorAt, PLAN, problems, textAt, workspaceFiles } from './helpers.js';

function editsOf(result: ReturnType<typeof getRenameEdits>): TextEdit[] {
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  return result.edits;
}

describe('rename', () => {
  let analysis: Analysis;
  let files: Record<string, string>;
  before(async () => {
    files = workspaceFiles();
    files['notes.md'] = '# Notes\n\nG-1 matters most. [G-1](roadmap.md#g-1 "G-1") and **G-1**.\n';
    analysis = await analyzeFiles(files);
  });

  describe('prepareRename', () => {
    it('answers the ID\'s range and the ID as placeholder', () => {
      const { text, position } = cursorAt(PLAN.replace('  - after: T-2', '  - after: T‸-2'));
      const result = prepareRename(analysis, 'plan.md', text, position);
      assert.ok('range' in result);
      assert.equal(result.placeholder, 'T-2');
      assert.equal(textAt(text, result.range), 'T-2');
    });

    it('refuses positions on no ID and IDs nothing defines', () => {
      const nothing = cursorAt('Just ‸words');
      assert.match((prepareRename(analysis, 'x.md', nothing.text, nothing.position) as { error: string }).error, /Only item IDs/);
      const unknown = cursorAt('See T-‸77');
      assert.match((prepareRename(analysis, 'x.md', unknown.text, unknown.position) as { error: string }).error, /T-77 is not defined/);
    });
  });

  describe('getRenameEdits', () => {
    it('renames a goal in its definition and every link and mention across files; the result re-parses cleanly', async () => {
      const edits = editsOf(getRenameEdits(analysis, 'G-1', 'G-10'));
      assert.deepEqual([...new Set(edits.map((e) => e.file))], ['notes.md', 'roadmap.md', 'specs/features.md', 'specs/sso.md']);
      assert.ok(edits.every((e) => e.newText === 'G-10'));
      for (const e of edits) assert.equal(textAt(files[e.file]!, e.range), 'G-1');
      const renamed = applyWorkspaceEdits(files, edits);
      assert.match(renamed['roadmap.md']!, /^## G-10 Halve onboarding time$/m);
      assert.match(renamed['specs/sso.md']!, /^goals: \[G-10\]$/m);
      assert.match(renamed['specs/features.md']!, /^- goals: G-10, G-3$/m);
      assert.equal(renamed['notes.md'], '# Notes\n\nG-10 matters most. [G-10](roadmap.md#g-1 "G-1") and **G-10**.\n');
      const after = await analyzeFiles(renamed);
      assert.deepEqual(problems(after, 'ref.unknown', 'ref.wrong-kind', 'id.duplicate'), []);
      assert.equal(after.items.has('G-1'), false);
      assert.deepEqual(after.goals.get('G-10')!.features.sort(), ['FEAT-1', 'FEAT-2']);
      assert.deepEqual(problems(after), problems(analysis), 'no other diagnostic changes');
    });

    it('renames a task in its definition, links and prose; a front-matter ID too', async () => {
      const renamed = applyWorkspaceEdits(files, editsOf(getRenameEdits(analysis, 'T-2', 'TASK-2')));
      assert.match(renamed['plan.md']!, /- after: TASK-2\n/);
      assert.match(renamed['plan.md']!, /- \[ \] TASK-2 SAML handshake/);
      assert.match(renamed['specs/sso.md']!, /see TASK-2 for/);
      const feat = applyWorkspaceEdits(renamed, editsOf(getRenameEdits(await analyzeFiles(renamed), 'FEAT-1', 'EPIC-1')));
      assert.match(feat['specs/sso.md']!, /^id: EPIC-1$/m);
      const after = await analyzeFiles(feat);
      assert.deepEqual(problems(after, 'ref.unknown'), []);
      assert.deepEqual(after.features.get('EPIC-1')!.tasks, ['T-1', 'TASK-2']);
      assert.equal(after.schedule.milestones.get('M-1')!.date, analysis.schedule.milestones.get('M-1')!.date);
    });

    it('keeps quotes around a quoted front-matter ID', async () => {
      const a = await analyzeFiles({ 'f.md': '---\nid: "FEAT-7"\n---\n# F\n', 'p.md': '- [ ] T-1 X\n  - features: FEAT-7\n' });
      const out = applyEdits('---\nid: "FEAT-7"\n---\n# F\n', editsOf(getRenameEdits(a, 'FEAT-7', 'FEAT-8')).filter((e) => e.file === 'f.md'));
      assert.equal(out, '---\nid: "FEAT-8"\n---\n# F\n');
    });

    it('orders edits by file, and from the end of each file to its start, without duplicates', () => {
      const edits = editsOf(getRenameEdits(analysis, 'G-1', 'G-10'));
      const order = edits.map((e) => e.file);
      assert.deepEqual(order, [...order].sort());
      const keys = edits.map((e) => `${e.file}:${e.range.start.line}:${e.range.start.character}`);
      assert.equal(new Set(keys).size, keys.length);
      for (let i = 1; i < edits.length; i++) {
        const [a, b] = [edits[i - 1]!, edits[i]!];
        if (a.file !== b.file) continue;
        assert.ok(a.range.start.line > b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character > b.range.start.character));
      }
      // Applied one at a time in the given order, with no offset bookkeeping, they give the same text.
      for (const file of new Set(order)) {
        let text = files[file]!;
        for (const e of edits.filter((x) => x.file === file)) {
          const lines = text.split('\n');
          const line = lines[e.range.start.line]!;
          lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
          text = lines.join('\n');
        }
        assert.equal(text, applyEdits(files[file]!, edits.filter((x) => x.file === file)));
      }
    });

    it('renames every definition of a duplicated ID', async () => {
      const a = await analyzeFiles({ 'a.md': '## G-1 A\n', 'b.md': '## G-1 B\n', 'c.md': '---\nid: FEAT-1\ngoals: [G-1]\n---\n' });
      assert.deepEqual(editsOf(getRenameEdits(a, 'G-1', 'G-5')).map((e) => e.file), ['a.md', 'b.md', 'c.md']);
    });

    it('refuses an ID that already exists, and says where it is defined', () => {
      const result = getRenameEdits(analysis, 'G-1', 'G-2');
      assert.deepEqual(result, { error: 'G-2 already exists: it is defined in roadmap.md, line 8.' });
    });

    it('refuses a prefix of another kind, or no kind', () => {
      assert.match((getRenameEdits(analysis, 'G-1', 'FEAT-10') as { error: string }).error, /FEAT-10 would be a feature, but G-1 is a goal: keep a goal prefix \(G, GOAL, OKR\)/);
      assert.match((getRenameEdits(analysis, 'G-1', 'ZZ-1') as { error: string }).error, /ZZ is not an item prefix/);
    });

    it('refuses text that is not an ID', () => {
      for (const bad of ['g-1', 'G1', 'G-', 'G-1a', 'G 1', '', 'G-1, G-2']) {
        assert.match((getRenameEdits(analysis, 'G-1', bad) as { error: string }).error, /is not an ID/, bad);
      }
    });

    it('refuses an ID nothing defines; renaming to itself changes nothing', () => {
      assert.match((getRenameEdits(analysis, 'G-77', 'G-78') as { error: string }).error, /G-77 is not defined/);
      assert.deepEqual(getRenameEdits(analysis, 'G-1', 'G-1'), { edits: [] });
    });

    it('accepts dotted IDs and surrounding whitespace', () => {
      const edits = editsOf(getRenameEdits(analysis, 'T-3', ' T-3.1 '));
      assert.ok(edits.length > 0 && edits.every((e) => e.newText === 'T-3.1'));
    });
  });
});
