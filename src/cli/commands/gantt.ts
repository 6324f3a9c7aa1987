import type { Analysis } from '../../core/analysis/types.js';
import type { Baseline } from '../../core/baseline/baseline.js';
import type { Command } from '../command.js';
import { choiceOption, textOption } from '../command.js';
import { UsageError } from '../io.js';
import { GANTT_GROUP_BY, GANTT_ZOOM } from '../../core/views/ganttOptions.js';
import type { ChoiceSchema } from '../../core/views/optionSchema.js';
import { choiceValues, cliChoiceOption } from '../../core/views/optionSchema.js';

/** `specline gantt`: the schedule as a Gantt chart. Renderers load on demand, so `check` never pays for them. */
export const ganttCommand: Command = {
  name: 'gantt',
  summary: 'draw the schedule as a Gantt chart (Mermaid, SVG or HTML)',
  description: 'Draws the computed schedule as a Gantt chart: Mermaid text, an SVG image, or a self-contained HTML page.',
  formats: ['mermaid', 'svg', 'html'],
  scope: 'trace',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'title of the chart' },
    ...cliChoiceOption(GANTT_GROUP_BY),
    ...cliChoiceOption(GANTT_ZOOM),
    feature: { type: 'string', value: 'ID', description: 'only the tasks and milestones of this feature' },
    goal: { type: 'string', value: 'ID', description: 'only the tasks and milestones of this goal’s features' },
    owner: { type: 'string', value: '@HANDLE', description: 'only the tasks this person owns' },
    milestone: { type: 'string', value: 'ID', description: 'only this milestone and the work leading to it' },
    baseline: { type: 'string', value: 'REF', description: 'svg/html: draw the plan at a git revision (tag, branch or commit) under the bars, with each item’s slip; mermaid text is unchanged' },
  },
  validate(values) {
    schemaOption(values, GANTT_GROUP_BY, 'gantt');
    schemaOption(values, GANTT_ZOOM, 'gantt');
    const ref = textOption(values, 'baseline');
    if (ref !== undefined && (ref.trim() === '' || ref.trim().startsWith('-'))) {
      throw new UsageError(`--baseline needs a git revision, not "${ref}"`, 'for example --baseline v1.0 or --baseline HEAD~5.');
    }
  },
  async run({ analysis, format, values, root, env, narrow, full }) {
    const options = {
      ...defined('title', textOption(values, 'title')),
      ...defined('groupBy', schemaOption(values, GANTT_GROUP_BY, 'gantt')),
      ...defined('feature', textOption(values, 'feature')),
      ...defined('goal', textOption(values, 'goal')),
      ...defined('owner', textOption(values, 'owner')),
      ...defined('milestone', textOption(values, 'milestone')),
    };
    const zoom = defined('zoom', schemaOption(values, GANTT_ZOOM, 'gantt'));
    // Read for every format, so a revision git does not know is exit 2 whatever the format;
    // mermaid has no way to draw a baseline, so its text stays as it is.
    const ref = textOption(values, 'baseline')?.trim();
    const baseline = ref === undefined ? {} : { baseline: await readBaselineOption(root, ref, analysis.today, env, narrow, full) };
    if (format === 'svg') {
      const { renderGanttSvg } = await import('../../core/render/ganttSvg.js');
      return { output: withNewline(renderGanttSvg(analysis, { ...options, ...zoom, ...baseline })), exitCode: 0 };
    }
    if (format === 'html') {
      const { renderGanttHtml } = await import('../../core/render/ganttHtml.js');
      return { output: withNewline(renderGanttHtml(analysis, { ...options, ...zoom, ...baseline })), exitCode: 0 };
    }
    const { renderMermaidGantt } = await import('../../core/render/mermaidGantt.js');
    return { output: withNewline(renderMermaidGantt(analysis, options)), exitCode: 0 };
  },
};

/**
 * The plan at `ref` for `--baseline`, narrowed to the PATHs as the current plan is (so an
 * item out of scope is not taken for one removed since); a revision git cannot give is a
 * usage error (exit 2).
 */
async function readBaselineOption(root: string, ref: string, today: number, env: Readonly<Record<string, string | undefined>>, narrow: (a: Analysis) => Analysis, full: Analysis): Promise<Baseline> {
  const { baselineOf } = await import('../../core/baseline/baseline.js');
  const { analyzeAtRef, GitError } = await import('../../node/git.js');
  const { revisionUsageError } = await import('../revisionUsageError.js');
  try {
    // Files unchanged since the revision keep the parse they have now.
    const old = await analyzeAtRef({ root, ref, today, env, reuse: { files: full.files, config: full.config } });
    return baselineOf(narrow(old.analysis), ref, old.at.commit);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw revisionUsageError('--baseline', ref, error);
  }
}

/** A chart option's CLI value, checked against its schema; undefined when not given. */
export function schemaOption<T extends string>(values: Readonly<Record<string, string | boolean | undefined>>, schema: ChoiceSchema<T>, command: string): T | undefined {
  return schema.flag ? choiceOption(values, schema.flag, choiceValues(schema), command) : undefined;
}

/** `{ key: value }`, or `{}` when the value is undefined (options objects never hold undefined). */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Text outputs end with a newline, like every Unix tool's. */
export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
