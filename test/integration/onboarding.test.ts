/**
 * Onboarding contributions in a real extension host, over a copy of examples/acme: the
 * Markdown snippets insert what they say, and the `$specline` problem matcher turns a
 * `specline check` task's output into the same problems the extension reports live.
 * Every wait polls a condition with a bounded timeout.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, poll } from './support.js';

const TODAY = '2027-02-15';

interface SpeclineApi {
  whenReady(): Promise<void>;
}

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** `file:line code severity` of every diagnostic with `source`, sorted. */
function problems(source: string): string[] {
  const root = vscode.workspace.workspaceFolders![0]!.uri.path;
  return vscode.languages.getDiagnostics()
    .flatMap(([uri, list]) => list.filter((d) => d.source === source).map((d) => `${uri.path.slice(root.length + 1)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.severity}`))
    .sort();
}

describe('Onboarding: snippets and the problem matcher', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    await api.whenReady();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
  });

  it('inserts the goal snippet by name in a Markdown document', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    try {
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Specline goal' });
      const text = await poll('the snippet in the document', () => doc.getText() !== '' && doc.getText());
      assert.match(text, /^## G-1 Describe the outcome you want\n\n- horizon: next\n- priority: must\n/);
    } finally {
      // Emptied first: VS Code may keep a closed untitled document for a while, and the
      // extension indexes open Markdown, so a lingering G-1 would be a duplicate of acme's.
      const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
      const edit = new vscode.WorkspaceEdit();
      edit.delete(doc.uri, all);
      await vscode.workspace.applyEdit(edit);
      await poll('the snippet document emptied', () => doc.getText() === '');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('reads specline check output in a task into the same problems the extension shows', async function () {
    this.timeout(240_000);
    const folder = vscode.workspace.workspaceFolders![0]!;
    const cli = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'bin', 'specline.js');
    // How many problems the CLI finds, so the wait below ends on the whole list: the
    // extension publishes file by file, and a partial list must not be taken for the answer.
    const json = spawnSync(process.execPath, [cli, 'check', '--today', TODAY, '--format', 'json'], { cwd: folder.uri.fsPath, encoding: 'utf8' });
    const expected = (JSON.parse(json.stdout) as { diagnostics: unknown[] }).diagnostics.length;
    assert.ok(expected > 0, `the CLI finds problems in the fixture (${json.stderr})`);
    const live = await poll('the extension\'s problems under the fixed today', () => {
      const list = problems('specline');
      return list.length === expected && list;
    }, 60_000);
    const task = new vscode.Task(
      { type: 'process' }, folder, 'specline check', 'specline',
      new vscode.ProcessExecution(process.execPath, [cli, 'check', '--today', TODAY, '--no-color'], { cwd: folder.uri.fsPath }),
      ['$specline'],
    );
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.name !== task.name) return;
        listener.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, 'acme has errors');
    let last: string[] = [];
    const fromTask = await poll('the task\'s problems', () => {
      last = problems('specline check');
      return last.length >= live.length && last;
    }, 90_000).catch((error: unknown) => {
      const sources = [...new Set(vscode.languages.getDiagnostics().flatMap(([, list]) => list.map((d) => String(d.source))))];
      throw new Error(`${String(error)}: ${last.length} of ${live.length} (missing: ${live.filter((p) => !last.includes(p)).join('; ')}; extra: ${last.filter((p) => !live.includes(p)).join('; ')}); sources: ${sources.join(', ')}`);
    });
    assert.deepEqual(fromTask, live);
  });
});
