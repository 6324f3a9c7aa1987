import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import { MAX_RELATED } from '../../src/core/model/limits.js';
import { runCli } from './helpers.js';

/**
 * `specline check --format json` on generated hostile workspaces, through the real CLI and
 * real files: the output must grow linearly with the input, whatever its shape. Before the
 * bounds, these printed tens of megabytes, ran out of memory, or printed a RangeError.
 */

interface JsonCheck {
  diagnostics: Array<{ code: string; message: string; related: unknown[] }>;
}

const ENV = { SPECLINE_THREADS: '1' };

async function scratch(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'specline-hostile-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes the files and returns their total size in bytes. */
async function writeAll(dir: string, files: Record<string, string>): Promise<number> {
  let bytes = 0;
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** `check --format json`; `code` is the exit code expected (1 with errors, 0 with warnings only). */
async function checkJson(dir: string, code: number): Promise<{ bytes: number; json: JsonCheck }> {
  const run = await runCli(['check', dir, '--format', 'json', '--today', '2027-01-01'], { env: ENV });
  assert.equal(run.stderr, '', run.stderr.slice(0, 500));
  assert.equal(run.code, code);
  return { bytes: Buffer.byteLength(run.stdout), json: JSON.parse(run.stdout) as JsonCheck };
}

/**
 * The shape of the workspace that ran out of memory, scaled down: `specs` feature specs and
 * `plans` plans of 30 tasks each, owned in turn by seven people who are over-allocated for
 * most of the plan (every plan starts the same day).
 */
function specsAndPlans(specs: number, plans: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= specs; i++) files[`specs/feat-${i}.md`] = `---\nid: FEAT-${i}\ntitle: Feature ${i}\nstatus: approved\n---\n\n# Feature ${i}\n`;
  for (let p = 0; p < plans; p++) {
    let text = `---\nstart: 2027-01-04\n---\n\n# Plan ${p}\n\n`;
    for (let k = 0; k < 30; k++) {
      const n = p * 30 + k + 1;
      text += `- [ ] T-${n} Task ${n}\n  - features: FEAT-${1 + (n % specs)}\n  - owner: @owner${k % 7}\n  - duration: ${2 + (k % 5)}d\n`;
      if (k % 6 !== 0) text += `  - after: T-${n - 1}\n`;
    }
    files[`plans/plan-${p}.md`] = text;
  }
  return files;
}

describe('specline check on hostile workspaces: output grows linearly', function () {
  this.timeout(120_000);

  it('specs and plans with seven over-allocated owners: twice the input, at most 2.5 times the output', async () => {
    const small = await scratch();
    const large = await scratch();
    try {
      const inSmall = await writeAll(small.dir, specsAndPlans(500, 50));
      const inLarge = await writeAll(large.dir, specsAndPlans(1000, 100));
      const a = await checkJson(small.dir, 0);
      const b = await checkJson(large.dir, 0);
      assert.ok(a.json.diagnostics.some((d) => d.code === 'resource.overallocated'), 'the owners are over-allocated');
      const ratio = b.bytes / a.bytes;
      assert.ok(ratio < 2.5, `output grew ${ratio.toFixed(2)}× for twice the input (${a.bytes} → ${b.bytes} bytes)`);
      // Before the bounds: 42 bytes per input byte at the smaller scale, 57 at the larger.
      assert.ok(b.bytes / inLarge < 15, `${(b.bytes / inLarge).toFixed(1)} output bytes per input byte`);
      assert.ok(a.bytes / inSmall < 15, `${(a.bytes / inSmall).toFixed(1)} output bytes per input byte`);
      for (const d of b.json.diagnostics) assert.ok(d.message.length <= 400 && d.related.length <= MAX_RELATED, d.message.slice(0, 200));
    } finally {
      await small.dispose();
      await large.dispose();
    }
  });

  it('4,000 table rows defining T-1 (a 48 KB file): bounded JSON, every count exact', async () => {
    const { dir, dispose } = await scratch();
    try {
      const input = await writeAll(dir, { 'plan.md': `| ID | Title |\n|---|---|\n${'| T-1 | x |\n'.repeat(4000)}` });
      const { bytes, json } = await checkJson(dir, 1);
      const dups = json.diagnostics.filter((d) => d.code === 'id.duplicate');
      assert.equal(dups.length, 4000);
      for (const d of dups) {
        assert.ok(d.message.endsWith(' and 3,993 more)'), d.message);
        assert.equal(d.related.length, MAX_RELATED);
      }
      assert.ok(bytes / input < 120, `${(bytes / input).toFixed(1)} output bytes per input byte`);
    } finally {
      await dispose();
    }
  });

  it('a 3,000-task cycle: bounded JSON, no internal error', async () => {
    const { dir, dispose } = await scratch();
    try {
      let text = '---\nstart: 2027-01-04\n---\n';
      for (let i = 1; i <= 3000; i++) text += `- T-${i} Step\n  - duration: 1d\n  - after: T-${i === 1 ? 3000 : i - 1}\n`;
      const input = await writeAll(dir, { 'plan.md': text });
      const { bytes, json } = await checkJson(dir, 1);
      const cycles = json.diagnostics.filter((d) => d.code === 'schedule.cycle');
      assert.equal(cycles.length, 3000);
      for (const d of cycles) assert.ok(d.message.endsWith('(3,000 tasks in the cycle)') && d.message.length <= 200, d.message.slice(0, 200));
      assert.ok(bytes / input < 50, `${(bytes / input).toFixed(1)} output bytes per input byte`);
    } finally {
      await dispose();
    }
  });
});

describe('specline internal errors', () => {
  /** Runs check with a stdout that fails the way a bug would, with a TypeError. */
  async function failingRun(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
    const { dir, dispose } = await scratch();
    try {
      await writeAll(dir, { 'plan.md': '- T-1 a\n' });
      let stderr = '';
      const code = await main(['check', dir], {
        stdout: () => { throw new TypeError('Cannot read properties of undefined (reading \'write\')'); },
        stderr: (text) => { stderr += text; },
        cwd: dir,
        isTTY: false,
        env,
      });
      return { code, stderr };
    } finally {
      await dispose();
    }
  }

  it('say "internal error" and how to report it, without the exception text', async () => {
    const { code, stderr } = await failingRun({});
    assert.equal(code, 2);
    assert.match(stderr, /^specline: internal error\nhint: this is a bug in Specline; please report it/);
    assert.doesNotMatch(stderr, /TypeError|Cannot read|at /);
  });

  it('print the detail under SPECLINE_DEBUG=1', async () => {
    const { code, stderr } = await failingRun({ SPECLINE_DEBUG: '1' });
    assert.equal(code, 2);
    assert.match(stderr, /TypeError: Cannot read properties of undefined/);
  });
});
