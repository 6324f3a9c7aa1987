import type { TraceMatrix } from '../render/traceMatrix.js';
import { cleanLine } from '../render/text.js';
import type { Choice } from './toolbar.js';
import { commandButton, segmentedControl, selectControl, toolbarGroup, toolbarStatus } from './toolbar.js';
import { MATRIX_ORDER, MATRIX_ROWS } from './matrixOptions.js';
import type { MatrixViewOptions } from './matrixViewOptions.js';
import { NO_GOAL } from './matrixViewOptions.js';
import { toolbarChoices } from './optionSchema.js';

/** The matrix panel's toolbar: rows, goal and order controls, the exports, and the status line. */
export function matrixToolbar(matrix: TraceMatrix, options: MatrixViewOptions, status: string): string {
  const goals: Choice[] = [{ value: '', label: 'All goals' }, ...matrix.goals.map((g) => ({ value: g.id, label: `${g.id} ${cleanLine(g.title, 50)}` })), { value: NO_GOAL, label: 'No goal' }];
  if (options.goal && !goals.some((g) => g.value === options.goal)) goals.push({ value: options.goal, label: `${options.goal} (missing)` });
  return [
    toolbarGroup(
      segmentedControl(MATRIX_ROWS.key, MATRIX_ROWS.label, options.gapsOnly ? 'gaps' : 'all', toolbarChoices(MATRIX_ROWS)),
      selectControl('goal', 'Goal', options.goal, goals),
      segmentedControl(MATRIX_ORDER.key, MATRIX_ORDER.label, options.order, toolbarChoices(MATRIX_ORDER)),
    ),
    toolbarGroup(
      commandButton('copyMarkdown', 'Copy Markdown', { title: 'Copy the whole matrix as Markdown (as specline trace --format markdown)' }),
      commandButton('saveMarkdown', 'Export Markdown…', { title: 'Save the whole matrix as Markdown (as specline trace --format markdown)' }),
      commandButton('saveCsv', 'Export CSV…', { title: 'Save the whole matrix as CSV for a spreadsheet (as specline trace --format csv)' }),
    ),
    toolbarStatus(status),
  ].join('');
}
