import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RULES } from '../../../src/core/check/ruleCatalog.js';

/** The repository root: this file runs from `out/test/unit/docs/`. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface RulesScript {
  GENERATED_FILES: string[];
  generate(root: string): Promise<Map<string, string>>;
  anchorOf(code: string): string;
}

async function rulesScript(): Promise<RulesScript> {
  return (await import(pathToFileURL(path.join(ROOT, 'scripts', 'docs', 'rules.mjs')).href)) as RulesScript;
}

describe('generated docs: diagnostics.md, the config schema and the README list come from the rules', () => {
  it('every generated file is what `npm run docs` would write', async () => {
    const script = await rulesScript();
    const files = await script.generate(ROOT);
    assert.deepEqual([...files.keys()].sort(), [...script.GENERATED_FILES].sort());
    for (const [file, expected] of files) {
      const actual = readFileSync(path.join(ROOT, file), 'utf8');
      assert.ok(actual === expected, `${file} is out of date with the rules' metadata: run npm run docs`);
    }
  });

  it('documents every code of the catalog, with a heading whose anchor the editor links to', async () => {
    const script = await rulesScript();
    const doc = readFileSync(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'specline-config.schema.json'), 'utf8')) as {
      properties: { rules: { properties: Record<string, { enum: string[]; description: string }> } };
    };
    assert.ok(RULES.length >= 22, `catalog has ${RULES.length} codes`);
    for (const rule of RULES) {
      assert.ok(doc.includes(`\n## ${rule.code}\n`), `docs/diagnostics.md has a section for ${rule.code}`);
      assert.equal(script.anchorOf(rule.code), rule.code.replace(/\./g, ''));
      const entry = schema.properties.rules.properties[rule.code];
      assert.ok(entry, `schema lists ${rule.code}`);
      assert.deepEqual(entry.enum, ['off', 'info', 'warning', 'error']);
      assert.ok(entry.description.includes(rule.description), `schema describes ${rule.code}`);
    }
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((r) => r.code));
  });

  it('every rule carries complete documentation', () => {
    for (const rule of RULES) {
      for (const field of ['meaning', 'why', 'fix', 'suppress', 'example'] as const) {
        assert.ok(rule.docs[field].trim().length > 10, `${rule.code}: docs.${field} is written`);
      }
      assert.ok(/[.)]$/.test(rule.description), `${rule.code}: the description is one sentence`);
    }
  });
});
