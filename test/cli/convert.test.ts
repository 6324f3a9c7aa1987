import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ConvertJson } from '../../src/cli/commands/convert.js';
import { REPO_ROOT, runCli } from './helpers.js';

const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'mermaid', 'workspace');
const PLAN = path.join(WORKSPACE, 'plan.md');

const CLEAN = `# Release

\`\`\`mermaid
gantt
    title Release 2.0
    dateFormat YYYY-MM-DD
    excludes weekends
    axisFormat %d %b
    section Build
    API      :api, 2027-01-04, 5d
    UI       :ui, after api, 3d
    section Ship
    Go live  :milestone, live, after ui, 0d
\`\`\`

\`\`\`mermaid
gantt
    dateFormat YYYY-MM-DD
    Other    :2027-02-01, 2d
\`\`\`
`;

describe('specline convert', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'specline-convert-'));
    await writeFile(path.join(dir, '.specline.yml'), 'start: 2027-01-04\n');
    await writeFile(path.join(dir, 'release.md'), CLEAN);
    await writeFile(path.join(dir, 'tasks.md'), '# Tasks\n\n- [ ] T-12 Existing task\n  - duration: 1d\n- [ ] T-13 Names a deleted task\n  - after: T-20\n  - duration: 1d\n');
    await writeFile(path.join(dir, 'notes.md'), '# Notes\n\nNo chart here.\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('prints the plan: new IDs after every ID in use (T-20 is only mentioned), sections as headings, the mapping and kept lines in a comment; exit 0', async () => {
    const run = await runCli(['convert', 'release.md', '--chart', '1'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, [
      '# Release 2.0',
      '',
      '## Build',
      '',
      '| ID | Task | Start | Duration | After |',
      '|---|---|---|---|---|',
      '| T-21 | API | 2027-01-04 | 5d |  |',
      '| T-22 | UI |  | 3d | T-21 |',
      '',
      '## Ship',
      '',
      '| ID | Task | After | Date |',
      '|---|---|---|---|',
      '| M-1 | Go live | T-22 | 2027-01-14 |',
      '',
      '<!-- Converted by Specline from the mermaid gantt chart in release.md, line 4.',
      'mermaid ids: api = T-21, ui = T-22, live = M-1',
      'Chart lines with no equivalent in a Specline plan, as written:',
      '    axisFormat %d %b',
      '-->',
      '',
    ].join('\n'));
    assert.match(run.stderr, /^specline: release\.md:4: 3 tasks converted; 3 of 3 dated ones keep mermaid's days\n$/);
  });

  it('--out writes the file, - is stdout, and the written plan schedules to the chart\'s dates', async () => {
    // Written outside the workspace: a plan written inside it would take T-21… and the next run would propose T-23….
    const solo = await mkdtemp(path.join(tmpdir(), 'specline-converted-'));
    try {
      const out = path.join(solo, 'plans', 'release.md');
      const run = await runCli(['convert', 'release.md', '--chart', '1', '--out', out], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      const written = await readFile(out, 'utf8');
      assert.match(written, /^# Release 2\.0\n/);
      const dash = await runCli(['convert', 'release.md', '--chart', '1', '--out', '-'], { cwd: dir });
      assert.equal(dash.stdout, written);
      // The converted plan, scheduled by Specline on its own: the chart's days.
      await writeFile(path.join(solo, '.specline.yml'), '');
      const schedule = await runCli(['schedule', '--format', 'json', '--today', '2027-01-01'], { cwd: solo });
      assert.equal(schedule.code, 0, schedule.stderr);
      const json = JSON.parse(schedule.stdout) as { tasks: Array<{ id: string; start: string; end: string }>; milestones: Array<{ id: string; date: string }> };
      assert.deepEqual(json.tasks.map((t) => [t.id, t.start, t.end]), [['T-21', '2027-01-04', '2027-01-08'], ['T-22', '2027-01-11', '2027-01-13']]);
      assert.deepEqual(json.milestones.map((m) => [m.id, m.date]), [['M-1', '2027-01-14']]);
    } finally {
      await rm(solo, { recursive: true, force: true });
    }
  });

  it('--format json gives the plan, the mapping with both dates per task, and the notes; a chart with a warning exits 1', async () => {
    const run = await runCli(['convert', PLAN, '--root', WORKSPACE, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout) as ConvertJson;
    assert.equal(json.version, 1);
    assert.deepEqual([json.file, json.chart, json.line], ['plan.md', 1, 10]);
    assert.deepEqual(json.tasks.map((t) => [t.mermaidId, t.id, t.kind, t.chartStart, t.chartEnd, t.planStart, t.planEnd]), [
      ['a1', 'T-4', 'task', '2027-01-04', '2027-01-06', '2027-01-04', '2027-01-06'],
      ['T-3', 'T-3', 'task', '2027-01-07', '2027-01-13', '2027-01-07', '2027-01-13'],
      ['task1', 'T-5', 'task', '2027-01-14', '2027-01-15', '2027-01-14', '2027-01-15'],
      ['M-1', 'M-1', 'milestone', '2027-01-14', '2027-01-14', '2027-01-14', '2027-01-14'],
    ]);
    assert.deepEqual(json.notes.map((n) => [n.severity, n.line]), [['warning', 17]]);
    assert.match(json.notes[0]!.message, /`after zz` names no task of the chart \(mermaid ignores it\)/);
    assert.match(json.plan ?? '', /\| T-4 \| Design FEAT-1 screens \| 2027-01-04 \| 3d \|/);
    assert.equal(json.failure, null);
  });

  it('a chart mermaid cannot draw is not converted: exit 1, nothing on stdout, the reason on stderr', async () => {
    await writeFile(path.join(dir, 'broken.md'), '# Broken\n\n```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n    A :a, 2027-01-04, 2d\n    just words\n```\n');
    const run = await runCli(['convert', 'broken.md'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^specline: broken\.md:4: mermaid cannot draw this chart, so it has no dates to keep: .*specline check broken\.md/);
  });

  it('bad usage is exit 2 with the reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['convert'], /convert needs the Markdown FILE that holds the chart/],
      [['convert', 'release.md', 'notes.md'], /convert takes one FILE/],
      [['convert', 'notes.md'], /notes\.md has no mermaid gantt chart/],
      [['convert', 'release.md'], /release\.md has 2 gantt charts; choose one:\n {2}--chart 1 {2}line 4 {2}Release 2\.0\n {2}--chart 2 {2}line 17\n/],
      [['convert', 'release.md', '--chart', '3'], /release\.md has 2 gantt charts, not 3/],
      [['convert', 'release.md', '--chart', 'one'], /--chart must be a chart number/],
      [['convert', 'release.md', '--chart', '1', '--format', 'csv'], /--format of convert must be markdown or json/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: dir });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '');
    }
  });

  it('is listed in --help, with its own usage line and exit codes', async () => {
    const general = await runCli(['--help']);
    assert.match(general.stdout, /^ {2}convert +turn a mermaid gantt chart into a Specline plan table/m);
    const help = await runCli(['convert', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: specline convert FILE \[--chart N\] \[--out FILE\|-\] \[options\]$/m);
    assert.match(help.stdout, /^Exit codes: 0 converted, every date kept; 1 converted with warnings/m);
    assert.match(help.stdout, /--chart N +the N-th gantt chart of FILE/);
  });
});

