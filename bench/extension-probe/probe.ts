// Measurement entry for bench/extension.mjs, run inside code-server's extension host as an
// extension-tests entry (`extensionTestsPath`), next to the Specline extension loaded in
// development mode. It uses the real `vscode` API only and times with `performance.now()`
// (and `Date.now()` where a time must be compared with another process's clock).
//
// bench/extension.mjs bundles this file with esbuild into a temp folder and writes
// `probe-context.json` there; the probe writes `probe-results.json` next to it. It never
// asserts a time: a slow number is a result, not a failure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** What bench/extension.mjs tells the probe (see prepareEditTarget there). */
interface ProbeContext {
  extensionId: string;
  /** Edits to make (alternating edited/original values). */
  edits: number;
  /** A specline diagnostics count unchanged this long counts as settled. */
  quietMs: number;
  /** Created by the bench script once the page watches the status bar. */
  pageReadyFile: string;
  /**
   * Created by the bench script once it has read what it needs from the workbench: the
   * extension host exits when run() returns, and VS Code's Running Extensions view (read
   * by the script) needs it alive.
   */
  releaseFile: string;
  target: {
    /** Workspace-relative paths. */
    plan: string;
    spec: string;
    /** 0-based position of the duration value in `plan`. */
    line: number;
    character: number;
    original: string;
    edited: string;
  };
}

interface EditSample {
  /** Wall clock at the start of the edit, to match the page's timestamps. */
  wallStart: number;
  /** The text the duration became. */
  value: string;
  /** All in ms from the start of `editor.edit()`. */
  documentChangedMs?: number;
  editAppliedMs?: number;
  /** Both files' diagnostics changed, seen by polling `getDiagnostics(uri)` every ~1 ms. */
  planPolledMs?: number;
  specPolledMs?: number;
  /** Both files named by `onDidChangeDiagnostics` (VS Code batches that event for 50 ms). */
  planEventMs?: number;
  specEventMs?: number;
  timedOut?: boolean;
}

const DIAGNOSTIC_SOURCE = 'specline';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function speclineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** A string that changes whenever the file's specline problems change. */
function fingerprint(uri: vscode.Uri): string {
  return JSON.stringify(speclineDiagnostics(uri).map((d) => [typeof d.code === 'object' ? d.code.value : d.code, d.range.start.line, d.range.start.character, d.message]));
}

function totalSpeclineDiagnostics(): { problems: number; files: number } {
  let problems = 0;
  let files = 0;
  for (const [, list] of vscode.languages.getDiagnostics()) {
    const n = list.filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    problems += n;
    if (n > 0) files++;
  }
  return { problems, files };
}

