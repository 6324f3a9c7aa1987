import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main.js';
import { RULES } from '../../../src/core/check/ruleCatalog.js';
import { createTestRepo } from '../../support/gitRepo.js';

/**
 * Runs the real `specline check --format json` over a folder holding one plan file; with a
 * baseline text, the folder is a git repository whose tag v1.0 holds that text, and the
 * config says `baseline: v1.0`.
 */
async function codesOf(markdown: string, baseline?: string, latin1 = false, config?: string): Promise<string[]> {
  const repo = baseline === undefined ? undefined : createTestRepo('specline-example-');
  const dir = repo?.dir ?? await mkdtemp(path.join(tmpdir(), 'specline-example-'));
  try {
    if (repo && baseline !== undefined) {
      repo.write('plan.md', `${baseline}\n`);
      repo.write('.specline.yml', 'baseline: v1.0\n');
      repo.commit('agreed plan', '2027-01-01T10:00:00Z');
      repo.tag('v1.0');
    }
    if (config !== undefined) await writeFile(path.join(dir, '.specline.yml'), config);
    await writeFile(path.join(dir, 'plan.md'), latin1 ? Buffer.from(`${markdown}\n`, 'latin1') : `${markdown}\n`);
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
      const codes = await codesOf(rule.docs.example, rule.docs.baselineExample, rule.docs.exampleLatin1 === true, rule.docs.exampleConfig);
      assert.ok(codes.includes(rule.code), `the example of ${rule.code} reports ${codes.join(', ') || 'nothing'}`);
    });
  }
});
