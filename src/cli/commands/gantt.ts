import type { Command } from '../command.js';
import { choiceOption, textOption } from '../command.js';

const GROUP_BY = ['section', 'feature'] as const;
const ZOOM = ['day', 'week', 'month', 'quarter'] as const;

/** `specline gantt`: the schedule as a Gantt chart. Renderers load on demand, so `check` never pays for them. */
export const ganttCommand: Command = {
  name: 'gantt',
  summary: 'draw the schedule as a Gantt chart (Mermaid, SVG or HTML)',
  description: 'Draws the computed schedule as a Gantt chart: Mermaid text, an SVG image, or a self-contained HTML page.',
  formats: ['mermaid', 'svg', 'html'],
  scope: 'trace',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'title of the chart' },
    'group-by': { type: 'string', value: 'KEY', description: 'group bars by section (default) or feature' },
    zoom: { type: 'string', value: 'SCALE', description: 'svg/html scale: day, week (default), month or quarter' },
    feature: { type: 'string', value: 'ID', description: 'only the tasks and milestones of this feature' },
    goal: { type: 'string', value: 'ID', description: 'only the tasks and milestones of this goal’s features' },
    owner: { type: 'string', value: '@HANDLE', description: 'only the tasks this person owns' },
    milestone: { type: 'string', value: 'ID', description: 'only this milestone and the work leading to it' },
  },
  validate(values) {
    choiceOption(values, 'group-by', GROUP_BY, 'gantt');
    choiceOption(values, 'zoom', ZOOM, 'gantt');
  },
  async run({ analysis, format, values }) {
    const options = {
      ...defined('title', textOption(values, 'title')),
      ...defined('groupBy', choiceOption(values, 'group-by', GROUP_BY, 'gantt')),
      ...defined('feature', textOption(values, 'feature')),
      ...defined('goal', textOption(values, 'goal')),
      ...defined('owner', textOption(values, 'owner')),
      ...defined('milestone', textOption(values, 'milestone')),
    };
    const zoom = defined('zoom', choiceOption(values, 'zoom', ZOOM, 'gantt'));
    if (format === 'svg') {
      const { renderGanttSvg } = await import('../../core/render/ganttSvg.js');
      return { output: withNewline(renderGanttSvg(analysis, { ...options, ...zoom })), exitCode: 0 };
    }
    if (format === 'html') {
      const { renderGanttHtml } = await import('../../core/render/ganttHtml.js');
      return { output: withNewline(renderGanttHtml(analysis, { ...options, ...zoom })), exitCode: 0 };
    }
    const { renderMermaidGantt } = await import('../../core/render/mermaidGantt.js');
    return { output: withNewline(renderMermaidGantt(analysis, options)), exitCode: 0 };
  },
};

/** `{ key: value }`, or `{}` when the value is undefined (options objects never hold undefined). */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Text outputs end with a newline, like every Unix tool's. */
export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
