import * as assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { RULES } from '../../src/core/check/ruleCatalog.js';
import { ANSI, ANSI_RED, FIXTURES, copyFixture, fixture, listTree, runCli } from './helpers.js';
import { assertValidSarif } from './sarifShape.js';

const TODAY = ['--today', '2027-01-01'];

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  related: Array<{ file: string; line: number; column: number; message: string }>;
}
interface JsonCheck {
  version: number;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number; files: number; items: number };
}

async function checkJson(args: string[], cwd?: string): Promise<{ code: number; json: JsonCheck }> {
  const run = await runCli(['check', ...args, '--format', 'json', ...TODAY], cwd === undefined ? {} : { cwd });
  assert.equal(run.stderr, '', run.stderr);
  return { code: run.code, json: JSON.parse(run.stdout) as JsonCheck };
}

describe('specline check', () => {
  describe('exit codes', () => {
    it('0 on a clean workspace', async () => {
      const run = await runCli(['check', fixture('clean'), ...TODAY]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /No problems found/);
    });

    it('1 when there is an error', async () => {
      const run = await runCli(['check', fixture('errors'), ...TODAY]);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /✖ \d+ errors?/);
    });

    it('0 with warnings only, and with warnings ≤ --max-warnings', async () => {
      assert.equal((await runCli(['check', fixture('warnings'), ...TODAY])).code, 0);
      assert.equal((await runCli(['check', fixture('warnings'), ...TODAY, '--max-warnings', '2'])).code, 0);
      assert.equal((await runCli(['check', fixture('warnings'), ...TODAY, '--max-warnings=5'])).code, 0);
    });

    it('1 when warnings exceed --max-warnings', async () => {
      const run = await runCli(['check', fixture('warnings'), ...TODAY, '--max-warnings', '1']);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /Too many warnings: 2, the maximum is 1/);
      assert.equal((await runCli(['check', fixture('warnings'), ...TODAY, '--max-warnings', '0'])).code, 1);
    });

    it('--max-warnings -1 means no limit', async () => {
      assert.equal((await runCli(['check', fixture('warnings'), ...TODAY, '--max-warnings=-1'])).code, 0);
    });

    it('infos never fail the run, even with --max-warnings 0', async () => {
      const { code, json } = await checkJson([fixture('clean'), '--max-warnings', '0']);
      assert.equal(json.summary.errors + json.summary.warnings, 0);
      assert.equal(code, 0);
    });

    for (const [name, args, pattern] of [
      ['an unknown flag', ['--bogus'], /unknown option "--bogus"/],
      ['a bad --format', ['--format', 'xml'], /--format of check must be text, json, sarif or github, not "xml"/],
      ['a bad --today', ['--today', '2027-02-30'], /--today must be a date as YYYY-MM-DD/],
      ['a non-date --today', ['--today', 'tomorrow'], /--today must be a date/],
      ['a bad --max-warnings', ['--max-warnings', 'many'], /--max-warnings takes a whole number/],
      ['a missing option value', ['--format'], /--format/],
      ['a missing --config file', ['--config', 'no-such-file.yml'], /config file not found: no-such-file.yml/],
      ['a PATH that does not exist', ['no/such/path'], /no such file or folder: no\/such\/path/],
    ] as const) {
      it(`2 on ${name}, with a one-line hint on stderr`, async () => {
        const run = await runCli(['check', fixture('clean'), ...args]);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, pattern);
        const lines = run.stderr.trimEnd().split('\n');
        assert.equal(lines.length, 2, run.stderr);
        assert.match(lines[1]!, /^hint: /);
      });
    }

    it('2 on an unknown command', async () => {
      const run = await runCli(['chek']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /unknown command "chek"/);
      assert.match(run.stderr, /hint: commands are check, schedule/);
    });

    it('2 when --config names an invalid file', async () => {
      const run = await runCli(['check', fixture('clean'), ...TODAY, '--config', fixture('broken-config.yml')]);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /^specline: bad config/);
    });

    it('2 when the default .specline.yml is invalid, listing its problems on stderr', async () => {
      const run = await runCli(['check', fixture('badconfig'), ...TODAY, '--format', 'json']);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      assert.match(lines[0]!, /^specline: bad config \.specline\.yml: \d+ problems?$/);
      assert.match(lines[1]!, /^ {2}\.specline\.yml:\d+:\d+ {2}.+ {2}schema\.(yaml|invalid)$/);
      assert.match(lines.at(-1)!, /^hint: fix \.specline\.yml/);
    });
  });

  describe('--format json', () => {
    it('prints exactly the contract shape, 1-based, paths relative to the root', async () => {
      const { code, json } = await checkJson([fixture('errors')]);
      assert.equal(code, 1);
      assert.deepEqual(Object.keys(json), ['version', 'diagnostics', 'summary']);
      assert.equal(json.version, 1);
      assert.deepEqual(Object.keys(json.summary), ['errors', 'warnings', 'infos', 'files', 'items']);
      assert.ok(json.diagnostics.length > 0);
      for (const d of json.diagnostics) {
        assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'related']);
        assert.ok(['error', 'warning', 'info'].includes(d.severity));
        for (const r of d.related) assert.deepEqual(Object.keys(r), ['file', 'line', 'column', 'message']);
      }
      const unknown = json.diagnostics.find((d) => d.code === 'ref.unknown');
      assert.ok(unknown, 'ref.unknown reported');
      // `  - features: FEAT-9` is line 11 of plan.md; FEAT-9 starts at column 15.
      assert.deepEqual(
        { file: unknown.file, line: unknown.line, column: unknown.column, endLine: unknown.endLine, endColumn: unknown.endColumn },
        { file: 'plan.md', line: 11, column: 15, endLine: 11, endColumn: 21 },
      );
      const duplicates = json.diagnostics.filter((d) => d.code === 'id.duplicate');
      assert.ok(duplicates.length >= 1);
      assert.ok(duplicates.every((d) => d.related.length >= 1 && d.related[0]!.file === 'plan.md' && d.related[0]!.line >= 1));
      assert.equal(json.summary.errors, json.diagnostics.filter((d) => d.severity === 'error').length);
      assert.equal(json.summary.warnings, json.diagnostics.filter((d) => d.severity === 'warning').length);
      assert.equal(json.summary.infos, json.diagnostics.filter((d) => d.severity === 'info').length);
      assert.equal(json.summary.files, 1);
      assert.equal(json.summary.items, 5);
    });

    it('a clean workspace has no diagnostics and counts files and items', async () => {
      const { json } = await checkJson([fixture('clean')]);
      assert.deepEqual(json.diagnostics, []);
      assert.deepEqual(json.summary, { errors: 0, warnings: 0, infos: 0, files: 3, items: 3 });
    });
  });

  describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 for code scanning', async () => {
      const run = await runCli(['check', fixture('errors'), '--format', 'sarif', ...TODAY]);
      assert.equal(run.code, 1);
      const sarif = JSON.parse(run.stdout) as {
        runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }>;
      };
      assertValidSarif(sarif);
      const ruleIds = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);
      for (const rule of RULES) assert.ok(ruleIds.includes(rule.code), `rule ${rule.code} listed`);
      const unknown = sarif.runs[0]!.results.find((r) => r['ruleId'] === 'ref.unknown') as {
        level: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
      };
      assert.equal(unknown.level, 'error');
      assert.equal(unknown.locations[0]!.physicalLocation.artifactLocation.uri, 'plan.md');
      assert.deepEqual(unknown.locations[0]!.physicalLocation.region, { startLine: 11, startColumn: 15, endLine: 11, endColumn: 21 });
      const duplicate = sarif.runs[0]!.results.find((r) => r['ruleId'] === 'id.duplicate') as { relatedLocations: unknown[] };
      assert.ok(duplicate.relatedLocations.length >= 1);
    });

    it('is valid with no results, and encodes awkward file names as relative URIs', async () => {
      const clean = JSON.parse((await runCli(['check', fixture('clean'), '--format', 'sarif', ...TODAY])).stdout) as { runs: Array<{ results: unknown[] }> };
      assertValidSarif(clean);
      assert.deepEqual(clean.runs[0]!.results, []);
      const hostile = JSON.parse((await runCli(['check', fixture('hostile'), '--format', 'sarif', ...TODAY])).stdout) as {
        runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
      };
      assertValidSarif(hostile);
      const uris = hostile.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
      assert.ok(uris.includes('notes%2C%20v2%3A%20draft.md'), uris.join(' '));
    });

    it('fingerprints are stable across runs', async () => {
      const a = (await runCli(['check', fixture('errors'), '--format', 'sarif', ...TODAY])).stdout;
      const b = (await runCli(['check', fixture('errors'), '--format', 'sarif', '--today', '2027-06-01'])).stdout;
      const prints = (text: string) => (JSON.parse(text) as { runs: Array<{ results: Array<{ ruleId: string; partialFingerprints: unknown }> }> })
        .runs[0]!.results.filter((r) => r.ruleId === 'ref.unknown').map((r) => r.partialFingerprints);
      assert.deepEqual(prints(a), prints(b));
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per diagnostic, info as notice', async () => {
      const { json } = await checkJson([fixture('errors')]);
      const run = await runCli(['check', fixture('errors'), '--format', 'github', ...TODAY]);
      assert.equal(run.code, 1);
      const lines = run.stdout.trimEnd().split('\n');
      assert.equal(lines.length, json.diagnostics.length);
      lines.forEach((line, i) => {
        const d = json.diagnostics[i]!;
        const command = d.severity === 'info' ? 'notice' : d.severity;
        assert.ok(
          line.startsWith(`::${command} file=${d.file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${d.code}::`),
          line,
        );
      });
    });

    it('in GitHub Actions, names files relative to the checkout, in github and sarif formats only', async () => {
      const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: FIXTURES };
      const github = await runCli(['check', fixture('errors'), '--format', 'github', ...TODAY], { env });
      assert.match(github.stdout, /^::error file=errors\/plan\.md,line=11,/m);
      assert.match(github.stdout, /%0A {2}errors\/plan\.md:16:7: /);
      const sarif = JSON.parse((await runCli(['check', fixture('errors'), '--format', 'sarif', ...TODAY], { env })).stdout) as {
        runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
      };
      assert.ok(sarif.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'errors/plan.md'));
      const json = JSON.parse((await runCli(['check', fixture('errors'), '--format', 'json', ...TODAY], { env })).stdout) as JsonCheck;
      assert.ok(json.diagnostics.every((d) => d.file === 'plan.md'));
      // A workspace outside the checkout keeps root-relative paths.
      const outside = await runCli(['check', fixture('errors'), '--format', 'github', ...TODAY], { env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: fixture('clean') } });
      assert.match(outside.stdout, /^::error file=plan\.md,/m);
    });

    it('escapes file names in properties', async () => {
      const run = await runCli(['check', fixture('hostile'), '--format', 'github', ...TODAY]);
      assert.match(run.stdout, /^::error file=notes%2C v2%3A draft\.md,line=4,/m);
    });
  });

  describe('--format text', () => {
    it('groups by file with file:line:col  severity  message  code, no colour off a TTY', async () => {
      const run = await runCli(['check', fixture('errors'), ...TODAY]);
      assert.doesNotMatch(run.stdout, ANSI);
      const lines = run.stdout.split('\n');
      assert.equal(lines[0], 'plan.md');
      assert.match(run.stdout, /^ {2}plan\.md:11:15 +error +.*FEAT-9.* +ref\.unknown$/m);
      assert.match(run.stdout, /^✖ \d+ errors?, \d+ warnings?, \d+ infos? \(1 file, 5 items\)$/m);
    });

    it('colours on a TTY, and not with --no-color or NO_COLOR', async () => {
      const args = ['check', fixture('errors'), ...TODAY];
      assert.match((await runCli(args, { isTTY: true })).stdout, ANSI_RED);
      assert.doesNotMatch((await runCli([...args, '--no-color'], { isTTY: true })).stdout, ANSI);
      assert.doesNotMatch((await runCli(args, { isTTY: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
      assert.match((await runCli([...args, '--color'])).stdout, ANSI);
    });
  });

  describe('PATH arguments', () => {
    it('limit the reported diagnostics, while links resolve across the workspace', async () => {
      const all = await checkJson([fixture('multi')]);
      assert.equal(all.code, 1);
      assert.ok(all.json.diagnostics.some((d) => d.file === 'specs/login.md' && d.code === 'ref.unknown'));

      const plan = await checkJson([path.join(fixture('multi'), 'plan')]);
      assert.ok(plan.json.diagnostics.every((d) => d.file === 'plan/plan.md'), JSON.stringify(plan.json.diagnostics));
      // T-1 → FEAT-1 lives in specs/: no ref.unknown in plan/.
      assert.ok(!plan.json.diagnostics.some((d) => d.code.startsWith('ref.')));
      assert.equal(plan.code, plan.json.summary.errors > 0 ? 1 : 0);
      assert.equal(plan.json.summary.files, 1);
      assert.equal(plan.json.summary.items, 2);

      const specs = await checkJson([path.join(fixture('multi'), 'specs', 'login.md')]);
      assert.equal(specs.code, 1);
      assert.ok(specs.json.diagnostics.every((d) => d.file === 'specs/login.md'));
    });

    it('find the root from the nearest .specline.yml above the first PATH or the cwd', async () => {
      const fromPath = await checkJson(['plan/plan.md'], fixture('multi'));
      assert.ok(fromPath.json.diagnostics.every((d) => d.file === 'plan/plan.md'));
      const fromCwd = await checkJson(['.'], path.join(fixture('multi'), 'plan'));
      assert.ok(fromCwd.json.diagnostics.every((d) => d.file === 'plan/plan.md'));
      assert.equal(fromCwd.json.summary.files, 1);
      const whole = await checkJson([], path.join(fixture('multi'), 'roadmap'));
      assert.equal(whole.json.summary.files, 3);
    });

    it('--root overrides the search; a PATH outside the root is bad usage', async () => {
      const rooted = await checkJson(['--root', fixture('multi'), path.join(fixture('multi'), 'specs')]);
      assert.ok(rooted.json.diagnostics.every((d) => d.file.startsWith('specs/')));
      const outside = await runCli(['check', '--root', path.join(fixture('multi'), 'plan'), fixture('clean')]);
      assert.equal(outside.code, 2);
      assert.match(outside.stderr, /outside the workspace root/);
    });
  });

  describe('--out', () => {
    it('writes only that file and nothing to stdout', async () => {
      const scratch = await copyFixture('errors');
      try {
        const before = await listTree(scratch.dir);
        const run = await runCli(['check', '.', '--format', 'json', '--out', 'reports/check.json', ...TODAY], { cwd: scratch.dir });
        assert.equal(run.code, 1);
        assert.equal(run.stdout, '');
        const after = await listTree(scratch.dir);
        assert.deepEqual(after, [...before, 'reports/check.json'].sort());
        const { readFile } = await import('node:fs/promises');
        const json = JSON.parse(await readFile(path.join(scratch.dir, 'reports', 'check.json'), 'utf8')) as JsonCheck;
        assert.equal(json.version, 1);
      } finally {
        await scratch.dispose();
      }
    });

    it('without --out nothing is written', async () => {
      const scratch = await copyFixture('schedule');
      try {
        const before = await listTree(scratch.dir);
        for (const args of [['check'], ['check', '--format', 'sarif'], ['schedule', '--format', 'json']]) {
          await runCli([...args, ...TODAY], { cwd: scratch.dir });
        }
        assert.deepEqual(await listTree(scratch.dir), before);
      } finally {
        await scratch.dispose();
      }
    });

    it('text written to a file is never coloured', async () => {
      const scratch = await copyFixture('errors');
      try {
        await runCli(['check', '--out', 'out.txt', ...TODAY], { cwd: scratch.dir, isTTY: true });
        const { readFile } = await import('node:fs/promises');
        assert.doesNotMatch(await readFile(path.join(scratch.dir, 'out.txt'), 'utf8'), ANSI);
      } finally {
        await scratch.dispose();
      }
    });
  });
});

describe('check: the root of a single file without a config', () => {
  it('is the file\'s folder when cwd is the file-system root (never the whole disk)', async function () {
    this.timeout(20_000);
    const copy = await copyFixture('clean');
    try {
      await rm(path.join(copy.dir, '.specline.yml'), { force: true });
      const file = path.join(copy.dir, (await listTree(copy.dir)).find((f) => f.endsWith('.md'))!);
      const run = await runCli(['check', file, '--format', 'json', '--today', '2027-01-04'], { cwd: path.parse(file).root });
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      const report = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string }>; summary: { files: number } };
      for (const d of report.diagnostics) assert.ok(!d.file.includes('/') || !d.file.startsWith('tmp'), d.file);
      assert.ok(report.summary.files <= 20, `indexed ${report.summary.files} files`);
    } finally {
      await copy.dispose();
    }
  });
});
