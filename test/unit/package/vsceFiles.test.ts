import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const VSCE = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/** What must never ship: sources, tests, benchmarks, examples, scripts, build and tool caches. */
const FORBIDDEN = /^(?:src|test|bench|examples|scripts|docs|out|node_modules|test-results|\.cache|\.vscode-test)\/|\.ts$|\.map$/;

describe('the .vsix contents (vsce ls)', () => {
  it('hold what the manifest names and nothing of the sources, tests, benchmarks, examples or scripts', async function () {
    this.timeout(120_000);
    const { stdout } = await promisify(execFile)(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    const files = stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    assert.ok(files.includes('package.json') && files.includes('README.md'), stdout);
    assert.deepEqual(files.filter((f) => FORBIDDEN.test(f)), []);

    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      main: string;
      icon: string;
      contributes: {
        snippets: Array<{ path: string }>;
        grammars: Array<{ path: string }>;
        yamlValidation: Array<{ url: string }>;
        walkthroughs: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }>;
        'markdown.previewStyles': string[];
      };
    };
    const c = manifest.contributes;
    const named = [
      manifest.icon,
      ...c.snippets.map((s) => s.path),
      ...c.grammars.map((g) => g.path),
      ...c.yamlValidation.map((y) => y.url),
      ...c['markdown.previewStyles'],
      ...c.walkthroughs.flatMap((w) => w.steps.flatMap((s) => [s.media.markdown, s.media.image])).filter((f): f is string => f !== undefined),
    ].map((f) => path.posix.normalize(f));
    // The bundle exists only after a build (npm run build or scripts/bundle.mjs).
    if (existsSync(path.join(REPO_ROOT, manifest.main))) named.push(path.posix.normalize(manifest.main));
    assert.deepEqual(named.filter((f) => !files.includes(f)), []);
  });
});
