import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHART_CHOICES, chartOptionsMarkdown } from '../../../src/core/views/chartOptionsDoc.js';
import { choiceValues } from '../../../src/core/views/optionSchema.js';

/** The repository root: this file runs from `out/test/unit/docs/`. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface OptionsScript {
  withTable(readme: string, table: string): string;
}

describe('generated docs: the README table of chart options comes from the option schemas', () => {
  it('README.md is what `npm run docs` would write', async () => {
    const script = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'docs', 'options.mjs')).href)) as OptionsScript;
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme === script.withTable(readme, chartOptionsMarkdown()), 'README.md chart options are out of date: run npm run docs');
  });

  it('the table names every value, flag and block spelling of every schema', () => {
    const table = chartOptionsMarkdown();
    for (const { chart, schemas } of CHART_CHOICES) {
      for (const schema of schemas) {
        const row = table.split('\n').find((line) => line.startsWith(`| ${chart} |`) && line.endsWith(`| ${schema.label} |`)) ?? '';
        assert.ok(row.includes(`| \`${schema.default}\``), `${chart} ${schema.key}: default first in ${row}`);
        for (const value of choiceValues(schema)) assert.ok(row.includes(`\`${value}\``), `${chart} ${schema.key}: ${value}`);
        if (schema.flag) assert.ok(row.includes(`\`--${schema.flag}\``));
        for (const key of schema.block ?? []) assert.ok(row.includes(`\`${key}:\``));
      }
    }
  });
});
