import type { Command } from '../command.js';
import { textOption } from '../command.js';
import { defined, withNewline } from './gantt.js';

/** `specline report`: a status report in Markdown, as of `--today`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'write a status report in Markdown',
  description: 'Writes a status report in Markdown as of --today: progress, what is late or at risk, upcoming milestones and the problems found.',
  formats: ['markdown'],
  scope: 'trace',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'heading of the report (default "Status report")' },
  },
  async run({ analysis, values }) {
    const { renderStatusReport } = await import('../../core/report/statusReport.js');
    return { output: withNewline(renderStatusReport(analysis, defined('title', textOption(values, 'title')))), exitCode: 0 };
  },
};
