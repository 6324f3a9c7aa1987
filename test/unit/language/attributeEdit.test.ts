import assert from 'node:assert/strict';
import { addDurationEdit, addGoalEdit } from '../../../src/core/language/attributeEdit.js';
import { analyzeFiles, applyEdits, FEATURES, problems, SSO_SPEC, workspaceFiles } from './helpers.js';

const ROADMAP = '## G-1 One\n\n## G-2 Two\n\n## G-3 Three\n';

/**
 * Adds `goal` to `feature` in `file` (with the given text), applies the edit, re-analyses
 * and checks that the feature now links the goal, keeps its other attributes, and that
 * no schema error appeared. Returns the new text.
 */
async function addGoal(fileText: string, feature: string, goal: string, extra: Record<string, string> = {}): Promise<string> {
  const files = { 'roadmap.md': ROADMAP, ...extra, 'f.md': fileText };
  const before = await analyzeFiles(files);
  const edit = addGoalEdit(before, feature, goal, fileText);
  assert.ok(edit, 'an edit is offered');
  assert.equal(edit.file, 'f.md');
  const text = applyEdits(fileText, [edit]);
  const after = await analyzeFiles({ ...files, 'f.md': text });
  const item = after.items.get(feature)!;
  assert.ok(item.links.goals?.some((r) => r.id === goal), `${feature} links ${goal} in:\n${text}`);
  assert.deepEqual(problems(after, 'schema.invalid', 'schema.yaml', 'ref.unknown', 'ref.wrong-kind'), []);
  const was = before.items.get(feature)!;
  for (const key of Object.keys(was.attributes) as Array<keyof typeof was.attributes>) {
    if (key !== 'goals') assert.equal(item.attributes[key]?.text, was.attributes[key]?.text, `${key} unchanged`);
  }
  assert.deepEqual(item.links.goals!.map((r) => r.id), [...(was.links.goals ?? []).map((r) => r.id), goal]);
  return text;
}

