/**
 * The Plan Explorer in the real extension host, over a copy of examples/acme with
 * `specline.today` fixed to 2027-03-01: its contents, icons and badge, reveal on click,
 * refresh on edit, and the starter-plan command. Files this suite creates are deleted and
 * buffers it edits are reverted, so the other suites see the example as it was.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';
const TODAY = '2027-03-01';

interface Row {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon?: string;
  color?: string;
  expanded?: boolean;
  command?: { command: string; arguments: unknown[] };
  children: Row[];
}
interface Api {
  whenReady(): Promise<void>;
  planTree(): { badge?: number; rows: Row[] };
}

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const idOf = (row: Row): string => row.label.split(' ')[0]!;

/** The row reached by following IDs (or group labels) from the top. */
function rowAt(rows: Row[], ...path: string[]): Row | undefined {
  let list = rows;
  let found: Row | undefined;
  for (const step of path) {
    found = list.find((r) => idOf(r) === step || r.label === step);
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

let api: Api;

describe('Plan Explorer', () => {
  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    api = await extension.activate();
    await api.whenReady();
    // T-12 ends 2027-02-16: once it shows as overdue, the tree follows the fixed today.
    await poll('the tree under the fixed today', () => rowAt(api.planTree().rows, 'G-1', 'FEAT-5', 'T-12')?.icon === 'clock', 30_000);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is contributed as a view in its own activity bar container, and opens', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsContainers: { activitybar: Array<{ id: string; icon: string }> }; views: Record<string, Array<{ id: string }>> } };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => c.id), ['specline']);
    assert.deepEqual(pkg.contributes.views['specline']!.map((v) => v.id), ['specline.planExplorer']);
    await vscode.commands.executeCommand('workbench.view.extension.specline');
    await vscode.commands.executeCommand('specline.planExplorer.focus');
  });

  it('lists the goals of examples/acme, then the groups that need attention', () => {
    const { rows } = api.planTree();
    assert.deepEqual(rows.map(idOf).slice(0, 6), ['G-1', 'G-2', 'G-3', 'G-4', 'G-5', 'G-6']);
    assert.deepEqual(rows.slice(6).map((r) => r.label), ['Untraced features', 'Tasks without a feature', 'Unscheduled tasks', 'Other milestones']);
    // Other suites' probe files may linger while their documents stay open: acme's are there.
    assert.ok(rowAt(rows, 'Untraced features')!.children.map(idOf).includes('FEAT-7'));
    const unscheduled = rowAt(rows, 'Unscheduled tasks')!.children.map(idOf);
    assert.deepEqual(['T-40', 'T-42', 'T-43'].filter((id) => !unscheduled.includes(id)), [], unscheduled.join(', '));
    assert.ok(!unscheduled.includes('T-1'), 'scheduled tasks are not in the group');
    assert.equal(rows[0]!.expanded, true, 'goals start expanded');
    const ids = new Set<string>();
    const walk = (list: Row[]): void => { for (const r of list) { assert.ok(!ids.has(r.id), `duplicate tree id ${r.id}`); ids.add(r.id); walk(r.children); } };
    walk(rows);
  });

  it('nests features, tasks, sub-tasks and milestones', () => {
    const sso = rowAt(api.planTree().rows, 'G-2', 'FEAT-1')!;
    assert.ok(sso, 'FEAT-1 under G-2');
    assert.deepEqual(sso.children.map(idOf), ['T-4', 'T-5', 'T-6', 'T-8', 'T-14', 'T-19', 'T-7', 'T-18', 'M-2']);
    assert.deepEqual(rowAt(sso.children, 'T-7')!.children.map(idOf), ['T-7.1', 'T-7.2']);
    assert.equal(rowAt(sso.children, 'M-2')!.icon, 'milestone');
  });

  it('colours items by status and health, and counts problems', () => {
    const { rows, badge } = api.planTree();
    const done = rowAt(rows, 'G-2', 'FEAT-1', 'T-4')!;
    assert.deepEqual([done.icon, done.color], ['pass-filled', 'charts.green']);
    const overdue = rowAt(rows, 'G-1', 'FEAT-5', 'T-12')!;
    assert.deepEqual([overdue.icon, overdue.color], ['clock', 'list.errorForeground']);
    assert.match(overdue.description, /^2027-02-03 → 2027-02-16 · @kofi · 50% · overdue · ⚠ 1$/);
    const g3 = rows.find((r) => idOf(r) === 'G-3')!;
    assert.deepEqual([g3.icon, g3.color], ['target', 'list.errorForeground'], 'G-3 is late (FEAT-6 ends after its target)');
    const problems = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'specline').length, 0);
    assert.ok(problems > 0);
    assert.equal(badge, problems, 'the badge counts every problem in the Problems panel');
  });

  it('shows a Markdown tooltip with the health and the problems', () => {
    const feat5 = rowAt(api.planTree().rows, 'G-1', 'FEAT-5')!;
    assert.match(feat5.tooltip, /^\*\*FEAT-5\*\* Onboarding analytics dashboard\n\nFeature · At risk/);
    assert.ok(feat5.tooltip.includes('Health: At risk — task T-12 is overdue'), feat5.tooltip);
    assert.ok(feat5.tooltip.includes('(schema.invalid)'), feat5.tooltip);
  });

  it('reveals an item\'s definition when clicked', async () => {
    const row = rowAt(api.planTree().rows, 'G-1', 'FEAT-5', 'T-12')!;
    assert.equal(row.command?.command, 'specline.revealItem');
    await vscode.commands.executeCommand(row.command.command, ...row.command.arguments);
    const editor = await poll('the plan in the editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/plans/q1-core.md') && vscode.window.activeTextEditor);
    assert.equal(editor.document.getText(editor.selection), 'T-12');
    assert.ok(editor.document.lineAt(editor.selection.start.line).text.startsWith('| T-12 | Analytics event pipeline'));

    // A document item (front matter `id:`) selects its ID there.
    const feat = rowAt(api.planTree().rows, 'G-2', 'FEAT-1')!;
    await vscode.commands.executeCommand(feat.command!.command, ...feat.command!.arguments);
    const spec = await poll('the spec in the editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/specs/sso.md') && vscode.window.activeTextEditor);
    assert.deepEqual([spec.selection.start.line, spec.document.getText(spec.selection)], [1, 'FEAT-1']);
  });

  it('follows edits to the plan', async () => {
    const doc = await vscode.workspace.openTextDocument(at('plans/q1-core.md'));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\n- [ ] T-990 Probe task\n  - features: FEAT-9\n  - duration: 2d\n'));
      const probe = await poll('T-990 in the tree', () => rowAt(api.planTree().rows, 'G-4', 'FEAT-9', 'T-990'));
      assert.equal(probe.label, 'T-990 Probe task');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await poll('the plan reverted', () => !doc.isDirty);
    }
    await poll('T-990 gone after the revert', () => rowAt(api.planTree().rows, 'G-4', 'FEAT-9') !== undefined && rowAt(api.planTree().rows, 'G-4', 'FEAT-9', 'T-990') === undefined);
  });

  it('refreshes from the toolbar command', async () => {
    await vscode.commands.executeCommand('specline.planExplorer.refresh');
    assert.deepEqual(api.planTree().rows.map(idOf).slice(0, 3), ['G-1', 'G-2', 'G-3']);
  });

  it('creates the starter files that do not exist, and never overwrites one', async () => {
    const roadmapBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(at('roadmap.md')));
    const created = ['specs/FEAT-1.md', 'plans/plan.md'];
    try {
      const result = await vscode.commands.executeCommand<{ created: string[]; skipped: string[] }>('specline.createStarterFiles', { quiet: true });
      assert.deepEqual(result, { created, skipped: ['roadmap.md', '.specline.yml'] });
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(at('roadmap.md'))), roadmapBefore, 'roadmap.md is untouched');
      const plan = new TextDecoder().decode(await vscode.workspace.fs.readFile(at('plans/plan.md')));
      assert.match(plan, /^---\ntitle: Project plan\nstart: \d{4}-\d{2}-\d{2}\n---/);
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/plans/plan.md'), 'the plan is opened');
      assert.equal(vscode.window.activeTextEditor?.document.isDirty, false, 'and saved');
      // Run again: everything exists now, nothing changes.
      const again = await vscode.commands.executeCommand<{ created: string[]; skipped: string[] }>('specline.createStarterFiles', { quiet: true });
      assert.deepEqual(again.created, []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Through a workspace edit, so VS Code closes their documents too.
      const remove = new vscode.WorkspaceEdit();
      for (const f of created) remove.deleteFile(at(f), { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(remove);
    }
    // Out of the index even though VS Code may keep their documents open for a while; acme's
    // FEAT-1 and T-1, which the starter's shadowed (the first definition wins), are back.
    await poll('the starter files out of the tree', () => {
      const rows = api.planTree().rows;
      return !JSON.stringify(rows).includes('plans/plan.md') && !rowAt(rows, 'G-1', 'FEAT-1') && rowAt(rows, 'G-6', 'FEAT-3', 'T-1')?.label === 'T-1 Checklist data model and API';
    }, 30_000);
    const exists = await Promise.all(created.map((f) => vscode.workspace.fs.stat(at(f)).then(() => true, () => false)));
    assert.deepEqual(exists, [false, false]);
  });
});
