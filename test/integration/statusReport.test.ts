/**
 * "Generate Status Report" in the real extension host over a copy of examples/acme with
 * `specline.today` fixed to 2027-03-01: an untitled Markdown document, never a file; and
 * "changes since" a git revision, with git and without. The git repository this suite
 * makes in the workspace copy is removed afterwards.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';
const TODAY = '2027-03-01';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));

function section(report: string, heading: string): string {
  const start = report.indexOf(`\n## ${heading}`);
  assert.ok(start >= 0, `no section "${heading}" in:\n${report}`);
  const end = report.indexOf('\n## ', start + 1);
  return report.slice(start, end < 0 ? undefined : end);
}

describe('Status report command', () => {
  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<{ whenReady(): Promise<void> }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    await (await extension.activate()).whenReady();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(async () => {
    // Untitled reports would ask to be saved; revert each before closing.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('opens the report as a new untitled Markdown document', async () => {
    const files = (await vscode.workspace.findFiles('**/*')).length;
    // Other suites create, edit and delete files just before: wait until the index has
    // settled on acme as it is on disk (T-11 is overdue unless something shifted it).
    let doc: vscode.TextDocument | undefined;
    await poll('a report of acme as it is on disk', async () => {
      if (doc) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('specline.generateStatusReport');
      return doc?.getText().includes('| **T-11** Microsoft Teams adapter |') === true;
    }, 30_000);
    assert.ok(doc, 'a report is produced');
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the report is shown');
    assert.equal((await vscode.workspace.findFiles('**/*')).length, files, 'no file is written');

    const text = doc.getText();
    const folder = vscode.workspace.workspaceFolders![0]!.name;
    assert.ok(text.startsWith(`# Status report — ${folder}\n\n_As of ${TODAY}._`), text.slice(0, 200));
    const summary = section(text, 'Summary');
    assert.match(summary, /- \*\*Progress:\*\* \d+% done/);
    assert.ok(summary.includes('- **Traceability:** 7 of 9 features traced to a goal and a task (78%).'), summary);
    assert.ok(section(text, 'Goals and features late or at risk').includes('| **G-3** Zero-touch account provisioning | **FEAT-6** SCIM user and group provisioning | Late |'));
    const overdue = section(text, 'Overdue tasks');
    for (const id of ['T-11', 'T-12', 'T-14', 'T-18']) assert.ok(overdue.includes(`| **${id}** `), `${id} overdue:\n${overdue}`);
    assert.ok(section(text, 'Slipped').includes('**FEAT-6** SCIM user and group provisioning — FEAT-6 ends 2027-05-12'));
    const milestones = section(text, 'Milestones in the next 14 days');
    assert.ok(milestones.includes('| **M-3** Q1 release train closes | 2027-03-11 | 10 days |') && milestones.includes('| **M-2** SSO generally available | 2027-03-12 |'), milestones);
    assert.ok(section(text, 'Over-allocated people').includes('| @lena | 50% | 100% |'));
    assert.ok(section(text, 'Open high risks').includes('| **R-5** Identity providers disagree on SCIM PATCH semantics'));
    assert.ok(!text.includes('## Changes since'), 'no changes section unless asked for');
  });

  it('says git is unavailable and still produces the report when the folder is no repository', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('specline.generateStatusReportSince', { since: 'HEAD' });
    assert.ok(doc, 'a report is produced');
    assert.ok(doc.getText().includes('## Summary'));
    assert.ok(!doc.getText().includes('## Changes since'));
  });

  describe('with a git repository', () => {
    const gitDir = (): string => join(root().fsPath, '.git');
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Specline Test', '-c', 'commit.gpgsign=false', ...args], { cwd: root().fsPath, encoding: 'utf8' });

    before(function () {
      this.timeout(30_000);
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'acme as it was');
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      rmSync(gitDir(), { recursive: true, force: true });
    });

    it('lists what changed since HEAD, unsaved edits included', async () => {
      const plan = await vscode.workspace.openTextDocument(at('plans/q1-core.md'));
      const editor = await vscode.window.showTextDocument(plan);
      const line = plan.getText().split('\n').findIndex((l) => l.startsWith('| T-13 |'));
      assert.ok(line > 0);
      // T-13 becomes in progress; a new task T-991 is appended.
      const text = plan.lineAt(line).text;
      await editor.edit((b) => {
        b.replace(plan.lineAt(line).range, text.replace('| todo | 0% |', '| in-progress | 10% |'));
        b.insert(plan.lineAt(plan.lineCount - 1).range.end, '\n\n- [ ] T-991 Probe for the report\n  - features: FEAT-5\n  - duration: 1d\n');
      });
      const report = await poll('the report with T-991', async () => {
        const d = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('specline.generateStatusReport', { since: 'HEAD' });
        return d?.getText().includes('T-991') ? d : undefined;
      });
      const changes = section(report.getText(), 'Changes since HEAD');
      assert.ok(changes.includes('| **T-13** Analytics dashboard UI | todo | in-progress |'), changes);
      assert.ok(changes.includes('### Tasks added\n\n- **T-991** Probe for the report'), changes);
      assert.ok(!changes.includes('Tasks removed'), changes);
      await vscode.window.showTextDocument(plan);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await poll('the plan reverted', () => !plan.isDirty);
    });

    it('refuses a revision that does not exist', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('specline.generateStatusReport', { since: 'no-such-branch' });
      assert.equal(doc, undefined);
    });
  });
});
