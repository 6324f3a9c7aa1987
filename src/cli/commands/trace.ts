import type { Command } from '../command.js';
import { markGenerated } from '../generated.js';
import { withNewline } from './gantt.js';

/** `specline trace`: the goal ← feature ← task traceability matrix. */
export const traceCommand: Command = {
  name: 'trace',
  summary: 'print the traceability matrix (Markdown, CSV or JSON)',
  description: 'Prints the traceability matrix, goal ← feature ← task, as a Markdown table, CSV or JSON.',
  formats: ['markdown', 'csv', 'json'],
  scope: 'trace',
  async run({ analysis, format }) {
    const { renderTraceMatrix } = await import('../../core/render/traceMatrix.js');
    const output = renderTraceMatrix(analysis, { format: format as 'markdown' | 'csv' | 'json' });
    return { output: format === 'markdown' ? markGenerated('trace', output) : withNewline(output), exitCode: 0 };
  },
};
