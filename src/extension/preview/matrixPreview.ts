import * as vscode from 'vscode';
import { renderTraceMatrix } from '../../core/render/traceMatrix.js';
import { MATRIX_CSS, renderMatrixView } from '../../core/views/matrixView.js';
import type { MatrixViewOptions } from '../../core/views/matrixViewOptions.js';
import { DEFAULT_MATRIX_OPTIONS, restoreMatrixOptions, setMatrixOption } from '../../core/views/matrixViewOptions.js';
import type { CommandContext, PreviewView } from './previewView.js';

/** Command that opens the traceability matrix. */
export const SHOW_TRACE_MATRIX = 'specline.showTraceabilityMatrix';

/** The traceability matrix preview; exports are `specline trace`'s output for the same analysis. */
export const matrixPreview: PreviewView<MatrixViewOptions> = {
  kind: 'matrix',
  viewType: 'specline.preview.matrix',
  command: SHOW_TRACE_MATRIX,
  inlineCss: MATRIX_CSS,
  defaults: () => ({ ...DEFAULT_MATRIX_OPTIONS }),
  restore: restoreMatrixOptions,
  option: setMatrixOption,
  render: ({ analysis, activePath }, options) => renderMatrixView(analysis, options, activePath),
  runCommand: runMatrixCommand,
};

async function runMatrixCommand(name: string, _arg: string | undefined, context: CommandContext<MatrixViewOptions>): Promise<void> {
  const { analysis } = context.render;
  switch (name) {
    case 'copyMarkdown': {
      await vscode.env.clipboard.writeText(renderTraceMatrix(analysis, { format: 'markdown' }));
      void vscode.window.showInformationMessage('Specline: the traceability matrix is on the clipboard as Markdown.');
      return;
    }
    case 'saveMarkdown':
    case 'saveCsv': {
      const csv = name === 'saveCsv';
      const text = renderTraceMatrix(analysis, { format: csv ? 'csv' : 'markdown' });
      const uri = await context.save(csv ? 'traceability.csv' : 'traceability.md', csv ? { CSV: ['csv'] } : { Markdown: ['md'] }, text);
      if (uri) void vscode.window.showInformationMessage(`Specline: saved ${vscode.workspace.asRelativePath(uri)}`);
      return;
    }
    default:
      return;
  }
}
