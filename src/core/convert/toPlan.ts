import { analyze } from '../analyzer/analyze.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import { formatDate, parseIsoDate } from '../model/dates.js';
import { isIdShape } from '../model/ids.js';
import type { DayNumber, FilePath, ItemKind, Range } from '../model/types.js';
import { parseFile } from '../parse/parseFile.js';
import { WorkCalendar } from '../schedule/calendar.js';
import { calendarLine, calendarPlacement } from './calendarPlacement.js';
import type { Placement } from './calendarPlacement.js';
import { chartCalendar } from './chartCalendar.js';
import { chartContribution } from '../mermaid/chartItems.js';
import { hasTimeOfDay } from '../mermaid/dayjsFormat.js';
import { findGanttBlocks } from '../mermaid/ganttBlocks.js';
import { barDays, computeGanttDates } from '../mermaid/ganttDates.js';
import { parseGanttDuration } from '../mermaid/ganttDuration.js';
import { IdProposer, idsIn } from './proposeIds.js';
import { readGantt } from '../mermaid/readGantt.js';
import { renderPlan } from './renderPlan.js';
import type { PlanRow } from './renderPlan.js';

const DAY_MS = 86_400_000;
/** Rounds of root-cause-first corrections before the rest is corrected at once (see the loop). */
const PIN_ROUNDS = 8;

/** What `convertGanttChart` writes: a new plan document, or the chart's file with the chart replaced. */
export type ConvertMode = 'document' | 'replace';

export interface ConvertOptions {
  config: SpeclineConfig;
  /** IDs the rest of the workspace defines or mentions (see `idsInUse`): proposed IDs avoid them. */
  taken?: Iterable<string>;
  mode: ConvertMode;
  /** The day the plan is checked on (only the conversion's own check uses it). */
  today?: DayNumber;
}

/** Something the reader of the converted plan should know; `warning` when meaning or dates could not be kept. */
export interface ConvertNote {
  severity: 'info' | 'warning';
  /** Zero-based line of the chart the note is about. */
  line: number;
  message: string;
}

/** One task line of the chart and what it became. */
export interface ConvertedTask {
  /** mermaid's id (its own, or the `taskN` mermaid generates). */
  mermaidId: string;
  id: string;
  kind: 'task' | 'milestone';
  line: number;
  /** The first and last day mermaid draws (a milestone: its day twice); undefined when the chart gives none. */
  chart: { start?: DayNumber; end?: DayNumber };
  /** The same, as Specline schedules the converted plan. */
  plan: { start?: DayNumber; end?: DayNumber };
}

/** A replacement in the original text (zero-based lines and UTF-16 characters). */
export interface ConvertEdit {
  range: Range;
  newText: string;
}

export interface Conversion {
  /** `document`: the new plan; `replace`: the whole file once the edits are applied. */
  text: string;
  /** `replace`: the edits (the chart's fence, and the front matter when the calendar goes there). */
  edits: ConvertEdit[];
  tasks: ConvertedTask[];
  notes: ConvertNote[];
  /** Zero-based lines of the fence that held the chart (opening and closing line). */
  fence: { open: number; close: number };
  /** Why the chart was not converted (mermaid cannot draw it); nothing else is filled then. */
  failure?: string;
}

/** The gantt charts of a Markdown text: the line of each `gantt` keyword, the chart's title and its fence's lines. */
export function listGanttCharts(text: string): Array<{ ganttLine: number; title: string; fence: { open: number; close: number } }> {
  const lines = splitLines(text);
  return findGanttBlocks(lines).map((block) => {
    const chart = readGantt(lines, block);
    return { ganttLine: block.ganttLine, title: chart.statements.find((s) => s.keyword === 'title')?.value.text ?? '', fence: fenceOf(lines, block) };
  });
}

