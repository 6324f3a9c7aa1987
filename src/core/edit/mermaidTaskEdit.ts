import { hasTimeOfDay, formatDate, parseStrict } from '../mermaid/dayjsFormat.js';
import { findGanttBlocks } from '../mermaid/ganttBlocks.js';
import { parseGanttDuration } from '../mermaid/ganttDuration.js';
import { ganttSettings, isExcluded } from '../mermaid/ganttDates.js';
import type { GanttSettings } from '../mermaid/ganttDates.js';
import { displayId } from '../mermaid/localId.js';
import { readGantt } from '../mermaid/readGantt.js';
import type { GanttTaskLine, Span } from '../mermaid/types.js';
import { parseIsoDate } from '../model/dates.js';
import type { Item } from '../model/types.js';
import type { TextEdit } from '../language/types.js';
import type { TaskEditField, TaskEditValues } from './taskEditRequest.js';

const DAY_MS = 86_400_000;

export type FieldEdits = { ok: true; edits: TextEdit[] } | { ok: false; reason: 'unsupported' | 'invalid'; message: string };

/**
 * The edits of one field of a task line of a mermaid gantt chart, written in mermaid's own
 * terms: dates in the chart's `dateFormat`, an end date exclusive (unless
 * `inclusiveEndDates`), a length in mermaid's calendar days, status as the `done` / `active`
 * tags. `after` and a start date share one place in mermaid's syntax, so writing one
 * replaces the other.
 */
export function mermaidFieldEdits(item: Item, lines: readonly string[], field: TaskEditField, values: TaskEditValues): FieldEdits {
  const found = taskLine(item, lines);
  if (!found) return { ok: false, reason: 'invalid', message: `${item.id}: its line in the mermaid chart was not found` };
  const { line, settings } = found;
  const file = item.file;
  const format = settings.dateFormat || 'YYYY-MM-DD';
  if ((field === 'start' || field === 'end') && hasTimeOfDay(format)) {
    return { ok: false, reason: 'unsupported', message: `the chart's dateFormat ${format} has a time of day; Specline edits whole days only` };
  }
  const replace = (s: Span, newText: string): TextEdit => ({ file, range: { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } }, newText });
  const insertBefore = (s: Span, newText: string): TextEdit => ({ file, range: { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.start } }, newText });
  const data = line.data;
  const startSlot = data.length >= 2 ? data[data.length - 2] : undefined;
  const endSlot = data[data.length - 1]!;
  const writeStart = (text: string): TextEdit => (startSlot ? replace(startSlot, text) : insertBefore(endSlot, `${text}, `));
  const day = (iso: string): number => parseIsoDate(iso)! * DAY_MS;
  const ok = (...edits: TextEdit[]): FieldEdits => ({ ok: true, edits });

  switch (field) {
    case 'title': {
      const title = values.title!;
      if (/[:#;]|%%/.test(title)) return { ok: false, reason: 'invalid', message: 'a mermaid task title cannot hold ":", "#", ";" or "%%" (mermaid would cut it there)' };
      return ok(replace(line.title, title));
    }
    case 'progress':
      return { ok: false, reason: 'unsupported', message: 'a mermaid gantt chart has no place for progress' };
    case 'status':
      return statusEdits(line, values.status!, replace);
    case 'start': {
      // A milestone's `end` alone moves it too: it has one date.
      return ok(writeStart(formatDate(day(values.start!), format)));
    }
    case 'after': {
      if (values.start !== undefined) return ok(); // the start date written above takes the place of `after`
      if (values.after!.length === 0) return { ok: false, reason: 'invalid', message: 'a mermaid task without after needs a start date: give start' };
      return ok(writeStart(`after ${values.after!.map(displayId).join(' ')}`));
    }
    case 'duration':
      if (item.kind === 'milestone') return { ok: false, reason: 'invalid', message: 'a milestone has no duration' };
      return ok(replace(endSlot, values.duration!));
    case 'end': {
      if (item.kind === 'milestone') {
        return values.start !== undefined ? ok() : ok(writeStart(formatDate(day(values.end!), format)));
      }
      const last = parseIsoDate(values.end!)!;
      const isDate = parseGanttDuration(endSlot.text) === undefined && !/^until\s/i.test(endSlot.text)
        && parseStrict(endSlot.text, format, Number.NaN) !== undefined;
      if (isDate) {
        // An end date: mermaid's is exclusive unless the chart says otherwise.
        const end = settings.inclusiveEndDates ? last : last + 1;
        return ok(replace(endSlot, formatDate(end * DAY_MS, format)));
      }
      const first = values.start !== undefined ? parseIsoDate(values.start) : item.start;
      if (first === undefined) return { ok: false, reason: 'invalid', message: `${item.id} has no start in the chart to count its length from: give start too` };
      if (last < first) return { ok: false, reason: 'invalid', message: `end ${values.end} is before the start` };
      // mermaid stretches a length over excluded days, so the length is the count of the others.
      let days = 0;
      for (let d = first; d <= last; d++) if (!isExcluded(d * DAY_MS, settings)) days++;
      return ok(replace(endSlot, `${Math.max(1, days)}d`));
    }
  }
}

function statusEdits(line: GanttTaskLine, status: string, replace: (s: Span, t: string) => TextEdit): FieldEdits {
  const tagItems = line.items.slice(0, line.items.length - line.data.length);
  const find = (tag: string): Span | undefined => tagItems.find((s) => s.text === tag);
  // Deleting a tag takes its comma and the space up to the next item with it.
  const remove = (s: Span): TextEdit => {
    const next = line.items[line.items.indexOf(s) + 1]!;
    return replace({ ...s, end: next.start }, '');
  };
  const add = (tag: string): TextEdit => replace({ ...line.items[0]!, end: line.items[0]!.start }, `${tag}, `);
  const done = find('done');
  const active = find('active');
  switch (status) {
    case 'done':
      return { ok: true, edits: done ? [] : active ? [replace(active, 'done')] : [add('done')] };
    case 'in-progress':
      return { ok: true, edits: active ? (done ? [remove(done)] : []) : done ? [replace(done, 'active')] : [add('active')] };
    case 'todo':
      return { ok: true, edits: [done, active].filter((s): s is Span => s !== undefined).map(remove) };
    default:
      return { ok: false, reason: 'unsupported', message: `a mermaid gantt chart can say done, in-progress (active) or todo, not ${status}` };
  }
}

/** The task line an item was read from, and its chart's settings. */
function taskLine(item: Item, lines: readonly string[]): { line: GanttTaskLine; settings: GanttSettings } | undefined {
  const at = item.range.start;
  const block = findGanttBlocks(lines).find((b) => b.ganttLine < at.line && at.line < b.endLine);
  if (!block) return undefined;
  const chart = readGantt(lines, block);
  // Several tasks may share a line (after `;`): the id's place tells them apart.
  const id = item.idRange.start;
  const line = chart.tasks.find((t) => {
    const idSpan = t.data.length === 3 ? t.data[0]! : t.title;
    return idSpan.line === id.line && idSpan.start === id.character;
  });
  return line ? { line, settings: ganttSettings(chart) } : undefined;
}
