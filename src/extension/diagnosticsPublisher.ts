import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core/check/ruleCatalog.js';
import type { Diagnostic, FilePath } from '../core/model/types.js';
import { toRange, toSeverity } from './convert.js';
import type { FolderIndex, IndexService } from './indexService.js';
import { uriFor } from './workspaceBridge.js';

export const DIAGNOSTIC_SOURCE = 'specline';

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
    const analysis = index.analysis;
    if (!analysis) return;
    const key = index.folder.uri.toString();
    const before = this.published.get(key) ?? new Map<string, string>();
    const byFile = new Map<FilePath, Diagnostic[]>();
    for (const d of analysis.diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const after = new Map<string, string>();
    for (const [file, list] of byFile) {
      const uri = uriFor(index.folder, file);
      const id = uri.toString();
      const fingerprint = JSON.stringify(list);
      after.set(id, fingerprint);
      if (before.get(id) !== fingerprint) this.collection.set(uri, list.map((d) => this.toDiagnostic(index, d)));
    }
    for (const id of before.keys()) if (!after.has(id)) this.collection.delete(vscode.Uri.parse(id));
    this.published.set(key, after);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private clear(index: FolderIndex): void {
    const key = index.folder.uri.toString();
    for (const id of this.published.get(key)?.keys() ?? []) this.collection.delete(vscode.Uri.parse(id));
    this.published.delete(key);
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
