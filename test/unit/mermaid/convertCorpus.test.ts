import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { convertGanttChart, listGanttCharts } from '../../../src/core/convert/toPlan.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { checkConversion } from './convertCheck.js';
import { corpusCharts } from './corpusFiles.js';
import { asMarkdown } from './oracle.js';

/**
 * `specline convert` on the real-world corpus (the folder SPECLINE_MERMAID_CORPUS names,
 * never copied into the repository): every chart the reader dates is converted, and the
 * plan, scheduled by Specline, gives every task the days the reader gives it (which the
 * corpus suite checks against mermaid itself). The only exceptions allowed are the ones
 * the conversion reports as warnings: a bar on days the plan's calendar cannot work, and
 * years outside Specline's dates.
 */
const root = process.env['SPECLINE_MERMAID_CORPUS'];
if (!root) {
  console.log('mermaid corpus conversion: not run (SPECLINE_MERMAID_CORPUS is unset)');
} else {
  describe('mermaid gantt corpus converted to plans', function () {
    this.timeout(300_000);
    it('keeps the days of every task of every chart the reader schedules without errors', () => {
      const files = corpusCharts(root);
      const config = defaultConfig();
      const counts = { charts: files.length, converted: 0, notDrawn: 0, withErrors: 0, tasks: 0, dated: 0, agree: 0, excused: 0 };
      const problems: string[] = [];
      for (const file of files) {
        const name = relative(root, file);
        const text = asMarkdown(readFileSync(file, 'utf8'));
        assert.equal(listGanttCharts(text).length, 1, name);
        const conversion = convertGanttChart(name, text, 0, { config, mode: 'document' });
        if (conversion.failure) {
          counts.notDrawn++;
          continue;
        }
        counts.converted++;
        counts.tasks += conversion.tasks.length;
        // Charts with errors (an unknown `after`, a cycle) leave some tasks without the reader's dates; the dated ones are still compared.
        if (parseFile(name, text, config).diagnostics.some((d) => d.severity === 'error')) counts.withErrors++;
        const r = checkConversion(name, conversion, config);
        counts.dated += r.dated;
        counts.agree += r.agree;
        counts.excused += r.excused;
        problems.push(...r.problems);
      }
      console.log(`      mermaid corpus conversion: ${counts.charts} charts, ${counts.converted} converted (${counts.withErrors} with errors), ${counts.notDrawn} not drawn by mermaid; ` +
        `${counts.tasks} tasks, ${counts.agree} of ${counts.dated} dated tasks keep their days, ${counts.excused} cannot and say why`);
      assert.deepEqual(problems, []);
      assert.ok(counts.converted >= 150 && counts.dated > 700, `only ${counts.converted} charts and ${counts.dated} dated tasks`);
    });
  });
}
