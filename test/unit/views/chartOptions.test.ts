import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { GANTT_FENCE, ROADMAP_FENCE, renderFencedBlock } from '../../../src/core/views/fencedBlock.js';
import { GANTT_CHOICES } from '../../../src/core/views/ganttOptions.js';
import { ALL_PLANS, DEFAULT_GANTT_OPTIONS, renderGanttView, restoreGanttOptions, setGanttOption } from '../../../src/core/views/ganttView.js';
import { MATRIX_CHOICES } from '../../../src/core/views/matrixOptions.js';
import { renderMatrixView } from '../../../src/core/views/matrixView.js';
import { DEFAULT_MATRIX_OPTIONS, restoreMatrixOptions, setMatrixOption } from '../../../src/core/views/matrixViewOptions.js';
import type { ChoiceSchema } from '../../../src/core/views/optionSchema.js';
import { choiceHelp, choiceValues, listChoices } from '../../../src/core/views/optionSchema.js';
import { ROADMAP_CHOICES } from '../../../src/core/views/roadmapOptions.js';
import { DEFAULT_ROADMAP_OPTIONS, renderRoadmapView, restoreRoadmapOptions, setRoadmapOption } from '../../../src/core/views/roadmapView.js';
import { fixture, runCli } from '../../cli/helpers.js';
import { analyzeFiles, workspaceFiles } from '../language/helpers.js';

/**
 * One chart's three option readers — CLI, fenced block, preview toolbar with its restore
 * path — seen through one shape, so every check below runs over each schema's values: a
 * value added to a schema is then tested in all three without touching this file.
 */
interface Chart {
  name: string;
  schemas: readonly ChoiceSchema<string>[];
  /** CLI arguments before the option (`specline gantt PATH --format svg`), when the chart has a command. */
  cli?: string[];
  /** Fence info string, when the chart has a fenced block. */
  fence?: string;
  defaults: object;
  restore(raw: unknown): object;
  set(state: object, key: string, value: string): object | undefined;
  /** The schema's value as the panel state holds it. */
  valueIn(state: object, schema: ChoiceSchema<string>): string;
  /** Panel state as persisted, holding `value` for the schema. */
  persisted(schema: ChoiceSchema<string>, value: string): Record<string, unknown>;
  toolbar(analysis: Analysis, state: object): string;
}

const field = (state: object, key: string): string => String((state as Record<string, unknown>)[key]);
const TODAY = ['--today', '2027-01-08'];

const CHARTS: Chart[] = [
  {
    name: 'gantt',
    schemas: GANTT_CHOICES,
    cli: ['gantt', fixture('multi'), '--format', 'svg', ...TODAY],
    fence: GANTT_FENCE,
    defaults: DEFAULT_GANTT_OPTIONS,
    restore: restoreGanttOptions,
    set: (s, k, v) => setGanttOption(s as typeof DEFAULT_GANTT_OPTIONS, k, v),
    valueIn: (s, schema) => field(s, schema.key),
    persisted: (schema, value) => ({ [schema.key]: value }),
    toolbar: (a, s) => renderGanttView(a, { ...(s as typeof DEFAULT_GANTT_OPTIONS), plan: ALL_PLANS }).toolbar,
  },
  {
    name: 'roadmap',
    schemas: ROADMAP_CHOICES,
    cli: ['roadmap', fixture('multi'), '--format', 'markdown', ...TODAY],
    fence: ROADMAP_FENCE,
    defaults: DEFAULT_ROADMAP_OPTIONS,
    restore: restoreRoadmapOptions,
    set: (s, k, v) => setRoadmapOption(s as typeof DEFAULT_ROADMAP_OPTIONS, k, v),
    valueIn: (s, schema) => field(s, schema.key),
    persisted: (schema, value) => ({ [schema.key]: value }),
    toolbar: (a, s) => renderRoadmapView(a, s as typeof DEFAULT_ROADMAP_OPTIONS).toolbar,
  },
  {
    // The matrix has neither a CLI option nor a fenced block yet; its "show" choice is kept as `gapsOnly`.
    name: 'matrix',
    schemas: MATRIX_CHOICES,
    defaults: DEFAULT_MATRIX_OPTIONS,
    restore: restoreMatrixOptions,
    set: (s, k, v) => setMatrixOption(s as typeof DEFAULT_MATRIX_OPTIONS, k, v),
    valueIn: (s, schema) => (schema.key === 'show' ? ((s as typeof DEFAULT_MATRIX_OPTIONS).gapsOnly ? 'gaps' : 'all') : field(s, schema.key)),
    persisted: (schema, value) => (schema.key === 'show' ? { gapsOnly: value === 'gaps' } : { [schema.key]: value }),
    toolbar: (a, s) => renderMatrixView(a, s as typeof DEFAULT_MATRIX_OPTIONS).toolbar,
  },
];

const BAD = 'no-such-value';
const blockErrors = (html: string): string => /<ul class="specline-block-errors">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
/** The toolbar values offered for a key: segmented buttons or the options of a select. */
function offered(toolbar: string, key: string): string[] {
  const buttons = [...toolbar.matchAll(new RegExp(`data-option="${key}" data-value="([^"]*)"`, 'g'))].map((m) => m[1]);
  if (buttons.length > 0) return buttons;
  const select = new RegExp(`<select data-option="${key}">(.*?)</select>`, 's').exec(toolbar)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
}
/** The value the toolbar shows as chosen. */
function chosen(toolbar: string, key: string): string | undefined {
  return new RegExp(`data-option="${key}" data-value="([^"]*)" aria-pressed="true"`).exec(toolbar)?.[1]
    ?? new RegExp(`<select data-option="${key}">.*?<option value="([^"]*)" selected`, 's').exec(toolbar)?.[1];
}

