import * as assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { MAX_CONFIG_BYTES, MAX_FILE_BYTES } from '../../src/core/model/limits.js';
import { REPO_ROOT, runCli } from './helpers.js';

const execFileAsync = promisify(execFile);

/**
 * Nothing in scope is skipped in silence. Each case builds real files in a temp folder and
 * runs the real `main`. Tests run as root, which reads through `chmod 000`, so "cannot be
 * read" is exercised with what root cannot read either: FIFOs, sockets, broken links and
 * links out of the workspace (permission denied maps to the same diagnostic).
 */
describe('file.skipped: every file in scope that is not read is reported', () => {
  let base: string;
  let root: string;
  let servers: Server[];

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'specline-skip-'));
    root = path.join(base, 'ws');
    await mkdir(path.join(root, '.git'), { recursive: true }); // the repository top: the config search stops here
    await writeFile(path.join(root, 'plan.md'), '# Plan\n\n- T-1 Build\n  - duration: 1d\n  - start: 2027-01-04\n  - after: T-5\n');
    servers = [];
  });
  afterEach(async () => {
    for (const s of servers) s.close();
    await rm(base, { recursive: true, force: true });
  });

  const check = (args: string[] = [], format = 'json'): ReturnType<typeof runCli> => runCli(['check', '--format', format, '--today', '2027-01-04', ...args], { cwd: root });
  type Json = { diagnostics: Array<{ file: string; line: number; column: number; code: string; severity: string; message: string; related: Array<{ file: string; message: string }> }>; summary: { files: number } };
  const skippedOf = (json: Json): Record<string, string> => Object.fromEntries(json.diagnostics.filter((d) => d.code === 'file.skipped').map((d) => [d.file, d.message]));

  it('says why for Latin-1, UTF-16, NUL, too large, FIFO, socket and a broken link; each at 1:1 and counted in summary.files', async () => {
    await writeFile(path.join(root, 'latin1.md'), Buffer.from('# Caf\xe9 notes\n', 'latin1'));
    await writeFile(path.join(root, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Notes\n', 'utf16le')]));
    await writeFile(path.join(root, 'nul.md'), 'text\u0000more\n');
    await writeFile(path.join(root, 'big.md'), Buffer.alloc(MAX_FILE_BYTES + 300 * 1024, 'a'));
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path.join(root, 'socket.md'), resolve));
    await symlink(path.join(root, 'nowhere.md'), path.join(root, 'broken.md'));

    const run = await check();
    assert.equal(run.code, 1, run.stderr); // the plan's ref.unknown T-5; the skipped files are warnings
    const json = JSON.parse(run.stdout) as Json;
    assert.deepEqual(skippedOf(json), {
      'big.md': `Specline skipped this file: larger than 2 MB (${Math.ceil((MAX_FILE_BYTES + 300 * 1024) / 1024).toLocaleString('en-US')} KB)`,
      'broken.md': 'Specline skipped this file: broken symbolic link (its target does not exist)',
      'latin1.md': 'Specline skipped this file: not UTF-8 (invalid byte 0xE9 at offset 5)',
      'nul.md': 'Specline skipped this file: contains a NUL byte (at offset 4)',
      'pipe.md': 'Specline skipped this file: not a regular file (FIFO)',
      'socket.md': 'Specline skipped this file: not a regular file (socket)',
      'utf16.md': 'Specline skipped this file: not UTF-8 (UTF-16 little-endian, by its byte order mark)',
    });
    for (const d of json.diagnostics.filter((x) => x.code === 'file.skipped')) assert.deepEqual([d.line, d.column, d.severity], [1, 1, 'warning']);
    assert.equal(json.summary.files, 8);
  });

  it('shows in every output format: text, sarif and github', async () => {
    await writeFile(path.join(root, 'latin1.md'), Buffer.from('caf\xe9\n', 'latin1'));
    const text = await check([], 'text');
    assert.match(text.stdout, /latin1\.md:1:1\s+warning\s+Specline skipped this file: not UTF-8 \(invalid byte 0xE9 at offset 3\)\s+file\.skipped/);
    assert.doesNotMatch(text.stdout, /No problems found/);
    const sarif = JSON.parse((await check([], 'sarif')).stdout) as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
    assert.ok(sarif.runs[0]!.results.some((r) => r.ruleId === 'file.skipped' && r.message.text.includes('invalid byte 0xE9')));
    assert.ok(sarif.runs[0]!.tool.driver.rules.some((r) => r.id === 'file.skipped'));
    const github = await check([], 'github');
    assert.match(github.stdout, /^::warning file=latin1\.md,line=1,.*title=file\.skipped.*::.*not UTF-8/m);
  });

  it('a ref.unknown names the skipped file that may define the ID, in its message and related information', async () => {
    await writeFile(path.join(root, 'notes.md'), Buffer.from('# Caf\xe9\n\n- T-5 Defined where nobody can read it\n', 'latin1'));
    const json = JSON.parse((await check()).stdout) as Json;
    const unknown = json.diagnostics.find((d) => d.code === 'ref.unknown');
    assert.ok(unknown, JSON.stringify(json.diagnostics));
    assert.match(unknown.message, /T-5 may be defined in notes\.md, which was skipped: not UTF-8/);
    assert.deepEqual(unknown.related.map((r) => r.file), ['notes.md']);
  });

  it('can be levelled and switched off in .specline.yml rules', async () => {
    await writeFile(path.join(root, 'latin1.md'), Buffer.from('caf\xe9\n', 'latin1'));
    await writeFile(path.join(root, '.specline.yml'), 'rules: { file.skipped: error }\n');
    const raised = await check();
    assert.equal(raised.code, 1);
    assert.equal(JSON.parse(raised.stdout).diagnostics.find((d: { code: string }) => d.code === 'file.skipped').severity, 'error');
    await writeFile(path.join(root, '.specline.yml'), 'rules: { file.skipped: off }\n');
    assert.deepEqual(skippedOf(JSON.parse((await check()).stdout) as Json), {});
  });

  it('does not follow links out of the workspace (a file, /etc/passwd, a folder) unless follow-links: true', async () => {
    const outside = path.join(base, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'theirs.md'), '- T-5 Defined outside\n');
    await symlink(path.join(outside, 'theirs.md'), path.join(root, 'theirs.md'));
    await symlink('/etc/passwd', path.join(root, 'passwd.md'));
    await symlink(outside, path.join(root, 'shared'));
    await mkdir(path.join(root, 'docs'));
    await writeFile(path.join(root, 'docs', 'inside.md'), '# Inside\n');
    await symlink(path.join(root, 'docs', 'inside.md'), path.join(root, 'alias.md')); // inside: fine

    const json = JSON.parse((await check()).stdout) as Json;
    assert.deepEqual(Object.keys(skippedOf(json)).sort(), ['passwd.md', 'shared', 'theirs.md']);
    assert.match(skippedOf(json)['theirs.md']!, /symbolic link to a file outside the workspace/);
    assert.match(skippedOf(json)['shared']!, /symbolic link to a folder outside the workspace/);
    assert.ok(json.diagnostics.some((d) => d.code === 'ref.unknown'), 'T-5 outside was not read');
    assert.doesNotMatch(JSON.stringify(json), /root:x:0/);

    await writeFile(path.join(root, '.specline.yml'), 'follow-links: true\n');
    const followed = JSON.parse((await check()).stdout) as Json;
    // /etc/passwd is followed now, and read as the (item-less) text it is.
    assert.deepEqual(skippedOf(followed), {});
    assert.ok(!followed.diagnostics.some((d) => d.code === 'ref.unknown'), 'T-5 is defined through the followed links');
    assert.ok(followed.diagnostics.some((d) => d.code === 'id.duplicate'), 'T-5 is read through theirs.md and shared/theirs.md');
  });
});

