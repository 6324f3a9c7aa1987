import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { hasTimeOfDay } from '../../../src/core/mermaid/dayjsFormat.js';
import { findGanttBlocks } from '../../../src/core/mermaid/ganttBlocks.js';
import { barDays, computeGanttDates } from '../../../src/core/mermaid/ganttDates.js';
import { readGantt } from '../../../src/core/mermaid/readGantt.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { corpusCharts } from './corpusFiles.js';
import { asMarkdown, runMermaid } from './oracle.js';
import type { OracleResult } from './oracle.js';

/**
 * The real-world corpus of mermaid gantt charts (public charts and mermaid's own tests),
 * read from the folder named by SPECLINE_MERMAID_CORPUS; it is never copied into the
 * repository. Every chart goes through the reader, and every date is compared with what
 * the bundled mermaid computes for the same text on the same day.
 */
const root = process.env['SPECLINE_MERMAID_CORPUS'];
if (!root) {
  console.log('mermaid corpus: not run (SPECLINE_MERMAID_CORPUS is unset)');
} else {
  describe('mermaid gantt corpus', function () {
    this.timeout(300_000);
    const files = corpusCharts(root);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    let oracle: { today: number; results: OracleResult[] };
    before(() => {
      oracle = runMermaid(texts);
    });

    it('has charts to read', () => {
      assert.ok(files.length >= 100, `only ${files.length} charts under ${root}`);
    });

    it('reads every chart without an exception, each as one chart', () => {
      const config = defaultConfig();
      for (const [i, file] of files.entries()) {
        const name = relative(root, file);
        const result = parseFile(name, asMarkdown(texts[i]!), config);
        assert.ok(!result.diagnostics.some((d) => d.message.startsWith('Specline could not read')), `${name}: ${result.diagnostics[0]?.message}`);
      }
    });

    it("gives every task of every chart mermaid draws mermaid's dates, and an error to every chart it cannot draw", () => {
      const config = defaultConfig();
      const counts = { charts: files.length, drawn: 0, rejected: 0, tasks: 0, dayCompared: 0, dayAgree: 0, timeCompared: 0, timeAgree: 0, items: 0 };
      const problems: string[] = [];
      for (const [i, file] of files.entries()) {
        const name = relative(root, file);
        const lines = asMarkdown(texts[i]!).split('\n');
        const blocks = findGanttBlocks(lines);
        const theirs = oracle.results[i]!;
        if (theirs.error !== undefined) {
          counts.rejected++;
          const result = parseFile(name, asMarkdown(texts[i]!), config);
          if (!result.diagnostics.some((d) => d.severity === 'error')) problems.push(`${name}: mermaid fails (${theirs.error}) but Specline reports no error`);
          continue;
        }
        counts.drawn++;
        if (blocks.length !== 1) {
          problems.push(`${name}: mermaid draws it, Specline finds ${blocks.length} charts`);
          continue;
        }
        const chart = readGantt(lines, blocks[0]!);
        const ours = computeGanttDates(chart, oracle.today);
        if (chart.syntaxErrors.length || ours.failure) {
          problems.push(`${name}: mermaid draws it, Specline says it cannot (${chart.syntaxErrors[0]?.message ?? ours.failure?.message})`);
          continue;
        }
        const tasks = theirs.tasks!;
        if (tasks.length !== chart.tasks.length) {
          problems.push(`${name}: ${tasks.length} tasks in mermaid, ${chart.tasks.length} in Specline`);
          continue;
        }
        const byTime = hasTimeOfDay(ours.settings.dateFormat);
        // The items parseFile makes carry the same days (those that do not depend on today).
        const items = parseFile(name, lines.join('\n'), config).items;
        for (const item of items) {
          const k = chart.tasks.findIndex((t) => t.line.line === item.range.start.line);
          const t = tasks[k];
          if (!t || t.start === null || t.end === null || byTime) continue;
          const days = barDays(t.start, t.end, ours.settings);
          const got = item.kind === 'milestone' ? [item.date, item.date] : [item.start, item.end];
          const want = item.kind === 'milestone' ? [Math.floor(t.start / 86_400_000), Math.floor(t.start / 86_400_000)] : [days.first, Math.max(days.first, days.last)];
          if (got[0] === undefined) continue;
          counts.items++;
          if (got[0] !== want[0] || got[1] !== want[1]) problems.push(`${name} item ${item.id}: ${got.join('/')} but mermaid draws ${want.join('/')}`);
        }
        for (const [k, t] of tasks.entries()) {
          counts.tasks++;
          const s = ours.start[k];
          const e = ours.end[k];
          if (t.id !== ours.ids[k]) problems.push(`${name} task ${k}: id ${t.id} in mermaid, ${ours.ids[k]} in Specline`);
          if (byTime) {
            counts.timeCompared++;
            if ((t.start ?? undefined) === s && (t.end ?? undefined) === e) counts.timeAgree++;
            else problems.push(`${name} task ${k} (${t.id}): mermaid ${t.start}–${t.end}, Specline ${s}–${e}`);
            continue;
          }
          counts.dayCompared++;
          if (t.start === null || t.end === null || s === undefined || e === undefined) {
            if ((t.start === null) === (s === undefined) && (t.end === null) === (e === undefined)) counts.dayAgree++;
            else problems.push(`${name} task ${k} (${t.id}): mermaid ${t.start}–${t.end}, Specline ${s}–${e}`);
            continue;
          }
          const a = barDays(t.start, t.end, ours.settings);
          const b = barDays(s, e, ours.settings);
          if (a.first === b.first && a.last === b.last) counts.dayAgree++;
          else problems.push(`${name} task ${k} (${t.id}): first/last day mermaid ${a.first}/${a.last}, Specline ${b.first}/${b.last}`);
        }
      }
      console.log(`      mermaid corpus: ${counts.charts} charts (${counts.drawn} drawn by mermaid, ${counts.rejected} rejected), ${counts.tasks} tasks; ` +
        `first and last day agree on ${counts.dayAgree} of ${counts.dayCompared} tasks of whole-day charts, exact times on ${counts.timeAgree} of ${counts.timeCompared} tasks of time-of-day charts; ${counts.items} dated items checked`);
      assert.deepEqual(problems, []);
      assert.equal(counts.dayAgree, counts.dayCompared);
      assert.ok(counts.dayCompared > 500, `only ${counts.dayCompared} tasks compared`);
      assert.ok(counts.items > 500, `only ${counts.items} items checked`);
    });
  });
}