describe('one options schema per chart: CLI, fenced block and toolbar accept the same values and defaults', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(workspaceFiles());
  });

  for (const chart of CHARTS) {
    describe(chart.name, () => {
      it('every schema has values, a default among them and its own toolbar key', () => {
        const keys = chart.schemas.map((s) => s.key);
        assert.equal(new Set(keys).size, keys.length);
        for (const schema of chart.schemas) {
          assert.ok(choiceValues(schema).length >= 2, schema.key);
          assert.ok(choiceValues(schema).includes(schema.default), `${schema.key} default`);
        }
      });

      it('toolbar and restore path: every value offered, set and restored; the default when absent or unknown', () => {
        for (const schema of chart.schemas) {
          const values = choiceValues(schema);
          assert.equal(chart.valueIn(chart.defaults, schema), schema.default, `${schema.key}: default state`);
          assert.equal(chart.valueIn(chart.restore({}), schema), schema.default, `${schema.key}: restored from nothing`);
          assert.equal(chart.valueIn(chart.restore(chart.persisted(schema, BAD)), schema), schema.default, `${schema.key}: restored from junk`);
          const toolbar = chart.toolbar(analysis, chart.defaults);
          assert.deepEqual(offered(toolbar, schema.key), values, `${schema.key}: toolbar choices`);
          assert.equal(chosen(toolbar, schema.key), schema.default, `${schema.key}: toolbar shows the default`);
          assert.equal(chart.set(chart.defaults, schema.key, BAD), undefined, `${schema.key}: rejects ${BAD}`);
          for (const value of values) {
            const state = chart.set(chart.defaults, schema.key, value);
            assert.ok(state, `${schema.key}=${value} accepted by the toolbar`);
            assert.equal(chart.valueIn(state, schema), value);
            assert.equal(chart.valueIn(chart.restore(JSON.parse(JSON.stringify(state))), schema), value, `${schema.key}=${value} survives a restore`);
            assert.equal(chosen(chart.toolbar(analysis, state), schema.key), value, `${schema.key}=${value} shown as chosen`);
          }
        }
      });

      if (chart.fence) {
        const fence = chart.fence;
        it('fenced block: every value under every spelling, the default when absent, a listed error otherwise', () => {
          for (const schema of chart.schemas) {
            const spellings = schema.block ?? [];
            assert.ok(spellings.length > 0, `${schema.key} has a block key`);
            const absent = renderFencedBlock(fence, analysis, '', undefined) ?? '';
            const explicit = renderFencedBlock(fence, analysis, `${spellings[0]}: ${schema.default}`, undefined) ?? '';
            assert.equal(explicit, absent, `${schema.key}: absent means ${schema.default}`);
            for (const key of spellings) {
              for (const value of choiceValues(schema)) {
                const html = renderFencedBlock(fence, analysis, `${key}: ${value}`, undefined) ?? '';
                assert.equal(blockErrors(html), '', `${key}: ${value} accepted`);
              }
            }
            const bad = blockErrors(renderFencedBlock(fence, analysis, `${spellings[0]}: ${BAD}`, undefined) ?? '');
            assert.ok(bad.includes(`${spellings[0]} must be ${listChoices(choiceValues(schema))}`), `${schema.key}: ${bad}`);
          }
        });
      } else {
        it('has no fenced-block spelling (no block draws this chart)', () => {
          for (const schema of chart.schemas) assert.equal(schema.block, undefined);
        });
      }

      if (chart.cli) {
        const cli = chart.cli;
        it('CLI: every value accepted, the default when absent, exit 2 naming every value otherwise; --help says so', async () => {
          const help = (await runCli([cli[0], '--help'])).stdout;
          const absent = await runCli(cli);
          assert.equal(absent.code, 0, absent.stderr);
          for (const schema of chart.schemas) {
            assert.ok(schema.flag, `${schema.key} has a flag`);
            assert.ok(help.includes(`--${schema.flag} ${schema.placeholder}`) && help.includes(choiceHelp(schema)), `${schema.key}: help line`);
            assert.match(choiceHelp(schema), new RegExp(`\\b${schema.default} \\(default`));
            for (const value of choiceValues(schema)) {
              const run = await runCli([...cli, `--${schema.flag}`, value]);
              assert.equal(run.code, 0, `--${schema.flag} ${value}: ${run.stderr}`);
              if (value === schema.default) assert.equal(run.stdout, absent.stdout, `--${schema.flag}: absent means ${schema.default}`);
            }
            const bad = await runCli([...cli, `--${schema.flag}`, BAD]);
            assert.equal(bad.code, 2);
            assert.ok(bad.stderr.includes(`--${schema.flag} must be ${listChoices(choiceValues(schema))}, not "${BAD}"`), bad.stderr);
          }
        });
      } else {
        it('has no CLI flag (its command prints every row as written)', () => {
          for (const schema of chart.schemas) assert.equal(schema.flag, undefined);
        });
      }
    });
  }
});