describe('addGoalEdit', () => {
  describe('front matter', () => {
    it('a flow list', async () => {
      assert.match(await addGoal(SSO_SPEC, 'FEAT-1', 'G-2', { 'roadmap.md': '## G-1 One\n\n## G-2 Two\n', 'personas.md': '- P-1 Admin\n' }), /^goals: \[G-1, G-2\]$/m);
      assert.match(await addGoal('---\nid: FEAT-1\ngoals: [ ]\n---\n', 'FEAT-1', 'G-2'), /^goals: \[G-2\]$/m);
    });

    it('a block list', async () => {
      const text = await addGoal('---\nid: FEAT-1\ngoals:\n  - G-1\n  - G-3\nstatus: draft\n---\n# F\n', 'FEAT-1', 'G-2');
      assert.equal(text, '---\nid: FEAT-1\ngoals:\n  - G-1\n  - G-3\n  - G-2\nstatus: draft\n---\n# F\n');
    });

    it('a scalar, an empty value, and `none`', async () => {
      assert.match(await addGoal('---\nid: FEAT-1\ngoals: G-1\n---\n', 'FEAT-1', 'G-2'), /^goals: \[G-1, G-2\]$/m);
      assert.match(await addGoal('---\nid: FEAT-1\ngoals:\nstatus: draft\n---\n', 'FEAT-1', 'G-2'), /^goals: \[G-2\]\nstatus: draft$/m);
      assert.match(await addGoal('---\nid: FEAT-1\ngoal: none\n---\n', 'FEAT-1', 'G-2'), /^goal: \[G-2\]$/m);
    });

    it('a missing key goes before the closing ---', async () => {
      const text = await addGoal('---\nid: FEAT-1\ntitle: F\npriority: must\n---\n# F\n', 'FEAT-1', 'G-2');
      assert.equal(text, '---\nid: FEAT-1\ntitle: F\npriority: must\ngoals: [G-2]\n---\n# F\n');
    });

    it('keeps CRLF line breaks', async () => {
      const text = await addGoal('---\r\nid: FEAT-1\r\ntitle: F\r\n---\r\n', 'FEAT-1', 'G-2');
      assert.equal(text, '---\r\nid: FEAT-1\r\ntitle: F\r\ngoals: [G-2]\r\n---\r\n');
    });
  });

  describe('heading items', () => {
    it('appends to an existing `- goals:` entry', async () => {
      const text = await addGoal(FEATURES, 'FEAT-2', 'G-2');
      assert.match(text, /^- goals: G-1, G-3, G-2$/m);
    });

    it('adds an entry to the attribute list', async () => {
      const text = await addGoal('# Features\n\n## FEAT-1 One\n\nWhy it matters.\n\n- priority: must\n- status: draft\n\n## FEAT-2 Two\n', 'FEAT-1', 'G-2');
      assert.equal(text, '# Features\n\n## FEAT-1 One\n\nWhy it matters.\n\n- priority: must\n- status: draft\n- goals: G-2\n\n## FEAT-2 Two\n');
    });

    it('creates an attribute list under the heading, before its prose', async () => {
      const text = await addGoal(FEATURES, 'FEAT-3', 'G-2');
      assert.match(text, /## FEAT-3 Usage-based billing\n\n- goals: G-2\n\nBill customers/);
      const last = await addGoal('## FEAT-1 One', 'FEAT-1', 'G-2');
      assert.equal(last, '## FEAT-1 One\n\n- goals: G-2');
      const tight = await addGoal('## FEAT-1 One\nProse right under.\n', 'FEAT-1', 'G-2');
      assert.equal(tight, '## FEAT-1 One\n\n- goals: G-2\n\nProse right under.\n');
    });

    it('does not merge with a list that is not an attribute list', async () => {
      const text = await addGoal('## FEAT-1 One\n\n- a note\n- another\n', 'FEAT-1', 'G-2');
      assert.equal(text, '## FEAT-1 One\n\n* goals: G-2\n\n- a note\n- another\n');
    });

    it('works for setext headings', async () => {
      const text = await addGoal('FEAT-1 One\n==========\n\nText.\n', 'FEAT-1', 'G-2');
      assert.equal(text, 'FEAT-1 One\n==========\n\n- goals: G-2\n\nText.\n');
    });
  });

  describe('list items', () => {
    it('adds a nested entry after the other attributes', async () => {
      const text = await addGoal('# Features\n\n- FEAT-1 One\n  - priority: must\n  - FEAT-1.1 Sub-feature\n- FEAT-2 Two\n', 'FEAT-1', 'G-2');
      assert.equal(text, '# Features\n\n- FEAT-1 One\n  - priority: must\n  - goals: G-2\n  - FEAT-1.1 Sub-feature\n- FEAT-2 Two\n');
    });

    it('adds before sub-items when there is no attribute yet', async () => {
      const text = await addGoal('- FEAT-1 One\n    * FEAT-1.1 Sub\n', 'FEAT-1', 'G-2');
      assert.equal(text, '- FEAT-1 One\n    * goals: G-2\n    * FEAT-1.1 Sub\n');
    });

    it('creates a nested list, and appends to an existing entry', async () => {
      assert.equal(await addGoal('- FEAT-1 One\n- FEAT-2 Two\n', 'FEAT-2', 'G-1'), '- FEAT-1 One\n- FEAT-2 Two\n  - goals: G-1\n');
      assert.equal(await addGoal('1. [ ] FEAT-1 One\n2. FEAT-2 Two\n', 'FEAT-1', 'G-1'), '1. [ ] FEAT-1 One\n   - goals: G-1\n2. FEAT-2 Two\n');
      assert.equal(await addGoal('- FEAT-1 One\n  - goals: G-1\n', 'FEAT-1', 'G-3'), '- FEAT-1 One\n  - goals: G-1, G-3\n');
      assert.equal(await addGoal('- FEAT-1 One\n  - goals:\n', 'FEAT-1', 'G-3'), '- FEAT-1 One\n  - goals: G-3\n');
    });
  });

  describe('table rows', () => {
    it('fills an empty cell of the Goals column, past escaped pipes', async () => {
      const text = await addGoal(FEATURES, 'FEAT-5', 'G-2');
      assert.match(text, /^\| FEAT-5 \| Tax \\\| VAT rules \| G-2 \| could \|$/m);
    });

    it('appends to a filled cell', async () => {
      assert.match(await addGoal(FEATURES, 'FEAT-4', 'G-1'), /^\| FEAT-4 \| Invoice export \| G-2, G-1 \| could \|$/m);
    });

    it('pads a short row up to the Goals column', async () => {
      const table = '| ID | Title | Priority | Goals |\n|---|---|---|---|\n| FEAT-1 | One |\n';
      assert.equal(await addGoal(table, 'FEAT-1', 'G-2'), '| ID | Title | Priority | Goals |\n|---|---|---|---|\n| FEAT-1 | One |  | G-2 |\n');
    });

    it('adds a Goals column to a table without one', async () => {
      const table = 'Intro\n\n| ID | Title |\n|:--|---|\n| FEAT-1 | One |\n| FEAT-2 | Two\n\nAfter.\n';
      const text = await addGoal(table, 'FEAT-2', 'G-3');
      assert.equal(text, 'Intro\n\n| ID | Title | Goals |\n|:--|---| --- |\n| FEAT-1 | One |  |\n| FEAT-2 | Two | G-3 |\n\nAfter.\n');
    });
  });

  it('answers nothing when the goal is already there or the ID is not a feature', async () => {
    const a = await analyzeFiles(workspaceFiles());
    assert.equal(addGoalEdit(a, 'FEAT-1', 'G-1', SSO_SPEC), undefined);
    assert.equal(addGoalEdit(a, 'T-1', 'G-1', SSO_SPEC), undefined);
    assert.equal(addGoalEdit(a, 'FEAT-1', 'G-2', '# The feature is gone from the buffer\n'), undefined);
  });

  it('follows unsaved text ahead of the analysis', async () => {
    const a = await analyzeFiles({ 'roadmap.md': ROADMAP, 'f.md': '## FEAT-1 One\n' });
    const unsaved = '# Added a title\n\n## FEAT-1 One\n- priority: must\n';
    const edit = addGoalEdit(a, 'FEAT-1', 'G-1', unsaved)!;
    assert.equal(applyEdits(unsaved, [edit]), '# Added a title\n\n## FEAT-1 One\n- priority: must\n- goals: G-1\n');
  });
});

describe('addDurationEdit', () => {
  async function withDuration(file: string, text: string, id: string, duration?: string): Promise<string> {
    const a = await analyzeFiles({ [file]: text });
    const edit = addDurationEdit(a.items.get(id)!, text, duration);
    assert.ok(edit);
    const out = applyEdits(text, [edit]);
    const after = await analyzeFiles({ [file]: out });
    assert.deepEqual(problems(after, 'schedule.no-duration', 'schema.invalid'), []);
    assert.ok(after.items.get(id)!.duration);
    return out;
  }

  it('adds `duration: 1d` to a list task, a table task and a front-matter task', async () => {
    assert.equal(await withDuration('p.md', '---\nstart: 2027-01-04\n---\n- [ ] T-1 One\n  - owner: @ana\n', 'T-1'), '---\nstart: 2027-01-04\n---\n- [ ] T-1 One\n  - owner: @ana\n  - duration: 1d\n');
    assert.equal(await withDuration('p.md', '---\nstart: 2027-01-04\n---\n| ID | Task | Estimate |\n|---|---|---|\n| T-1 | One |  |\n', 'T-1'), '---\nstart: 2027-01-04\n---\n| ID | Task | Estimate |\n|---|---|---|\n| T-1 | One | 1d |\n');
    assert.equal(await withDuration('t.md', '---\nid: T-1\nstart: 2027-01-04\n---\n', 'T-1', '3d'), '---\nid: T-1\nstart: 2027-01-04\nduration: 3d\n---\n');
  });

  it('replaces an invalid duration', async () => {
    assert.equal(await withDuration('p.md', '---\nstart: 2027-01-04\n---\n- [ ] T-1 One\n  - duration: 0d\n', 'T-1'), '---\nstart: 2027-01-04\n---\n- [ ] T-1 One\n  - duration: 1d\n');
  });

  it('answers nothing for items that are not tasks', async () => {
    const a = await analyzeFiles({ 'p.md': '- M-1 Launch\n' });
    assert.equal(addDurationEdit(a.items.get('M-1')!, '- M-1 Launch\n'), undefined);
  });
});
