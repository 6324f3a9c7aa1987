import { parseStrict } from './dayjsFormat.js';
import { barDays } from './ganttDates.js';
import type { GanttDates } from './ganttDates.js';
import type { GanttChart, Span } from './types.js';

/** The warning codes of this module, each documented in docs/diagnostics.md. */
export type GanttWarning = 'mermaid.date-format-mismatch' | 'mermaid.date-format-twice' | 'mermaid.excluded-only' | 'mermaid.hash-comment' | 'mermaid.colon-in-title';

/**
 * The traps found in real charts that mermaid draws without a word: a `dateFormat` that
 * the dates do not follow, a second `dateFormat` (the last one wins), a bar that covers
 * only excluded days, a `#` line meant as a comment (mermaid draws it as a task), and a
 * colon inside a title (the title ends there and the rest shifts into the id and dates).
 */
export function lintGantt(chart: GanttChart, dates: GanttDates, report: (code: GanttWarning, span: Span, message: string) => void): void {
  const formats = chart.statements.filter((s) => s.keyword === 'dateFormat');
  for (const extra of formats.slice(1)) {
    report('mermaid.date-format-twice', extra.value, `dateFormat is given ${formats.length} times; mermaid uses the last one (${formats[formats.length - 1]!.value.text.trim()}) for every date of the chart`);
  }
  const format = formats[formats.length - 1];
  if (format) {
    const fmt = dates.settings.dateFormat;
    let written = 0;
    let mismatched = 0;
    for (const t of chart.tasks) {
      for (const item of t.data.slice(t.data.length === 3 ? 1 : 0)) {
        if (!/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(item.text)) continue;
        written++;
        if (parseStrict(item.text, fmt, Date.UTC(2000, 0, 1)) === undefined) mismatched++;
      }
    }
    if (mismatched > 0) {
      report('mermaid.date-format-mismatch', format.value, `${mismatched} of the ${written} dates written in this chart do not follow dateFormat ${fmt}; mermaid reads them some other way or not at all`);
    }
  }
  for (const [i, t] of chart.tasks.entries()) {
    if (t.title.text.startsWith('#')) report('mermaid.hash-comment', t.title, 'mermaid has no `#` comments: this line is drawn as a task. Write `%%` to comment a line out');
    const colon = t.items.findIndex((x) => x.text.includes(':'));
    if (colon >= 0) report('mermaid.colon-in-title', t.items[colon]!, `the title ends at the first colon, so mermaid reads "${t.items[colon]!.text}" as ${fieldName(t.data.length, t.data.indexOf(t.items[colon]!))}`);
    const s = dates.start[i];
    const e = dates.end[i];
    if (dates.settings.excludes.length && s !== undefined && e !== undefined && e > s && !t.tags.has('milestone')) {
      if (barDays(s, e, dates.settings).allExcluded) report('mermaid.excluded-only', t.line, 'every day of this bar is excluded (`excludes`): the task has no working day');
    }
  }
}

function fieldName(count: number, index: number): string {
  if (index < 0) return 'a tag';
  const names = count === 3 ? ['the id', 'the start', 'the end'] : count === 2 ? ['the start', 'the end'] : ['the end'];
  return names[index] ?? 'an extra field';
}
