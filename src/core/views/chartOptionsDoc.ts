import { GANTT_CHOICES } from './ganttOptions.js';
import { MATRIX_CHOICES } from './matrixOptions.js';
import type { ChoiceSchema } from './optionSchema.js';
import { choiceValues } from './optionSchema.js';
import { ROADMAP_CHOICES } from './roadmapOptions.js';

/** Each chart with its fixed-value options, in the order the docs list them. */
export const CHART_CHOICES: ReadonlyArray<{ chart: string; schemas: readonly ChoiceSchema<string>[] }> = [
  { chart: 'Gantt', schemas: GANTT_CHOICES },
  { chart: 'Roadmap', schemas: ROADMAP_CHOICES },
  { chart: 'Traceability matrix', schemas: MATRIX_CHOICES },
];

/**
 * The README's table of chart options, written from the schemas so the documented values,
 * defaults and spellings are the ones the CLI, the blocks and the toolbars accept
 * (`scripts/docs/options.mjs` writes it; a docs test checks it is current).
 */
export function chartOptionsMarkdown(): string {
  const rows = ['| chart | values (default first) | CLI | fenced block | preview toolbar |', '|---|---|---|---|---|'];
  for (const { chart, schemas } of CHART_CHOICES) {
    for (const schema of schemas) {
      const values = [schema.default, ...choiceValues(schema).filter((v) => v !== schema.default)].map((v) => `\`${v}\``).join(', ');
      const cli = schema.flag ? `\`--${schema.flag}\`` : '—';
      const [block, ...aliases] = schema.block ?? [];
      const fenced = block ? `\`${block}:\`${aliases.length > 0 ? ` (also ${aliases.map((a) => `\`${a}:\``).join(', ')})` : ''}` : '—';
      rows.push(`| ${chart} | ${values} | ${cli} | ${fenced} | ${schema.label} |`);
    }
  }
  return rows.join('\n');
}