describe('specline gantt --format mermaid, then specline convert: the round trip on examples/acme', () => {
  it('gives every task and milestone the dates it had', async function () {
    this.timeout(60_000);
    const acme = path.join(REPO_ROOT, 'examples', 'acme');
    const before = await runCli(['schedule', '--format', 'json', '--today', '2027-02-01'], { cwd: acme });
    const chart = await runCli(['gantt', '--format', 'mermaid', '--today', '2027-02-01'], { cwd: acme });
    assert.equal(chart.code, 0, chart.stderr);
    const dir = await mkdtemp(path.join(tmpdir(), 'specline-round-trip-'));
    try {
      // The same project settings (calendar, start), in a workspace that holds only the chart.
      await writeFile(path.join(dir, '.specline.yml'), await readFile(path.join(acme, '.specline.yml'), 'utf8'));
      await writeFile(path.join(dir, 'chart.md'), `# Acme\n\n\`\`\`mermaid\n${chart.stdout}\`\`\`\n`);
      const converted = await runCli(['convert', 'chart.md', '--out', path.join(dir, 'out', 'plan.md')], { cwd: dir });
      assert.equal(converted.code, 0, converted.stderr);
      await rm(path.join(dir, 'chart.md'));
      await writeFile(path.join(dir, 'plan.md'), await readFile(path.join(dir, 'out', 'plan.md'), 'utf8'));
      await rm(path.join(dir, 'out'), { recursive: true });
      const after = await runCli(['schedule', '--format', 'json', '--today', '2027-02-01'], { cwd: dir });
      type Schedule = { tasks: Array<{ id: string; start: string | null; end: string | null }>; milestones: Array<{ id: string; date: string | null }> };
      const was = JSON.parse(before.stdout) as Schedule;
      const now = JSON.parse(after.stdout) as Schedule;
      const dated = (s: Schedule): Map<string, string> => new Map([
        ...s.tasks.filter((t) => t.start !== null && t.end !== null && !t.id.includes('@')).map((t) => [t.id, `${t.start}…${t.end}`] as [string, string]),
        ...s.milestones.filter((m) => m.date !== null && !m.id.includes('@')).map((m) => [m.id, m.date!] as [string, string]),
      ]);
      const expected = dated(was);
      const got = dated(now);
      assert.ok(expected.size >= 40, `${expected.size} dated items`);
      for (const [id, dates] of expected) assert.equal(got.get(id), dates, id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
