import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { taskStub } from '../../../src/core/language/taskStub.js';
import { analyzeFiles, applyEdits, BILLING_PLAN, PLAN, problems, workspaceFiles } from './helpers.js';

/** Applies the stub to the plan, re-analyses, and checks the new task delivers the feature. */
async function applyStub(files: Record<string, string>, featureId: string, plan: string): Promise<{ text: string; analysis: Analysis; id: string; form: string }> {
  const analysis = await analyzeFiles(files);
  const stub = taskStub(analysis, featureId, plan, files[plan]!);
  assert.ok(stub);
  assert.equal(stub.edit.file, plan);
  assert.deepEqual(stub.edit.range.start, stub.edit.range.end, 'an insertion');
  const text = applyEdits(files[plan]!, [stub.edit]);
  const after = await analyzeFiles({ ...files, [plan]: text });
  const task = after.items.get(stub.id);
  assert.ok(task, `${stub.id} exists after the edit`);
  assert.equal(task.kind, 'task');
  assert.equal(task.file, plan);
  assert.deepEqual(task.links.features?.map((r) => r.id), [featureId]);
  assert.ok(after.features.get(featureId)!.tasks.includes(stub.id));
  assert.deepEqual(problems(after, 'trace.feature-no-task').filter((p) => p.includes(featureId)), []);
  assert.deepEqual(problems(after, 'schema.invalid', 'schema.yaml', 'id.duplicate', 'ref.unknown'), []);
  return { text, analysis: after, id: stub.id, form: stub.form };
}

describe('taskStub', () => {
  it('adds a list item after the last task of a list plan, in its style', async () => {
    const { text, analysis, id, form } = await applyStub(workspaceFiles(), 'FEAT-3', 'plan.md');
    assert.equal(id, 'T-12', 'the next number after T-11, the highest T in the workspace');
    assert.equal(form, 'list');
    assert.equal(text, `${PLAN.trimEnd()}\n- [ ] T-12 Usage-based billing\n  - features: FEAT-3\n  - duration: 1d\n`);
    const t = analysis.items.get('T-12')!;
    assert.equal(t.title, 'Usage-based billing');
    assert.deepEqual(t.duration, { amount: 1, unit: 'd' });
    assert.ok(analysis.schedule.tasks.get('T-12')!.end !== undefined, 'the new task is scheduled');
  });

  it('matches bullets, indentation, ordered numbers and attribute style', async () => {
    const plan = '# Plan\n\n* Phase one\n   1. T-1 First\n      * duration: 2d\n      * features: FEAT-1\n   2. T-2 Second\n      * duration: 1d\n\nAfter the list.\n';
    const files = { 'plan.md': plan, 'f.md': '## FEAT-1 One\n\n## FEAT-2 Two\n' };
    const { text } = await applyStub(files, 'FEAT-2', 'plan.md');
    assert.equal(text, plan.replace('      * duration: 1d\n', '      * duration: 1d\n   3. T-3 Two\n      * features: FEAT-2\n      * duration: 1d\n'));
  });

  it('adds a table row when the plan\'s tasks live in a table, escaping pipes in the title', async () => {
    const { text, analysis, id, form } = await applyStub(workspaceFiles(), 'FEAT-5', 'billing-plan.md');
    assert.equal(form, 'table');
    assert.equal(id, 'T-12');
    assert.equal(text, `${BILLING_PLAN}| T-12 | Tax \\| VAT rules | FEAT-5 |  | 1d |  |\n`);
    assert.equal(analysis.items.get('T-12')!.title, 'Tax | VAT rules');
    assert.deepEqual(analysis.items.get('T-12')!.duration, { amount: 1, unit: 'd' });
  });

  it('puts a list under a table that has no features column', async () => {
    const plan = '| ID | Task | Duration |\n|---|---|---|\n| T-1 | One | 1d |\n';
    const { text, form } = await applyStub({ 'plan.md': plan, 'f.md': '## FEAT-1 One\n' }, 'FEAT-1', 'plan.md');
    assert.equal(form, 'list');
    assert.equal(text, `${plan}\n- [ ] T-2 One\n  - features: FEAT-1\n  - duration: 1d\n`);
  });

  it('adds a heading when the tasks are headings', async () => {
    const plan = '# Plan\n\n## T-1 First\n- duration: 1d\n- features: FEAT-1\n\nNotes on T-1.\n';
    const { text, form } = await applyStub({ 'plan.md': plan, 'f.md': '## FEAT-1 One\n\n## FEAT-2 Two\n' }, 'FEAT-2', 'plan.md');
    assert.equal(form, 'heading');
    assert.equal(text, `${plan.trimEnd()}\n\n## T-2 Two\n\n- features: FEAT-2\n- duration: 1d\n`);
  });

  it('starts a task list at the end of a plan without tasks', async () => {
    const { text, id } = await applyStub({ 'plan.md': '# Plan\n\nNothing yet.', 'f.md': '## FEAT-1 One\n' }, 'FEAT-1', 'plan.md');
    assert.equal(id, 'T-1');
    assert.equal(text, '# Plan\n\nNothing yet.\n\n- [ ] T-1 One\n  - features: FEAT-1\n  - duration: 1d\n');
    const empty = await applyStub({ 'plan.md': '', 'f.md': '## FEAT-1 One\n' }, 'FEAT-1', 'plan.md');
    assert.equal(empty.text, '- [ ] T-1 One\n  - features: FEAT-1\n  - duration: 1d\n');
  });

  it('uses the plan\'s own prefix and skips numbers in unsaved text', async () => {
    const files = { 'plan.md': '- [ ] TASK-3 Three\n  - duration: 1d\n', 'f.md': '## FEAT-1 One\n' };
    const analysis = await analyzeFiles(files);
    const unsaved = '- [ ] TASK-3 Three\n  - duration: 1d\n- [ ] TASK-8 Typed but not saved\n';
    assert.equal(taskStub(analysis, 'FEAT-1', 'plan.md', unsaved)!.id, 'TASK-9');
  });

  it('answers nothing for IDs that are not features', async () => {
    const analysis = await analyzeFiles(workspaceFiles());
    assert.equal(taskStub(analysis, 'G-1', 'plan.md', PLAN), undefined);
    assert.equal(taskStub(analysis, 'FEAT-99', 'plan.md', PLAN), undefined);
  });
});
