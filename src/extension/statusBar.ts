import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis/types.js';
import { COMMANDS } from './commandIds.js';
import type { IndexService } from './indexService.js';
import { readSettings } from './settings.js';

/** Coverage and problem counts of every folder together. */
export interface Summary {
  features: number;
  traced: number;
  goals: number;
  tasks: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(analyses: readonly Analysis[]): Summary {
  const s: Summary = { features: 0, traced: 0, goals: 0, tasks: 0, errors: 0, warnings: 0, infos: 0 };
  for (const a of analyses) {
    for (const f of a.features.values()) {
      // A dropped feature needs no trace (FORMAT notes): it does not count either way.
      if (a.items.get(f.id)?.status === 'dropped') continue;
      s.features++;
      if (f.traced) s.traced++;
    }
    s.goals += a.goals.size;
    for (const item of a.items.values()) if (item.kind === 'task') s.tasks++;
    for (const d of a.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

/** The status bar text for a summary, e.g. `$(checklist) 6/8 traced $(error) 2 $(warning) 11`. */
export function statusText(s: Summary): string {
  const coverage = s.features > 0 ? `${s.traced}/${s.features} traced` : 'no features';
  return `$(checklist) ${coverage}  $(error) ${s.errors}  $(warning) ${s.warnings}`;
}

/**
 * Traceability coverage and problem counts at a glance; a click opens the Problems panel.
 * Hidden while no folder holds any Specline item or config, so it never clutters a
 * workspace that merely contains Markdown.
 */
export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('specline.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the item is shown (StatusBarItem does not say). */
  visible = false;

  constructor(private readonly service: IndexService) {
    this.item.name = 'Specline';
    this.item.command = COMMANDS.showProblems;
    this.disposables.push(
      this.item,
      service.onDidAnalyze(() => this.update()),
      service.onDidChangeState(() => this.update()),
      service.onDidRemoveFolder(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('specline.statusBar.enable')) this.update(); }),
    );
    this.update();
  }

  update(): void {
    if (!readSettings().statusBar) {
      this.hide();
      return;
    }
    const folders = this.service.all();
    const loading = folders.some((f) => f.state === 'loading');
    const analyses = folders.map((f) => f.analysis).filter((a): a is Analysis => a !== undefined);
    const relevant = analyses.some((a) => a.items.size > 0 || a.diagnostics.length > 0);
    if (loading && analyses.length === 0) {
      this.item.text = '$(sync~spin) Specline';
      this.item.tooltip = 'Specline is indexing the workspace…';
      this.show();
      return;
    }
    if (!relevant) {
      this.hide();
      return;
    }
    const s = summarize(analyses);
    this.item.text = (loading ? '$(sync~spin) ' : '') + statusText(s);
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown('**Specline**\n\n');
    tip.appendMarkdown(`Traceability: ${s.traced} of ${s.features} features traced to a goal and a task${s.features > 0 ? ` (${Math.round((s.traced / s.features) * 100)} %)` : ''}\n\n`);
    tip.appendMarkdown(`${s.goals} goals · ${s.features} features · ${s.tasks} tasks\n\n`);
    tip.appendMarkdown(`Problems: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos\n\n`);
    if (folders.length > 1) for (const f of folders) if (f.analysis) tip.appendMarkdown(`- ${f.folder.name}: ${statusText(summarize([f.analysis]))}\n`);
    tip.appendMarkdown('\nClick to open the Problems panel.');
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `Specline: ${s.traced} of ${s.features} features traced, ${s.errors} errors, ${s.warnings} warnings` };
    this.show();
  }

  /** What the user sees, for tests and the log. */
  snapshot(): { text: string; tooltip: string; visible: boolean } {
    const tip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tip === 'string' ? tip : tip?.value ?? '', visible: this.visible };
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }

  private hide(): void {
    this.visible = false;
    this.item.hide();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
