// @fixture test/integration/fixtures/baselineWorkspace.mjs
/**
 * `baseline:` in `.specline.yml` in a real VS Code: the extension reads the plan at the tag
 * with git and reports `schedule.slipped` where milestones and features moved, with the
 * baseline date as related information; changing the tolerance clears it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { poll } from './support.js';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const slipped = (path: string): vscode.Diagnostic[] => vscode.languages.getDiagnostics(at(path))
  .filter((d) => d.source === 'specline' && (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === 'schedule.slipped');

describe('Baseline comparison in the editor', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<{ whenReady(): Promise<void> }>('specline.specline');
    assert.ok(extension);
    await (await extension.activate()).whenReady();
  });

  it('reports schedule.slipped on the milestone and the feature, with the baseline date', async () => {
    const [milestone] = await poll('schedule.slipped on M-1', () => slipped('plans/plan.md').length === 1 && slipped('plans/plan.md'), 60_000);
    assert.equal(milestone!.range.start.line, 10, 'on the line of M-1 (0-based)');
    assert.match(milestone!.message, /M-1 is due 2027-01-12, 2 working days later than in the baseline v1 \(2027-01-08\)/);
    assert.equal(milestone!.relatedInformation?.length, 1);
    assert.match(milestone!.relatedInformation![0]!.message, /^M-1 in v1 \([0-9a-f]{7}\): 2027-01-08$/);
    assert.equal(slipped('feat-1.md').length, 1, 'the feature too');
  });

  it('follows slip-tolerance when the config changes', async () => {
    const config = at('.specline.yml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('baseline: v1\nslip-tolerance: 2\n'));
      await poll('no slip beyond 2 days', () => slipped('plans/plan.md').length === 0 && slipped('feat-1.md').length === 0, 60_000);
    } finally {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(before));
    }
    await poll('the slip back', () => slipped('plans/plan.md').length === 1, 60_000);
  });
});
