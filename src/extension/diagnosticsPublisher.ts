import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core/check/ruleCatalog.js';
import type { Diagnostic, FilePath } from '../core/model/types.js';
import { editorProblems } from '../core/live/editorProblems.js';
import { SLICE_MS } from '../core/live/slices.js';
import { toRange, toSeverity } from './convert.js';
import { HOST_CLOCK } from './hostClock.js';
import type { FolderIndex, IndexService } from './indexService.js';
import { uriFor } from './workspaceBridge.js';

export const DIAGNOSTIC_SOURCE = 'specline';
/** Problems fingerprinted or converted between two looks at the clock. */
const PIECE = 100;

/** What was last set for one file: the problems' JSON piece by piece, and how many were left out. */
interface Published {
  pieces: string[];
  hidden: number;
}


/**
 * Publishes every indexed file's problems, open or not, so the Problems panel shows the
 * whole workspace. Only files whose problems changed are set again: re-setting thousands
 * of unchanged files on each keystroke would flood the renderer.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('specline');
  /** Per folder: URI → a fingerprint of what was last published there. */
  private readonly published = new Map<string, Map<string, Published>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The latest publish per folder: an older one still running stops at its next slice. */
  private readonly runs = new Map<string, number>();
  /** Documentation links, built once per code. */
  private readonly targets = new Map<string, vscode.Uri>();

  constructor(service: IndexService) {
    this.disposables.push(
      this.collection,
      service.onDidAnalyze((index) => this.publish(index)),
      service.onDidRemoveFolder((index) => this.clear(index)),
    );
  }

  publish(index: FolderIndex): void {
    void this.publishInSlices(index);
  }

  /**
   * Sets each file's problems, giving the host its thread back every few milliseconds: a
   * workspace with thousands of problem files must not hold the host while they are
   * converted. A newer analysis of the same folder stops an older publish; `published`
   * always says what the collection holds, so the newer one sets only what differs.
   */
  private async publishInSlices(index: FolderIndex): Promise<void> {
    const analysis = index.analysis;
    if (!analysis) return;
    const key = index.folder.uri.toString();
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    const byFile = new Map<FilePath, Diagnostic[]>();
    for (const d of analysis.diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    let published = this.published.get(key);
    if (!published) {
      published = new Map();
      this.published.set(key, published);
    }
    const current = new Set<string>();
    let slice = HOST_CLOCK.now();
    /** False once a newer publish (or the folder's removal) took over. */
    const pause = async (): Promise<boolean> => {
      if (HOST_CLOCK.now() - slice >= SLICE_MS) {
        await HOST_CLOCK.yieldToHost();
        slice = HOST_CLOCK.now();
      }
      return this.runs.get(key) === run;
    };
    for (const [file, list] of byFile) {
      const uri = uriFor(index.folder, file);
      const id = uri.toString();
      current.add(id);
      // VS Code takes a file's problems in one call: hand it a bounded number, worst first.
      const { shown, hidden } = editorProblems(list);
      // Fingerprinted piece by piece and compared piece by piece: one string of a file's
      // thousands of problems would be flattened and compared in one go.
      const before = published.get(id);
      const pieces: string[] = [];
      let same = before !== undefined && before.hidden === hidden && before.pieces.length === Math.ceil(shown.length / PIECE);
      for (let i = 0; i < shown.length; i += PIECE) {
        // Only what reaches VS Code: `data` is for quick fixes and can be long (every member
        // of a 3,000-task cycle), and stringifying it for each problem held the host.
        const piece = JSON.stringify(shown.slice(i, i + PIECE).map((d) => [d.range, d.severity, d.code, d.message, d.related]));
        if (same && before!.pieces[pieces.length] !== piece) same = false;
        pieces.push(piece);
        if (!(await pause())) return;
      }
      if (!same) {
        const converted: vscode.Diagnostic[] = [];
        for (let i = 0; i < shown.length; i++) {
          converted.push(this.toDiagnostic(index, shown[i]!));
          if (i % PIECE === PIECE - 1 && !(await pause())) return;
        }
        if (hidden > 0) converted.push(notShown(shown[shown.length - 1]!, hidden));
        this.collection.set(uri, converted);
        published.set(id, { pieces, hidden });
      }
      if (!(await pause())) return;
    }
    for (const id of [...published.keys()]) {
      if (current.has(id)) continue;
      this.collection.delete(vscode.Uri.parse(id));
      published.delete(id);
      if (!(await pause())) return;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private clear(index: FolderIndex): void {
    const key = index.folder.uri.toString();
    for (const id of this.published.get(key)?.keys() ?? []) this.collection.delete(vscode.Uri.parse(id));
    this.published.delete(key);
    this.runs.set(key, (this.runs.get(key) ?? 0) + 1);
  }

  private toDiagnostic(index: FolderIndex, d: Diagnostic): vscode.Diagnostic {
    const out = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
    out.source = DIAGNOSTIC_SOURCE;
    let target = this.targets.get(d.code);
    if (!target) {
      target = vscode.Uri.parse(ruleDocsUrl(d.code));
      this.targets.set(d.code, target);
    }
    out.code = { value: d.code, target };
    if (d.related.length > 0) {
      out.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriFor(index.folder, r.file), toRange(r.range)), r.message));
    }
    return out;
  }
}

/**
 * The line that says a file has more problems than the editor was given (VS Code adds the
 * same kind of line past its own limit), at the last problem shown.
 */
function notShown(last: Diagnostic, hidden: number): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(last.range), `${hidden.toLocaleString('en-US')} more ${hidden === 1 ? 'problem in this file is' : 'problems in this file are'} not shown here (errors come first); \`specline check\` lists them all.`, vscode.DiagnosticSeverity.Information);
  out.source = DIAGNOSTIC_SOURCE;
  return out;
}
