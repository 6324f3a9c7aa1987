import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyzer/analyze.js';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { formatDate, parseIsoDate } from '../../../src/core/model/dates.js';
import { MAX_IDS_PER_LIST, MAX_NAMED_IN_MESSAGE, MAX_RELATED } from '../../../src/core/model/limits.js';
import type { Diagnostic } from '../../../src/core/model/types.js';
import { RULE_STEP } from '../../../src/core/check/checkContext.js';
import { INTERNAL_ERROR_MESSAGE, parseFile } from '../../../src/core/parse/parseFile.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import type { Workspace } from '../../../src/core/workspace/types.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';

/**
 * Small hostile plans must not make output or work grow faster than the input: every
 * message names a few things and counts the rest, every related list is capped, and the
 * counts are exact. Each input here used to print megabytes or run out of memory.
 */

/** Longest message any of these inputs may produce: a line, not a list of thousands. */
const MAX_MESSAGE = 400;

async function workspaceOf(files: Record<string, string>): Promise<Workspace> {
  const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-01-04')! });
  await ws.load();
  return ws;
}

function withCode(a: Analysis, code: string): Diagnostic[] {
  return a.diagnostics.filter((d) => d.code === code);
}

function assertBounded(list: Diagnostic[]): void {
  for (const d of list) {
    assert.ok(d.message.length <= MAX_MESSAGE, `${d.code} message of ${d.message.length} characters: ${d.message.slice(0, 200)}…`);
    assert.ok(d.related.length <= MAX_RELATED, `${d.code} with ${d.related.length} related locations`);
  }
}

/** Working days from 2027-01-04 (a Monday), as YYYY-MM-DD. */
function workday(offset: number): string {
  const day = parseIsoDate('2027-01-04')! + Math.floor(offset / 5) * 7 + (offset % 5);
  return formatDate(day);
}

