import * as vscode from 'vscode';
import { renderGanttSvg } from '../../core/render/ganttSvg.js';
import { renderMermaidGantt } from '../../core/render/mermaidGantt.js';
import type { GanttViewOptions } from '../../core/views/ganttView.js';
import {
  DEFAULT_GANTT_OPTIONS, ganttFilter, renderGanttView, restoreGanttOptions, setGanttOption, toggleGanttSection,
} from '../../core/views/ganttView.js';
import { GANTT_CSS } from '../../core/render/ganttSvg.js';
import { applyGanttGesture } from './ganttGesture.js';
import { ganttGhost } from './ganttGhost.js';
import type { CommandContext, PreviewView } from './previewView.js';
import { GANTT_BASELINE_CSS } from '../../core/render/ganttBaseline.js';
import { GanttBaselines, pickBaseline } from './ganttBaselines.js';

/** The baselines "Compare with…" has read, shared by the (single) Gantt panel across reloads. */
const baselines = new GanttBaselines();

/** Command that opens the Gantt preview (palette and editor-title button). */
export const OPEN_GANTT = 'specline.openGanttPreview';

/** The Gantt preview: the core renders, this adapter adds the exports that need VS Code. */
export const ganttPreview: PreviewView<GanttViewOptions> = {
  kind: 'gantt',
  viewType: 'specline.preview.gantt',
  command: OPEN_GANTT,
  inlineCss: GANTT_CSS + GANTT_BASELINE_CSS,
  usesMermaid: true,
  defaults: () => ({ ...DEFAULT_GANTT_OPTIONS, collapsed: [] }),
  restore: restoreGanttOptions,
  option: setGanttOption,
  toggle: toggleGanttSection,
  rescales: (before, after) => before.zoom !== after.zoom,
  render: ({ analysis, activePath, folder }, options) => renderGanttView(analysis, options, activePath, baselines.state(folder, options.baseline)),
  runCommand: runGanttCommand,
  gesture: applyGanttGesture,
  ghost: ganttGhost,
  onDidChange: baselines.onDidChange,
};

/**
 * "Compare with…": pick a tag, a recent commit or a typed revision (or "No baseline"); the
 * plan at that revision is read before the chart changes, so a revision git does not know
 * is an error message and the chart stays as it was.
 */
async function compareWith(context: CommandContext<GanttViewOptions>): Promise<GanttViewOptions | undefined> {
  const folder = context.render.folder;
  const revisions = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Specline: listing tags and commits' }, () => baselines.revisions(folder));
  const ref = await pickBaseline(revisions, context.options.baseline);
  if (ref === undefined) return undefined;
  if (ref === '') return { ...context.options, baseline: '' };
  baselines.forget(folder, ref);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Specline: reading the plan at ${ref}` }, () => baselines.read(folder, ref));
  } catch (error) {
    void vscode.window.showErrorMessage(`Specline: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return { ...context.options, baseline: ref };
}

async function runGanttCommand(name: string, _arg: string | undefined, context: CommandContext<GanttViewOptions>): Promise<GanttViewOptions | void> {
  const { analysis, activePath } = context.render;
  const { filter, scope } = ganttFilter(analysis, context.options, activePath);
  const base = `gantt-${slug(scope)}`;
  switch (name) {
    case 'compareBaseline':
      return compareWith(context);
    case 'copyMermaid': {
      await vscode.env.clipboard.writeText(renderMermaidGantt(analysis, { ...filter, title: scope }));
      void vscode.window.showInformationMessage('Specline: the Gantt chart is on the clipboard as mermaid text (paste it into a ```mermaid block).');
      return;
    }
    case 'saveSvg': {
      const svg = standaloneSvg(context, filter, scope);
      const uri = await context.save(`${base}.svg`, { 'SVG image': ['svg'] }, svg);
      if (uri) void vscode.window.showInformationMessage(`Specline: saved ${vscode.workspace.asRelativePath(uri)}`);
      return;
    }
    case 'savePng': {
      const svg = standaloneSvg(context, filter, scope);
      const size = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
      const png = await context.rasterize(svg, Number(size?.[1] ?? 800), Number(size?.[2] ?? 400), 2);
      const uri = await context.save(`${base}.png`, { 'PNG image': ['png'] }, png);
      if (uri) void vscode.window.showInformationMessage(`Specline: saved ${vscode.workspace.asRelativePath(uri)}`);
      return;
    }
    default:
      return;
  }
}

/** The chart as a file: styles embedded, theme colours replaced by their light fallbacks. */
function standaloneSvg(context: CommandContext<GanttViewOptions>, filter: ReturnType<typeof ganttFilter>['filter'], scope: string): string {
  const collapsed = new Set(context.options.collapsed);
  // The baseline on screen goes into the file too: an export is what the user sees.
  const baseline = context.options.baseline ? baselines.state(context.render.folder, context.options.baseline).baseline : undefined;
  return renderGanttSvg(context.render.analysis, { ...filter, zoom: context.options.zoom, title: `Gantt chart: ${scope}`, collapsed, ...(baseline ? { baseline } : {}) });
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'chart';
