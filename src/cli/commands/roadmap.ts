import type { Command } from '../command.js';
import { choiceOption, textOption } from '../command.js';
import { markGenerated } from '../generated.js';
import { defined, withNewline } from './gantt.js';

const COLUMNS = ['auto', 'horizon', 'quarter', 'half'] as const;
const ORDERS = ['priority', 'score'] as const;

/** `specline roadmap`: goals and the features serving them, by horizon. */
export const roadmapCommand: Command = {
  name: 'roadmap',
  summary: 'draw the roadmap (Markdown, Mermaid or HTML)',
  description: 'Draws the roadmap: goals by horizon with the features that serve them, as Markdown, a Mermaid chart or a self-contained HTML page.',
  formats: ['markdown', 'mermaid', 'html'],
  scope: 'trace',
  options: {
    columns: { type: 'string', value: 'KIND', description: 'auto (default), horizon (now/next/later), quarter or half' },
    order: { type: 'string', value: 'BY', description: 'features in each column by priority (default) or score (RICE, highest first)' },
    title: { type: 'string', value: 'TEXT', description: 'title of the roadmap' },
  },
  validate(values) {
    choiceOption(values, 'columns', COLUMNS, 'roadmap');
    choiceOption(values, 'order', ORDERS, 'roadmap');
  },
  async run({ analysis, format, values }) {
    const { renderRoadmap } = await import('../../core/render/roadmap.js');
    const output = renderRoadmap(analysis, {
      format: format as 'markdown' | 'mermaid' | 'html',
      ...defined('columns', choiceOption(values, 'columns', COLUMNS, 'roadmap')),
      ...defined('order', choiceOption(values, 'order', ORDERS, 'roadmap')),
      ...defined('title', textOption(values, 'title')),
    });
    return { output: format === 'markdown' ? markGenerated('roadmap', output) : withNewline(output), exitCode: 0 };
  },
};
