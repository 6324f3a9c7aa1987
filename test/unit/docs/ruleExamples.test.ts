import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main.js';
import { RULES } from '../../../src/core/check/ruleCatalog.js';

/** Runs the real `specline check --format json` over a folder holding one plan file. */
async function codesOf(markdown: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specline-example-'));
  try {
    await writeFile(path.join(dir, 'plan.md'), `${markdown}\n`);
    let stdout = '';
    await main(['check', '--format', 'json', '--today', '2027-01-04', dir], {
      stdout: (text) => { stdout += text; }, stderr: () => undefined, cwd: dir, isTTY: false, env: {},
    });
    const result = JSON.parse(stdout) as { diagnostics: { code: string }[] };
    return result.diagnostics.map((d) => d.code);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('rule docs: the example of every code reports that code', () => {
  for (const rule of RULES) {
    it(rule.code, async () => {
      const codes = await codesOf(rule.docs.example);
      assert.ok(codes.includes(rule.code), `the example of ${rule.code} reports ${codes.join(', ') || 'nothing'}`);
    });
  }
});
