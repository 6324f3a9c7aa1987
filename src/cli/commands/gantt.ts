import type { Command } from '../command.js';

/** `specline gantt`: the schedule as a Gantt chart. Renderers load on demand, so `check` never pays for them. */
export const ganttCommand: Command = {
  name: 'gantt',
  summary: 'draw the schedule as a Gantt chart (Mermaid, SVG or HTML)',
  description: 'Draws the computed schedule as a Gantt chart: Mermaid text, an SVG image, or a self-contained HTML page.',
  formats: ['mermaid', 'svg', 'html'],
  async run({ analysis, format }) {
    if (format === 'svg') {
      const { renderGanttSvg } = await import('../../core/render/ganttSvg.js');
      return { output: withNewline(renderGanttSvg(analysis, {})), exitCode: 0 };
    }
    if (format === 'html') {
      const { renderGanttHtml } = await import('../../core/render/ganttHtml.js');
      return { output: withNewline(renderGanttHtml(analysis, {})), exitCode: 0 };
    }
    const { renderMermaidGantt } = await import('../../core/render/mermaidGantt.js');
    return { output: withNewline(renderMermaidGantt(analysis, {})), exitCode: 0 };
  },
};

/** Text outputs end with a newline, like every Unix tool's. */
export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
