import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './helpers.js';

const TODAY = '2027-01-04';

const FILES: Record<string, string> = {
  'roadmap.md': '# Roadmap\n\n## G-1 Launch\n- horizon: 2027-Q4\n\n## G-2 Grow\n- horizon: 2027-Q4\n',
  'specs/FEAT-1.md': '---\nid: FEAT-1\ntitle: Sign-on\ngoals: [G-1]\n---\n# Sign-on\n',
  'specs/FEAT-2.md': '---\nid: FEAT-2\ntitle: Import\ngoals: [G-1]\n---\n# Import\n',
  'plans/plan.md': [
    '---', 'start: 2027-01-04', '---', '# Plan', '',
    '| ID | Task | Duration | Features |', '|---|---|---|---|',
    '| T-1 | Build sign-on | 5d | FEAT-1 |', '| T-2 | Build import | 5d | FEAT-2 |', '',
  ].join('\n'),
  // Files no change below touches, with problems of their own (FEAT-3 serves no goal, G-2
  // has no feature).
  'specs/FEAT-3.md': '---\nid: FEAT-3\ntitle: Unrelated\n---\n# Unrelated\n',
  'plans/other.md': '---\nstart: 2027-01-04\n---\n# Other\n\n- T-9 Polish\n  - duration: 1d\n  - features: FEAT-3\n',
};

/** A repository holding FILES in one commit with fixed dates, so hashes and logs are the same every run. */
async function repository(): Promise<{ dir: string; git(...args: string[]): string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specline-changed-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: '2027-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2027-01-01T10:00:00Z',
    GIT_AUTHOR_NAME: 'Specline Test', GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Specline Test', GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, '.no-global-config'),
  };
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q');
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'first plan');
  git('tag', 'base');
  return { dir, git, dispose: () => rm(dir, { recursive: true, force: true }) };
}

async function check(dir: string, ...args: string[]): Promise<{ code: number; files: string[]; codes: string[]; stderr: string }> {
  const run = await runCli(['check', '--format', 'json', '--today', TODAY, ...args], { cwd: dir });
  if (run.code === 2) return { code: 2, files: [], codes: [], stderr: run.stderr };
  const json = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; code: string }> };
  return {
    code: run.code,
    files: [...new Set(json.diagnostics.map((d) => d.file))].sort(),
    codes: json.diagnostics.map((d) => `${d.file} ${d.code}`).sort(),
    stderr: run.stderr,
  };
}

