import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import {
  MAX_BUDGET_RELATED, MAX_DURATION_DAYS, MAX_EDITOR_PROBLEMS_PER_FILE, MAX_EFFORT_WEEKS, MAX_FILE_BYTES, MAX_LINE_INLINE_MARKS, MAX_LINE_MARKDOWN_CHARS, MAX_MEASURE, MAX_MONEY,
  MAX_GHOST_MOVES, MAX_GHOST_WARNINGS, MAX_PRIORITY_RELATED, MAX_REPORT_OVERRUNS, MAX_SKIPPED_HINTS, MAX_SKIPPED_SCAN_BYTES, MAX_YAML_ALIASES, MAX_YAML_DEPTH,
} from '../../../src/core/model/limits.js';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { editorProblems } from '../../../src/core/live/editorProblems.js';
import { budgetSection } from '../../../src/core/report/budgetSection.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import type { Diagnostic, FileResult, Severity } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { planGhost } from '../../../src/core/edit/ghostPreview.js';

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

  const analysisOf = async (files: Record<string, string>): Promise<Analysis> => {
    const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
    await ws.load();
    return ws.analyze();
  };
  const invalid = (r: FileResult): string[] => r.diagnostics.filter((d) => d.code === 'schema.invalid').map((d) => d.message);

  it(`MAX_MONEY: ${MAX_MONEY.toLocaleString('en-US')} is an amount, more is schema.invalid`, () => {
    const feature = (money: string): FileResult => parse(`## FEAT-1 Checkout\n\n- budget: ${money}\n`);
    assert.deepEqual(invalid(feature(String(MAX_MONEY))), []);
    assert.match(invalid(feature(String(MAX_MONEY * 10)))[0] ?? '', /implausibly large/);
  });

  it(`MAX_MEASURE: a metric value up to ${MAX_MEASURE.toLocaleString('en-US')} is read, more is schema.invalid`, () => {
    const goal = (value: string): FileResult => parse(`## G-1 Grow\n\n- metric: sign-ups\n- metric current: ${value}\n`);
    assert.deepEqual(invalid(goal(String(MAX_MEASURE))), []);
    assert.match(invalid(goal(String(MAX_MEASURE * 10)))[0] ?? '', /out of range/);
  });

  it(`MAX_EFFORT_WEEKS: an effort of ${MAX_EFFORT_WEEKS.toLocaleString('en-US')} person-weeks is read, more is schema.invalid`, () => {
    const feature = (effort: number): FileResult => parse(`## FEAT-1 Checkout\n\n- effort: ${effort}\n`);
    assert.deepEqual(invalid(feature(MAX_EFFORT_WEEKS)), []);
    assert.equal(invalid(feature(MAX_EFFORT_WEEKS + 1)).length, 1);
  });

  it(`MAX_LINE_MARKDOWN_CHARS: a line of ${MAX_LINE_MARKDOWN_CHARS.toLocaleString('en-US')} characters is Markdown, a longer one is cut and reported`, () => {
    const line = (n: number): FileResult => parse(`- [ ] T-1 Task\n\n${'a '.repeat(n).slice(0, n)}\n`);
    assert.deepEqual(invalid(line(MAX_LINE_MARKDOWN_CHARS)), []);
    assert.match(invalid(line(MAX_LINE_MARKDOWN_CHARS + 1))[0] ?? '', /longer than 10,000 characters/);
    assert.deepEqual(line(MAX_LINE_MARKDOWN_CHARS + 1).items.map((i) => i.id), ['T-1'], 'the rest of the file is still read');
  });

  it(`MAX_LINE_INLINE_MARKS: ${MAX_LINE_INLINE_MARKS} inline marks on a line are Markdown, one more is cut and reported`, () => {
    const marks = (n: number): FileResult => parse(`- [ ] T-1 Task\n\n${'a<'.repeat(n)}\n`);
    assert.deepEqual(invalid(marks(MAX_LINE_INLINE_MARKS)), []);
    assert.equal(invalid(marks(MAX_LINE_INLINE_MARKS + 1)).length, 1);
  });

  it(`MAX_BUDGET_RELATED: budget.exceeded points at the ${MAX_BUDGET_RELATED} costliest tasks, not all of them`, async () => {
    const tasks = Array.from({ length: MAX_BUDGET_RELATED + 3 }, (_, i) => `- [ ] T-${i + 1} Part ${i + 1}\n  - features: FEAT-1\n  - cost: ${100 + i}\n`).join('');
    const a = await analysisOf({ 'plan.md': `## FEAT-1 Checkout\n\n- budget: 10\n\n## Tasks\n\n${tasks}` });
    const [exceeded] = a.diagnostics.filter((d) => d.code === 'budget.exceeded');
    assert.ok(exceeded, 'the budget is exceeded');
    assert.equal(exceeded.related.length, MAX_BUDGET_RELATED);
    assert.match(exceeded.related[0]!.message, /T-8/, 'the costliest first');
  });

  it(`MAX_PRIORITY_RELATED: priority.inverted names at most ${MAX_PRIORITY_RELATED} earlier, lower-priority features`, async () => {
    const n = MAX_PRIORITY_RELATED + 2;
    const could = Array.from({ length: n }, (_, i) => `## FEAT-${i + 2} Nice ${i}\n\n- goals: G-1\n- priority: could\n\n`).join('');
    const small = Array.from({ length: n }, (_, i) => `- [ ] T-${i + 2} Small\n  - features: FEAT-${i + 2}\n  - start: 2027-01-04\n  - duration: 1d\n`).join('');
    const a = await analysisOf({
      'plan.md': `## G-1 Grow\n\n## FEAT-1 Core\n\n- goals: G-1\n- priority: must\n\n${could}## Tasks\n\n- [ ] T-1 Big\n  - features: FEAT-1\n  - start: 2027-01-04\n  - duration: 10d\n${small}`,
    });
    const [inverted] = a.diagnostics.filter((d) => d.code === 'priority.inverted');
    assert.ok(inverted, 'FEAT-1 ends after its could-haves');
    assert.equal(inverted.related.length, MAX_PRIORITY_RELATED);
  });

  it(`MAX_REPORT_OVERRUNS: the status report lists the ${MAX_REPORT_OVERRUNS} biggest overruns`, async () => {
    const n = MAX_REPORT_OVERRUNS + 3;
    const features = Array.from({ length: n }, (_, i) => `## FEAT-${i + 1} Part ${i + 1}\n\n- budget: 1\n\n`).join('');
    const tasks = Array.from({ length: n }, (_, i) => `- [ ] T-${i + 1} Work\n  - features: FEAT-${i + 1}\n  - cost: ${100 + i}\n`).join('');
    const section = budgetSection(await analysisOf({ 'plan.md': `${features}## Tasks\n\n${tasks}` }));
    const overruns = section.filter((line) => /over budget/.test(line));
    assert.equal(overruns.length, MAX_REPORT_OVERRUNS);
    assert.match(overruns[0]!, /FEAT-13/, 'the largest first');
  });

  it(`MAX_GHOST_MOVES: a drag's ghost shows ${MAX_GHOST_MOVES} moving items, the dragged one first, and counts the rest`, async () => {
    const n = MAX_GHOST_MOVES + 4;
    const tasks = Array.from({ length: n }, (_, i) => `- [ ] T-${i + 1} Step\n  - duration: 1d\n${i ? `  - after: T-${i}\n` : '  - start: 2027-01-04\n'}`).join('');
    const text = `# Plan\n\n${tasks}`;
    const r = planGhost(await analysisOf({ 'plan.md': text }), { kind: 'resize', id: 'T-1', days: 1 }, () => text);
    assert.ok(r.ok);
    assert.equal(r.ghost.moves.length, MAX_GHOST_MOVES);
    assert.equal(r.ghost.more, 4);
    assert.equal(r.ghost.moves[0]!.id, 'T-1');
  });

  it(`MAX_GHOST_WARNINGS: a drag's ghost names ${MAX_GHOST_WARNINGS} things it would break and counts the rest`, async () => {
    const n = MAX_GHOST_WARNINGS + 2;
    const tasks = Array.from({ length: n }, (_, i) => `- [ ] T-${i + 2} Part\n  - duration: 1d\n  - after: T-1\n  - milestone: M-${i + 1}\n- M-${i + 1} Gate\n  - date: 2027-01-05\n`).join('');
    const text = `# Plan\n\n- [ ] T-1 First\n  - start: 2027-01-04\n  - duration: 1d\n${tasks}`;
    const r = planGhost(await analysisOf({ 'plan.md': text }), { kind: 'resize', id: 'T-1', days: 1 }, () => text);
    assert.ok(r.ok);
    assert.equal(r.ghost.warnings.length, MAX_GHOST_WARNINGS + 1);
    assert.match(r.ghost.warnings[0]!, /^M-1 \(2027-01-05\) would be missed: T-2 ends 2027-01-06$/);
    assert.equal(r.ghost.warnings.at(-1), 'and 2 more');
  });

  it(`MAX_EDITOR_PROBLEMS_PER_FILE: the editor gets ${MAX_EDITOR_PROBLEMS_PER_FILE} of a file's problems, errors first, and the count of the rest`, () => {
    const problem = (i: number, severity: Severity): Diagnostic => ({
      file: 'doc.md', range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } }, severity, code: 'id.duplicate', message: `problem ${i}`, related: [],
    });
    const fits = Array.from({ length: MAX_EDITOR_PROBLEMS_PER_FILE }, (_, i) => problem(i, 'warning'));
    assert.deepEqual(editorProblems(fits), { shown: fits, hidden: 0 });
    // Warnings first in the file, errors after them: past the bound the errors come first.
    const more = [...fits, problem(MAX_EDITOR_PROBLEMS_PER_FILE, 'info'), problem(MAX_EDITOR_PROBLEMS_PER_FILE + 1, 'error')];
    const { shown, hidden } = editorProblems(more);
    assert.equal(shown.length, MAX_EDITOR_PROBLEMS_PER_FILE);
    assert.equal(hidden, 2);
    assert.equal(shown[0]!.message, `problem ${MAX_EDITOR_PROBLEMS_PER_FILE + 1}`);
    assert.deepEqual(shown.slice(1).map((d) => d.message), fits.slice(0, -1).map((d) => d.message));
  });
});
