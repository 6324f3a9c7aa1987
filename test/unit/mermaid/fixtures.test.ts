import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { hasTimeOfDay } from '../../../src/core/mermaid/dayjsFormat.js';
import { findGanttBlocks } from '../../../src/core/mermaid/ganttBlocks.js';
import type { GanttBlock } from '../../../src/core/mermaid/ganttBlocks.js';
import { barDays, computeGanttDates } from '../../../src/core/mermaid/ganttDates.js';
import { readGantt } from '../../../src/core/mermaid/readGantt.js';
import { formatDate } from '../../../src/core/model/dates.js';
import type { FileResult } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { runMermaid } from './oracle.js';
import type { OracleResult } from './oracle.js';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'mermaid');
const FILES = readdirSync(ROOT).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const read = (name: string): string => readFileSync(join(ROOT, name), 'utf8');
const parse = (name: string): FileResult => parseFile(name, read(name), defaultConfig());

/** The chart text mermaid gets: the fence's content. */
function chartText(lines: string[], block: GanttBlock): string {
  let open = block.ganttLine;
  while (open > 0 && !/^\s*(`{3,}|~{3,})/.test(lines[open]!)) open--;
  return `${lines.slice(open + 1, block.endLine).join('\n')}\n`;
}

describe('mermaid gantt fixtures against mermaid', function () {
  this.timeout(120_000);
  const charts = FILES.flatMap((file) => {
    const lines = read(file).split('\n');
    return findGanttBlocks(lines).map((block) => ({ file, lines, block, text: chartText(lines, block) }));
  });
  let oracle: { today: number; results: OracleResult[] };
  before(() => {
    oracle = runMermaid(charts.map((c) => c.text));
  });

  it('finds every chart of every fixture (fences of backticks and tildes, one never closed)', () => {
    assert.deepEqual(
      Object.fromEntries(FILES.map((f) => [f, charts.filter((c) => c.file === f).length])),
      { 'broken.md': 5, 'durations.md': 6, 'statements.md': 3, 'titles.md': 1, 'unterminated.md': 1 },
    );
  });

  it('computes the dates mermaid computes, task by task, and fails where mermaid fails', () => {
    let compared = 0;
    for (const [i, c] of charts.entries()) {
      const where = `${c.file}:${c.block.ganttLine + 1}`;
      const chart = readGantt(c.lines, c.block);
      const ours = computeGanttDates(chart, oracle.today);
      const theirs = oracle.results[i]!;
      const failed = chart.syntaxErrors.length > 0 || ours.failure !== undefined;
      assert.equal(failed, theirs.error !== undefined, `${where}: mermaid ${theirs.error ?? 'draws it'}; Specline ${chart.syntaxErrors[0]?.message ?? ours.failure?.message ?? 'draws it'}`);
      if (failed) continue;
      const tasks = theirs.tasks!;
      assert.deepEqual(ours.ids, tasks.map((t) => t.id), `${where}: ids`);
      for (const [k, t] of tasks.entries()) {
        compared++;
        if (hasTimeOfDay(ours.settings.dateFormat) || t.start === null || t.end === null) {
          assert.deepEqual([ours.start[k], ours.end[k]], [t.start ?? undefined, t.end ?? undefined], `${where} task ${t.id}`);
          continue;
        }
        const want = barDays(t.start, t.end, ours.settings);
        const got = barDays(ours.start[k]!, ours.end[k]!, ours.settings);
        assert.deepEqual([got.first, got.last], [want.first, want.last], `${where} task ${t.id}: ${formatDate(got.first)}…${formatDate(got.last)}, mermaid ${formatDate(want.first)}…${formatDate(want.last)}`);
      }
    }
    assert.ok(compared >= 35, `only ${compared} tasks compared`);
  });
});

describe('mermaid gantt charts as plan items', () => {
  it('reads statements, sections, tags, ids and exact ranges', () => {
    const result = parse('statements.md');
    const items = result.items.filter((i) => i.chart === 'statements.md#L8');
    assert.deepEqual(items.map((i) => i.id.split('@')[0]), ['a1', 'a2', 'b1', 'task1', 'b2', 'v1', 'm1']);
    assert.deepEqual(items.map((i) => i.section.join()), ['Alpha', 'Alpha', 'Beta', 'Beta', 'Beta', 'Beta', 'Beta']);
    const a1 = items[0]!;
    assert.equal(a1.id, 'a1@statements.md#L8');
    assert.equal(a1.source, 'mermaid');
    assert.equal(a1.form, 'mermaid');
    assert.deepEqual(a1.idRange, { start: { line: 23, character: 23 }, end: { line: 23, character: 25 } });
    assert.deepEqual(a1.range.start, { line: 23, character: 4 });
    assert.equal(a1.title, 'First');
    assert.equal(formatDate(a1.start!), '2027-03-08');
    // 3 days from Monday 8 March, but the 10th is excluded, so the bar runs to the 11th.
    assert.equal(formatDate(a1.end!), '2027-03-11');
    const b1 = items[2]!;
    assert.equal(b1.custom['tags'], 'crit, active');
    assert.equal(b1.status, 'in-progress');
    const m1 = items[6]!;
    assert.equal(m1.kind, 'milestone');
    assert.equal(m1.status, 'done');
    assert.ok(m1.date !== undefined && m1.date > b1.end!, 'the milestone follows b1');
    assert.deepEqual(result.diagnostics.filter((d) => d.file === 'statements.md' && d.severity === 'error'), []);
  });

  it('keeps titles in any script with &, commas and semicolons; Specline IDs are workspace items; a feature ID in a title links the task', () => {
    const result = parse('titles.md');
    const byTitle = new Map(result.items.map((i) => [i.title, i]));
    assert.equal(byTitle.get('Ελληνικά & 日本語, with commas')?.id, 't1@titles.md#L4');
    assert.equal(byTitle.get('Emoji 🚀 launch; with a semicolon')?.id, 't2@titles.md#L4');
    const t3 = byTitle.get('FEAT-4 screens for T-3')!;
    assert.equal(t3.id, 'T-3');
    assert.equal(t3.kind, 'task');
    assert.deepEqual(t3.links.features?.map((r) => r.id), ['FEAT-4']);
    assert.equal(t3.links.features?.[0]?.range.start.character, 4);
    assert.equal(byTitle.get('Sign-off')?.id, 'M-2');
    assert.equal(byTitle.get('Sign-off')?.kind, 'milestone');
    assert.deepEqual(result.items.map((i) => i.section.join()), Array(result.items.length).fill('Раздел один'));
    const codes = result.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(codes.sort(), ['12 mermaid.colon-in-title', '13 mermaid.hash-comment']);
    // T-3 in the title is a mention for navigation, not a second definition.
    assert.ok(result.references.some((r) => r.id === 'T-3' && r.range.start.line === 9 && r.range.start.character === 23));
  });

  it('reads a fence that never closes to the end of the file', () => {
    const result = parse('unterminated.md');
    assert.deepEqual(result.items.map((i) => [i.title, i.start === undefined ? null : formatDate(i.start)]), [['Open ended', '2027-07-01'], ['Still read', '2027-07-03']]);
  });

  it('reports what mermaid refuses and what it silently gets wrong, on the offending line', () => {
    const result = parse('broken.md');
    const found = result.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`);
    assert.deepEqual(found, [
      '6:5 error mermaid.syntax',
      '12:5 error mermaid.syntax',
      '18:5 error mermaid.syntax',
      '24:5 error mermaid.syntax',
      '24:28 error schema.invalid',
      '32:34 error ref.unknown',
      '30:5 error schedule.cycle',
      '31:5 error schedule.cycle',
    ]);
    // Tasks of charts mermaid cannot draw stay items, without dates.
    const fine = result.items.find((i) => i.title === 'Fine')!;
    assert.equal(fine.start, undefined);
  });

  it('durations: an unreadable one is schema.invalid on its value and gives no length, as in mermaid', () => {
    const result = parse('durations.md');
    const bad = result.diagnostics.filter((d) => d.code === 'schema.invalid');
    assert.ok(bad.some((d) => d.range.start.line === 14 && d.message.includes('7days')), bad.map((d) => d.message).join('\n'));
    const iso = bad.find((d) => d.message.includes('does not match dateFormat DD-MM-YYYY'));
    assert.ok(iso, 'an ISO date under dateFormat DD-MM-YYYY');
    assert.ok(result.diagnostics.some((d) => d.code === 'mermaid.date-format-mismatch'));
  });
});