describe('hostile input: bounded diagnostics', function () {
  // About a second each on an idle machine; the margin is for a machine shared with other work.
  this.timeout(60_000);

  describe('id.duplicate', () => {
    const rows = 4000;
    const table = (): string => `| ID | Title |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| T-1 | row ${i} |\n`).join('')}`;

    it('4,000 rows defining T-1: one short diagnostic each, the others counted', async () => {
      const a = (await workspaceOf({ 'plan.md': table() })).analyze();
      const dups = withCode(a, 'id.duplicate');
      assert.equal(dups.length, rows);
      assertBounded(dups);
      for (const d of dups) {
        assert.match(d.message, /^T-1 is defined 4,000 times \(also at plan\.md:\d+(, plan\.md:\d+)* and 3,993 more\)$/);
        assert.equal(d.message.split('plan.md:').length - 1, MAX_NAMED_IN_MESSAGE);
        assert.equal(d.related.length, MAX_RELATED);
        // Never related to itself.
        assert.ok(d.related.every((r) => r.range.start.line !== d.range.start.line));
      }
      // The related list is the same size whatever the row, so output is linear in rows.
      const relatedTotal = dups.reduce((n, d) => n + d.related.length, 0);
      assert.equal(relatedTotal, rows * MAX_RELATED);
    });

    it('1,000 files defining T-1: "and 993 more" in every message', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 1000; i++) files[`plans/p${String(i).padStart(4, '0')}.md`] = `# Plan ${i}\n\n- T-1 Same task\n`;
      const a = (await workspaceOf(files)).analyze();
      const dups = withCode(a, 'id.duplicate');
      assert.equal(dups.length, 1000);
      assertBounded(dups);
      for (const d of dups) {
        assert.ok(d.message.startsWith('T-1 is defined 1,000 times (also at plans/p0'), d.message);
        assert.ok(d.message.endsWith(' and 993 more)'), d.message);
        assert.equal(d.message.split('plans/').length - 1, MAX_NAMED_IN_MESSAGE);
      }
    });

    it('editing a file of 4,000 duplicates incrementally equals a fresh analysis', async () => {
      const ws = await workspaceOf({ 'plan.md': table() });
      ws.analyze();
      // One row changed (items kept in place), then every row shifted by a line.
      ws.setFile('plan.md', table().replace('row 7 ', 'row seven '));
      ws.analyze();
      ws.setFile('plan.md', `\n${table()}`);
      const incremental = ws.analyze();
      const fresh = analyze({ config: ws.config(), configDiagnostics: [], files: incremental.files.values(), today: incremental.today });
      assert.equal(incremental.diagnostics.length, fresh.diagnostics.length);
      assert.deepEqual(incremental.diagnostics.map((d) => `${d.range.start.line} ${d.message}`), fresh.diagnostics.map((d) => `${d.range.start.line} ${d.message}`));
      assert.equal(incremental.definitions.get('T-1')!.length, rows);
      assert.equal(incremental.definitions.get('T-1')![0]!.idRange.start.line, 3, 'the index holds the shifted items');
    });
  });

  describe('schedule.cycle', () => {
    const size = 3000;
    const plan = (): string => {
      let text = '---\nstart: 2027-01-04\n---\n';
      for (let i = 1; i <= size; i++) text += `- T-${i} Step ${i}\n  - duration: 1d\n  - after: T-${i === 1 ? size : i - 1}\n`;
      return text;
    };

    it('a 3,000-task cycle: each member names its neighbours and the size, with the nearest members related', async () => {
      const a = (await workspaceOf({ 'plan.md': plan() })).analyze();
      const cycles = withCode(a, 'schedule.cycle');
      assert.equal(cycles.length, size);
      assertBounded(cycles);
      for (const d of cycles) assert.ok(d.message.endsWith('(3,000 tasks in the cycle)'), d.message);
      const mid = cycles.find((d) => d.data?.item === 'T-1500')!;
      assert.equal(mid.message, 'Dependency cycle: … → T-1498 → T-1499 → T-1500 → T-1501 → T-1502 → T-1503 → … (3,000 tasks in the cycle)');
      const relatedIds = mid.related.map((r) => r.message.split(' ')[0]);
      assert.deepEqual(relatedIds.slice(0, 4), ['T-1501', 'T-1499', 'T-1502', 'T-1498']);
      assert.equal(mid.related.length, MAX_RELATED);
      assert.equal(a.schedule.tasks.get('T-1500')!.start, undefined, 'cycle members get no dates');
    });

    it('a cycle of MAX_NAMED_IN_MESSAGE members is named whole; one more is named around each member', async () => {
      const ring = (n: number): string => Array.from({ length: n }, (_, i) => `- T-${i + 1} s\n  - after: T-${i === 0 ? n : i}\n`).join('');
      const whole = withCode((await workspaceOf({ 'plan.md': ring(MAX_NAMED_IN_MESSAGE) })).analyze(), 'schedule.cycle');
      assert.equal(whole[0]!.message, `Dependency cycle: ${Array.from({ length: MAX_NAMED_IN_MESSAGE }, (_, i) => `T-${i + 1}`).join(' → ')} → T-1`);
      const beyond = withCode((await workspaceOf({ 'plan.md': ring(MAX_NAMED_IN_MESSAGE + 1) })).analyze(), 'schedule.cycle');
      assert.equal(beyond.length, MAX_NAMED_IN_MESSAGE + 1);
      for (const d of beyond) {
        assert.ok(d.message.endsWith(`(${MAX_NAMED_IN_MESSAGE + 1} tasks in the cycle)`), d.message);
        assert.equal(d.related.length, Math.min(MAX_NAMED_IN_MESSAGE, MAX_RELATED));
      }
    });

    it('a short cycle is still named whole', async () => {
      const a = (await workspaceOf({ 'plan.md': '- T-1 a\n  - after: T-3\n- T-2 b\n  - after: T-1\n- T-3 c\n  - after: T-2\n' })).analyze();
      const messages = withCode(a, 'schedule.cycle').map((d) => d.message);
      assert.deepEqual(messages, Array(3).fill('Dependency cycle: T-1 → T-2 → T-3 → T-1'));
    });
  });

  describe('resource.overallocated', () => {
    const count = 2000;
    /**
     * One owner, 2,000 three-day tasks starting on consecutive working days: each day carries
     * three, at allocations that change the load from day to day (so the days are many ranges).
     */
    const plan = (): string => {
      let text = '# Plan\n\n';
      for (let i = 0; i < count; i++) text += `- T-${i + 1} Work ${i}\n  - start: ${workday(i)}\n  - duration: 3d\n  - owner: @ana\n  - allocation: ${60 + (i % 4) * 10}%\n`;
      return text;
    };

    it('an owner with 2,000 overlapping tasks: short messages, overlapping tasks named and related first, exact counts', async () => {
      const a = (await workspaceOf({ 'plan.md': plan() })).analyze();
      const over = withCode(a, 'resource.overallocated');
      assert.equal(over.length, count);
      assertBounded(over);
      for (const d of over) {
        assert.match(d.message, /^@ana is over-allocated \(up to 2[0-9]{2}% of 100%\) on [-0-9…, ]+ and [0-9,]+ more: T-[0-9, T-]+ and 1,994 more$/);
      }
      const d = over.find((x) => x.data?.item === 'T-1000')!;
      const span = a.schedule.tasks.get('T-1000')!;
      // The neighbours it shares days with come first: T-998 … T-1002.
      const named = d.message.slice(d.message.lastIndexOf(': ') + 2).replace(/ and 1,994 more$/, '').split(', ');
      assert.equal(named[0], 'T-1000');
      for (const id of ['T-998', 'T-999', 'T-1001', 'T-1002']) assert.ok(named.includes(id), `${id} not named: ${d.message}`);
      assert.equal(d.related.length, MAX_RELATED);
      for (const r of d.related.slice(0, 4)) {
        const other = a.schedule.tasks.get(r.message.split(' ')[0]!)!;
        assert.ok(other.start! <= span.end! && other.end! >= span.start!, `${r.message} does not overlap T-1000`);
      }
      // The days named are this task's own: one of them holds its start.
      const days = d.message.slice(d.message.indexOf(' on ') + 4, d.message.lastIndexOf(': ')).replace(/ and [0-9,]+ more$/, '').split(', ');
      assert.equal(days.length, MAX_NAMED_IN_MESSAGE);
      assert.ok(days.some((r) => {
        const [from, to = from] = r.split('…').map((x) => parseIsoDate(x)!);
        return from! <= span.start! && span.start! <= to!;
      }), `no day of ${formatDate(span.start!)}: ${d.message}`);
    });
  });

  describe('link lists and numbers', () => {
    it('after: with 100,000 IDs is read up to the cap and reported', async () => {
      // A YAML list in front matter, one ID a line: a one-line list of 100,000 IDs would first
      // meet the bound on a Markdown line's length.
      const ids = Array.from({ length: 100_000 }, () => '  - T-2').join('\n');
      const ws = await workspaceOf({
        'plan.md': '---\nstart: 2027-01-04\n---\n- T-2 b\n  - duration: 1d\n',
        't-1.md': `---\nid: T-1\ntitle: a\nduration: 1d\nstart: 2027-01-05\nafter:\n${ids}\n---\n`,
      });
      const a = ws.analyze();
      const t1 = a.items.get('T-1')!;
      assert.equal(t1.links.after!.length, MAX_IDS_PER_LIST);
      const invalid = withCode(a, 'schema.invalid');
      assert.deepEqual(invalid.map((d) => d.message), ['T-1: after lists 100,000 IDs; only the first 1,000 are read']);
      // The duplicates collapse to one predecessor, which T-1 starts right after.
      assert.equal(formatDate(a.schedule.tasks.get('T-2')!.end!), '2027-01-04');
      assert.equal(formatDate(a.schedule.tasks.get('T-1')!.start!), '2027-01-05');
      assert.deepEqual(withCode(a, 'schedule.dependency-violated'), []);
    });

    it('a list of exactly MAX_IDS_PER_LIST IDs is read whole; one more is reported', async () => {
      const list = (n: number): string => Array.from({ length: n }, (_, i) => `T-${i + 2}`).join(', ');
      const at = (await workspaceOf({ 'plan.md': `- T-1 a\n  - after: ${list(MAX_IDS_PER_LIST)}\n` })).analyze();
      assert.equal(at.items.get('T-1')!.links.after!.length, MAX_IDS_PER_LIST);
      assert.equal(withCode(at, 'schema.invalid').length, 0);
      const beyond = (await workspaceOf({ 'plan.md': `- T-1 a\n  - after: ${list(MAX_IDS_PER_LIST + 1)}\n` })).analyze();
      assert.deepEqual(withCode(beyond, 'schema.invalid').map((d) => d.message), ['T-1: after lists 1,001 IDs; only the first 1,000 are read']);
      // Unknown IDs are reported once each, up to the cap: the ignored tail costs nothing.
      assert.equal(withCode(beyond, 'ref.unknown').length, MAX_IDS_PER_LIST);
    });

    it('1e309 and 400-digit numbers are schema.invalid with a clear message, never Infinity', async () => {
      const huge = '9'.repeat(400);
      const a = (await workspaceOf({
        't5.md': '---\nid: T-5\nduration: 1e309\nallocation: 1e309\nprogress: .inf\nstart: 2027-01-04\n---\n',
        'plan.md': `# Plan\n\n- T-6 a\n  - duration: ${huge}d\n  - allocation: ${huge}%\n  - progress: ${huge}\n`,
      })).analyze();
      const invalid = withCode(a, 'schema.invalid');
      assert.equal(invalid.length, 6, invalid.map((d) => d.message).join('\n'));
      for (const d of invalid) {
        assert.doesNotMatch(d.message, /Infinity|NaN/, d.message);
        assert.ok(d.message.length <= 200, d.message);
      }
      assert.match(invalid.find((d) => d.file === 't5.md' && d.message.includes('duration'))!.message, /too large to use.*expected a duration such as 3d or 2w/);
      assert.match(invalid.find((d) => d.file === 'plan.md' && d.message.includes('duration'))!.message, /implausibly long/);
      for (const id of ['T-5', 'T-6']) {
        const item = a.items.get(id)!;
        assert.equal(item.duration, undefined);
        assert.equal(item.allocation, undefined);
        assert.equal(item.progress, undefined);
      }
    });
  });

  describe('internal errors', () => {
    it('a parser failure is a plain message; the detail stays out of it', () => {
      // A config whose prefixes cannot be read makes the parser throw a TypeError mid-file.
      const config = { ...defaultConfig() };
      Object.defineProperty(config, 'prefixes', { get: () => { throw new TypeError('Cannot read properties of undefined (reading \'get\')'); } });
      const result = parseFile('plan.md', '# Plan\n\n- T-1 a\n', config);
      assert.equal(result.diagnostics.length, 1);
      const d = result.diagnostics[0]!;
      assert.equal(d.message, INTERNAL_ERROR_MESSAGE);
      assert.doesNotMatch(d.message, /TypeError|RangeError|at |\n/);
      assert.match(String(d.data?.['internalError']), /TypeError: Cannot read properties/);
    });
  });
});

