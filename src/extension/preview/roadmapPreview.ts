import * as vscode from 'vscode';
import { renderRoadmap } from '../../core/render/renderRoadmap.js';
import { ROADMAP_CSS } from '../../core/render/roadmapBoard.js';
import type { RoadmapViewOptions } from '../../core/views/roadmapView.js';
import {
  clearRoadmapFilters, DEFAULT_ROADMAP_OPTIONS, renderRoadmapView, restoreRoadmapOptions, ROADMAP_VIEW_CSS, setRoadmapOption,
} from '../../core/views/roadmapView.js';
import type { CommandContext, PreviewView } from './previewView.js';

/** Command that opens the roadmap preview. */
export const OPEN_ROADMAP = 'specline.openRoadmap';

/** The roadmap preview: the core renders the board, this adapter adds what needs VS Code (clipboard, save). */
export const roadmapPreview: PreviewView<RoadmapViewOptions> = {
  kind: 'roadmap',
  viewType: 'specline.preview.roadmap',
  command: OPEN_ROADMAP,
  inlineCss: ROADMAP_CSS + ROADMAP_VIEW_CSS,
  defaults: () => ({ ...DEFAULT_ROADMAP_OPTIONS }),
  restore: restoreRoadmapOptions,
  option: setRoadmapOption,
  render: ({ analysis, activePath }, options) => renderRoadmapView(analysis, options, activePath),
  runCommand: runRoadmapCommand,
};

/** Exports are the whole roadmap in the panel's column mode and order, exactly as `specline roadmap --columns … --order …` writes it. */
async function runRoadmapCommand(name: string, _arg: string | undefined, context: CommandContext<RoadmapViewOptions>): Promise<RoadmapViewOptions | void> {
  const { analysis } = context.render;
  const { columns, order } = context.options;
  switch (name) {
    case 'clearFilters':
      return clearRoadmapFilters(context.options);
    case 'copyMarkdown':
    case 'copyMermaid': {
      const format = name === 'copyMarkdown' ? 'markdown' : 'mermaid';
      await vscode.env.clipboard.writeText(renderRoadmap(analysis, { format, columns, order }));
      void vscode.window.showInformationMessage(`Specline: the roadmap is on the clipboard as ${format === 'markdown' ? 'Markdown' : 'a mermaid timeline'}.`);
      return;
    }
    case 'saveHtml': {
      const uri = await context.save('roadmap.html', { 'HTML page': ['html'] }, renderRoadmap(analysis, { format: 'html', columns, order }));
      if (uri) void vscode.window.showInformationMessage(`Specline: saved ${vscode.workspace.asRelativePath(uri)}`);
      return;
    }
    default:
      return;
  }
}
