import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { suppressionEdit } from '../../../src/core/language/suppressionEdit.js';
import type { Diagnostic } from '../../../src/core/model/types.js';
import { analyzeFiles, applyEdits, FEATURES, problems, workspaceFiles } from './helpers.js';

function find(analysis: Analysis, file: string, code: string, item?: string): Diagnostic {
  const d = analysis.diagnostics.find((x) => x.file === file && x.code === code && (!item || x.data?.item === item));
  assert.ok(d, `no ${code} in ${file}: ${problems(analysis).join('; ')}`);
  return d;
}

/**
 * Suppresses one diagnostic, re-analyses, and checks that exactly that diagnostic is gone
 * and the file still defines the same items with the same attributes.
 */
async function suppress(files: Record<string, string>, file: string, code: string, item?: string): Promise<string> {
  const before = await analyzeFiles(files);
  const target = find(before, file, code, item);
  const edit = suppressionEdit(target, files[file]!);
  assert.ok(edit, 'a suppression is offered');
  const text = applyEdits(files[file]!, [edit]);
  const after = await analyzeFiles({ ...files, [file]: text });
  const gone = (a: Analysis): string[] => problems(a).filter((p) => !(p === `${file}:${target.range.start.line + 1} ${code}` && a === before));
  const expected = gone(before).map((p) => {
    // Lines below an inserted comment line move down by one.
    const [where, c] = p.split(' ');
    const [f, l] = where!.split(':');
    const line = Number(l);
    const shift = f === file && edit.newText.endsWith('\n') && line > target.range.start.line ? 1 : 0;
    return `${f}:${line + shift} ${c}`;
  });
  assert.deepEqual(problems(after), expected);
  const items = (a: Analysis): string[] => a.files.get(file)!.items.map((i) => `${i.id} ${i.title} ${JSON.stringify(Object.fromEntries(Object.entries(i.attributes).map(([k, v]) => [k, v!.text])))}`);
  assert.deepEqual(items(after), items(before));
  return text;
}

describe('suppressionEdit', () => {
  it('puts a disable-next-line comment above a heading item', async () => {
    const text = await suppress(workspaceFiles(), 'specs/features.md', 'trace.feature-no-goal', 'FEAT-3');
    assert.match(text, /\n<!-- specline-disable-next-line trace\.feature-no-goal -->\n## FEAT-3 Usage-based billing\n/);
  });

  it('adds a second code to a comment that is already there', async () => {
    const files = workspaceFiles();
    files['specs/features.md'] = await suppress(files, 'specs/features.md', 'trace.feature-no-goal', 'FEAT-3');
    const text = await suppress(files, 'specs/features.md', 'trace.feature-no-task', 'FEAT-3');
    assert.match(text, /\n<!-- specline-disable-next-line trace\.feature-no-goal trace\.feature-no-task -->\n## FEAT-3/);
  });

  it('keeps the indentation of a nested attribute line', async () => {
    const plan = '---\nstart: 2027-01-04\n---\n- [ ] T-1 One\n  - features: FEAT-1\n  - duration: 0d\n  - owner: @ana\n- [ ] T-2 Two\n  - duration: 1d\n';
    const text = await suppress({ 'plan.md': plan }, 'plan.md', 'schema.invalid');
    assert.equal(text, plan.replace('  - duration: 0d', '  <!-- specline-disable-next-line schema.invalid -->\n  - duration: 0d'));
  });

  it('works right under a list item\'s first line', async () => {
    const plan = '- [ ] T-1 One\n  - duration: 0d\n';
    const text = await suppress({ 'plan.md': plan }, 'plan.md', 'schema.invalid');
    assert.equal(text, '- [ ] T-1 One\n  <!-- specline-disable-next-line schema.invalid -->\n  - duration: 0d\n');
  });

  it('ends a table row with a disable-line comment instead of breaking the table', async () => {
    const text = await suppress(workspaceFiles(), 'specs/features.md', 'trace.feature-no-goal', 'FEAT-5');
    assert.equal(text, FEATURES.replace('| FEAT-5 | Tax \\| VAT rules |  | could |', '| FEAT-5 | Tax \\| VAT rules |  | could | <!-- specline-disable-line trace.feature-no-goal -->'));
    const files = { ...workspaceFiles(), 'specs/features.md': text };
    const again = await suppress(files, 'specs/features.md', 'trace.feature-no-task', 'FEAT-5');
    assert.match(again, /\| could \| <!-- specline-disable-line trace\.feature-no-goal trace\.feature-no-task -->$/m);
  });

  it('ends a later entry of a heading\'s attribute list, which a comment line would split', async () => {
    const roadmap = '## G-1 One\n- metric: weekly actives\n- horizon: 2027-Q5\n- owner: @ana\n';
    const text = await suppress({ 'r.md': roadmap }, 'r.md', 'schema.invalid');
    assert.equal(text, roadmap.replace('- horizon: 2027-Q5', '- horizon: 2027-Q5 <!-- specline-disable-line schema.invalid -->'));
  });

  it('puts the comment above the first entry of an attribute list', async () => {
    const roadmap = '## G-1 One\n- horizon: 2027-Q5\n- metric: weekly actives\n';
    const text = await suppress({ 'r.md': roadmap }, 'r.md', 'schema.invalid');
    assert.equal(text, '## G-1 One\n<!-- specline-disable-next-line schema.invalid -->\n- horizon: 2027-Q5\n- metric: weekly actives\n');
  });

  it('is not offered in front matter, outside Markdown, or where the code is already off', async () => {
    const a = await analyzeFiles({ 'f.md': '---\nid: FEAT-1\nstatus: nope\n---\n' });
    const d = find(a, 'f.md', 'schema.invalid');
    assert.equal(suppressionEdit(d, '---\nid: FEAT-1\nstatus: nope\n---\n'), undefined);
    assert.equal(suppressionEdit({ ...d, file: '.specline.yml' }, 'rules: {}\n'), undefined);
    const covered = '<!-- specline-disable-next-line -->\n## FEAT-1 x\n';
    assert.equal(suppressionEdit({ ...d, range: { start: { line: 1, character: 3 }, end: { line: 1, character: 9 } } }, covered), undefined);
  });

  it('keeps CRLF line breaks', async () => {
    const a = await analyzeFiles({ 'r.md': '# R\r\n\r\n## G-1 One\r\n' });
    const d = find(a, 'r.md', 'trace.goal-no-feature');
    const edit = suppressionEdit(d, '# R\r\n\r\n## G-1 One\r\n')!;
    assert.equal(edit.newText, '<!-- specline-disable-next-line trace.goal-no-feature -->\r\n');
  });
});