describe('the config is never dropped in silence', () => {
  let base: string;
  let root: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'specline-cfg-'));
    root = path.join(base, 'ws');
    await mkdir(path.join(root, '.git'), { recursive: true });
    await writeFile(path.join(root, 'plan.md'), '- T-1 Build\n');
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const expectBadConfig = async (args: string[], reason: RegExp): Promise<void> => {
    const run = await runCli(['check', ...args], { cwd: root });
    assert.equal(run.code, 2, run.stdout);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^specline: /);
    assert.match(run.stderr, reason);
    assert.match(run.stderr, /\nhint: /);
  };

  it('a folder, a FIFO (never opened), /dev/zero, an oversized or a Latin-1 .specline.yml is exit 2 with the reason', async () => {
    const config = path.join(root, '.specline.yml');
    await mkdir(config);
    await expectBadConfig([], /\.specline\.yml was not read: a folder, not a file/);
    await rm(config, { recursive: true });
    execFileSync('mkfifo', [config]);
    await expectBadConfig([], /\.specline\.yml was not read: not a regular file \(FIFO\)/);
    await rm(config);
    await symlink('/dev/zero', config);
    await expectBadConfig([], /not a regular file \(character device\)/);
    await rm(config);
    await writeFile(config, `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    await expectBadConfig([], /larger than 256 KB/);
    await writeFile(config, Buffer.from('start: 2027-01-04 # caf\xe9\n', 'latin1'));
    await expectBadConfig([], /not UTF-8 \(invalid byte 0xE9 at offset 23\)/);
  });

  it('--config naming a FIFO or a device is refused before anything opens it', async () => {
    execFileSync('mkfifo', [path.join(root, 'cfg.yml')]);
    await expectBadConfig(['--config', 'cfg.yml'], /--config cfg\.yml is not a regular file \(FIFO\)/);
    await expectBadConfig(['--config', '/dev/zero'], /not a regular file \(character device\)/);
  });

  it('the upward search stops at the repository top and --verbose says which root and config, and why', async () => {
    // A broken config above the repository must not be picked up.
    await writeFile(path.join(base, '.specline.yml'), 'kinds: 5\n');
    await mkdir(path.join(root, 'sub'));
    const run = await runCli(['check', '--verbose'], { cwd: path.join(root, 'sub') });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`specline: root ${escape(path.join(root, 'sub'))} \\(no \\.specline\\.yml from the current folder up to the repository top ${escape(root)}`));
    assert.match(run.stderr, /specline: config none: no \.specline\.yml in the root, so the default settings apply/);
    const atTop = await runCli(['check', '--verbose'], { cwd: root });
    assert.equal(atTop.code, 0, atTop.stderr);
    await writeFile(path.join(root, '.specline.yml'), 'start: 2027-01-04\n');
    const withConfig = await runCli(['check', '--verbose', 'plan.md'], { cwd: root });
    assert.match(withConfig.stderr, new RegExp(`specline: root ${escape(root)} \\(the nearest folder with \\.specline\\.yml from the first PATH up\\)`));
    assert.match(withConfig.stderr, new RegExp(`specline: config ${escape(path.join(root, '.specline.yml'))} \\(the workspace default\\)`));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('--out never overwrites an input, leaves the workspace or writes a special file', () => {
  let base: string;
  let root: string;
  const PLAN = '## G-1 Launch\n- horizon: now\n\n## FEAT-1 Sign-on\n- goals: G-1\n\nTasks:\n\n- T-1 Build\n  - features: FEAT-1\n  - duration: 2d\n  - start: 2027-01-04\n';
  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'specline-out-'));
    root = path.join(base, 'ws');
    await mkdir(path.join(root, '.git'), { recursive: true });
    await writeFile(path.join(root, '.specline.yml'), 'start: 2027-01-04\n');
    await writeFile(path.join(root, 'plan.md'), PLAN);
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const refused = async (out: string, reason: RegExp): Promise<void> => {
    const run = await runCli(['roadmap', '--today', '2027-01-04', '--out', out], { cwd: root });
    assert.equal(run.code, 2, `${out}: ${run.stderr}`);
    assert.match(run.stderr, reason);
    assert.match(run.stderr, /\nhint: /);
  };

  it('refuses an input file, the config, a link out of the root, a FIFO, a folder and /proc; inputs are unchanged', async () => {
    await refused('plan.md', /cannot write plan\.md: plan\.md is an input of this workspace/);
    await refused('.specline.yml', /\.specline\.yml is an input of this workspace/);
    await symlink(path.join(root, 'plan.md'), path.join(root, 'view.md'));
    await refused('view.md', /is an input of this workspace/);
    await mkdir(path.join(base, 'elsewhere'));
    await symlink(path.join(base, 'elsewhere'), path.join(root, 'out'));
    await refused('out/roadmap.md', /leads outside the workspace root through a symbolic link/);
    execFileSync('mkfifo', [path.join(root, 'fifo.out')]);
    await refused('fifo.out', /not a regular file \(FIFO\)/);
    await mkdir(path.join(root, 'folder.md'));
    await refused('folder.md', /a folder, not a file/);
    await refused('/proc/self/status', /is in \/proc, not a regular file/);
    assert.equal(await readFile(path.join(root, 'plan.md'), 'utf8'), PLAN);
  });

  it('generated roadmap, matrix and report written into the workspace are not read back', async () => {
    for (const [command, out] of [['roadmap', 'roadmap-view.md'], ['trace', 'views/trace.md'], ['report', 'status.md']] as const) {
      const run = await runCli([command, '--format', 'markdown', '--today', '2027-01-04', '--out', out], { cwd: root });
      assert.equal(run.code, 0, run.stderr);
      const written = await readFile(path.join(root, out), 'utf8');
      assert.match(written, /^<!-- specline:generated by "specline [a-z]+"[^\n]*-->\n/);
      assert.match(written, /\n<!-- specline:end-generated -->\n$/);
      assert.match(written, /G-1|FEAT-1|# Status report/);
    }
    const check = await runCli(['check', '--format', 'json', '--today', '2027-01-04'], { cwd: root });
    const json = JSON.parse(check.stdout) as { diagnostics: Array<{ code: string }>; summary: { files: number; items: number } };
    assert.deepEqual(json.diagnostics.filter((d) => d.code === 'id.duplicate'), []);
    assert.equal(json.summary.files, 4);
    assert.equal(json.summary.items, 3);
  });
});

describe('CLI arguments that were silently wrong', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specline-args-'));
    await mkdir(path.join(root, '.git'));
    await mkdir(path.join(root, 'empty'));
    await writeFile(path.join(root, 'notes.txt'), 'T-1\n');
    await writeFile(path.join(root, 'plan.md'), '- T-1 Build\n  - duration: 1d\n');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('--max-warnings -1 means no limit, as the help says', async () => {
    const run = await runCli(['check', '--max-warnings', '-1'], { cwd: root });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await runCli(['check', '--max-warnings', '0'], { cwd: root })).code, 1);
    assert.match((await runCli(['check', '--help'])).stdout, /-1: no limit/);
  });

  it('a PATH that selects no Markdown file is exit 2, not "0 files"', async () => {
    for (const p of ['empty', 'notes.txt']) {
      const run = await runCli(['check', p], { cwd: root });
      assert.equal(run.code, 2, p);
      assert.match(run.stderr, new RegExp(`specline: no Markdown file in scope under ${p.replace('.', '\\.')}\nhint: `));
    }
  });
});

describe('the bundled CLI as a child process: what used to hang now ends', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'specline-proc-'));
    await mkdir(path.join(root, '.git'));
    await writeFile(path.join(root, 'plan.md'), '- T-1 Build\n  - duration: 1d\n  - start: 2027-01-04\n');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** The bundle when built (`node scripts/bundle.mjs`), else the tsc output: the same `main`. */
  function entry(): string {
    const bundled = path.join(REPO_ROOT, 'bin', 'specline.js');
    return existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')) ? bundled : path.join(REPO_ROOT, 'out', 'src', 'cli', 'run.js');
  }
  async function specline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [entry(), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('a FIFO .specline.yml, a FIFO plan and --out /proc/self/status exit with a reason', async () => {
    execFileSync('mkfifo', [path.join(root, '.specline.yml')]);
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
    const config = await specline(['check']);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /\.specline\.yml was not read: not a regular file \(FIFO\)/);
    await rm(path.join(root, '.specline.yml'));
    const check = await specline(['check', '--format', 'json', '--today', '2027-01-04']);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual((JSON.parse(check.stdout) as { diagnostics: Array<{ file: string; code: string }> }).diagnostics.map((d) => `${d.file} ${d.code}`), ['pipe.md file.skipped', 'plan.md trace.task-no-feature']);
    const out = await specline(['roadmap', '--out', '/proc/self/status']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /cannot write \/proc\/self\/status: .* is in \/proc, not a regular file/);
  });
});
