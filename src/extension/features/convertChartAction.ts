import * as vscode from 'vscode';
import { findGanttBlocks } from '../../core/mermaid/ganttBlocks.js';
import { computeGanttDates } from '../../core/mermaid/ganttDates.js';
import { idsInUse } from '../../core/convert/proposeIds.js';
import { readGantt } from '../../core/mermaid/readGantt.js';
import { convertGanttChart, listGanttCharts } from '../../core/convert/toPlan.js';
import { toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { indexed } from './context.js';

const KIND = vscode.CodeActionKind.QuickFix.append('specline').append('convertChart');
export const CONVERT_CHART_TITLE = 'Convert mermaid chart to a Specline plan table';

/** The action with what `resolveCodeAction` needs to compute its edit. */
class ConvertChartAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly chart: number) {
    super(CONVERT_CHART_TITLE, KIND);
  }
}

/**
 * A quick fix on a mermaid gantt chart: it becomes a Specline plan table with the same
 * dates (`convertGanttChart` in the core, as `specline convert` does it).
 *
 * The table replaces the fence rather than going after it: a chart kept beside its table
 * would define every Specline ID of the chart twice (`id.duplicate`) and put each task
 * twice into the schedule, the Gantt preview and people's load, which no migrating team
 * wants; GitHub's drawing comes back with `specline gantt --format mermaid`, and the chart
 * lines the table cannot hold stay in an HTML comment. Everything is one WorkspaceEdit (the
 * fence, and the front matter when the chart's calendar goes there), so one undo restores
 * the file byte for byte.
 *
 * Offered wherever the cursor is inside a chart (one line scan, no conversion); the edit
 * is computed only when the action is chosen. A chart mermaid cannot draw has no dates to
 * keep and gets no action (its `mermaid.syntax` error says what to fix first).
 */
export class ConvertChartActionProvider implements vscode.CodeActionProvider<ConvertChartAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [KIND] };

  constructor(private readonly service: IndexService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): ConvertChartAction[] {
    if (!vscode.workspace.isTrusted) return [];
    if (context.only && !KIND.intersects(context.only)) return [];
    const lines = document.getText().split(/\r?\n/);
    const blocks = findGanttBlocks(lines);
    const charts = listGanttCharts(document.getText());
    const index = charts.findIndex((c) => range.start.line >= c.fence.open && range.start.line <= c.fence.close);
    if (index < 0) return [];
    // A chart mermaid cannot draw has no dates to keep; its `mermaid.syntax` error says why.
    const chart = readGantt(lines, blocks[index]!);
    if (chart.syntaxErrors.length > 0 || computeGanttDates(chart, NaN).failure) return [];
    return [new ConvertChartAction(document, index)];
  }

  resolveCodeAction(action: ConvertChartAction): ConvertChartAction {
    const document = action.document;
    const entry = indexed(this.service, document, true);
    if (!entry) return action;
    const charts = listGanttCharts(document.getText());
    const chart = charts[action.chart];
    if (!chart) return action;
    const conversion = convertGanttChart(entry.path, document.getText(), action.chart, {
      config: entry.analysis.config,
      taken: idsInUse(entry.analysis.files.values(), entry.path, chart.fence.open, chart.fence.close),
      mode: 'replace',
      today: entry.analysis.today,
    });
    if (conversion.failure !== undefined) return action;
    const edit = new vscode.WorkspaceEdit();
    for (const e of conversion.edits) edit.replace(document.uri, toRange(e.range), e.newText);
    action.edit = edit;
    return action;
  }
}
