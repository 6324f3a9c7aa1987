import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { starterFiles } from '../../src/core/views/starterFiles.js';
import { createTestRepo } from '../support/gitRepo.js';
import { runCli } from './helpers.js';

const SPECS = '# Specs\n\n## G-1 Launch\n- horizon: 2027-Q2\n\n## FEAT-1 Sign-on\n- goals: G-1\n';

function plan(rows: string[], milestone = '2027-02-01'): string {
  return [
    '---', 'start: 2027-01-04', '---', '# Plan', '',
    '| ID | Task | Duration | After | Features | Status |', '|---|---|---|---|---|---|',
    ...rows, '', '- M-1 Beta', `  - date: ${milestone}`, '',
  ].join('\n');
}

/** A repository whose plan lives in `docs/` (a sub-folder), with two commits. */
async function repoWithTwoCommits(): Promise<{ repo: string; root: string; dispose(): Promise<void> }> {
  const test = createTestRepo('specline-git-');
  test.write('README.md', '# Not part of the plan: T-99 is just text\n');
  test.write('docs/specs.md', SPECS);
  test.write('docs/plan.md', plan([
    '| T-1 | Design | 5d | | FEAT-1 | todo |',
    '| T-2 | Build | 5d | T-1 | FEAT-1 | |',
    '| T-3 | Legacy import | 3d | | FEAT-1 | todo |',
  ]));
  test.commit('first plan', '2027-01-01T10:00:00Z');
  test.tag('v1');
  test.write('docs/plan.md', plan([
    '| T-1 | Design | 10d | | FEAT-1 | done |',
    '| T-2 | Build | 5d | T-1 | FEAT-1 | in-progress |',
    '| T-5 | Security review | 1d | T-2 | FEAT-1 | |',
  ], '2027-02-08'));
  test.commit('T-1 takes longer', '2027-01-02T10:00:00Z');
  return { repo: test.dir, root: path.join(test.dir, 'docs'), dispose: async () => test.dispose() };
}

describe('specline report --since', () => {
  let fixture: Awaited<ReturnType<typeof repoWithTwoCommits>>;
  before(async () => { fixture = await repoWithTwoCommits(); });
  after(async () => { await fixture.dispose(); });

  function changesSection(report: string): string {
    const start = report.indexOf('\n## Changes since');
    assert.ok(start >= 0, report);
    return report.slice(start, report.indexOf('\n## ', start + 1));
  }

  it('lists what changed since the previous commit, for a root in a sub-folder of the repository', async () => {
    const r = await runCli(['report', '--since', 'HEAD~1', '--today', '2027-01-04'], { cwd: fixture.root });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const s = changesSection(r.stdout);
    assert.ok(s.includes('## Changes since HEAD\\~1\n\n1 task added, 1 task removed, 2 tasks moved, 2 status changes, 1 milestone changed.'), s);
    assert.ok(s.includes('| **T-1** Design | 2027-01-04 → 2027-01-08 | 2027-01-04 → 2027-01-15 | +7 days |'), s);
    assert.ok(s.includes('| **T-2** Build | 2027-01-11 → 2027-01-15 | 2027-01-18 → 2027-01-22 | +7 days |'), s);
    assert.ok(s.includes('| **T-1** Design | todo | done |'), s);
    assert.ok(s.includes('- **T-5** Security review — 2027-01-25'), s);
    assert.ok(s.includes('- **T-3** Legacy import (was 2027-01-04 → 2027-01-06)'), s);
    assert.ok(s.includes('- **M-1** Beta: 2027-02-01 → 2027-02-08 (+7 days)'), s);
    assert.ok(!s.includes('T-99'), 'files outside the root are not read');
  });

  it('accepts a tag, and finds nothing since HEAD in a clean tree', async () => {
    const tag = await runCli(['report', '--since', 'v1', '--today', '2027-01-04'], { cwd: fixture.root });
    assert.equal(tag.code, 0);
    assert.ok(changesSection(tag.stdout).includes('1 task added'));
    const head = await runCli(['report', fixture.root, '--since', 'HEAD', '--today', '2027-01-04']);
    assert.equal(head.code, 0, head.stderr);
    assert.ok(changesSection(head.stdout).includes('None: no task, status or milestone changed since HEAD.'));
  });

  it('exits 2 with a clear message for a revision that does not exist', async () => {
    const r = await runCli(['report', '--since', 'no-such-branch', '--today', '2027-01-04'], { cwd: fixture.root });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^specline: --since no-such-branch: "no-such-branch" is not a commit of this repository\nhint: /);
  });

  it('exits 2 for a revision that looks like an option or is empty', async () => {
    for (const ref of ['--output=x', ' ']) {
      const r = await runCli(['report', `--since=${ref}`], { cwd: fixture.root });
      assert.equal(r.code, 2, `${ref}: ${r.stderr}`);
      assert.match(r.stderr, /^specline: --since/);
    }
  });

  it('exits 2 outside a git repository', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specline-nogit-'));
    try {
      await writeFile(path.join(dir, 'plan.md'), plan(['| T-1 | Design | 5d | | | |']));
      const r = await runCli(['report', '--since', 'HEAD'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not inside a git repository/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is documented in report --help', async () => {
    const r = await runCli(['report', '--help']);
    assert.match(r.stdout, /--since REF\s+add "Changes since REF"/);
  });
});

describe('starter plan', () => {
  it('checks clean with specline check', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'specline-starter-'));
    try {
      const today = '2027-06-09';
      for (const f of starterFiles(parseIsoDate(today)!)) {
        await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
        await writeFile(path.join(dir, f.path), f.text);
      }
      const r = await runCli(['check', '--today', today, '--format', 'json'], { cwd: dir });
      assert.equal(r.code, 0, r.stdout);
      const out = JSON.parse(r.stdout) as { diagnostics: unknown[]; summary: { items: number } };
      assert.deepEqual(out.diagnostics, []);
      assert.equal(out.summary.items, 6);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