describe('specline check --changed-since', () => {
  let repo: Awaited<ReturnType<typeof repository>>;
  beforeEach(async () => { repo = await repository(); });
  afterEach(() => repo.dispose());

  it('reports nothing when nothing changed, though the whole workspace has a problem', async () => {
    const all = await check(repo.dir);
    assert.deepEqual(all.codes, ['roadmap.md trace.goal-no-feature', 'specs/FEAT-3.md trace.feature-no-goal']);
    const since = await check(repo.dir, '--changed-since', 'base');
    assert.equal(since.code, 0);
    assert.deepEqual(since.codes, []);
  });

  it('reports a changed file and the files linked to or from it, not the others', async () => {
    // FEAT-1 now serves an unknown goal instead of G-1: the plan (T-1 delivers FEAT-1) links
    // to it and the roadmap held the goal it linked to; FEAT-3's spec is neither.
    await writeFile(path.join(repo.dir, 'specs/FEAT-1.md'), '---\nid: FEAT-1\ntitle: Sign-on\ngoals: [G-7]\n---\n# Sign-on\n');
    const since = await check(repo.dir, '--changed-since', 'base');
    assert.equal(since.code, 1);
    assert.deepEqual(since.codes, ['roadmap.md trace.goal-no-feature', 'specs/FEAT-1.md ref.unknown', 'specs/FEAT-1.md trace.feature-no-goal']);
    const run = await runCli(['check', '--format', 'json', '--today', TODAY, '--changed-since', 'base'], { cwd: repo.dir });
    const summary = (JSON.parse(run.stdout) as { summary: { files: number } }).summary;
    assert.equal(summary.files, 3, 'the changed spec, the plan that links to it and the roadmap it linked to');
  });

  it('follows IDs a deleted file defined: the plan that delivered a removed feature is reported', async () => {
    await unlink(path.join(repo.dir, 'specs/FEAT-2.md'));
    const since = await check(repo.dir, '--changed-since', 'base');
    assert.equal(since.code, 1);
    // The roadmap is in scope too: FEAT-2 served G-1 at the commit.
    assert.deepEqual(since.codes, ['plans/plan.md ref.unknown', 'roadmap.md trace.goal-no-feature']);
    assert.deepEqual(since.files, ['plans/plan.md', 'roadmap.md']);
  });

  it('counts untracked files and committed changes alike', async () => {
    await writeFile(path.join(repo.dir, 'notes.md'), '# Notes\n\n- T-20 Spike\n  - duration: 1d\n  - features: FEAT-404\n');
    await writeFile(path.join(repo.dir, 'roadmap.md'), `${FILES['roadmap.md']}\n## G-3 New goal\n- horizon: now\n`);
    repo.git('commit', '-q', '-am', 'a new goal');
    const since = await check(repo.dir, '--changed-since', 'base');
    assert.deepEqual(since.codes, [
      'notes.md ref.unknown',
      'notes.md schedule.unscheduled',
      'roadmap.md trace.goal-no-feature',
      'roadmap.md trace.goal-no-feature',
    ]);
    // Since HEAD, only the untracked file is new.
    assert.deepEqual((await check(repo.dir, '--changed-since', 'HEAD')).files, ['notes.md']);
  });

  it('reports everything when the config changed', async () => {
    await writeFile(path.join(repo.dir, '.specline.yml'), 'rules: { trace.feature-no-goal: error }\n');
    const since = await check(repo.dir, '--changed-since', 'base');
    assert.equal(since.code, 1);
    assert.deepEqual(since.codes, ['roadmap.md trace.goal-no-feature', 'specs/FEAT-3.md trace.feature-no-goal']);
  });

  it('works for a root in a sub-folder of the repository, with PATHs narrowing further', async () => {
    // The plans move into docs/; a change outside it (README.md) is not the workspace's.
    const docs = path.join(repo.dir, 'docs');
    await mkdir(docs);
    repo.git('mv', 'roadmap.md', 'specs', 'plans', 'docs/');
    repo.git('commit', '-q', '-m', 'plans into docs/');
    await writeFile(path.join(repo.dir, 'README.md'), '# Read me\n\n- T-77 Not a plan task\n  - features: FEAT-404\n');
    await writeFile(path.join(docs, 'specs/FEAT-2.md'), '---\nid: FEAT-2\ntitle: Import\ngoals: [G-1, G-9]\n---\n# Import\n');
    const since = await check(docs, '--changed-since', 'HEAD');
    assert.deepEqual(since.codes, ['roadmap.md trace.goal-no-feature', 'specs/FEAT-2.md ref.unknown']);
    const run = await runCli(['check', '--format', 'json', '--today', TODAY, '--changed-since', 'HEAD'], { cwd: docs });
    assert.equal((JSON.parse(run.stdout) as { summary: { files: number } }).summary.files, 3, 'the spec, the plan delivering FEAT-2 and the roadmap');
    const narrowed = await runCli(['check', 'plans', '--root', '.', '--format', 'json', '--today', TODAY, '--changed-since', 'HEAD'], { cwd: docs });
    assert.equal(narrowed.code, 0, narrowed.stderr);
    const json = JSON.parse(narrowed.stdout) as { diagnostics: unknown[]; summary: { files: number } };
    assert.deepEqual([json.diagnostics, json.summary.files], [[], 1], 'PATHs narrow the report to the plan, which links to FEAT-2 and is clean');
  });

  it('ignores changes to files the workspace does not read (include/exclude)', async () => {
    await writeFile(path.join(repo.dir, '.specline.yml'), 'exclude: ["archive/**"]\n');
    await mkdir(path.join(repo.dir, 'archive'));
    await writeFile(path.join(repo.dir, 'archive/old-sso.md'), '---\nid: FEAT-1\ntitle: Old sign-on\ngoals: [G-1]\n---\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'archive');
    await rm(path.join(repo.dir, 'archive'), { recursive: true });
    // The deleted file defined FEAT-1 but was never read: the plan and roadmap are not its dependents.
    const run = await runCli(['check', '--format', 'json', '--today', TODAY, '--changed-since', 'HEAD'], { cwd: repo.dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { summary: { files: number } }).summary.files, 0);
  });

  it('is listed in check --help', async () => {
    const help = await runCli(['check', '--help']);
    assert.match(help.stdout, /--changed-since REF +report only on files changed since the git revision REF/);
  });

  it('exits 2 for a revision git does not know, one that looks like an option, and outside a repository', async () => {
    for (const ref of ['no-such-branch', '--output=x', 'base..HEAD']) {
      const run = await check(repo.dir, `--changed-since=${ref}`);
      assert.equal(run.code, 2, ref);
      assert.match(run.stderr, /^specline: --changed-since .*(not a commit|not a git revision)/, ref);
    }
    const outside = await mkdtemp(path.join(tmpdir(), 'specline-nogit-'));
    try {
      await writeFile(path.join(outside, 'plan.md'), FILES['plans/plan.md']!);
      const run = await check(outside, '--changed-since', 'HEAD');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /not inside a git repository/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
