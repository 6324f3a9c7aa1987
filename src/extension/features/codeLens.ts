import * as vscode from 'vscode';
import { getCodeLenses } from '../../core/language/index.js';
import { COMMANDS } from '../commandIds.js';
import { toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { readSettings } from '../settings.js';
import { indexed } from './context.js';

/**
 * Roll-ups above goals, features and milestones ("2 features · 5 tasks · ends … · 40%
 * done"). A click lists the linked items; on a gap (a feature with no goal or no task) it
 * starts the fix instead, when the workspace is trusted.
 */
export class CodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: IndexService) {
    this.subscriptions = [
      this.changed,
      service.onDidAnalyze(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('specline.codeLens.enable')) this.changed.fire(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readSettings(document.uri).codeLens) return [];
    const entry = indexed(this.service, document, false);
    if (!entry) return [];
    const folder = entry.index.folder.uri.toString();
    const trusted = vscode.workspace.isTrusted;
    return getCodeLenses(entry.analysis, entry.path).map((lens) => {
      const range = toRange(lens.range);
      let command: vscode.Command;
      if (lens.gap === 'no-goal' && trusted) {
        command = { title: `${lens.title} · link a goal`, command: COMMANDS.linkGoal, arguments: [document.uri.toString(), lens.id] };
      } else if (lens.gap === 'no-task' && trusted) {
        command = { title: `${lens.title} · plan a task`, command: COMMANDS.createTaskStub, arguments: [folder, lens.id] };
      } else if (lens.related.length > 0) {
        command = { title: lens.title, command: COMMANDS.showLinked, arguments: [document.uri.toString(), range.start.line, range.start.character, lens.related], tooltip: `Show ${lens.related.join(', ')}` };
      } else {
        command = { title: lens.title, command: '' };
      }
      return new vscode.CodeLens(range, command);
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