/** The opening and closing line of a chart's fence (the last line when it never closes). */
function fenceOf(lines: string[], block: { ganttLine: number; endLine: number }): { open: number; close: number } {
  let open = block.ganttLine;
  while (open > 0 && !/^ {0,3}(`{3,}|~{3,})/.test(lines[open]!)) open--;
  return { open, close: Math.min(block.endLine, lines.length - 1) };
}

/**
 * Turns the `index`-th gantt chart of a Markdown file into a Specline plan: one table per
 * section (under a heading named after it), each task line a row with its ID, title,
 * duration, `after`, explicit dates where the chart has them, `done`/`active` as status and
 * the feature IDs its title names. The result is checked by scheduling it: wherever
 * Specline's rules would not give the day mermaid draws, the row gets that day written out
 * (and what that changes is noted), so the plan keeps the chart's dates. A calendar that
 * takes out the chart's excluded days goes into the plan's front matter. Chart lines with
 * no equivalent (`click`, `axisFormat`, `%%` comments, …) are kept verbatim in an HTML
 * comment after the tables, together with the mapping from mermaid ids to the new IDs.
 */
export function convertGanttChart(file: FilePath, text: string, index: number, options: ConvertOptions): Conversion {
  const { config } = options;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(text);
  const block = findGanttBlocks(lines)[index];
  if (!block) throw new RangeError(`no gantt chart number ${index + 1} in ${file}`);
  const fence = fenceOf(lines, block);
  const chart = readGantt(lines, block);
  const dates = computeGanttDates(chart, NaN);
  const empty: Conversion = { text: '', edits: [], tasks: [], notes: [], fence };
  if (chart.syntaxErrors.length > 0 || dates.failure) {
    return { ...empty, failure: `mermaid cannot draw this chart, so it has no dates to keep: ${chart.syntaxErrors[0]?.message ?? dates.failure!.message}` };
  }
  const notes: ConvertNote[] = [];
  const note = (severity: ConvertNote['severity'], line: number, message: string): void => {
    notes.push({ severity, line, message });
  };
  const settings = dates.settings;
  // The chart's own problems (what \`specline check\` reports on it) travel with the plan as notes.
  for (const d of chartContribution(file, lines, 0, config, NaN).diagnostics) {
    const line = d.range.start.line;
    if (line < fence.open || line > fence.close || d.code === 'ref.unknown') continue;
    note('info', line, `the chart has ${d.severity === 'error' ? 'an error' : 'a warning'} here (${d.code}): ${d.message}`);
  }

  // The calendar: the chart's excluded days, and where it can be written.
  const wanted = chartCalendar(settings);
  const original = parseFile(file, text, config);
  const placement = calendarPlacement(options.mode, lines, original, config, wanted.spec, fence);
  if (placement.why) note('warning', block.ganttLine, placement.why);
  const calendar = new WorkCalendar(placement.effective);
  if (wanted.unexpressed.length) {
    const at = chart.statements.find((s) => s.keyword === 'excludes' || s.keyword === 'includes')?.line.line ?? block.ganttLine;
    note('warning', at, `a Specline calendar has no equivalent for ${wanted.unexpressed.join(', ')}: the days concerned are written out on the tasks, and the line is kept in the comment`);
  }
  const timed = hasTimeOfDay(settings.dateFormat) || chart.tasks.some((t) => ['h', 'm', 's', 'ms'].includes(parseGanttDuration(t.data[t.data.length - 1]?.text ?? '')?.unit ?? ''));
  if (timed) note('warning', chart.statements.find((s) => s.keyword === 'dateFormat')?.line.line ?? block.ganttLine, 'Specline plans count whole days: the times of day of this chart are not kept, each task keeps the days its bar covers');

  // IDs: Specline IDs the chart already uses stay; others are proposed.
  const taken = new Set(options.taken ?? []);
  const proposer = new IdProposer(config, taken);
  for (let n = fence.open; n <= fence.close; n++) for (const id of idsIn(lines[n]!)) proposer.take(id);
  const used = new Set<string>();
  const kindOf = (id: string): ItemKind | undefined => (isIdShape(id) ? config.prefixes.get(id.slice(0, id.indexOf('-'))) : undefined);
  const rows: PlanRow[] = [];
  const idOf = new Map<string, string>();
  for (const [i, line] of chart.tasks.entries()) {
    const mermaidId = dates.ids[i]!;
    let kind: 'task' | 'milestone' = line.tags.has('milestone') ? 'milestone' : 'task';
    let title = line.title.text;
    let id: string | undefined;
    const own = line.data.length === 3 ? mermaidId : undefined;
    if (own !== undefined && (kindOf(own) === 'task' || kindOf(own) === 'milestone') && !used.has(own)) {
      id = own;
      // The ID's prefix decides its kind, as when the chart is read (a `milestone` tag on T-3 leaves it a task).
      kind = kindOf(own) === 'milestone' ? 'milestone' : 'task';
      if (title.startsWith(`${own} `)) title = title.slice(own.length + 1).trim() || title;
    } else {
      // `specline gantt --format mermaid` writes "T-1 Title" with a generated mermaid id.
      const lead = /^([A-Z][A-Z0-9]*-\d+(?:\.\d+)*)\b[\s:\u2013-]*(.*)$/.exec(title);
      if (lead && kindOf(lead[1]!) === kind && !taken.has(lead[1]!) && !used.has(lead[1]!) && lead[2]!.trim() !== '') {
        id = lead[1]!;
        title = lead[2]!.trim();
      }
    }
    if (own !== undefined && id === undefined && isIdShape(own) && used.has(own)) note('warning', line.line.line, `${own} is the id of an earlier line too: this line gets a new ID`);
    id ??= proposer.next(kind);
    used.add(id);
    // An id defined twice: mermaid follows the last definition, and so does the plan.
    if (idOf.has(mermaidId) && line.data.length === 3) note('info', line.line.line, `${mermaidId} is the id of an earlier line too (id.duplicate); mermaid's \`after ${mermaidId}\` means this line, and so does the plan's`);
    idOf.set(mermaidId, id);
    const s = dates.start[i];
    const e = dates.end[i];
    const want: PlanRow['want'] = {};
    if (s !== undefined && e !== undefined && Number.isFinite(s) && Number.isFinite(e)) {
      if (kind === 'milestone') want.start = want.end = Math.floor(s / DAY_MS);
      else {
        const days = barDays(s, e, settings);
        want.start = days.first;
        want.end = Math.max(days.first, days.last);
      }
    }
    const features = idsIn(title).filter((x) => kindOf(x) === 'feature');
    const tags = [...line.tags].filter((t) => t === 'crit' || t === 'vert');
    rows.push({
      index: i, line: line.line.line, mermaidId, written: line.data.length === 3, id, kind, title: title.trim() || '(untitled)', section: line.section,
      after: [], features: [...new Set(features)], tags, notes: [], want,
      ...(line.tags.has('done') ? { status: 'done' as const } : line.tags.has('active') ? { status: 'in-progress' as const } : {}),
    });
  }

  // Dependencies, durations and written dates, as the chart states them.
  for (const row of rows) {
    const line = chart.tasks[row.index]!;
    const d = line.data;
    const endText = d[d.length - 1]!;
    const startText = d.length > 1 ? d[d.length - 2]! : undefined;
    if (!startText) {
      // No start: mermaid starts the task where the previous line's task ends.
      const prev = rows[row.index - 1];
      if (prev) row.after.push(prev.id);
    } else {
      const refs = /^after\s+([\d\w\- ]+)/.exec(startText.text);
      if (refs) {
        const named = refs[1]!.split(' ').filter((x) => x !== '');
        const anyKnown = named.some((x) => idOf.has(x));
        for (const ref of named) {
          const target = idOf.get(ref);
          if (target === undefined) {
            row.notes.push(`after ${ref}: no task of the chart has this id`);
            note('warning', row.line, `${row.id}: \`after ${ref}\` names no task of the chart (${anyKnown ? 'mermaid ignores it' : 'mermaid draws the task from the day it draws the chart'}); it is left out`);
          } else if (!row.after.includes(target)) row.after.push(target);
        }
      } else if (row.want.start !== undefined) row.start = row.want.start;
    }
    if (row.kind === 'milestone') {
      if (row.want.start !== undefined) row.date = row.want.start;
      delete row.start;
      continue;
    }
    const until = /^until\s+([\d\w\- ]+)/.exec(endText.text);
    const duration = parseGanttDuration(endText.text);
    if (until) {
      row.notes.push(`until ${until[1]!.trim().split(/\s+/).map((x) => idOf.get(x) ?? x).join(' ')}`);
      if (row.want.end !== undefined) row.end = row.want.end;
      note('info', row.line, `${row.id}: \`until\` has no Specline equivalent: the task ends on the day mermaid gives it (${dayText(row.want.end)}), and the Notes column keeps the \`until\``);
    } else if (duration) {
      if (row.want.start !== undefined && row.want.end !== undefined) row.duration = calendar.countWorkdays(row.want.start, row.want.end);
      else if (duration.unit === 'd' || duration.unit === 'w') row.duration = Math.max(1, Math.round(duration.value * (duration.unit === 'w' ? calendar.weekLength : 1)));
    } else if (dates.findings.some((f) => f.kind === 'bad-duration' && f.task === row.index)) {
      row.notes.push(`length "${endText.text}" is not a duration`);
      note('warning', row.line, `${row.id}: "${endText.text}" is not a duration mermaid reads, so mermaid draws the task with no length; it gets its one day`);
      row.end = row.want.end;
    } else if (row.want.end !== undefined) row.end = row.want.end;
    if (row.duration === 0) delete row.duration;
  }

  // Schedule the plan; wherever Specline's rules give another day than mermaid draws, write the day out.
  const build = (warnings: string[] = []): { text: string; edits: ConvertEdit[] } => assemble(options.mode, file, lines, eol, fence, block.ganttLine, chart, rows, placement, wanted.unexpressed, timed, settings.dateFormat, warnings);
  let built = build();
  let planned = schedulePlan(file, built.text, config, options.today ?? 0, rows);
  for (let round = 0; round <= rows.length; round++) {
    // Root causes first keeps rows as the chart wrote them; past a few rounds (a long chain
    // of rows that each need their own day) every wrong row is written out at once, so a
    // chart costs a bounded number of analyses. The days are the same either way.
    const allAtOnce = round >= PIN_ROUNDS;
    let changed = false;
    // Rows whose days are wrong and can still be written out (a milestone's date always is).
    const wrong = new Set(rows.filter((r) => r.kind === 'task' && (r.start === undefined || r.end === undefined) && !sameDays(r.want, planned.get(r.id))).map((r) => r.id));
    for (const row of rows) {
      if (!wrong.has(row.id) || row.want.start === undefined || row.want.end === undefined) continue;
      // Only where the cause is the row itself: a row after a wrong row is right once that one is.
      if (!allAtOnce && row.after.some((p) => wrong.has(p))) continue;
      const got = planned.get(row.id);
      if (got?.start !== row.want.start && row.start === undefined) {
        row.start = row.want.start;
        // An `after` that would now be violated: mermaid starts this task before that one ends in Specline's terms.
        for (const p of [...row.after]) {
          const pred = rows.find((r) => r.id === p);
          if (pred?.want.end !== undefined && pred.want.end >= row.want.start) {
            row.after = row.after.filter((x) => x !== p);
            row.notes.push(`after ${p}`);
            note('info', row.line, `${row.id}: mermaid starts it on ${dayText(row.want.start)}, the day ${p} ${pred.kind === 'milestone' ? 'is due' : 'ends'}; Specline starts work after ${p} a working day later, so the start is written out and the Notes column keeps \`after ${p}\``);
          }
        }
        changed = true;
      } else if (got?.end !== row.want.end && row.end === undefined) {
        row.end = row.want.end;
        delete row.duration;
        changed = true;
      }
    }
    if (!changed) break;
    built = build();
    planned = schedulePlan(file, built.text, config, options.today ?? 0, rows);
  }

  const tasks: ConvertedTask[] = rows.map((r) => {
    const got = planned.get(r.id);
    return {
      mermaidId: r.mermaidId, id: r.id, kind: r.kind, line: r.line, chart: { ...r.want },
      plan: { ...(got?.start !== undefined ? { start: got.start } : {}), ...(got?.end !== undefined ? { end: got.end } : {}) },
    };
  });
  for (const t of tasks) {
    if (t.chart.start === undefined) {
      if (!notes.some((n) => n.line === t.line && n.severity === 'warning')) note('warning', t.line, `${t.id}: mermaid gives this task no dates of its own (see \`specline check\`), so the plan cannot keep any`);
      continue;
    }
    if (!sameDays(t.chart, t.plan)) {
      note('warning', t.line, `${t.id}: mermaid draws ${dayText(t.chart.start)} to ${dayText(t.chart.end)}, the plan gives ${dayText(t.plan.start)} to ${dayText(t.plan.end)}: ${mismatchReason(t.chart, calendar)}`);
    }
  }
  notes.sort((a, b) => a.line - b.line);
  // The warnings go into the plan's comment too, so the file itself says what it did not keep.
  const warnings = notes.filter((n) => n.severity === 'warning').map((n) => `line ${n.line + 1}: ${n.message}`);
  if (warnings.length) built = build(warnings);
  return { text: built.text, edits: built.edits, tasks, notes, fence };
}

