import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { COMMANDS } from '../../src/cli/main.js';
import { REPO_ROOT, copyFixture, fixture, listTree, runCli } from './helpers.js';

describe('specline main', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['check', '--version']]) {
      const run = await runCli(args);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, `${pkg.version}\n`);
    }
  });

  it('--help lists the commands; no arguments is bad usage', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const c of COMMANDS) assert.match(help.stdout, new RegExp(`^ {2}${c.name} `, 'm'));
    const bare = await runCli([]);
    assert.equal(bare.code, 2);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /Usage: specline <command>/);
  });

  for (const command of ['check', 'schedule', 'gantt', 'roadmap', 'trace', 'report']) {
    it(`${command} --help / -h prints its usage, formats and options`, async () => {
      for (const flag of ['--help', '-h']) {
        const run = await runCli([command, flag]);
        assert.equal(run.code, 0);
        assert.match(run.stdout, new RegExp(`^Usage: specline ${command} \\[PATH…\\] \\[options\\]`));
        assert.match(run.stdout, /--format FORMAT/);
        assert.match(run.stdout, /--out FILE/);
      }
      assert.equal((await runCli(['help', command])).stdout, (await runCli([command, '--help'])).stdout);
    });
  }

  it('check --help documents --max-warnings and the exit codes', async () => {
    const run = await runCli(['check', '--help']);
    assert.match(run.stdout, /--max-warnings N/);
    assert.match(run.stdout, /text \(default\), json, sarif, github/);
    assert.match(run.stdout, /Exit codes: 0/);
  });

  it('options before the command are bad usage', async () => {
    const run = await runCli(['--format', 'json', 'check']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /option "--format" before a command/);
  });

  describe('output commands', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['gantt', 'mermaid', /gantt/],
      ['gantt', 'svg', /<svg/],
      ['gantt', 'html', /<html|<!doctype html/i],
      ['roadmap', 'markdown', /G-1/],
      ['roadmap', 'mermaid', /\S/],
      ['roadmap', 'html', /<html|<!doctype html/i],
      ['trace', 'markdown', /FEAT-1/],
      ['trace', 'csv', /FEAT-1/],
      ['trace', 'json', /FEAT-1/],
      ['report', 'markdown', /\S/],
    ];
    for (const [command, format, pattern] of cases) {
      it(`${command} --format ${format} prints to stdout, or only to --out`, async () => {
        const scratch = await copyFixture('schedule');
        try {
          const before = await listTree(scratch.dir);
          const printed = await runCli([command, '--format', format, '--today', '2027-01-01'], { cwd: scratch.dir });
          assert.equal(printed.stderr, '');
          assert.equal(printed.code, 0);
          assert.match(printed.stdout, pattern);
          assert.ok(printed.stdout.endsWith('\n'));
          if (format === 'json') JSON.parse(printed.stdout);

          const written = await runCli([command, '--format', format, '--today', '2027-01-01', '-o', `view.${format}`], { cwd: scratch.dir });
          assert.equal(written.code, 0);
          assert.equal(written.stdout, '');
          assert.deepEqual(await listTree(scratch.dir), [...before, `view.${format}`].sort());
          assert.equal(await readFile(path.join(scratch.dir, `view.${format}`), 'utf8'), printed.stdout);
        } finally {
          await scratch.dispose();
        }
      });
    }

    it('reject formats they do not have', async () => {
      for (const [command, format] of [['gantt', 'png'], ['roadmap', 'csv'], ['trace', 'html'], ['report', 'json']]) {
        const run = await runCli([command!, fixture('schedule'), '--format', format!]);
        assert.equal(run.code, 2, `${command} --format ${format}`);
        assert.match(run.stderr, new RegExp(`--format of ${command} must be`));
      }
    });
  });
});

describe('PATH arguments of the views', () => {
  interface Matrix { goals: Array<{ id: string; features: Array<{ id: string; tasks: Array<{ id: string }> }> }>; untraced: Array<{ id: string }> }
  const trace = async (...paths: string[]): Promise<Matrix> => {
    const run = await runCli(['trace', ...paths.map((p) => path.join(fixture('multi'), p)), '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as Matrix;
  };

  it('trace of a spec shows its features with their goals and tasks from other files', async () => {
    const matrix = await trace('specs/login.md');
    assert.deepEqual(matrix.goals.map((g) => [g.id, g.features.map((f) => [f.id, f.tasks.map((t) => t.id)])]), [['G-1', [['FEAT-1', ['T-1']]]]]);
    assert.deepEqual(matrix.untraced.map((f) => f.id), ['FEAT-2']);
  });

  it('trace of a plan shows only its tasks, under their features and goals', async () => {
    const matrix = await trace('plan/plan.md');
    assert.deepEqual(matrix.goals.map((g) => [g.id, g.features.map((f) => [f.id, f.tasks.map((t) => t.id)])]), [['G-1', [['FEAT-1', ['T-1']]]]]);
  });

  it('gantt of a plan draws its tasks; of a spec, the tasks delivering its features', async () => {
    const plan = await runCli(['gantt', path.join(fixture('multi'), 'plan'), '--format', 'mermaid']);
    assert.match(plan.stdout, /T-1/);
    assert.match(plan.stdout, /T-2/);
    const goals = await runCli(['gantt', path.join(fixture('multi'), 'roadmap'), '--format', 'mermaid']);
    assert.match(goals.stdout, /T-1/);
    assert.doesNotMatch(goals.stdout, /T-2/); // FEAT-2 does not trace to G-1
  });

  it('rejects bad values of view options', async () => {
    for (const args of [['gantt', '--zoom', 'year'], ['gantt', '--group-by', 'owner'], ['roadmap', '--columns', 'month']]) {
      const run = await runCli([...args, fixture('multi')]);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, new RegExp(`${args[1]} must be`));
    }
  });

  it('passes --title through', async () => {
    const run = await runCli(['report', fixture('multi'), '--title', 'Weekly status', '--today', '2027-01-05']);
    assert.match(run.stdout, /^# Weekly status/m);
  });
});
