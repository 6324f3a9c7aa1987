// @fixture test/integration/fixtures/hostileWorkspace.mjs
/**
 * The extension host is shared by every extension: Specline must never hold it for long.
 * Over a workspace of hostile files (4,000 duplicate rows, a 3,000-task cycle, an owner
 * with 2,000 parallel tasks, 1,000 copies of one ID, scanner and nesting bombs, a Latin-1
 * file) this suite re-indexes, edits and asks for language features while a monitor
 * records the host's stalls. Before the bounds on messages, scanners and nesting, this
 * workspace held the host for minutes and never finished indexing.
 *
 * What is measured. A stall is the CPU time this thread spends between two ticks of a 2 ms
 * interval (at most the wall-clock gap): work that holds the event loop burns CPU for the
 * whole gap, while a gap caused by the machine being busy elsewhere (the suite must pass
 * with both cores loaded) burns almost none. The thread's CPU time comes from Linux's
 * /proc/thread-self/schedstat; the process's would also count the parse thread, which
 * works while this one waits (elsewhere the process's time is the fallback).
 *
 * Whose stall it was. The host also runs VS Code's built-in Markdown extension, which
 * tokenizes the 4,000-row plan and the bombs for its own symbols and links and sends each
 * document to its language server, and VS Code's link detection: stalls of 300–450 ms
 * that are not Specline's, and this code-server (4.100) has no way to disable a built-in
 * extension for one suite. So a CPU profile of this thread runs beside the monitor, and
 * each stall is split by its samples: the share whose stacks pass through Specline's
 * bundle (Specline's code and what it calls, VS Code's API included) is Specline's, and
 * garbage collection, which the profiler samples without a stack, is shared out in the
 * same proportion (stallMonitor.ts). The limit holds Specline's share of every stall to
 * 50 ms of CPU; the longest stall, whoever caused it, is printed beside it, with the
 * scripts that ran in it. Blind spots: what VS Code does later on Specline's behalf outside
 * Specline's stack (sending its problems on), and native time without a JavaScript stack
 * (copying a message in from the parse thread), count as nobody's; a stall the profiler
 * took no sample in fails rather than passing as nobody's.
 *
 * Parsing yields to the host between files, large files and files the parser gets cut
 * (deep nesting, mark bombs) parse on a worker thread, and the analysis (inside the
 * schedule and the rules with thousands of problems too), the Plan Explorer's tree and
 * the diagnostics run in slices; VS Code gets at most MAX_EDITOR_PROBLEMS_PER_FILE of a
 * file's problems.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';
import { MAX_EDITOR_PROBLEMS_PER_FILE } from '../../src/core/model/limits.js';
import { describeStall, monitorStalls, sourceLocator } from './stallMonitor.js';
import type { StallReport } from './stallMonitor.js';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';
/** The longest Specline may hold the shared extension host in one go, in CPU milliseconds. */
const MAX_STALL_MS = 50;
interface SpeclineApi {
  whenReady(): Promise<void>;
}

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const codes = (path: string): string[] => vscode.languages.getDiagnostics(at(path)).filter((d) => d.source === 'specline').map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('Hostile input in the editor: reported, answered, and never holding the host for 50 ms', () => {
  let api: SpeclineApi;
  /** Whether a script is Specline's: the extension's bundle (and its parse thread's, which never runs here). */
  let isOurs: (url: string) => boolean;
  const locate = sourceLocator();

  before(async function () {
    this.timeout(180_000);
    await vscode.workspace.fs.stat(at('plans/duplicates.md')).then(undefined, () => {
      throw new Error('the workspace is not the hostile fixture (plans/duplicates.md is missing)');
    });
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    const bundle = join(extension.extensionPath, 'dist');
    isOurs = (url) => (url.startsWith('file://') ? fileURLToPath(url) : url).startsWith(bundle);
    api = await extension.activate();
    await api.whenReady();
    // Problems are published file by file, in slices: wait for the last hostile file too.
    await poll('the duplicates reported', () => codes('plans/duplicates.md').includes('id.duplicate'), 120_000);
    await poll('the overload reported', () => codes('plans/overload.md').includes('resource.overallocated'), 60_000);
  });

  /** Runs `work` under the monitor; the stalls are appended to the test's title, so the runner prints them. */
  async function measure(test: Mocha.Context, what: string, work: () => Promise<void>): Promise<StallReport> {
    const monitor = await monitorStalls(isOurs, locate);
    let report: StallReport;
    try {
      await work();
    } finally {
      report = await monitor.stop();
    }
    if (test.test) test.test.title += ` [${what}: longest stall ${describeStall(report.worst)}; most of Specline's in one stall ${describeStall(report.worstOurs)}]`;
    // A stall without samples could be anyone's: it must not pass for nobody's.
    assert.ok(report.unsampledMs < MAX_STALL_MS, `a stall of ${report.unsampledMs.toFixed(0)} ms of CPU that the profiler took no sample in`);
    assert.ok(report.worstOurs.oursMs < MAX_STALL_MS,
      `Specline held the extension host for ${report.worstOurs.oursMs.toFixed(0)} ms of CPU in one stall during the ${what} (limit ${MAX_STALL_MS} ms): ${describeStall(report.worstOurs)}`);
    return report;
  }

  it('reports every hostile file with a plain diagnostic', () => {
    assert.ok(codes('plans/cycle.md').includes('schedule.cycle'), 'the cycle');
    assert.ok(codes('plans/overload.md').includes('resource.overallocated'), 'the overload');
    assert.ok(codes('copies/copy-0.md').includes('id.duplicate'), 'the copied ID');
    assert.ok(codes('notes/latin1.md').includes('file.skipped'), 'the Latin-1 file');
    // The cycle's 6,000 problems reach the editor bounded, with a line for the rest.
    const cycle = vscode.languages.getDiagnostics(at('plans/cycle.md')).filter((d) => d.source === 'specline');
    assert.equal(cycle.length, MAX_EDITOR_PROBLEMS_PER_FILE + 1, 'the bounded problems and the line for the rest');
    assert.match(cycle[cycle.length - 1]!.message, /^[\d,]+ more problems in this file are not shown here/);
    for (const [path, d] of [['plans/duplicates.md', vscode.languages.getDiagnostics(at('plans/duplicates.md'))]] as const) {
      for (const diagnostic of d) assert.ok(diagnostic.message.length < 600, `${path}: a bounded message (${diagnostic.message.length} characters)`);
    }
  });

  it('re-indexes the whole workspace, holding the host under 50 ms at a time', async function () {
    this.timeout(180_000);
    await measure(this, 're-index', async () => {
      await vscode.commands.executeCommand('specline.refreshIndex');
      await api.whenReady();
      await poll('the duplicates reported again', () => codes('plans/duplicates.md').includes('id.duplicate'), 120_000);
    });
  });

  it('re-checks an edit to the 4,000-row plan and answers language features on it, holding the host under 50 ms at a time', async function () {
    this.timeout(120_000);
    const document = await vscode.workspace.openTextDocument(at('plans/duplicates.md'));
    await vscode.window.showTextDocument(document);
    try {
      await measure(this, 'edit', async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(4, 0), '| T-7777 | Inserted | 1d | FEAT-1 |\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await poll('the inserted task checked', () => vscode.languages.getDiagnostics(document.uri).length > 0 && document.isDirty, 60_000);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        assert.ok(symbols.length > 0, 'symbols of the plan');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 3));
        assert.ok(hovers.length > 0, 'a hover on T-1');
        await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('opens the bombs in editors and answers language features on them, holding the host under 50 ms at a time', async function () {
    this.timeout(120_000);
    await measure(this, 'bombs', async () => {
      for (const path of ['bombs/angles.md', 'bombs/links.md', 'bombs/brackets.md', 'bombs/deep.md']) {
        const document = await vscode.workspace.openTextDocument(at(path));
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
        await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 5));
        await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 5));
      }
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
