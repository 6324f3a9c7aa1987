import type { Command } from '../command.js';
import { withNewline } from './gantt.js';

/** `specline roadmap`: goals and the features serving them, by horizon. */
export const roadmapCommand: Command = {
  name: 'roadmap',
  summary: 'draw the roadmap (Markdown, Mermaid or HTML)',
  description: 'Draws the roadmap: goals by horizon with the features that serve them, as Markdown, a Mermaid chart or a self-contained HTML page.',
  formats: ['markdown', 'mermaid', 'html'],
  async run({ analysis, format }) {
    const { renderRoadmap } = await import('../../core/render/roadmap.js');
    return { output: withNewline(renderRoadmap(analysis, { format: format as 'markdown' | 'mermaid' | 'html' })), exitCode: 0 };
  },
};
