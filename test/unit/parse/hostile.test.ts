import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { createNodeFileSystem } from '../../../src/node/nodeFileSystem.js';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { MAX_NESTING_DEPTH } from '../../../src/core/model/limits.js';
import type { Diagnostic, FileResult } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { hasStructureProblems } from '../../../src/core/parse/structureBounds.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { assertNoInternalError, assertOutputBudget, assertRangesInside } from '../fuzz/documentChecks.js';

/**
 * Inputs that once took minutes or overflowed the stack. Each must parse and check with a
 * plain diagnostic on the offending line while the rest of its file is still read. Mocha's
 * timeout below is only a hang watchdog (these took minutes before); the scaling tests count
 * output, never time.
 */
type Corpus = Record<string, string | Uint8Array>;
const corpusModule = (): Promise<{ hostileCorpus(): Corpus; writeHostileCorpus(dir: string, only?: (name: string) => boolean): void }> =>
  import(pathToFileURL(join(process.cwd(), 'test', 'fixtures', 'hostile', 'generate.mjs')).href);

const config = defaultConfig();
const ids = (r: FileResult): string[] => r.items.map((i) => i.id);
const onLine = (r: FileResult, line: number, words: string): Diagnostic | undefined =>
  r.diagnostics.find((d) => d.code === 'schema.invalid' && d.range.start.line === line && d.message.includes(words));

