import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as limits from '../../../src/core/model/limits.js';
import { REPO_ROOT } from '../../cli/helpers.js';

interface ReliabilityScript {
  RELIABILITY_DOC: string;
  readBounds(source: string): Array<{ section: string; name: string; doc: string }>;
  regenerated(page: string): Promise<string>;
}

/** docs/reliability.md lists every bound of limits.ts, generated from its doc comments. */
describe('docs/reliability.md', () => {
  let script: ReliabilityScript;
  before(async () => {
    script = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'docs', 'reliability.mjs')).href)) as ReliabilityScript;
  });

  it('documents every exported bound, each with a doc comment and a section', () => {
    const source = readFileSync(join(REPO_ROOT, 'src', 'core', 'model', 'limits.ts'), 'utf8');
    const bounds = script.readBounds(source);
    assert.deepEqual(bounds.map((b) => b.name).sort(), Object.keys(limits).sort(), 'the parser of limits.ts sees every export');
    for (const b of bounds) {
      assert.ok(b.doc.length > 20, `${b.name} explains itself`);
      assert.ok(b.section, `${b.name} sits in a section`);
    }
  });

  it('has a test for every bound: each constant is named by a test outside this one', () => {
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mjs)$/.test(entry.name) && !path.includes(join('test', 'unit', 'docs'))) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(REPO_ROOT, 'test'));
    const untested = Object.keys(limits).filter((name) => !sources.some((text) => new RegExp(`\\b${name}\\b`).test(text)));
    assert.deepEqual(untested, [], 'bounds no test feeds an input beyond');
  });

  it('is up to date (run `node scripts/docs/reliability.mjs` after changing a bound)', async () => {
    const page = readFileSync(script.RELIABILITY_DOC, 'utf8');
    assert.equal(page, await script.regenerated(page));
  });
});
