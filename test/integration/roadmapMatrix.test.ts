/**
 * The roadmap and traceability matrix panels in a real extension host, over a copy of
 * examples/acme: both open through their commands, their counts equal what the CLI
 * computes from the same files (run as a separate process, so nothing is shared but the
 * files), and an edit that links the untraced feature to a goal moves the numbers.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, poll } from './support.js';

const TODAY = '2027-02-15';

interface Snapshot {
  kind: string;
  visible: boolean;
  title: string;
  generation: number;
  options: Record<string, unknown>;
  counts: Record<string, number>;
}

interface SpeclineApi {
  whenReady(): Promise<void>;
  previews(): Snapshot[];
}

interface TraceJson {
  goals: { id: string; features: unknown[]; coverage: number | null }[];
  untraced: unknown[];
  coverage: { traced: number; total: number; percent: number | null };
  gaps: Record<'featuresWithoutGoal' | 'featuresWithoutTasks' | 'goalsWithoutFeatures' | 'tasksWithoutFeatures', string[]>;
}

let api: SpeclineApi;
let extensionPath: string;

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder (a copy of examples/acme)');
  return folder.uri;
}

/** `specline …` on the workspace folder, in its own Node process. */
function cli(...args: string[]): string {
  return execFileSync(process.execPath, [join(extensionPath, 'dist', 'cli.js'), ...args, root().fsPath, '--today', TODAY], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
}

/** What the CLI's roadmap page shows, counted from its markup. */
function cliRoadmap(): { cards: number; lanes: number; features: number; untraced: number } {
  const html = cli('roadmap', '--format', 'html');
  const ids = [...html.matchAll(/<div class="sl-card [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
  const lane = '<tr class="sl-lane sl-lane-untraced">';
  const untracedLane = html.slice(html.indexOf(lane));
  return {
    cards: ids.length,
    lanes: (html.match(/<th scope="row"/g) ?? []).length,
    features: new Set(ids).size,
    untraced: html.includes(lane) ? (untracedLane.match(/<div class="sl-card /g) ?? []).length : 0,
  };
}

function cliTrace(): TraceJson {
  return JSON.parse(cli('trace', '--format', 'json')) as TraceJson;
}

const snapshot = (kind: string): Snapshot | undefined => api.previews().find((p) => p.kind === kind);

/**
 * Waits until the panel of `kind` shows `expected` (every key of it). The index follows
 * the disk through the file watcher, so right after earlier suites created or deleted
 * files it may be a moment behind the CLI, which reads the disk afresh.
 */
async function shows(kind: string, expected: Record<string, number | null>, timeoutMs = 30_000): Promise<Snapshot> {
  let last: Snapshot | undefined;
  const matches = (s: Snapshot): boolean => Object.entries(expected).every(([k, v]) => (s.counts[k] ?? null) === v);
  try {
    return await poll(`the ${kind} panel to show ${JSON.stringify(expected)}`, () => {
      last = snapshot(kind);
      return last && last.generation > 0 && matches(last) && last;
    }, timeoutMs);
  } catch (error) {
    const seen = last ? Object.fromEntries(Object.keys(expected).map((k) => [k, last!.counts[k] ?? null])) : 'no panel';
    throw new Error(`${String(error)}; it shows ${JSON.stringify(seen)}`);
  }
}

describe('Roadmap and traceability matrix panels', () => {
  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(root(), 'specs', 'custom-branding.md')).then(undefined, () => {
      throw new Error('the workspace is not a copy of examples/acme (specs/custom-branding.md is missing)');
    });
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    extensionPath = extension.extensionPath;
    api = await extension.activate();
    await api.whenReady();
    // Earlier suites revert what they edit; make sure no buffer differs from the disk the CLI reads.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(vscode.Uri.joinPath(root(), 'roadmap.md'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens the roadmap with the cards, lanes and features the CLI counts', async () => {
    const expected = cliRoadmap();
    assert.ok(expected.cards > 0 && expected.lanes > 0, `the CLI draws a board: ${JSON.stringify(expected)}`);
    const opened = await vscode.commands.executeCommand<Snapshot>('specline.openRoadmap');
    assert.equal(opened?.kind, 'roadmap');
    const shown = await shows('roadmap', expected);
    assert.equal(shown.title, 'Roadmap');
    assert.equal(shown.counts.untraced, 1, 'FEAT-7 names no goal');
    assert.equal(shown.options.columns, 'auto');
  });

  it('switches the roadmap to quarters through the command’s options', async () => {
    const snap = await vscode.commands.executeCommand<Snapshot>('specline.openRoadmap', { options: { columns: 'quarter' } });
    assert.equal(snap?.options.columns, 'quarter');
    const html = cli('roadmap', '--format', 'html', '--columns', 'quarter');
    // The same columns as specline roadmap --columns quarter.
    await shows('roadmap', { dated: 1, columns: (html.match(/<th scope="col" data-column=/g) ?? []).length, cards: (html.match(/<div class="sl-card /g) ?? []).length });
    await vscode.commands.executeCommand('specline.openRoadmap', { options: { columns: 'auto' } });
    await poll('the horizon columns again', () => snapshot('roadmap')?.counts.dated === 0);
  });

  it('opens the traceability matrix with the numbers of specline trace', async () => {
    const json = cliTrace();
    await vscode.commands.executeCommand('specline.showTraceabilityMatrix');
    const rows = json.goals.reduce((n, g) => n + Math.max(1, g.features.length), 0) + json.untraced.length + json.gaps.tasksWithoutFeatures.length;
    const gaps = Object.values(json.gaps).reduce((n, ids) => n + ids.length, 0);
    const shown = await shows('matrix', {
      rows, coveragePercent: json.coverage.percent, traced: json.coverage.traced, total: json.coverage.total,
      goals: json.goals.length, gaps, featuresWithoutGoal: json.gaps.featuresWithoutGoal.length,
    });
    assert.equal(shown.title, 'Traceability Matrix');
    // Both panels are open at once, one per kind.
    assert.deepEqual(api.previews().map((p) => p.kind).sort(), ['matrix', 'roadmap']);
  });

  it('moves both panels when an untraced feature is linked to a goal', async () => {
    const uri = vscode.Uri.joinPath(root(), 'specs', 'custom-branding.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const before = { roadmap: snapshot('roadmap')!.counts, matrix: snapshot('matrix')!.counts };
    assert.equal(before.roadmap.untraced, 1);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('priority:'));
    assert.ok(line > 0, 'the spec has a priority line in its front matter');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(line, 0), 'goals: [G-1]\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Panels share an editor group; a hidden one renders when it is shown again.
      await vscode.commands.executeCommand('specline.openRoadmap');
      const roadmap = await poll('the roadmap to take FEAT-7 into G-1', () => {
        const s = snapshot('roadmap');
        return s?.counts.untraced === 0 && s;
      });
      assert.equal(roadmap.counts.lanes, before.roadmap.lanes - 1, 'the Untraced lane is gone');
      assert.equal(roadmap.counts.cards, before.roadmap.cards, 'the card moved lanes');
      await vscode.commands.executeCommand('specline.showTraceabilityMatrix');
      const matrix = await poll('the matrix to count FEAT-7 as traced', () => {
        const s = snapshot('matrix');
        return s?.counts.traced === before.matrix.traced + 1 && s;
      });
      assert.equal(matrix.counts.featuresWithoutGoal, 0);
      // Saved, the CLI reads the same file and agrees with both panels.
      assert.ok(await document.save());
      const json = cliTrace();
      assert.equal(matrix.counts.coveragePercent, json.coverage.percent);
      assert.ok((json.coverage.percent ?? 0) > (before.matrix.coveragePercent ?? 0), 'coverage went up');
      const cards = cliRoadmap();
      assert.deepEqual({ cards: roadmap.counts.cards, lanes: roadmap.counts.lanes, untraced: roadmap.counts.untraced }, { cards: cards.cards, lanes: cards.lanes, untraced: cards.untraced });
    } finally {
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
    }
    await poll('the matrix to show FEAT-7 untraced again', () => snapshot('matrix')?.counts.featuresWithoutGoal === 1);
  });
});