describe('hostile input: the analysis yields inside its longest steps', function () {
  this.timeout(60_000);

  /** How many times the analysis of `files` yields (where a host may take its thread back). */
  async function yieldsOf(files: Record<string, string>): Promise<number> {
    const steps = (await workspaceOf(files)).analyzeSteps();
    let count = 0;
    while (!steps.next().done) count++;
    return count;
  }
  const rows = (n: number, row: (i: number) => string): string => `| ID | Title | Duration | After |\n|---|---|---|---|\n${Array.from({ length: n }, (_, i) => `${row(i)}\n`).join('')}`;

  // Without yields inside the rules, ten times the rows would give the same number of steps.
  for (const [name, row] of [
    ['4,000 rows defining T-1 (id.duplicate)', () => '| T-1 | same | 1d | |'],
    ['a 4,000-task cycle (schedule.cycle)', (i: number, n: number) => `| T-${i} | link | 1d | T-${(i + 1) % n} |`],
  ] as const) {
    it(`${name}: a yield at least every ${RULE_STEP} diagnostics`, async () => {
      const small = await yieldsOf({ 'plan.md': rows(400, (i) => row(i, 400)) });
      const large = await yieldsOf({ 'plan.md': rows(4000, (i) => row(i, 4000)) });
      assert.ok(large - small >= (4000 - 400) / RULE_STEP - 1, `${small} yields for 400 rows, ${large} for 4,000`);
    });
  }
});
