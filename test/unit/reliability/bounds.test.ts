import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { MAX_DURATION_DAYS, MAX_FILE_BYTES, MAX_SKIPPED_HINTS, MAX_SKIPPED_SCAN_BYTES, MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../../../src/core/model/limits.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import type { FileResult } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

/**
 * One test per bound of src/core/model/limits.ts: an input just inside is read as usual,
 * one just beyond gets the documented answer (a diagnostic or a skip), never a crash.
 * Bounds that belong to one feature are tested beside it; docs/reliability.md's test
 * checks that every bound is named by some test.
 */
const config = defaultConfig();
const parse = (text: string): FileResult => parseFile('doc.md', text, config);
const codes = (r: FileResult): string[] => r.diagnostics.map((d) => d.code);

describe('Bounds (limits.ts)', () => {
  it(`MAX_FILE_BYTES: a file of ${MAX_FILE_BYTES} characters is read, one more is skipped with the reason`, () => {
    const body = '## T-1 Task\n\n';
    const inside = body + 'x'.repeat(MAX_FILE_BYTES - body.length);
    assert.equal(parse(inside).skipped, undefined);
    assert.deepEqual(parse(inside).items.map((i) => i.id), ['T-1']);
    const beyond = `${inside}x`;
    assert.match(parse(beyond).skipped ?? '', /larger than 2 MB/);
    assert.deepEqual(parse(beyond).items, []);
  });

  it(`MAX_DURATION_DAYS: ${MAX_DURATION_DAYS} days is a duration, one more is schema.invalid`, () => {
    const task = (d: number): FileResult => parse(`- [ ] T-1 Long\n  - duration: ${d}d\n`);
    assert.deepEqual(codes(task(MAX_DURATION_DAYS)), []);
    const beyond = task(MAX_DURATION_DAYS + 1);
    assert.deepEqual(codes(beyond), ['schema.invalid']);
    assert.match(beyond.diagnostics[0]!.message, /implausibly long/);
  });

  it(`MAX_YAML_DEPTH: front matter nested ${MAX_YAML_DEPTH} deep is read, deeper is schema.yaml`, () => {
    const nested = (depth: number): string => `---\nid: FEAT-1\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\n`;
    assert.deepEqual(codes(parse(nested(MAX_YAML_DEPTH))), []);
    const beyond = parse(nested(MAX_YAML_DEPTH + 1));
    assert.deepEqual(codes(beyond), ['schema.yaml']);
    assert.match(beyond.diagnostics[0]!.message, new RegExp(`deeper than ${MAX_YAML_DEPTH} levels`));
  });

  it(`MAX_YAML_ALIASES: alias expansion beyond ${MAX_YAML_ALIASES} is schema.yaml, not a billion laughs`, () => {
    // Each level doubles: 2^20 expansions from a few hundred bytes.
    const levels = ['a: &a [x, x]', ...Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
    const bomb = parse(`---\nid: FEAT-1\n${levels.join('\n')}\n---\n`);
    assert.deepEqual(codes(bomb), ['schema.yaml']);
    assert.match(bomb.diagnostics[0]!.message, /aliases expand too far/);
    const few = parse('---\nid: FEAT-1\na: &a [x]\nb: *a\n---\n');
    assert.deepEqual(codes(few), []);
  });

  /** `ref.unknown` diagnostics of a workspace of these files. */
  async function unknownRefs(files: Record<string, string | Uint8Array>): Promise<Array<{ message: string; related: number }>> {
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    return ws.analyze().diagnostics.filter((d) => d.code === 'ref.unknown').map((d) => ({ message: d.message, related: d.related.length }));
  }
  const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
  const plan = '- [ ] T-1 Waits\n  - after: T-5\n  - duration: 1d\n';

  it(`MAX_SKIPPED_HINTS: a ref.unknown names at most ${MAX_SKIPPED_HINTS} skipped files that may define the ID`, async () => {
    const files: Record<string, string | Uint8Array> = { 'plan.md': plan };
    for (let i = 0; i < MAX_SKIPPED_HINTS + 2; i++) files[`notes-${i}.md`] = latin1(`# Caf\xe9 ${i}\n\n- [ ] T-5 Defined here\n`);
    const [unknown] = await unknownRefs(files);
    assert.ok(unknown, 'T-5 is unknown: every file defining it was skipped');
    assert.equal(unknown.related, MAX_SKIPPED_HINTS);
    assert.equal((unknown.message.match(/notes-\d\.md/g) ?? []).length <= MAX_SKIPPED_HINTS, true, unknown.message);
  });

  it(`MAX_SKIPPED_SCAN_BYTES: an ID up to byte ${MAX_SKIPPED_SCAN_BYTES} of a skipped file is hinted; a file too large to read is never scanned`, async () => {
    const tail = '\n- [ ] T-5 Caf\xe9\n';
    const atTheEnd = latin1(`${'x'.repeat(MAX_SKIPPED_SCAN_BYTES - tail.length)}${tail}`);
    assert.equal(atTheEnd.length, MAX_SKIPPED_SCAN_BYTES);
    const inside = await unknownRefs({ 'plan.md': plan, 'notes.md': atTheEnd });
    assert.equal(inside[0]?.related, 1, 'the hint points at notes.md');
    const tooLarge = await unknownRefs({ 'plan.md': plan, 'notes.md': latin1(`${'x'.repeat(MAX_SKIPPED_SCAN_BYTES)}${tail}`) });
    assert.equal(tooLarge[0]?.related, 0, 'a file over the size limit is skipped by its size, unread');
  });
});
