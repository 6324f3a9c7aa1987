import assert from 'node:assert/strict';
import { findGanttBlocks } from '../../../src/core/mermaid/ganttBlocks.js';
import { barDays, computeGanttDates } from '../../../src/core/mermaid/ganttDates.js';
import { readGantt } from '../../../src/core/mermaid/readGantt.js';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { MAX_GANTT_EDGE_SEARCH_DAYS, MAX_GANTT_EXCLUDE_WALK, MAX_GANTT_PASSES, MAX_GANTT_SPAN_DAYS } from '../../../src/core/model/limits.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { runMermaid } from './oracle.js';

const DAY = 86_400_000;
const chartOf = (text: string) => {
  const lines = text.split('\n');
  return readGantt(lines, findGanttBlocks(lines)[0]!);
};
const fenced = (body: string): string => `\`\`\`mermaid\ngantt\n    dateFormat YYYY-MM-DD\n${body}\n\`\`\`\n`;

describe('mermaid gantt bounds', function () {
  this.timeout(60_000);

  it(`MAX_GANTT_PASSES: ${MAX_GANTT_PASSES} passes, like mermaid; a longer chain of references to later lines stays undated in both`, () => {
    // Each task names the next line's task, so each pass dates one more task from the end.
    const n = MAX_GANTT_PASSES + 3;
    const body = Array.from({ length: n }, (_, i) => (i === n - 1 ? `    T${i} :t${i}, 2027-01-04, 1d` : `    T${i} :t${i}, after t${i + 1}, 1d`)).join('\n');
    const text = `gantt\n    dateFormat YYYY-MM-DD\n${body}\n`;
    const ours = computeGanttDates(chartOf(fenced(body)), 0);
    const { results } = runMermaid([text]);
    const theirs = results[0]!.tasks!;
    assert.deepEqual(ours.start.map((s) => s ?? null), theirs.map((t) => t.start));
    assert.ok(ours.start.some((s) => s === undefined), 'some tasks stay undated');
    assert.ok(ours.start.some((s) => s !== undefined), 'some tasks are dated');
  });

  it(`MAX_GANTT_EXCLUDE_WALK: a chart with more than ${MAX_GANTT_EXCLUDE_WALK} excluded days to walk stops walking and says so on its excludes`, () => {
    const perTask = 20_000;
    const count = Math.ceil(MAX_GANTT_EXCLUDE_WALK / perTask) + 2;
    const body = `    excludes weekends\n${Array.from({ length: count }, (_, i) => `    T${i} :t${i}, 2027-01-04, ${perTask}d`).join('\n')}`;
    const result = parseFile('big.md', fenced(body), defaultConfig());
    const found = result.diagnostics.filter((d) => d.code === 'schema.invalid');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 3);
    assert.match(found[0]!.message, /more excluded days/);
    // Work is bounded by count: the bars within the walk still moved past weekends.
    const first = result.items.find((i) => i.title === 'T0')!;
    assert.ok(first.end! - first.start! > perTask, 'the first bar was pushed past its weekends');
  });

  it(`MAX_GANTT_SPAN_DAYS: a bar longer than ${MAX_GANTT_SPAN_DAYS} days walks excluded days only that far`, () => {
    const days = MAX_GANTT_SPAN_DAYS + 10;
    const start = Date.UTC(1900, 0, 1);
    const iso = (d: number): string => new Date(start + d * DAY).toISOString().slice(0, 10);
    const endOf = (excluded: number): number => {
      const dates = computeGanttDates(chartOf(fenced(`    excludes ${iso(excluded)}\n    Long :l, 1900-01-01, ${days}d`)), 0);
      return (dates.end[0]! - dates.start[0]!) / DAY;
    };
    assert.equal(endOf(10), days + 1, 'an excluded day inside the bound pushes the end, as in mermaid');
    assert.equal(endOf(MAX_GANTT_SPAN_DAYS + 5), days, 'one beyond it is not walked');
  });

  it(`MAX_GANTT_EDGE_SEARCH_DAYS: a bar is searched ${MAX_GANTT_EDGE_SEARCH_DAYS} days from each end for a day excludes leaves`, () => {
    const start = Date.UTC(2027, 0, 4);
    const settingsFor = (run: number) => ({
      dateFormat: 'YYYY-MM-DD',
      excludes: Array.from({ length: run }, (_, i) => new Date(start + i * DAY).toISOString().slice(0, 10)),
      includes: [],
      weekend: 'saturday' as const,
      inclusiveEndDates: false,
    });
    const within = barDays(start, start + (MAX_GANTT_EDGE_SEARCH_DAYS + 5) * DAY, settingsFor(MAX_GANTT_EDGE_SEARCH_DAYS - 1));
    assert.deepEqual([within.allExcluded, within.first - start / DAY], [false, MAX_GANTT_EDGE_SEARCH_DAYS - 1]);
    const beyond = barDays(start, start + (MAX_GANTT_EDGE_SEARCH_DAYS + 5) * DAY, settingsFor(MAX_GANTT_EDGE_SEARCH_DAYS + 1));
    assert.equal(beyond.allExcluded, true, 'a first free day further in is not searched for');
  });

  it('a chart of 20,000 lines that name later lines and unknown ids is read with work linear in its size', () => {
    const n = 20_000;
    const body = Array.from({ length: n }, (_, i) => `    T${i} :t${i}, after t${i + 1} nowhere${i % 7}, 1d`).join('\n');
    const result = parseFile('huge.md', fenced(body), defaultConfig());
    assert.equal(result.items.length, n);
    // One unknown id per line, and the last line's `after t20000` names no task either.
    assert.equal(result.diagnostics.filter((d) => d.code === 'ref.unknown').length, n + 1);
    assert.equal(result.diagnostics.filter((d) => d.code === 'schedule.cycle').length, 0);
  });
});
