// @fixture test/integration/fixtures/editTaskWorkspace.mjs
/**
 * `specline.editTask` in the real extension host: the text after an edit in each item form
 * (table row, list item, heading, front matter, mermaid task line), one undo restoring the
 * bytes exactly, and the refusals (stale text, a read-only file, a bad request).
 */
import * as assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import * as vscode from 'vscode';
import { planShiftPredecessors } from '../../src/core/edit/shiftPredecessors.js';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { contentHash } from '../../src/core/parse/contentHash.js';
import { createWorkspace } from '../../src/core/workspace/createWorkspace.js';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';

interface Outcome { ok: boolean; reason?: string; message?: string; edits?: number }
interface Api { whenReady(): Promise<void> }

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));

async function editTask(request: Record<string, unknown>): Promise<Outcome> {
  return (await vscode.commands.executeCommand<Outcome>('specline.editTask', request))!;
}

/**
 * Opens the file in an editor, runs the command, checks the text after, then one undo
 * restores the original bytes exactly.
 */
async function expectEdit(path: string, request: Record<string, unknown>, change: (before: string) => string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(at(path));
  await vscode.window.showTextDocument(doc);
  const before = doc.getText();
  const outcome = await editTask({ ...request, expectedHash: contentHash(before) });
  assert.deepEqual({ ok: outcome.ok, message: outcome.message }, { ok: true, message: undefined });
  const expected = change(before);
  assert.notEqual(expected, before, 'the test changes something');
  assert.equal(doc.getText(), expected);
  await vscode.commands.executeCommand('undo');
  assert.equal(doc.getText(), before, 'one undo restores the bytes');
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('specline.editTask', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    const api = await extension.activate();
    await api.whenReady();
    // The index knows every task of the fixture before the edits start.
    await poll('the fixture indexed', async () => (await editTask({ id: 'T-50', title: 'x', expectedHash: 'none' })).reason === 'stale');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed, and hidden from the Command Palette (it needs an argument)', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }>; menus: { commandPalette: Array<{ command: string; when: string }> } } };
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'specline.editTask'));
    assert.equal(pkg.contributes.menus.commandPalette.find((c) => c.command === 'specline.editTask')?.when, 'false');
  });

  it('a table row: the start cell', async () => {
    await expectEdit('plans/table.md', { id: 'T-1', start: '2027-01-11' }, (t) => t.replace('| T-1 | Alpha  | 2027-01-04 |', '| T-1 | Alpha  | 2027-01-11 |'));
  });

  it('a table row: a new column in the header, the separator and every row', async () => {
    await expectEdit('plans/table.md', { id: 'T-2', progress: '50%' }, (t) => t
      .replace('| After |\n|-----|--------|------------|----------|-------|', '| After | Progress |\n|-----|--------|------------|----------|-------| --- |')
      .replace('| 5d       |       |', '| 5d       |       |  |')
      .replace('| 3d       | T-1   |', '| 3d       | T-1   | 50% |'));
  });

  it('a list of requests (the chart\'s "shift the predecessor chain"): one WorkspaceEdit, one undo restores every byte', async () => {
    const doc = await vscode.workspace.openTextDocument(at('plans/table.md'));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const expectedHash = contentHash(before);
    const refused = await vscode.commands.executeCommand<Outcome>('specline.editTask', [{ id: 'T-1', start: '2027-01-05', expectedHash }, { id: 'T-2', progress: '120%', expectedHash }]);
    assert.equal(refused?.ok, false, 'one bad request refuses them all');
    assert.equal(doc.getText(), before, 'and nothing is written');
    const outcome = await vscode.commands.executeCommand<Outcome>('specline.editTask', [{ id: 'T-1', start: '2027-01-05', expectedHash }, { id: 'T-2', title: 'Beta two', expectedHash }]);
    assert.deepEqual({ ok: outcome?.ok, message: outcome?.message }, { ok: true, message: undefined });
    assert.equal(doc.getText(), before.replace('| T-1 | Alpha  | 2027-01-04 |', '| T-1 | Alpha  | 2027-01-05 |').replace('| T-2 | Beta   |', '| T-2 | Beta two |'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo restores both');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a list item: duration and a new after', async () => {
    await expectEdit('plans/list.md', { id: 'T-10', duration: '8d' }, (t) => t.replace('  - duration: 5d', '  - duration: 8d'));
    await expectEdit('plans/list.md', { id: 'T-11', after: ['T-10', 'T-20'] }, (t) => t.replace('after: T-10', 'after: T-10, T-20'));
    await expectEdit('plans/list.md', { id: 'T-10', status: 'done' }, (t) => t.replace('- [ ] T-10', '- [x] T-10'));
  });

  it('a heading: a start and an end at once, and a milestone date', async () => {
    await expectEdit('plans/headings.md', { id: 'T-20', start: '2027-01-11', end: '2027-01-14' }, (t) => t.replace('- start: 2027-01-04\n', '- start: 2027-01-11\n').replace('- duration: 4d\n', '- duration: 4d\n- end: 2027-01-14\n'));
    await expectEdit('plans/headings.md', { id: 'M-20', start: '2027-02-01' }, (t) => t.replace('- after: T-20\n', '- after: T-20\n- date: 2027-02-01\n'));
  });

  it('front matter: the value of a key', async () => {
    await expectEdit('plans/doc-task.md', { id: 'T-30', start: '2027-01-06', title: 'Zeta two' }, (t) => t.replace('start: 2027-01-04', 'start: 2027-01-06').replace('# Zeta', '# Zeta two'));
  });

  it('a mermaid task line: the start date and the length', async () => {
    await expectEdit('plans/chart.md', { id: 'T-40', start: '2027-01-11', end: '2027-01-18' }, (t) => t.replace('T-40, 2027-01-04, 5d', 'T-40, 2027-01-11, 8d'));
  });

  it('a mermaid chart\'s "shift the predecessor chain": dates in its dateFormat, its after kept, one undo restores every byte', async () => {
    const path = 'plans/chart-chain.md';
    const doc = await vscode.workspace.openTextDocument(at(path));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    // The chart's answer, planned as the preview plans it (from the chart's text).
    const ws = createWorkspace({
      fs: { listFiles: async () => [path], readFile: async () => new TextEncoder().encode(before), stat: async () => ({ size: before.length }) },
      today: () => parseIsoDate('2027-01-01')!,
    });
    await ws.load();
    const analysis = ws.analyze();
    const ship = [...analysis.items.values()].find((i) => i.title === 'Ship')!;
    const chain = planShiftPredecessors(analysis, { kind: 'move', id: ship.id, days: 7 }, before);
    assert.ok(chain.ok, chain.ok ? '' : chain.message);
    assert.equal(chain.requests.length, 2, 'two predecessors move: one WorkspaceEdit for both');
    const outcome = await vscode.commands.executeCommand<Outcome>('specline.editTask', chain.requests);
    assert.deepEqual({ ok: outcome?.ok, message: outcome?.message }, { ok: true, message: undefined });
    assert.equal(doc.getText(), before.replace(':p1, 04.01.2027, 2d', ':p1, 11.01.2027, 2d').replace(':d1, after r1, 15.01.2027', ':d1, after r1, 22.01.2027'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo restores both');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses a stale edit: the file changed since the chart was drawn', async () => {
    const doc = await vscode.workspace.openTextDocument(at('plans/list.md'));
    const before = doc.getText();
    const outcome = await editTask({ id: 'T-10', start: '2027-01-11', expectedHash: contentHash(`${before}\n`) });
    assert.equal(outcome.reason, 'stale');
    assert.match(outcome.message!, /changed since the chart was drawn/);
    assert.equal(doc.getText(), before);
  });

  it('refuses a bad request and an unknown ID, changing nothing', async () => {
    assert.equal((await editTask({ id: 'T-10', start: 'tomorrow' })).reason, 'invalid');
    assert.equal((await editTask({ id: 'T-999', start: '2027-01-11' })).reason, 'unknown-id');
    assert.equal((await vscode.commands.executeCommand<Outcome>('specline.editTask'))!.reason, 'invalid');
  });

  it('refuses a file without write permission', async () => {
    const uri = at('plans/locked.md');
    chmodSync(uri.fsPath, 0o444);
    try {
      const outcome = await editTask({ id: 'T-50', start: '2027-01-11' });
      assert.equal(outcome.reason, 'read-only', outcome.message);
      assert.match(outcome.message!, /plans\/locked\.md is read-only/);
      assert.match((await vscode.workspace.fs.readFile(uri)).toString(), /start: 2027-01-04/);
    } finally {
      chmodSync(uri.fsPath, 0o644);
    }
  });
});
