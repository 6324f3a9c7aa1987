import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, runCli } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const WORKFLOW = path.join(REPO_ROOT, 'examples', 'github-actions', 'specline.yml');

/** Splits one shell command line into words: double quotes and `$NAME` expansion, nothing more. */
function words(line: string, env: Record<string, string>): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).replace(/\$([A-Z_]+)/g, (_, name: string) => env[name] ?? ''));
}

describe('examples/github-actions/specline.yml', () => {
  it('annotates, uploads SARIF and writes the status report to the job summary', async () => {
    const workflow = parseYaml(await readFile(WORKFLOW, 'utf8')) as { permissions: Record<string, string>; jobs: { check: { steps: Step[] } } };
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = workflow.jobs.check.steps;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'SARIF is uploaded with github/codeql-action/upload-sarif');
    const runs = steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /npx specline check --format github/);
    assert.match(runs, new RegExp(`npx specline check --format sarif --out ${String(upload.with?.['sarif_file'])}`));
    assert.match(runs, /npx specline report >> "\$GITHUB_STEP_SUMMARY"/);
  });

  it('runs: every specline command in it works on a checkout of examples/acme', async () => {
    const workflow = parseYaml(await readFile(WORKFLOW, 'utf8')) as { jobs: { check: { steps: Step[] } } };
    const base = await mkdtemp(path.join(tmpdir(), 'specline-workflow-'));
    const checkout = path.join(base, 'repo');
    try {
      await cp(path.join(REPO_ROOT, 'examples', 'acme'), checkout, { recursive: true });
      const gitEnv = {
        ...process.env, GIT_AUTHOR_DATE: '2027-02-01T09:00:00Z', GIT_COMMITTER_DATE: '2027-02-01T09:00:00Z',
        GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com',
      };
      const git = (...args: string[]): string => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: checkout, env: gitEnv, encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'plans');
      git('update-ref', 'refs/remotes/origin/main', 'HEAD'); // what actions/checkout fetches for a pull request into main
      // The pull request adds a note whose task delivers a feature that does not exist.
      await writeFile(path.join(checkout, 'pr-note.md'), '# Note\n\n- T-900 Spike\n  - duration: 1d\n  - features: FEAT-404\n');
      git('add', '-A');
      git('commit', '-q', '-m', 'pull request');

      const ran: string[] = [];
      for (const pullRequest of [true, false]) {
        for (const step of workflow.jobs.check.steps) {
          if (!step.run?.includes('npx specline')) continue;
          const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: checkout, GITHUB_STEP_SUMMARY: 'summary.md' };
          for (const [key, value] of Object.entries(step.env ?? {})) env[key] = value.includes('github.base_ref') ? (pullRequest ? 'main' : '') : value;
          // The branch a shell `if [ -n "$BASE_REF" ]` takes.
          const lines = step.run.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('npx specline'));
          const line = lines.length === 1 ? lines[0]! : lines[env['BASE_REF'] ? 0 : 1]!;
          const command = line.split(/\s+(?:\|\||>>)\s+/)[0]!;
          const args = words(command, env).slice(2);
          const run = await runCli([...args, '--today', '2027-02-15'], { cwd: checkout, env });
          ran.push(args.join(' '));
          assert.equal(run.stderr, '', `${args.join(' ')}: ${run.stderr}`);
          if (args[0] === 'check') {
            assert.equal(run.code, 1, `${args.join(' ')}: acme has errors, so the job fails`);
            if (args.includes('github')) {
              assert.match(run.stdout, /^::error file=[^,]+,line=\d+/m);
              const files = new Set([...run.stdout.matchAll(/file=([^,]+),/g)].map((m) => m[1]));
              if (args.includes('--changed-since')) assert.deepEqual([...files], ['pr-note.md'], 'a pull request is told about what it changed');
              else assert.ok(files.size > 3, 'a push is told about everything');
              for (const l of run.stdout.trimEnd().split('\n')) assert.match(l, /^::(?:error|warning|notice) /);
            }
          } else {
            assert.equal(run.code, 0);
            assert.match(run.stdout, /^# /m);
          }
        }
      }
      assert.deepEqual(ran, [
        'check --format github --changed-since origin/main',
        'check --format sarif --out specline.sarif',
        'report',
        'check --format github',
        'check --format sarif --out specline.sarif',
        'report',
      ]);
      const sarif = JSON.parse(await readFile(path.join(checkout, 'specline.sarif'), 'utf8')) as { version: string };
      assert.equal(sarif.version, '2.1.0');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