export async function run(): Promise<void> {
  const here = __dirname;
  const resultsFile = join(here, 'probe-results.json');
  const results: Record<string, unknown> = { probeStartedWall: Date.now() };
  const disposables: vscode.Disposable[] = [];
  let ctx: ProbeContext | undefined;
  try {
    const context = JSON.parse(readFileSync(join(here, 'probe-context.json'), 'utf8')) as ProbeContext;
    ctx = context;

    // Every change of Specline's problems, from the first moment the probe runs.
    const changes: Array<{ wall: number; problems: number; files: number }> = [];
    let lastChangeWall = 0;
    const listeners = new Set<(uris: readonly vscode.Uri[], at: number) => void>();
    disposables.push(vscode.languages.onDidChangeDiagnostics((e) => {
      const at = performance.now();
      lastChangeWall = Date.now();
      if (changes.length < 50) changes.push({ wall: lastChangeWall, ...totalSpeclineDiagnostics() });
      for (const l of listeners) l(e.uris, at);
    }));

    // (a) Activation: what activate() measured, and whether it had already happened.
    const extension = vscode.extensions.getExtension<{ activationMs: number; whenReady(): Promise<void> }>(context.extensionId);
    if (!extension) throw new Error(`extension ${context.extensionId} is not loaded`);
    results.wasActiveWhenProbeStarted = extension.isActive;
    results.atProbeStart = totalSpeclineDiagnostics();
    const api = await extension.activate();
    results.activationMs = api.activationMs;

    // (b) First complete diagnostics: whenReady(), then no change for quietMs.
    await api.whenReady();
    results.whenReadyWall = Date.now();
    const waitQuiet = async (): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while (Date.now() - Math.max(lastChangeWall, Number(results.whenReadyWall)) < context.quietMs && Date.now() < deadline) await sleep(50);
    };
    await waitQuiet();
    results.diagnosticsChanges = changes.slice();
    results.settled = { wall: lastChangeWall, ...totalSpeclineDiagnostics() };

    // (c) Edits: open the plan, wait for the page to watch the status bar, then edit.
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const planUri = vscode.Uri.joinPath(folder.uri, ...context.target.plan.split('/'));
    const specUri = vscode.Uri.joinPath(folder.uri, ...context.target.spec.split('/'));
    const document = await vscode.workspace.openTextDocument(planUri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const { line, character } = context.target;
    editor.selection = new vscode.Selection(line, character, line, character);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
    lastChangeWall = Date.now();
    await waitQuiet(); // opening the file makes the extension index its buffer once
    const pageDeadline = Date.now() + 30_000;
    while (!existsSync(context.pageReadyFile) && Date.now() < pageDeadline) await sleep(50);
    results.pageWatched = existsSync(context.pageReadyFile);
    const debounceMs = vscode.workspace.getConfiguration('specline', folder.uri).get<number>('debounceMs', 250);
    results.debounceMs = debounceMs;
    results.before = { plan: speclineDiagnostics(planUri).length, spec: speclineDiagnostics(specUri).length };

    const samples: EditSample[] = [];
    let current = context.target.original;
    for (let i = 0; i < context.edits; i++) {
      const value = i % 2 === 0 ? context.target.edited : context.target.original;
      const planBefore = fingerprint(planUri);
      const specBefore = fingerprint(specUri);
      const sample: EditSample = { wallStart: Date.now(), value };
      let t0 = 0;
      const since = (t: number): number => Math.round((t - t0) * 10) / 10;
      const onEvent = (uris: readonly vscode.Uri[], at: number): void => {
        for (const uri of uris) {
          const key = uri.toString();
          if (sample.planEventMs === undefined && key === planUri.toString() && fingerprint(planUri) !== planBefore) sample.planEventMs = since(at);
          if (sample.specEventMs === undefined && key === specUri.toString() && fingerprint(specUri) !== specBefore) sample.specEventMs = since(at);
        }
      };
      listeners.add(onEvent);
      const docListener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (sample.documentChangedMs === undefined && e.document.uri.toString() === planUri.toString()) sample.documentChangedMs = since(performance.now());
      });
      const range = new vscode.Range(line, character, line, character + current.length);
      t0 = performance.now();
      const applied = await editor.edit((b) => b.replace(range, value), { undoStopBefore: true, undoStopAfter: true });
      sample.editAppliedMs = since(performance.now());
      if (!applied) throw new Error(`edit ${i + 1} was not applied`);
      current = value;
      // Poll the API every ~1 ms: the extension host runs the extension and this loop on
      // one thread, so a poll sees a publish as soon as the extension yields.
      const deadline = performance.now() + 10_000;
      while ((sample.planPolledMs === undefined || sample.specPolledMs === undefined) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const now = performance.now();
        if (sample.planPolledMs === undefined && fingerprint(planUri) !== planBefore) sample.planPolledMs = since(now);
        if (sample.specPolledMs === undefined && fingerprint(specUri) !== specBefore) sample.specPolledMs = since(now);
      }
      if (sample.planPolledMs === undefined || sample.specPolledMs === undefined) sample.timedOut = true;
      // Let the batched event arrive, and leave a pause so edits do not merge.
      const settle = performance.now() + 10_000;
      while ((sample.planEventMs === undefined || sample.specEventMs === undefined) && performance.now() < settle && !sample.timedOut) await sleep(5);
      await sleep(400);
      listeners.delete(onEvent);
      docListener.dispose();
      samples.push(sample);
    }
    results.edits = samples;
    results.after = { plan: speclineDiagnostics(planUri).length, spec: speclineDiagnostics(specUri).length };
    // Leave the file as it was on disk (the workspace is a temp copy anyway).
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } catch (err) {
    results.error = err instanceof Error ? err.stack ?? err.message : String(err);
  } finally {
    for (const d of disposables) d.dispose();
    results.probeEndedWall = Date.now();
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  const releaseDeadline = Date.now() + 120_000;
  while (ctx && !existsSync(ctx.releaseFile) && Date.now() < releaseDeadline) await sleep(100);
}
