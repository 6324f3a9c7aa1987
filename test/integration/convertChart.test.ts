/**
 * The "Convert mermaid chart to a Specline plan table" quick fix in the real extension
 * host, over a copy of examples/acme: offered inside a chart mermaid can draw (not on one
 * it cannot, nor outside charts), its edit replaces the fence with the plan, the new
 * tasks get the chart's dates in the analysis, and one undo gives back the file byte for
 * byte. Every wait polls a condition; the buffer is reverted afterwards.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';
const TITLE = 'Convert mermaid chart to a Specline plan table';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));

async function actionsAt(uri: vscode.Uri, line: number): Promise<vscode.CodeAction[]> {
  const range = new vscode.Range(line, 0, line, 0);
  // Resolve the first 10 actions: the edit is computed only then, as when the user picks it.
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, undefined, 10)) ?? [];
}

describe('Convert mermaid chart quick fix', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<{ whenReady(): Promise<void> }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    await (await extension.activate()).whenReady();
  });

  after(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is offered only inside a chart that mermaid can draw', async function () {
    this.timeout(30_000);
    const doc = await vscode.workspace.openTextDocument(at('plans/launch-timeline.md'));
    const lineOf = (text: string, from = 0): number => doc.getText().split('\n').findIndex((l, i) => i >= from && l.includes(text));
    const outside = await actionsAt(doc.uri, 0);
    assert.ok(!outside.some((a) => a.title === TITLE), 'not offered on the heading');
    const drawn = await poll('the action inside the first chart', async () => (await actionsAt(doc.uri, lineOf('Landing page'))).find((a) => a.title === TITLE));
    assert.equal(drawn.disabled, undefined);
    const broken = await actionsAt(doc.uri, lineOf('European dates'));
    assert.ok(!broken.some((a) => a.title === TITLE), 'the second chart cannot be drawn: nothing to convert');
    const between = await actionsAt(doc.uri, lineOf('The first draft of the timeline'));
    assert.ok(!between.some((a) => a.title === TITLE), 'not offered in the prose between the charts');
  });

  it('replaces the chart with the plan through one edit, keeps its dates, and one undo restores the bytes', async function () {
    this.timeout(60_000);
    const uri = at('plans/launch-timeline.md');
    const original = readFileSync(uri.fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(doc.getText(), original);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Landing page'));
    const action = await poll('the resolved action', async () => (await actionsAt(uri, line)).find((a) => a.title === TITLE && a.edit !== undefined));
    assert.equal(action.edit!.entries().length, 1, 'one file');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    const text = doc.getText();
    assert.ok(!text.includes('Landing page            :site'), 'the chart is gone');
    assert.match(text, /\n## Spring launch\n\n### Prepare\n\n\| ID \| Task \| Start \| End \| Duration \| After \| Status \|\n/);
    assert.match(text, /\n\| T-\d+ \| Launch brief \| 2027-03-01 \| {2}\| 3d \| {2}\| done \|\n/);
    assert.match(text, /mermaid ids: brief = T-\d+, site = T-\d+/);
    assert.ok(text.includes('dateFormat DD-MM-YYYY # European dates from now on'), 'the second chart is untouched');
    // The converted tasks are now Specline's: the index gives Landing page the chart's days.
    const landing = /\| (T-\d+) \| Landing page \|/.exec(text)![1]!;
    await poll(`${landing} in the Plan's hover`, async () => {
      const where = doc.positionAt(text.indexOf(`| ${landing} |`) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, where);
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /2027-03-04/.test(shown) && /2027-03-10/.test(shown);
    }, 30_000);
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
    await vscode.commands.executeCommand('undo');
    await poll('the undo', () => doc.getText() === original);
    assert.equal(Buffer.compare(Buffer.from(doc.getText()), Buffer.from(original)), 0);
  });

  it('adds the chart\'s calendar as front matter in the same edit, undone by the same single undo', async function () {
    this.timeout(60_000);
    const uri = at('notes/vendor-chart.md');
    const original = '# Vendor rollout\n\n```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    Pilot   :p, 2027-03-05, 3d\n    Rollout :r, after p, 2d\n```\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(original));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const action = await poll('the resolved action', async () => (await actionsAt(uri, 5)).find((a) => a.title === TITLE && a.edit !== undefined), 30_000);
      assert.deepEqual(action.edit!.entries().map(([u, edits]) => [u.toString(), edits.length]), [[uri.toString(), 2]]);
      assert.ok(await vscode.workspace.applyEdit(action.edit!));
      assert.ok(doc.getText().startsWith('---\ncalendar: { workdays: [sun, mon, tue, wed, thu, fri, sat] }\n---\n\n# Vendor rollout\n'), doc.getText());
      // Friday 5 March + 3 days over the weekend, as mermaid draws it without `excludes`.
      assert.match(doc.getText(), /\| T-\d+ \| Pilot \| 2027-03-05 \| 3d \| {2}\|/);
      await vscode.commands.executeCommand('undo');
      await poll('the undo', () => doc.getText() === original);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
