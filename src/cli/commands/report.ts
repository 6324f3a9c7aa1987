import type { Command } from '../command.js';
import { withNewline } from './gantt.js';

/** `specline report`: a status report in Markdown. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'write a status report in Markdown',
  description: 'Writes a status report in Markdown: progress, what is late or at risk, and the problems found.',
  formats: ['markdown'],
  async run({ analysis }) {
    const { renderStatusReport } = await import('../../core/report/statusReport.js');
    return { output: withNewline(renderStatusReport(analysis, {})), exitCode: 0 };
  },
};
