import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('npm run test:desktop (scripts/vscode/runDesktop.mjs)', () => {
  it('says plainly that no desktop VS Code can run, and exits non-zero, when there is none', () => {
    const env: Record<string, string | undefined> = { ...process.env, VSCODE_EXECUTABLE: path.join(REPO_ROOT, 'no-such-vscode') };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'vscode', 'runDesktop.mjs')], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /desktop VS Code cannot run here: (there is no display|VSCODE_EXECUTABLE names .*no-such-vscode, which does not exist)/);
    assert.match(run.stderr, /No test ran; this is not a pass\./);
    assert.doesNotMatch(run.stdout, /passing/);
  });

  it('is a script of its own, not part of npm test', async () => {
    const manifest = (await import(path.join(REPO_ROOT, 'package.json'), { with: { type: 'json' } })) as { default: { scripts: Record<string, string> } };
    assert.equal(manifest.default.scripts['test:desktop'], 'node scripts/vscode/runDesktop.mjs');
    assert.equal(manifest.default.scripts['test'], 'node scripts/test.mjs');
    assert.doesNotMatch(readFileSync(path.join(REPO_ROOT, 'scripts', 'test.mjs'), 'utf8'), /runDesktop|test:desktop/);
  });
});