function assemble(mode: ConvertMode, file: FilePath, lines: string[], eol: string, fence: { open: number; close: number }, ganttLine: number, chart: ReturnType<typeof readGantt>, rows: PlanRow[], placement: Placement, unexpressed: string[], timed: boolean, dateFormat: string, warnings: string[]): { text: string; edits: ConvertEdit[] } {
  // A new document: the title is its H1 and sections are H2; in place: one level below the heading above the chart.
  const titled = chart.statements.some((s) => s.keyword === 'title' && s.value.text.trim() !== '');
  const depth = mode === 'document' ? (titled ? 1 : 2) : Math.max(2, headingDepthAt(lines, fence.open) + 1);
  const kept = keptLines(lines, fence, chart, unexpressed.length > 0, timed, dateFormat);
  const body = renderPlan({ rows, chart, depth, kept, warnings, origin: mode === 'document' ? `${file}, line ${ganttLine + 1}` : undefined });
  if (mode === 'document') {
    const fm = placement.write ? ['---', calendarLine(placement.write.calendar), '---', ''] : [];
    return { text: [...fm, ...body].join(eol) + eol, edits: [] };
  }
  const edits: ConvertEdit[] = [];
  if (placement.write?.kind === 'new') edits.push({ range: at(0, 0, 0, 0), newText: ['---', calendarLine(placement.write.calendar), '---', '', ''].join(eol) });
  else if (placement.write?.kind === 'line') edits.push({ range: at(placement.write.at, 0, placement.write.at, 0), newText: calendarLine(placement.write.calendar) + eol });
  edits.push({ range: at(fence.open, 0, fence.close, lines[fence.close]!.length), newText: body.join(eol) });
  return { text: applyEdits(lines, eol, edits), edits };
}

