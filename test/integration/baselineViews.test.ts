// @fixture test/integration/fixtures/baselineWorkspace.mjs
/**
 * The baseline in the editor's views, in a real VS Code over a git repository whose tag v1
 * holds the agreed plan (T-1 two days longer now): hovers show each item's baseline date
 * and slip, the Plan Explorer marks what slipped, and the Gantt preview's "Compare with…"
 * choice (given here through the open command's options, as the picker sets it) draws the
 * baseline, is kept in the panel's state, and is cleared again.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpeclineApi } from '../../src/extension/extension.js';
import type { PreviewSnapshot } from '../../src/extension/preview/previewPanel.js';
import type { PlanTreeRow } from '../../src/extension/planExplorer/planExplorer.js';
import { EXTENSION_ID, poll } from './support.js';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const OPEN = 'specline.openGanttPreview';

let api: SpeclineApi;
const gantt = (): PreviewSnapshot | undefined => api.previews().find((p) => p.kind === 'gantt');

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function findRow(rows: PlanTreeRow[], label: RegExp): PlanTreeRow | undefined {
  for (const r of rows) {
    if (label.test(r.label)) return r;
    const inner = findRow(r.children, label);
    if (inner) return inner;
  }
  return undefined;
}

describe('Baseline in hovers, the Plan Explorer and the Gantt preview', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.whenReady();
    // The baseline is read after the first index: wait for what it produces.
    await poll('schedule.slipped from the baseline', () => vscode.languages.getDiagnostics(at('plans/plan.md')).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'schedule.slipped'), 60_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers on a task, a milestone and a feature show the baseline date and the slip', async () => {
    const plan = await vscode.workspace.openTextDocument(at('plans/plan.md'));
    const lineOf = (needle: string): vscode.Position => {
      const line = plan.getText().split('\n').findIndex((l) => l.includes(needle));
      assert.ok(line >= 0, needle);
      return new vscode.Position(line, plan.lineAt(line).text.indexOf(needle.trim().replace(/^[-|] /, '')) + 1);
    };
    const hover = async (uri: vscode.Uri, position: vscode.Position): Promise<string> =>
      hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    assert.match(await hover(plan.uri, lineOf('| T-1 |')), /\*\*Baseline \(v1\):\*\* ends 2027-01-05 · slipped \+2 working days/);
    assert.match(await hover(plan.uri, lineOf('- M-1')), /\*\*Baseline \(v1\):\*\* due 2027-01-08 · slipped \+2 working days/);
    const spec = await vscode.workspace.openTextDocument(at('feat-1.md'));
    const featLine = spec.getText().split('\n').findIndex((l) => l.startsWith('id: FEAT-1'));
    assert.match(await hover(spec.uri, new vscode.Position(featLine, 6)), /\*\*Baseline \(v1\):\*\* ends 2027-01-08 · slipped \+2 working days/);
  });

  it('the Plan Explorer marks slipped items with "+2d" and the warning colour, and says why in the tooltip', async () => {
    const rows = await poll('FEAT-1 marked as slipped', () => {
      const tree = api.planTree().rows;
      const feature = findRow(tree, /^FEAT-1\b/);
      return feature?.description.endsWith('+2d') && tree;
    }, 30_000);
    const feature = findRow(rows, /^FEAT-1\b/)!;
    assert.equal(feature.color, 'list.warningForeground');
    assert.match(feature.tooltip, /\*\*Baseline \(v1\):\*\* ends 2027-01-08 · slipped \+2 working days/);
    const m1 = findRow(rows, /^M-1\b/);
    assert.ok(m1, 'M-1 is in the tree');
    assert.ok(m1.description.endsWith('+2d'), m1.description);
    const g1 = findRow(rows, /^G-1\b/)!;
    assert.ok(!g1.description.includes('+2d'), 'goals have no baseline mark');
  });

  it('"Compare with…" draws the baseline in the Gantt preview, keeps it in the panel state, and clears it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at('plans/plan.md')));
    await vscode.commands.executeCommand(OPEN, { options: { baseline: 'v1' } });
    const compared = await poll('baseline rows in the Gantt', () => {
      const s = gantt();
      return s?.counts.baselineRows === 3 && s;
    }, 30_000).catch(() => assert.fail(`the panel shows ${JSON.stringify(gantt()?.counts)}`));
    assert.equal((compared.options as { baseline: string }).baseline, 'v1');
    assert.equal(compared.counts.slipped, 3, 'T-1, T-2 and M-1 end two working days later');

    // A revision git does not know draws no baseline (the panel says why in the chart).
    await vscode.commands.executeCommand(OPEN, { options: { baseline: 'no-such-tag' } });
    await poll('no baseline for an unknown revision', () => (gantt()?.options as { baseline?: string } | undefined)?.baseline === 'no-such-tag' && gantt()?.counts.baselineRows === undefined && gantt());

    // An option-like revision is refused by the options themselves.
    await vscode.commands.executeCommand(OPEN, { options: { baseline: '--output=x' } });
    await poll('an option-like revision is dropped', () => (gantt()?.options as { baseline?: string } | undefined)?.baseline === '');

    await vscode.commands.executeCommand(OPEN, { options: { baseline: 'v1' } });
    await poll('the baseline again', () => gantt()?.counts.baselineRows === 3);
    await vscode.commands.executeCommand(OPEN, { options: { baseline: '' } });
    const cleared = await poll('no baseline', () => gantt()?.counts.baselineRows === undefined && gantt());
    assert.equal(cleared.counts.bars, 2);
  });
});
