import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findGit } from '../../src/node/git.js';
import { MAX_FILE_BYTES } from '../../src/core/model/limits.js';
import { runCli } from './helpers.js';

/** The folder of the real git, as the test machine's PATH finds it. */
function realGitDir(): string {
  return path.dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim());
}

describe('git is found outside the workspace and never by bare name', () => {
  let repo: string;
  let marker: string;

  beforeEach(async () => {
    repo = await realpath(await mkdtemp(path.join(tmpdir(), 'specline-fakegit-')));
    marker = path.join(repo, 'fake-git-ran');
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    await writeFile(path.join(repo, 'plan.md'), '- T-1 Build\n  - duration: 1d\n  - start: 2027-01-04\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'plan');
    // A "git" committed to the repository (as a git.exe could be on Windows), and in a folder of it.
    const fake = `#!/bin/sh\necho ran > "${marker}"\nexit 0\n`;
    await mkdir(path.join(repo, 'tools'));
    for (const file of [path.join(repo, 'git'), path.join(repo, 'tools', 'git')]) {
      await writeFile(file, fake);
      await chmod(file, 0o755);
    }
  });
  afterEach(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('findGit skips relative PATH entries and entries inside the workspace', () => {
    const env = { PATH: ['.', 'tools', repo, path.join(repo, 'tools'), realGitDir()].join(':') };
    const found = findGit(repo, env, 'linux');
    assert.equal(found, path.join(realGitDir(), 'git'));
    assert.equal(findGit(repo, { PATH: ['.', repo, path.join(repo, 'tools')].join(':') }, 'linux'), undefined);
  });

  it('report --since with the workspace on the PATH runs the real git, never the fake one', async () => {
    const env = { PATH: [repo, path.join(repo, 'tools'), '.', realGitDir()].join(':') };
    const run = await runCli(['report', '--since', 'HEAD', '--today', '2027-01-04'], { cwd: repo, env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /## Changes since HEAD/);
    assert.ok(!(await readdir(repo)).includes('fake-git-ran'), 'the git inside the workspace ran');
    const none = await runCli(['report', '--since', 'HEAD'], { cwd: repo, env: { PATH: [repo, '.'].join(':') } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /git is not installed, or not on the PATH outside the workspace/);
  });

  it('a ref that looks like an option is a bad revision, never an option of git', async () => {
    const run = await runCli(['report', '--since=--output=/tmp/x'], { cwd: repo });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a git revision/);
  });
});

describe('report --since sizes blobs before reading them', () => {
  let repo: string;
  beforeEach(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'specline-bigblob-'));
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    await writeFile(path.join(repo, 'plan.md'), '- T-1 Build\n  - duration: 1d\n  - start: 2027-01-04\n');
    // Larger than the limit: `ls-tree -l` gives its size, so cat-file is never asked for it.
    await writeFile(path.join(repo, 'huge.md'), `- T-9 Hidden\n${'x'.repeat(MAX_FILE_BYTES + 1024)}\n`);
    git('add', '-A');
    git('commit', '-q', '-m', 'plan and a huge file');
    await rm(path.join(repo, 'huge.md'));
  });
  afterEach(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('reports the oversized blob as skipped on stderr and compares the rest', async () => {
    const run = await runCli(['report', '--since', 'HEAD', '--today', '2027-01-04'], { cwd: repo });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^specline: at HEAD, huge\.md was skipped: larger than 2 MB \(2,050 KB\)$/m);
    assert.match(run.stdout, /## Changes since HEAD/);
    assert.doesNotMatch(run.stdout, /T-9/);
  });
});
