import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import type { DocumentSymbol } from '../../../src/core/language/symbols.js';
import { getDocumentSymbols, getWorkspaceSymbols, MAX_WORKSPACE_SYMBOLS } from '../../../src/core/language/symbols.js';
import { analyzeFiles, textAt, workspaceFiles } from './helpers.js';

/** `kind name` lines, indented by depth. */
function outline(nodes: DocumentSymbol[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind} ${n.name}`, ...outline(n.children, depth + 1)]);
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkRanges(nodes: DocumentSymbol[]): void {
  for (const n of nodes) {
    assert.ok(contains(n.range, n.selectionRange), `${n.name}: selection outside range`);
    for (const c of n.children) assert.ok(contains(n.range, c.range), `${c.name} outside ${n.name}`);
    checkRanges(n.children);
  }
}

describe('symbols', () => {
  let analysis: Analysis;
  let files: Record<string, string>;
  before(async () => {
    files = workspaceFiles();
    files['subs.md'] = '# Work\n\n- [ ] T-7 Parent\n  - duration: 2d\n  - [ ] T-7.1 Child\n    - [ ] T-7.1.1 Grandchild\n- [ ] T-8 Next\n\n## Later\n\n| ID | Title |\n|---|---|\n| T-9 | Table task |\n';
    analysis = await analyzeFiles(files);
  });

  describe('getDocumentSymbols', () => {
    it('nests list items under their heading sections', () => {
      const symbols = getDocumentSymbols(analysis.files.get('plan.md')!);
      assert.deepEqual(outline(symbols), [
        'section Q1 plan',
        '  section Milestones',
        '    milestone M-1 Beta',
        '  section Tasks',
        '    task T-1 Design the SSO flow',
        '    task T-2 SAML handshake',
        '    task T-3 Checklist UI',
      ]);
      checkRanges(symbols);
      const t1 = symbols[0]!.children[1]!.children[0]!;
      assert.equal(textAt(files['plan.md']!, t1.selectionRange), 'T-1');
      assert.equal(t1.detail, 'done');
      assert.equal(t1.id, 'T-1');
      assert.equal(textAt(files['plan.md']!, t1.range), '- [x] T-1 Design the SSO flow\n  - features: FEAT-1\n  - duration: 3d\n  - owner: @ana');
    });

    it('makes heading items one node holding what is under them, table rows included', () => {
      const symbols = getDocumentSymbols(analysis.files.get('specs/features.md')!);
      assert.deepEqual(outline(symbols), [
        'section Features',
        '  feature FEAT-2 Guided onboarding checklist',
        '  feature FEAT-3 Usage-based billing',
        '    feature FEAT-4 Invoice export',
        '    feature FEAT-5 Tax | VAT rules',
      ]);
      checkRanges(symbols);
      assert.equal(textAt(files['specs/features.md']!, symbols[0]!.children[0]!.selectionRange), 'FEAT-2');
    });

    it('puts a document item at the root, over the document\'s sections', () => {
      const symbols = getDocumentSymbols(analysis.files.get('specs/sso.md')!);
      assert.deepEqual(outline(symbols), ['feature FEAT-1 Single sign-on', '  section Single sign-on']);
      assert.equal(textAt(files['specs/sso.md']!, symbols[0]!.selectionRange), 'FEAT-1');
      checkRanges(symbols);
    });

    it('nests sub-items under their parent item, in source order', () => {
      const symbols = getDocumentSymbols(analysis.files.get('subs.md')!);
      assert.deepEqual(outline(symbols), [
        'section Work',
        '  task T-7 Parent',
        '    task T-7.1 Child',
        '      task T-7.1.1 Grandchild',
        '  task T-8 Next',
        '  section Later',
        '    task T-9 Table task',
      ]);
      checkRanges(symbols);
    });

    it('lists items before any heading at the root, and handles files without items', async () => {
      const a = await analyzeFiles({ 'x.md': '- G-1 Loose goal\n\n# Title\n\nText.\n', 'empty.md': '' });
      assert.deepEqual(outline(getDocumentSymbols(a.files.get('x.md')!)), ['goal G-1 Loose goal', 'section Title']);
      assert.deepEqual(getDocumentSymbols(a.files.get('empty.md')!), []);
    });
  });

  describe('getWorkspaceSymbols', () => {
    it('matches `ID title` by case-insensitive subsequence, exact and prefix ID matches first', () => {
      const names = getWorkspaceSymbols(analysis, 't-1').map((s) => s.name);
      assert.deepEqual(names.slice(0, 3), ['T-1 Design the SSO flow', 'T-10 Usage meter', 'T-11 Invoice PDF']);
      assert.ok(names.includes('FEAT-1 Single sign-on'));
      assert.deepEqual(getWorkspaceSymbols(analysis, 'SSO').map((s) => s.id), ['FEAT-1', 'T-1']);
      assert.deepEqual(getWorkspaceSymbols(analysis, 'vat rules').map((s) => s.id), ['FEAT-5']);
      assert.deepEqual(getWorkspaceSymbols(analysis, 'zzz'), []);
    });

    it('gives the location, kind and container of each match', () => {
      const [t3] = getWorkspaceSymbols(analysis, 'T-3');
      assert.equal(t3!.file, 'plan.md');
      assert.equal(t3!.kind, 'task');
      assert.equal(t3!.containerName, 'Tasks');
      assert.equal(textAt(files['plan.md']!, t3!.selectionRange), 'T-3');
      assert.equal(getWorkspaceSymbols(analysis, 'FEAT-1')[0]!.containerName, 'specs/sso.md');
    });

    it('lists every definition of a duplicated ID', async () => {
      const a = await analyzeFiles({ 'a.md': '## G-1 A\n', 'b.md': '## G-1 B\n' });
      assert.deepEqual(getWorkspaceSymbols(a, 'G-1').map((s) => `${s.file} ${s.name}`), ['a.md G-1 A', 'b.md G-1 B']);
    });

    it('stops at 500 results, in ID order for an empty query', async () => {
      const rows = Array.from({ length: 700 }, (_, i) => `- [ ] T-${i + 1} Task ${i + 1}`).join('\n');
      const a = await analyzeFiles({ 'plan.md': `${rows}\n` });
      const all = getWorkspaceSymbols(a, '');
      assert.equal(all.length, MAX_WORKSPACE_SYMBOLS);
      assert.deepEqual(all.slice(0, 3).map((s) => s.id), ['T-1', 'T-2', 'T-3']);
      const some = getWorkspaceSymbols(a, 'T-7');
      assert.deepEqual(some.slice(0, 3).map((s) => s.id), ['T-7', 'T-70', 'T-71']);
      assert.equal(getWorkspaceSymbols(a, 'task').length, MAX_WORKSPACE_SYMBOLS);
    });
  });
});
