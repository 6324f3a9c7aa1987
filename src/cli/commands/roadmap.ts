import type { Command } from '../command.js';
import { textOption } from '../command.js';
import { markGenerated } from '../generated.js';
import { cliChoiceOption } from '../../core/views/optionSchema.js';
import { ROADMAP_COLUMNS_OPTION, ROADMAP_ORDER_OPTION } from '../../core/views/roadmapOptions.js';
import { defined, schemaOption, withNewline } from './gantt.js';

/** `specline roadmap`: goals and the features serving them, by horizon. */
export const roadmapCommand: Command = {
  name: 'roadmap',
  summary: 'draw the roadmap (Markdown, Mermaid or HTML)',
  description: 'Draws the roadmap: goals by horizon with the features that serve them, as Markdown, a Mermaid chart or a self-contained HTML page.',
  formats: ['markdown', 'mermaid', 'html'],
  scope: 'trace',
  options: {
    ...cliChoiceOption(ROADMAP_COLUMNS_OPTION),
    ...cliChoiceOption(ROADMAP_ORDER_OPTION),
    title: { type: 'string', value: 'TEXT', description: 'title of the roadmap' },
  },
  validate(values) {
    schemaOption(values, ROADMAP_COLUMNS_OPTION, 'roadmap');
    schemaOption(values, ROADMAP_ORDER_OPTION, 'roadmap');
  },
  async run({ analysis, format, values }) {
    const { renderRoadmap } = await import('../../core/render/renderRoadmap.js');
    const output = renderRoadmap(analysis, {
      format: format as 'markdown' | 'mermaid' | 'html',
      ...defined('columns', schemaOption(values, ROADMAP_COLUMNS_OPTION, 'roadmap')),
      ...defined('order', schemaOption(values, ROADMAP_ORDER_OPTION, 'roadmap')),
      ...defined('title', textOption(values, 'title')),
    });
    return { output: format === 'markdown' ? markGenerated('roadmap', output) : withNewline(output), exitCode: 0 };
  },
};
