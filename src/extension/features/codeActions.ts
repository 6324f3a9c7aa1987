import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import { fileResultFor } from '../../core/language/freshFile.js';
import { addDurationEdit, addGoalEdit, closestIds, damerauLevenshtein, suggestGoals, suppressionEdit } from '../../core/language/index.js';
import type { TextEdit } from '../../core/language/index.js';
import type { Diagnostic, ItemKind } from '../../core/model/types.js';
import { COMMANDS } from '../commandIds.js';
import { fromRange, sameRange } from '../convert.js';
import { DIAGNOSTIC_SOURCE } from '../diagnosticsPublisher.js';
import type { IndexService } from '../indexService.js';
import { indexed } from './context.js';
import { toWorkspaceEdit } from './edits.js';

export const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('specline');
const QUICK_FIX = vscode.CodeActionKind.QuickFix;
/** Goals offered directly in the light bulb; the rest are one QuickPick away. */
const GOALS_OFFERED = 5;

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

/**
 * Quick fixes for Specline's diagnostics, computed by the core from the diagnostic's
 * `data` (no re-check): the closest IDs for an unknown reference, goals to link an
 * untraced feature to (best matches first), a task stub in a plan the user picks, a
 * missing duration, and a suppression comment for one line. `source.fixAll.specline`
 * corrects only unambiguous ID typos: anything that needs a judgement stays a choice.
 *
 * Nothing is offered in Restricted Mode: Specline does not change files there.
 */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [QUICK_FIX, FIX_ALL],
    documentation: [{ kind: FIX_ALL, command: { command: COMMANDS.openDocumentation, title: 'Specline diagnostics' } }],
  };

  constructor(private readonly service: IndexService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!vscode.workspace.isTrusted) return [];
    const only = context.only;
    const wantFixAll = only !== undefined && FIX_ALL.intersects(only);
    const wantQuickFix = only === undefined || QUICK_FIX.intersects(only);
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!wantFixAll && (!wantQuickFix || ours.length === 0)) return [];
    // The light bulb asks on every cursor move. While the user is typing, answering would
    // mean a whole-workspace check per keystroke; VS Code asks again when the problems are
    // re-published after the pause. Ctrl+. (Invoke) always gets an answer.
    const index = this.service.folderOf(document.uri);
    const path = index && this.service.pathOf(index, document.uri);
    if (context.triggerKind === vscode.CodeActionTriggerKind.Automatic && path !== undefined && index?.hasPendingEdits(path)) return [];
    const entry = indexed(this.service, document, true);
    if (!entry) return [];
    const text = document.getText();
    const folder = entry.index.folder;
    const inFile = entry.analysis.diagnostics.filter((d) => d.file === entry.path);
    const actions: vscode.CodeAction[] = [];

    if (wantQuickFix) {
      for (const diag of ours) {
        const code = codeOf(diag);
        // The Problems panel holds copies: find the core diagnostic (and its data) by code and range.
        const core = inFile.find((d) => d.code === code && sameRange(diag.range, d.range));
        const fix = (title: string, edits: readonly TextEdit[], preferred = false): void => {
          const action = new vscode.CodeAction(title, QUICK_FIX);
          action.edit = toWorkspaceEdit(folder, edits);
          action.diagnostics = [diag];
          action.isPreferred = preferred;
          actions.push(action);
        };
        if (core) {
          switch (code) {
            case 'ref.unknown':
            case 'ref.wrong-kind': {
              const id = typeof core.data?.id === 'string' ? core.data.id : document.getText(diag.range);
              const candidates = closestIds(entry.analysis, id, core.data?.expectedKinds as ItemKind[] | undefined, 3);
              const sure = unambiguous(id, candidates);
              candidates.forEach((c) => {
                const title = entry.analysis.items.get(c)?.title;
                fix(`Change to ${c}${title ? ` (${shorten(title)})` : ''}`, [{ file: core.file, range: core.range, newText: c }], code === 'ref.unknown' && c === sure);
              });
              break;
            }
            case 'trace.feature-no-goal': {
              const featureId = String(core.data?.item ?? '');
              for (const g of suggestGoals(entry.analysis, featureId, GOALS_OFFERED, text)) {
                const edit = addGoalEdit(entry.analysis, featureId, g.id, text);
                if (edit) fix(`Link ${featureId} to goal ${g.id}${g.title ? ` (${shorten(g.title)})` : ''}`, [edit]);
              }
              const more = new vscode.CodeAction(`Link ${featureId} to a goal…`, QUICK_FIX);
              more.command = { command: COMMANDS.linkGoal, title: more.title, arguments: [document.uri.toString(), featureId] };
              more.diagnostics = [diag];
              actions.push(more);
              break;
            }
            case 'trace.feature-no-task': {
              const featureId = String(core.data?.item ?? '');
              const action = new vscode.CodeAction(`Plan a task for ${featureId}…`, QUICK_FIX);
              action.command = { command: COMMANDS.createTaskStub, title: action.title, arguments: [folder.uri.toString(), featureId] };
              action.diagnostics = [diag];
              actions.push(action);
              break;
            }
            case 'schedule.no-duration': {
              const item = fileResultFor(entry.analysis, entry.path, text).items.find((i) => i.id === core.data?.item);
              const edit = item && addDurationEdit(item, text, '1d');
              if (edit) fix(`Add duration: 1d to ${item.id}`, [edit], true);
              break;
            }
          }
        }
        const suppress = suppressionEdit(core ?? { file: entry.path, range: fromRange(diag.range), code, severity: 'warning', message: diag.message, related: [] }, text);
        if (suppress) fix(`Ignore ${code} on this line`, [suppress]);
      }
    }

    if (wantFixAll) {
      const edits = fixAllEdits(entry.analysis, inFile);
      if (edits.length > 0) {
        const action = new vscode.CodeAction('Fix mistyped IDs (Specline)', FIX_ALL);
        action.edit = toWorkspaceEdit(folder, edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

/** The one closest ID when it is a single edit away and no other candidate is: a typo, not a guess. */
export function unambiguous(id: string, candidates: readonly string[]): string | undefined {
  const near = candidates.filter((c) => damerauLevenshtein(id, c, 2) <= 1);
  return near.length === 1 ? near[0] : undefined;
}

/** `source.fixAll.specline`: every unknown reference in the file that has exactly one obvious correction. */
export function fixAllEdits(analysis: Analysis, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'ref.unknown' || typeof d.data?.id !== 'string') continue;
    const sure = unambiguous(d.data.id, closestIds(analysis, d.data.id, d.data.expectedKinds, 3));
    if (sure) edits.push({ file: d.file, range: d.range, newText: sure });
  }
  return edits;
}

function shorten(title: string): string {
  return title.length > 50 ? `${title.slice(0, 49)}…` : title;
}
