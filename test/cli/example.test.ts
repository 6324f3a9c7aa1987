import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from './helpers.js';

/**
 * The example workspace documents its deliberate problems in a table in its README; the
 * CLI must report exactly those, no more and no fewer, so a newcomer sees what the docs say.
 */
describe('examples/acme', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'examples', 'acme', 'README.md'), 'utf8');
  const expected = readme
    .split('\n')
    .map((line) => /^\| \d+ \| `([^`]+)` \| (\d+) \| [^|]+\| `([a-z.-]+)` \| (error|warning|info) \|/.exec(line))
    .filter((m) => m !== null)
    .map((m) => `${m[1]}:${m[2]} ${m[3]} ${m[4]}`)
    .sort();

  it('the README lists the deliberate problems', () => {
    assert.ok(expected.length >= 22, `only ${expected.length} rows parsed from the README`);
  });

  it('specline check reports exactly the problems the README lists', async () => {
    const run = await runCli(['check', 'examples/acme', '--format', 'json', '--today', '2027-02-15']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ file: string; line: number; code: string; severity: string }> };
    const actual = report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.severity}`).sort();
    assert.deepEqual(actual, expected);
  });

  it('shows every diagnostic code at least once (but those that need a git history of its own)', async () => {
    const { RULES } = await import('../../src/core/check/ruleCatalog.js');
    const codes = new Set(expected.map((e) => e.split(' ')[1]));
    // schedule.slipped compares with the plan at a git revision: the example is a folder of
    // this repository, not a repository with its own tags, so it can only show it to someone
    // who commits it (its README says how). The rule fixtures and test/cli/baseline.test.ts cover it.
    const needsHistory = new Set(['schedule.slipped']);
    assert.deepEqual(RULES.map((r) => r.code).filter((c) => !codes.has(c) && !needsHistory.has(c)), []);
  });

  it('has at least 4 goals, 6 features and 25 tasks', async () => {
    const run = await runCli(['schedule', 'examples/acme', '--format', 'json', '--today', '2027-02-15']);
    const schedule = JSON.parse(run.stdout) as { tasks: unknown[]; features: unknown[]; milestones: unknown[] };
    assert.ok(schedule.tasks.length >= 25, `${schedule.tasks.length} tasks`);
    assert.ok(schedule.features.length >= 6);
    assert.ok(schedule.milestones.length >= 2);
    const trace = JSON.parse((await runCli(['trace', 'examples/acme', '--format', 'json', '--today', '2027-02-15'])).stdout) as { goals?: unknown[]; rows?: unknown[] };
    assert.ok((trace.goals ?? trace.rows ?? []).length >= 4);
  });
});
