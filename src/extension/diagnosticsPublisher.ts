import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core/check/ruleCatalog.js';
import type { Diagnostic, FilePath } from '../core/model/types.js';
import { SLICE_MS } from '../core/live/slices.js';
import { toRange, toSeverity } from './convert.js';
import { HOST_CLOCK } from './hostClock.js';
import type { FolderIndex, IndexService } from './indexService.js';
import { uriFor } from './workspaceBridge.js';

export const DIAGNOSTIC_SOURCE = 'specline';
/** Problems fingerprinted or converted between two looks at the clock. */
const PIECE = 100;


/**
 * Publishes every indexed file's problems, open or not, so the Problems panel shows the
 * whole workspace. Only files whose problems changed are set again: re-setting thousands
 * of unchanged files on each keystroke would flood the renderer.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('specline');
  /** Per folder: URI → a fingerprint of what was last published there. */
  private readonly published = new Map<string, Map<string, string>>();
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
      // A file can hold thousands of problems: fingerprint and convert them piece by piece.
      let fingerprint = '';
      for (let i = 0; i < list.length; i += PIECE) {
        fingerprint += JSON.stringify(list.slice(i, i + PIECE));
        if (!(await pause())) return;
      }
      if (published.get(id) !== fingerprint) {
        const converted: vscode.Diagnostic[] = [];
        for (let i = 0; i < list.length; i++) {
          converted.push(this.toDiagnostic(index, list[i]!));
          if (i % PIECE === PIECE - 1 && !(await pause())) return;
        }
        this.collection.set(uri, converted);
        published.set(id, fingerprint);
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