describe('hostile input', function () {
  this.timeout(120_000);
  let corpus: Corpus;
  before(async () => {
    corpus = (await corpusModule()).hostileCorpus();
  });
  const parse = (name: string): FileResult => {
    const text = corpus[name];
    assert.equal(typeof text, 'string', name);
    const r = parseFile(name, text as string, config);
    assertNoInternalError(r.diagnostics);
    assertRangesInside(r.diagnostics, new Map([[name, text as string]]));
    return r;
  };

  for (const [name, id, words] of [
    ['angle-brackets.md', 'T-1', 'inline Markdown marks'],
    ['link-openers.md', 'T-2', 'inline Markdown marks'],
    ['comment-openers.md', 'T-4', 'inline Markdown marks'],
    ['one-megabyte-line.md', undefined, 'longer than 10,000 characters'],
    ['suppression-spaces.md', undefined, 'longer than 10,000 characters'],
  ] as const) {
    it(`${name}: one line is reported, its item and the rest of the file are read`, () => {
      const r = parse(name);
      assert.ok(onLine(r, 0, words), `no "${words}" on line 1: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      if (id) assert.ok(ids(r).includes(id), `${id} missing: ${ids(r).join(', ')}`);
      assert.ok(r.items.some((i) => i.id.startsWith('T-9') && i.duration?.amount === 2), `the task after the bomb is missing: ${ids(r).join(', ')}`);
    });
  }

  it('brackets-in-value.md: the attribute line is reported and the value is invalid, nothing else lost', () => {
    const r = parse('brackets-in-value.md');
    assert.ok(onLine(r, 1, 'inline Markdown marks'));
    assert.ok(r.diagnostics.some((d) => d.message.startsWith('T-3: after expects IDs')));
    assert.deepEqual(ids(r), ['T-3', 'T-903']);
  });

  for (const name of ['deep-list-one-line.md', 'deep-quote-one-line.md']) {
    it(`${name}: nesting 10,000 deep is reported on its line at once, the rest is read`, () => {
      const r = parse(name);
      const d = onLine(r, 0, `deeper than ${MAX_NESTING_DEPTH} levels`);
      assert.ok(d, r.diagnostics.map((x) => x.message).join('; '));
      assert.equal(d.range.start.character, 2 * MAX_NESTING_DEPTH);
      assert.equal(r.diagnostics.length, 1);
      assert.ok(ids(r).includes(name.startsWith('deep-list') ? 'T-905' : 'T-906'));
    });
  }

  it('deep-list-indented.md: a list indented step by step is reported from the first line too deep', () => {
    const r = parse('deep-list-indented.md');
    const deep = r.diagnostics.filter((d) => d.message.includes(`deeper than ${MAX_NESTING_DEPTH}`));
    assert.equal(deep[0]?.range.start.line, MAX_NESTING_DEPTH);
    assert.equal(deep.length, 300 - MAX_NESTING_DEPTH);
    assert.ok(ids(r).includes('T-907'));
  });

  it('hasStructureProblems singles out the files the parser gets cut (the host sends them to its parse thread)', () => {
    for (const name of ['angle-brackets.md', 'link-openers.md', 'deep-list-one-line.md', 'deep-quote-one-line.md', 'deep-list-indented.md', 'one-megabyte-line.md']) {
      assert.equal(hasStructureProblems(corpus[name] as string), true, name);
    }
    for (const name of ['same-id-4000-rows.md', 'cycle-3000.md', 'bom.md', 'crlf.md', 'cr.md', 'rtl-zero-width.md']) {
      assert.equal(hasStructureProblems(corpus[name] as string), false, name);
    }
  });

  it('deep YAML and alias bombs are schema.yaml problems; the body is still read', () => {
    for (const [name, id] of [['deep-yaml.md', 'T-910'], ['alias-bomb.md', 'T-911']] as const) {
      const r = parse(name);
      assert.ok(r.diagnostics.some((d) => d.code === 'schema.yaml'), `${name}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      assert.ok(ids(r).includes(id), `${name}: ${ids(r).join(', ')}`);
    }
  });

  it('BOM, CRLF, CR, RTL and zero-width characters: items found, ranges on their lines', () => {
    assert.ok(ids(parse('bom.md')).includes('FEAT-3'));
    assert.deepEqual(ids(parse('crlf.md')), ['T-15', 'T-915']);
    assert.deepEqual(ids(parse('cr.md')), ['T-16', 'T-916']);
    const rtl = parse('rtl-zero-width.md');
    assert.ok(ids(rtl).includes('T-19') && ids(rtl).includes('T-917'), ids(rtl).join(', '));
  });

  /**
   * The duplicate IDs and the long cycle still have quadratic output (every duplicate names
   * every other; every cycle member names the whole cycle), bounded on another branch: for
   * them only that the run completes and reports them, in a workspace of their own.
   */
  const QUADRATIC = new Set(['same-id-4000-rows.md', 'cycle-3000.md']);

  const analyseOnDisk = async (only: (name: string) => boolean): Promise<Analysis> => {
    const dir = mkdtempSync(join(tmpdir(), 'specline-hostile-'));
    try {
      (await corpusModule()).writeHostileCorpus(dir, only);
      const ws = createWorkspace({ fs: createNodeFileSystem(dir), today: () => parseIsoDate('2027-02-15')! });
      await ws.load();
      return ws.analyze();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('the corpus, as real files on disk, analyses as one workspace: ranges inside, output within budget', async () => {
    const a = await analyseOnDisk((name) => !QUADRATIC.has(name));
    assertNoInternalError(a.diagnostics);
    const texts = new Map(Object.entries(corpus).filter((e): e is [string, string] => typeof e[1] === 'string' && !QUADRATIC.has(e[0])));
    assertRangesInside(a.diagnostics, texts);
    const skipped = [...a.files.values()].filter((f) => f.skipped).map((f) => `${f.file}: ${f.skipped}`).sort();
    assert.deepEqual(skipped, ['invalid-utf8.md: not UTF-8 (invalid byte 0xED at offset 22)', 'nul-bytes.md: contains a NUL byte (at offset 11)']);
    for (const [file, text] of texts) assertOutputBudget(a.diagnostics.filter((d) => d.file === file), Buffer.byteLength(text));
    assert.equal(a.files.size, Object.keys(corpus).length - QUADRATIC.size);
  });

  it('4,000 rows defining one ID and a 3,000-task cycle: the analysis completes and reports them', async function () {
    this.timeout(300_000);
    const a = await analyseOnDisk((name) => QUADRATIC.has(name));
    assert.ok(a.diagnostics.some((d) => d.file === 'same-id-4000-rows.md' && d.code === 'id.duplicate'));
    assert.ok(a.diagnostics.some((d) => d.file === 'cycle-3000.md' && d.code === 'schedule.cycle'));
  });
});

describe('hostile input: work grows linearly', function () {
  this.timeout(120_000);
  /** Output of a parse: everything a caller gets, as JSON. */
  const outputSize = (text: string): number => {
    const r = parseFile('doc.md', text, config);
    assertNoInternalError(r.diagnostics);
    return JSON.stringify({ items: r.items, diagnostics: r.diagnostics, references: r.references }).length;
  };
  const bombs: Record<string, (n: number) => string> = {
    'angle brackets': (n) => `- T-1 ${'<'.repeat(n)}\n`,
    'link openers': (n) => `- T-1 ${'[a]('.repeat(n)}\n`,
    'comment openers in a title': (n) => `- T-1 ${'<!--'.repeat(n)}\n`,
    'brackets in a value': (n) => `- T-1 x\n  - after: ${'['.repeat(n)}\n`,
    'nesting on one line': (n) => `${'- '.repeat(n)}T-1\n`,
    'spaces before a heading closer': (n) => `# G-1 a${' '.repeat(n)}#x\n`,
    'spaces in a key': (n) => `## G-1\n- a${' '.repeat(n)}b: c\n`,
    'an unclosed suppression comment': (n) => `<!-- specline-disable ${' '.repeat(n)}x\n- T-1 y\n`,
  };
  for (const [name, make] of Object.entries(bombs)) {
    it(`${name}: 4× the input gives at most 4× the output`, () => {
      const small = outputSize(make(20_000));
      const large = outputSize(make(80_000));
      assert.ok(large <= 4 * small + 1_000, `${small} → ${large} bytes`);
    });
  }
});
