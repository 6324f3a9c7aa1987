import type { SpeclineConfig } from '../model/configTypes.js';
import { formatDate } from '../model/dates.js';
import type { CalendarSpec, FileResult } from '../model/types.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import { sameCalendar } from './chartCalendar.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Where the chart's calendar goes, and the calendar the converted tasks are then scheduled with. */
export interface Placement {
  effective: Required<CalendarSpec>;
  /** Front matter to write: a new block, a line added to the existing one, or nothing. */
  write?: { kind: 'new' | 'line'; at: number; calendar: CalendarSpec };
  /** Why the wanted calendar cannot be written (a warning), if it cannot. */
  why?: string;
}

export function calendarPlacement(mode: 'document' | 'replace', lines: string[], original: FileResult, config: SpeclineConfig, wanted: Required<CalendarSpec>, fence: { open: number; close: number }): Placement {
  const project = config.calendar;
  // What the plan needs beyond the project calendar: its own workdays, and holidays the project lacks.
  const extra: CalendarSpec = {};
  if (!sameCalendar({ workdays: wanted.workdays, holidays: [] }, { workdays: project.workdays, holidays: [] })) extra.workdays = wanted.workdays;
  const holidays = wanted.holidays.filter((d) => !project.holidays.includes(d));
  if (holidays.length) extra.holidays = holidays;
  const needed = extra.workdays !== undefined || extra.holidays !== undefined;
  if (mode === 'document') {
    return { effective: mergeCalendar(project, needed ? extra : undefined), ...(needed ? { write: { kind: 'new', at: 0, calendar: extra } } : {}) };
  }
  const current = mergeCalendar(project, original.planCalendar);
  if (sameCalendar(current, mergeCalendar(project, needed ? extra : undefined))) return { effective: current };
  if (!needed && original.planCalendar === undefined) return { effective: current };
  const fmEnd = frontMatterEnd(lines);
  const fmLines = fmEnd === undefined ? [] : lines.slice(1, fmEnd);
  const otherTasks = original.items.some((i) => (i.kind === 'task' || i.kind === 'milestone') && (i.source !== 'mermaid' || i.range.start.line < fence.open || i.range.start.line > fence.close));
  let why: string | undefined;
  if (fmLines.some((l) => /^id\s*:/.test(l))) why = 'this file is a document item (its front matter has an id), so it cannot carry a plan calendar';
  else if (fmLines.some((l) => /^calendar\s*:/.test(l))) why = 'this file\'s front matter already has a calendar that differs from the chart\'s excluded days';
  else if (otherTasks) why = 'this file has other tasks, which a calendar in its front matter would reschedule';
  if (why) return { effective: current, why: `${why}: the converted tasks follow the file's calendar (${calendarText(current)}), and where it differs from the chart's (${calendarText(wanted)}) their days are written out` };
  return { effective: mergeCalendar(project, extra), write: fmEnd === undefined ? { kind: 'new', at: 0, calendar: extra } : { kind: 'line', at: fmEnd, calendar: extra } };
}

/** The line of the closing `---` of the file's front matter, if it has one. */
function frontMatterEnd(lines: string[]): number | undefined {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return i;
  return undefined;
}

function calendarText(c: Required<CalendarSpec>): string {
  const days = c.workdays.length === 7 ? 'every day' : c.workdays.map((d) => WEEKDAYS[d]).join(', ');
  return c.holidays.length ? `${days}, ${c.holidays.length} holiday${c.holidays.length === 1 ? '' : 's'}` : days;
}

/** `calendar: { workdays: [...], holidays: [...] }` as a front-matter line. */
export function calendarLine(c: CalendarSpec): string {
  const parts: string[] = [];
  if (c.workdays) parts.push(`workdays: [${c.workdays.map((d) => WEEKDAYS[d]).join(', ')}]`);
  if (c.holidays) parts.push(`holidays: [${c.holidays.map(formatDate).join(', ')}]`);
  return `calendar: { ${parts.join(', ')} }`;
}
