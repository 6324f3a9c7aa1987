import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { loadCliBundle } from '../../src/cli/loadCliBundle.js';
import { REPO_ROOT, fixture } from './helpers.js';

/** A stand-in for the CLI bundle: CommonJS using what Node's wrapper passes in. */
const BUNDLE = [
  "const path = require('node:path');",
  'exports.where = () => path.basename(__dirname) + "/" + path.basename(__filename);',
  'exports.twice = (n) => n * 2;',
  'module.exports.moduleSeen = typeof module === "object";',
  '',
].join('\n');

interface Fake { where(): string; twice(n: number): number; moduleSeen: boolean }

describe('loadCliBundle: the CLI bundle with its V8 code cache', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'specline-bundle-'));
    file = path.join(dir, 'cli-main.cjs');
    await writeFile(file, BUNDLE);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const exportsOf = (bundle: { exports: unknown }): Fake => bundle.exports as Fake;

  it('runs the bundle as CommonJS (require, module, __filename, __dirname) without a cache', () => {
    const bundle = loadCliBundle(file);
    assert.equal(bundle.cache, 'none');
    assert.equal(exportsOf(bundle).where(), `${path.basename(dir)}/cli-main.cjs`);
    assert.equal(exportsOf(bundle).twice(21), 42);
    assert.equal(exportsOf(bundle).moduleSeen, true);
  });

  it('writes a cache stamped with the source CRC-32, and the next load uses it', async () => {
    const first = loadCliBundle(file);
    exportsOf(first).twice(1);
    first.writeCache();
    const stored = await readFile(`${file}.cache`);
    assert.equal(stored.readUInt32LE(0), crc32(BUNDLE));
    assert.ok(stored.length > 4);
    const second = loadCliBundle(file);
    assert.equal(second.cache, 'used');
    assert.equal(exportsOf(second).twice(4), 8);
  });

  it('does not offer the cache of another source to V8, even one of the same length', async () => {
    loadCliBundle(file).writeCache();
    const edited = BUNDLE.replace('n * 2', 'n + n');
    assert.equal(edited.length, BUNDLE.length);
    await writeFile(file, edited);
    const bundle = loadCliBundle(file);
    assert.equal(bundle.cache, 'none');
    assert.equal(exportsOf(bundle).twice(5), 10);
  });

  it('compiles as usual when V8 refuses the data (another Node, or damaged)', async () => {
    const header = Buffer.alloc(4);
    header.writeUInt32LE(crc32(BUNDLE), 0);
    await writeFile(`${file}.cache`, Buffer.concat([header, Buffer.from('not V8 code cache data')]));
    const bundle = loadCliBundle(file);
    assert.equal(bundle.cache, 'rejected');
    assert.equal(exportsOf(bundle).twice(3), 6);
  });

  it('reads a bundle with non-ASCII text as UTF-8 (the Latin-1 read is only for pure ASCII)', async () => {
    await writeFile(file, `${BUNDLE}exports.dash = "\u2014 \u20ac";\nexports.raw = "— €";\n`);
    const bundle = loadCliBundle(file) as { exports: unknown };
    assert.deepEqual([(bundle.exports as { dash: string }).dash, (bundle.exports as { raw: string }).raw], ['— €', '— €']);
  });

  it('the built CLI bundle is pure ASCII, so every start reads it without UTF-8 decoding', async () => {
    const bytes = await readFile(path.join(REPO_ROOT, 'dist', 'cli-main.cjs'));
    const first = bytes.findIndex((b) => b > 0x7f);
    assert.equal(first, -1, `non-ASCII byte at offset ${first}: write the character as a \\u escape in the source (the bundle step minifies comments away)`);
  });

  it('the built CLI (dist/) starts from its cache and checks like the in-process CLI', () => {
    const bundled = path.join(REPO_ROOT, 'dist', 'cli-main.cjs');
    // npm test bundles before the unit tests; run alone, bundle first (node scripts/bundle.mjs).
    assert.ok(existsSync(`${bundled}.cache`), `${path.relative(REPO_ROOT, bundled)}.cache exists: the bundle step writes it`);
    assert.equal(loadCliBundle(bundled).cache, 'used');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'specline.js'), 'check', fixture('clean'), '--today', '2027-01-01', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { version: number }).version, 1);
  });
});
