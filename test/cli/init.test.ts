import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { defaultConfig, parseConfig } from '../../src/core/config/loadConfig.js';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { STARTER_CONFIG, starterSet } from '../../src/core/views/starterFiles.js';
import { listTree, REPO_ROOT, runCli } from './helpers.js';


const TODAY = '2027-03-03';

describe('specline init', () => {
  let base: string;
  beforeEach(async () => { base = await mkdtemp(path.join(tmpdir(), 'specline-init-')); });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('writes the editor\'s starter set into a new folder, and check finds no problems there', async () => {
    const run = await runCli(['init', 'new/plan', '--today', TODAY], { cwd: base });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const dir = path.join(base, 'new', 'plan');
    const expected = starterSet(parseIsoDate(TODAY)!);
    assert.deepEqual(await listTree(dir), expected.map((f) => f.path).sort());
    for (const f of expected) assert.equal(await readFile(path.join(dir, f.path), 'utf8'), f.text, `${f.path} is the shared starter text`);
    assert.match(run.stdout, /^Created in new\/plan:\n {2}roadmap\.md\n {2}specs\/FEAT-1\.md\n {2}plans\/plan\.md\n {2}\.specline\.yml\n/);

    const check = await runCli(['check', 'new/plan', '--today', TODAY], { cwd: base });
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /^✔ No problems found \(3 files, 6 items\)\n$/);
  });

  it('writes a .specline.yml that the schema and the config loader accept, with every default', async () => {
    assert.equal((await runCli(['init', '--today', TODAY], { cwd: base })).code, 0);
    const text = await readFile(path.join(base, STARTER_CONFIG), 'utf8');
    const loaded = parseConfig(text, STARTER_CONFIG);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.config, defaultConfig(), 'every value shown is the default');

    const schema = JSON.parse(await readFile(path.join(REPO_ROOT, 'schemas', 'specline-config.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.equal(validate(parseYaml(text)), true, JSON.stringify(validate.errors));
    // Every top-level setting the schema knows is written out (start commented: it has no default).
    const keys = Object.keys((schema as { properties: object }).properties);
    for (const key of keys) assert.match(text, new RegExp(`^#? ?${key}:`, 'm'), `${key} is shown`);
    // Each setting has its own comment line right above it.
    for (const key of keys) assert.match(text, new RegExp(`^# .+\\n#? ?${key}:`, 'm'), `${key} has a comment`);
  });

  it('never overwrites: existing files are listed and kept, and a second run changes nothing', async () => {
    await writeFile(path.join(base, 'roadmap.md'), '# Our own roadmap\n');
    const first = await runCli(['init', '.', '--today', TODAY], { cwd: base });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Kept \(already there, not changed\):\n {2}roadmap\.md\n/);
    assert.equal(await readFile(path.join(base, 'roadmap.md'), 'utf8'), '# Our own roadmap\n');
    const before = await Promise.all((await listTree(base)).map((f) => readFile(path.join(base, f), 'utf8')));

    const second = await runCli(['init', '--today', '2027-06-01'], { cwd: base });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Nothing to do: every starter file already exists\./);
    assert.doesNotMatch(second.stdout, /Created/);
    const after = await Promise.all((await listTree(base)).map((f) => readFile(path.join(base, f), 'utf8')));
    assert.deepEqual(after, before);
  });

  it('exits 2 on bad usage, and when DIR is a file', async () => {
    await writeFile(path.join(base, 'file.md'), 'x');
    for (const [args, message] of [
      [['init', 'file.md'], /file\.md is not a folder/],
      [['init', 'a', 'b'], /one folder at most/],
      [['init', '--today', '2027-13-01'], /--today must be a date/],
      [['init', '--force'], /Unknown option/],
    ] as const) {
      const run = await runCli([...args], { cwd: base });
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
    assert.deepEqual(await listTree(base), ['file.md'], 'nothing was written');
  });

  it('is listed in the help', async () => {
    const help = await runCli(['--help']);
    assert.match(help.stdout, /^ {2}init {2,}create a starter roadmap/m);
    const own = await runCli(['help', 'init']);
    assert.match(own.stdout, /^Usage: specline init \[DIR\]/);
  });
});
