import * as vscode from 'vscode';
import { planGhost } from '../../core/edit/ghostPreview.js';
import type { GhostPreview } from '../../core/edit/ghostPreview.js';
import type { GhostGesture } from '../../core/views/protocol.js';
import { uriFor } from '../workspaceBridge.js';
import type { RenderContext } from './previewView.js';

/**
 * What a drag on the Gantt chart would move if dropped now (`planGhost`): nothing is
 * written. A gesture the drop would refuse answers with no moves and the reason, which the
 * chart shows on the dragged bar. Only a mermaid chart's text is read (its dates follow
 * mermaid's rules, so its edited text is parsed); an open editor's buffer wins over the disk.
 */
export async function ganttGhost(gesture: GhostGesture, context: RenderContext): Promise<GhostPreview> {
  const id = gesture.kind === 'link' ? gesture.to : gesture.id;
  const item = context.analysis.items.get(id);
  let text: string | undefined;
  if (item?.form === 'mermaid') {
    try {
      text = (await vscode.workspace.openTextDocument(uriFor(context.folder.folder, item.file))).getText();
    } catch {
      text = undefined;
    }
  }
  const ghost = planGhost(context.analysis, gesture, (file) => (item && file === item.file ? text : undefined));
  return ghost.ok ? ghost.ghost : { moves: [], more: 0, warnings: [ghost.message] };
}