function at(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

/** Applies non-overlapping edits to the lines of a text. */
export function applyEdits(lines: string[], eol: string, edits: ConvertEdit[]): string {
  const text = lines.join(eol);
  const offsets: number[] = [];
  let o = 0;
  for (const l of lines) {
    offsets.push(o);
    o += l.length + eol.length;
  }
  const offset = (p: { line: number; character: number }): number => offsets[p.line]! + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

/** The depth of the last ATX heading above a line (0 when there is none). */
function headingDepthAt(lines: string[], line: number): number {
  let inFence = false;
  let depth = 0;
  for (let i = 0; i < line; i++) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(lines[i]!)) inFence = !inFence;
    const m = !inFence && /^ {0,3}(#{1,6})(\s|$)/.exec(lines[i]!);
    if (m) depth = m[1]!.length;
  }
  return Math.min(depth, 5);
}

/**
 * The chart's lines the plan does not hold, verbatim: everything but blank lines, the
 * fence, `gantt`, task lines, `title`, `section`, `inclusiveEndDates` (the days are
 * written inclusive) and a date-only `dateFormat` (dates are written ISO); `excludes`,
 * `includes` and `weekend` stay when the calendar does not express them all.
 */
function keptLines(lines: string[], fence: { open: number; close: number }, chart: ReturnType<typeof readGantt>, calendarShort: boolean, timed: boolean, dateFormat: string): string[] {
  const taskLines = new Set(chart.tasks.map((t) => t.line.line));
  const statementAt = new Map(chart.statements.map((s) => [s.line.line, s.keyword]));
  const held = new Set(['title', 'section', 'inclusiveEndDates']);
  if (!timed && !hasTimeOfDay(dateFormat)) held.add('dateFormat');
  if (!calendarShort) for (const k of ['excludes', 'weekend']) held.add(k);
  if (!calendarShort && chart.statements.every((s) => s.keyword !== 'includes')) held.add('includes');
  const out: string[] = [];
  for (let n = fence.open + 1; n < fence.close || (n === fence.close && !/^ {0,3}(`{3,}|~{3,})\s*$/.test(lines[n]!)); n++) {
    const line = lines[n]!;
    if (line.trim() === '' || n === chart.ganttLine || taskLines.has(n)) continue;
    const keyword = statementAt.get(n);
    if (keyword !== undefined && held.has(keyword)) continue;
    out.push(line);
  }
  return out;
}

/** Schedules the converted text on its own and returns the dates of the rows. */
function schedulePlan(file: FilePath, text: string, config: SpeclineConfig, today: DayNumber, rows: PlanRow[]): Map<string, { start?: DayNumber; end?: DayNumber }> {
  const result = parseFile(file, text, config);
  const analysis = analyze({ config, configDiagnostics: [], files: [result], today });
  const out = new Map<string, { start?: DayNumber; end?: DayNumber }>();
  for (const row of rows) {
    if (row.kind === 'milestone') {
      const date = analysis.schedule.milestones.get(row.id)?.date;
      out.set(row.id, date === undefined ? {} : { start: date, end: date });
    } else {
      const t = analysis.schedule.tasks.get(row.id);
      out.set(row.id, { ...(t?.start !== undefined ? { start: t.start } : {}), ...(t?.end !== undefined ? { end: t.end } : {}) });
    }
  }
  return out;
}

function sameDays(a: { start?: DayNumber; end?: DayNumber }, b: { start?: DayNumber; end?: DayNumber } | undefined): boolean {
  if (a.start === undefined) return true;
  return b !== undefined && a.start === b.start && a.end === b.end;
}

/** Why Specline cannot give a task the days mermaid draws. */
export function mismatchReason(chart: { start?: DayNumber; end?: DayNumber }, calendar: WorkCalendar): string {
  const days = [chart.start, chart.end].filter((d): d is DayNumber => d !== undefined);
  if (days.some((d) => !writableDay(d))) return 'Specline dates run from 1900 to 2199';
  const off = days.filter((d) => !calendar.isWorkday(d));
  const unique = [...new Set(off)];
  if (unique.length) return `${unique.map(formatDate).join(' and ')} ${unique.length === 1 ? 'is not a working day' : 'are not working days'} in the plan's calendar, and a Specline task starts and ends on working days`;
  return 'Specline\'s scheduling rules give other days';
}

function dayText(day: DayNumber | undefined): string {
  return day === undefined ? 'no date' : formatDate(day);
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** A day Specline can write (years 1900–2199). */
export function writableDay(day: DayNumber): boolean {
  return parseIsoDate(formatDate(day)) !== undefined;
}
