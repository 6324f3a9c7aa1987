import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import type { SlipMark } from '../../core/baseline/slipMarks.js';
import { slipMarks } from '../../core/baseline/slipMarks.js';
import { escapeMarkdown } from '../../core/language/markdownEscape.js';
import type { PlanNode } from '../../core/views/planTree.js';

/** Folder URI → item ID → its comparison with the folder's configured baseline. */
export type FolderSlipMarks = Map<string, Map<string, SlipMark>>;

/** The slip marks of every folder that has a baseline configured and readable. */
export function slipMarksByFolder(folders: ReadonlyArray<{ folder: vscode.WorkspaceFolder; analysis: Analysis }>): FolderSlipMarks {
  const out: FolderSlipMarks = new Map();
  for (const f of folders) if (f.analysis.baseline) out.set(f.folder.uri.toString(), slipMarks(f.analysis));
  return out;
}

/**
 * Marks a Plan Explorer row whose item ends later than in the baseline beyond
 * `slip-tolerance`: "+3d" at the end of its description and its icon in the warning
 * colour (unless its state already shows an error colour); every compared item's tooltip
 * gets its baseline line. Items on time, ahead or new keep their look.
 */
export function markSlip(item: vscode.TreeItem, node: PlanNode, marks: ReadonlyMap<string, SlipMark> | undefined): void {
  const mark = node.id === undefined || node.kind === 'group' || node.kind === 'goal' ? undefined : marks?.get(node.id);
  if (!mark) return;
  if (item.tooltip instanceof vscode.MarkdownString) item.tooltip.appendMarkdown(`\n\n**Baseline (${escapeMarkdown(mark.ref, 60)}):** ${mark.detail}`);
  if (!mark.beyondTolerance || mark.short === undefined) return;
  const description = typeof item.description === 'string' ? item.description : '';
  item.description = description ? `${description} · ${mark.short}` : mark.short;
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  const errorColoured = icon?.color?.id === 'list.errorForeground';
  if (icon && !errorColoured) item.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor('list.warningForeground'));
}
