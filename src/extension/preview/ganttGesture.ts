import * as vscode from 'vscode';
import { planChartGesture } from '../../core/edit/chartGesture.js';
import { planShiftPredecessors } from '../../core/edit/shiftPredecessors.js';
import { displayId } from '../../core/mermaid/localId.js';
import type { ChartGesture } from '../../core/views/protocol.js';
import { COMMANDS } from '../commandIds.js';
import type { EditTaskOutcome } from '../features/editTask.js';
import { EDIT_RESTRICTED_MESSAGE } from '../features/editTask.js';
import { uriFor } from '../workspaceBridge.js';
import type { RenderContext } from './previewView.js';

/**
 * A drag or key press on the Gantt chart, applied through `specline.editTask`. The chart is
 * what asks: a move that would pin a start over a task's predecessors is confirmed first
 * or answered by shifting its predecessor chain instead (or cancelled), so the plan never
 * silently says two things at once.
 */
export async function applyGanttGesture(gesture: ChartGesture, context: RenderContext): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(EDIT_RESTRICTED_MESSAGE);
    return false;
  }
  const planned = planChartGesture(context.analysis, gesture);
  if (!planned.ok) {
    void vscode.window.showWarningMessage(`Specline: ${planned.message}.`);
    return false;
  }
  const { request, overrides } = planned.plan;
  if (overrides) {
    const id = displayId(request.id);
    const names = overrides.map(displayId).join(', ');
    const pin = { label: `Pin ${id} to ${request.start ?? request.end}`, detail: `Breaks the dependency: ${id} will no longer wait for ${names}.` };
    const cancel = { label: 'Cancel', detail: `${id} keeps following ${names}.` };
    const chain = gesture.kind === 'move' ? planShiftPredecessors(context.analysis, gesture, await chartText(context, request.id)) : undefined;
    const shift = chain?.ok ? { label: 'Shift the predecessor chain', detail: `Moves ${chain.summary}; the dependency holds.` } : undefined;
    const picks = shift ? [pin, shift, cancel] : [pin, cancel];
    const pick = await vscode.window.showQuickPick(picks, { title: `${id} follows ${names}`, placeHolder: `Moving ${id} pins its start, which overrides the dependency` });
    if (pick === shift && chain?.ok) {
      // All the shifted items in one WorkspaceEdit: one undo takes the whole shift back.
      const outcome = await vscode.commands.executeCommand<EditTaskOutcome>(COMMANDS.editTask, chain.requests);
      return outcome?.ok === true;
    }
    if (pick !== pin) return false;
  }
  // editTask warns on a refusal; nothing more to say here.
  const outcome = await vscode.commands.executeCommand<EditTaskOutcome>(COMMANDS.editTask, request);
  return outcome?.ok === true;
}

/** The text of a mermaid chart task's file (shifting its chain reads the chart's lines); undefined for other items. */
async function chartText(context: RenderContext, id: string): Promise<string | undefined> {
  const item = context.analysis.items.get(id);
  if (item?.form !== 'mermaid') return undefined;
  return (await vscode.workspace.openTextDocument(uriFor(context.folder.folder, item.file))).getText();
}
