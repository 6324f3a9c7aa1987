import { analyze } from '../../../src/core/analyzer/analyze.js';
import type { SpeclineConfig } from '../../../src/core/model/configTypes.js';
import { formatDate } from '../../../src/core/model/dates.js';
import type { Conversion } from '../../../src/core/convert/toPlan.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

/** Reasons a conversion may give for a task whose days cannot be kept (the only accepted ones). */
export const KNOWN_LIMITS = [/is not a working day|are not working days/, /Specline dates run from 1900 to 2199/];

/**
 * Schedules a converted plan afresh (its own parse and analysis, not the conversion's) and
 * compares every task's days with the days mermaid draws. Returns how many dated tasks
 * agree and a line per task that does not, unless a warning of the conversion names the
 * task and gives one of the known limits.
 */
export function checkConversion(file: string, conversion: Conversion, config: SpeclineConfig): { dated: number; agree: number; excused: number; problems: string[] } {
  const text = conversion.text;
  const analysis = analyze({ config, configDiagnostics: [], files: [parseFile(file, text, config)], today: 0 });
  const out = { dated: 0, agree: 0, excused: 0, problems: [] as string[] };
  for (const t of conversion.tasks) {
    if (t.chart.start === undefined) continue;
    out.dated++;
    const date = analysis.schedule.milestones.get(t.id)?.date;
    const task = analysis.schedule.tasks.get(t.id);
    const got: { start?: number; end?: number } = t.kind === 'milestone' ? { start: date, end: date } : { start: task?.start, end: task?.end };
    if (got.start === t.chart.start && got.end === t.chart.end) {
      out.agree++;
      continue;
    }
    const excuse = conversion.notes.find((n) => n.severity === 'warning' && n.message.startsWith(`${t.id}: mermaid draws`) && KNOWN_LIMITS.some((re) => re.test(n.message)));
    if (excuse) out.excused++;
    else out.problems.push(`${file} ${t.id} (${t.mermaidId}): mermaid ${day(t.chart.start)}…${day(t.chart.end)}, plan ${day(got.start)}…${day(got.end)}`);
  }
  return out;
}

function day(d: number | undefined): string {
  return d === undefined ? '-' : formatDate(d);
}
