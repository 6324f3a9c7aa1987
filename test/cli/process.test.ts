import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ANSI, REPO_ROOT, fixture, runCli } from './helpers.js';

const run = promisify(execFile);

/**
 * The real thing: a child process. The bundled bin when it is built, else the tsc output
 * through `run.ts` (the same `main`, with the real process's streams and exit code).
 */
function entry(): string {
  const bin = path.join(REPO_ROOT, 'bin', 'specline.js');
  if (existsSync(bin) && existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) return bin;
  return path.join(REPO_ROOT, 'out', 'src', 'cli', 'run.js');
}

async function specline(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [entry(), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', GITHUB_ACTIONS: '', SPECLINE_DEBUG: '1', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe(`specline as a child process`, () => {
  it('exits 0, 1 and 2 and prints parseable JSON', async () => {
    const clean = await specline(['check', fixture('clean'), '--today', '2027-01-01', '--format', 'json']);
    assert.equal(clean.code, 0, clean.stderr);
    assert.equal((JSON.parse(clean.stdout) as { version: number }).version, 1);

    const errors = await specline(['check', fixture('errors'), '--today', '2027-01-01']);
    assert.equal(errors.code, 1, errors.stderr);
    // Piped stdout is not a TTY: no colours.
    assert.doesNotMatch(errors.stdout, ANSI);

    const usage = await specline(['check', '--today', 'soon']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--today must be a date/);
  });

  it('checks a workspace on worker threads (SPECLINE_THREAD_BYTES lowers the threshold) with the same result as in-process', async function () {
    this.timeout(90_000);
    const base = await mkdtemp(path.join(tmpdir(), 'specline-big-'));
    try {
      await writeFile(path.join(base, '.specline.yml'), 'start: 2027-01-04\n');
      const filler = 'Prose that only makes the file bigger, so the batch is worth threads. '.repeat(75);
      for (let i = 0; i < 120; i++) {
        const body = [`# Plan ${i}`, '', filler, '', `## FEAT-${i} Feature ${i}`, `- goals: G-${i % 7 === 0 ? 404 : 1}`, '',
          'Tasks:', '', `- [ ] T-${i} Task ${i}`, `  - features: FEAT-${i}`, `  - duration: ${1 + (i % 4)}d`, ''];
        await writeFile(path.join(base, `plan-${String(i).padStart(3, '0')}.md`), body.join('\n'));
      }
      await writeFile(path.join(base, 'roadmap.md'), '# Roadmap\n\n## G-1 Goal\n');
      const args = ['check', base, '--today', '2027-01-01', '--format', 'json'];
      const child = await specline(args, { SPECLINE_THREAD_BYTES: '262144' });
      // Threads in the child, the main thread in-process: the same report.
      const inProcess = await runCli(args, { env: { SPECLINE_THREADS: '1' } });
      assert.equal(child.code, 1, child.stderr);
      assert.equal(child.stderr, ''); // SPECLINE_DEBUG would say if threads fell back
      assert.equal(inProcess.code, 1);
      assert.equal(child.stdout, inProcess.stdout);
      assert.ok((JSON.parse(child.stdout) as { summary: { files: number } }).summary.files === 121);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
