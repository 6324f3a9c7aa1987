import { MAX_GANTT_EDGE_SEARCH_DAYS, MAX_GANTT_EXCLUDE_WALK, MAX_GANTT_PASSES, MAX_GANTT_SPAN_DAYS } from '../model/limits.js';
import { formatDate, isoWeekday, naiveFromDate, parseStrict, weekdayName } from './dayjsFormat.js';
import { addGanttDuration, parseGanttDuration } from './ganttDuration.js';
import type { GanttChart, GanttTaskLine, Span } from './types.js';

const DAY_MS = 86_400_000;

/** The chart-wide settings mermaid's dates depend on. */
export interface GanttSettings {
  /** The last `dateFormat`, trimmed; '' when there is none (mermaid's default). */
  dateFormat: string;
  excludes: string[];
  includes: string[];
  weekend: 'friday' | 'saturday';
  inclusiveEndDates: boolean;
}

/** Something mermaid accepts silently but gets wrong, found while computing dates. */
export type GanttFinding =
  | { kind: 'unknown-id'; task: number; span: Span; id: string; keyword: 'after' | 'until'; today: boolean }
  | { kind: 'bad-date'; task: number; span: Span; reason: string }
  | { kind: 'bad-duration'; task: number; span: Span }
  | { kind: 'cycle'; task: number; ids: string[] };

export interface GanttDates {
  settings: GanttSettings;
  /** mermaid's id of each task line (its own, or the `taskN` mermaid generates). */
  ids: string[];
  /** Start and (exclusive) end of each task as naive times; undefined where mermaid computes none. */
  start: Array<number | undefined>;
  end: Array<number | undefined>;
  findings: GanttFinding[];
  /** Why mermaid cannot draw the chart (it throws), and on which task line; undefined when it can. */
  failure?: { task: number; message: string };
  /** Set when the chart has more excluded days to walk than Specline walks: later ends ignore `excludes`. */
  walkExhausted?: boolean;
}

/** Reads the settings statements of a chart the way mermaid's gantt database stores them. */
export function ganttSettings(chart: GanttChart): GanttSettings {
  const s: GanttSettings = { dateFormat: '', excludes: [], includes: [], weekend: 'saturday', inclusiveEndDates: false };
  const merge = (list: string[], text: string): string[] => [...new Set([...list, ...text.toLowerCase().split(/[\s,]+/).filter((t) => t !== '')])];
  for (const st of chart.statements) {
    if (st.keyword === 'dateFormat') s.dateFormat = st.value.text.trim();
    else if (st.keyword === 'excludes') s.excludes = merge(s.excludes, st.value.text);
    else if (st.keyword === 'includes') s.includes = merge(s.includes, st.value.text);
    else if (st.keyword === 'weekend') s.weekend = st.value.text.toLowerCase() === 'friday' ? 'friday' : 'saturday';
    else if (st.keyword === 'inclusiveEndDates') s.inclusiveEndDates = true;
  }
  return s;
}

/** mermaid's `isInvalidDate`: whether `excludes` (less `includes`) takes out the day of `t`. */
export function isExcluded(t: number, s: GanttSettings): boolean {
  const formatted = formatDate(t, s.dateFormat);
  const dateOnly = formatDate(t, 'YYYY-MM-DD');
  if (s.includes.includes(formatted) || s.includes.includes(dateOnly)) return false;
  const weekendStart = s.weekend === 'friday' ? 5 : 6;
  const wd = isoWeekday(t);
  if (s.excludes.includes('weekends') && (wd === weekendStart || wd === weekendStart + 1)) return true;
  if (s.excludes.includes(weekdayName(t))) return true;
  return s.excludes.includes(formatted) || s.excludes.includes(dateOnly);
}

class GanttError extends Error {}

// mermaid's own patterns: ids are ASCII letters, digits, `_` and `-`, separated by spaces.
const AFTER = /^after\s+([\d\w\- ]+)/;
const UNTIL = /^until\s+([\d\w\- ]+)/;

interface Raw {
  line: GanttTaskLine;
  /** Index of the task line in the chart. */
  index: number;
  id: string;
  startKind: 'prev' | 'date';
  startText?: Span;
  endText: Span;
  prevId?: string;
  start?: number;
  end?: number;
  manualEnd: boolean;
  processed: boolean;
}

/**
 * Computes every task's dates exactly as mermaid's gantt database does (its `compileTasks`,
 * `getStartDate`, `getEndDate` and `checkTaskDates`), including its quirks, because the
 * point is to agree with the chart people see: tasks without a start follow the previous
 * line's task, `after` takes the latest end and `until` the earliest start of the named
 * tasks, an unknown id means `today`, an unparsable end gives no length, excluded days
 * push the end out unless the end is a written `YYYY-MM-DD` date, and the whole list is
 * recomputed up to eleven times so references to later lines settle. Each step that
 * silently goes wrong is recorded as a finding. `today` is a naive midnight.
 */
export function computeGanttDates(chart: GanttChart, today: number): GanttDates {
  const settings = ganttSettings(chart);
  const result: GanttDates = { settings, ids: [], start: [], end: [], findings: [] };
  const raws: Raw[] = [];
  const byId = new Map<string, number>();
  let generated = 0;
  let lastId: string | undefined;
  for (const [i, line] of chart.tasks.entries()) {
    const d = line.data;
    if (d.length === 0 || d.length > 3) {
      result.failure ??= { task: i, message: d.length === 0 ? 'a task with tags only has no dates, and mermaid fails on it' : `a task has ${d.length} items after its tags; mermaid reads at most three (id, start, end) and fails on more` };
      result.ids.push('');
      continue;
    }
    const id = d.length === 3 ? d[0]!.text : `task${++generated}`;
    const raw: Raw = {
      line, index: i, id, startKind: d.length === 1 ? 'prev' : 'date', endText: d[d.length - 1]!,
      manualEnd: false, processed: false,
      ...(d.length > 1 ? { startText: d[d.length - 2]! } : {}),
      ...(lastId !== undefined ? { prevId: lastId } : {}),
    };
    raws.push(raw);
    result.ids.push(id);
    byId.set(id, raws.length - 1);
    lastId = id;
  }
  if (result.failure) return fill(result, chart, raws);
  const fmt = settings.dateFormat;
  const recorded = new Set<string>();
  const note = (f: GanttFinding, key: string): void => {
    if (recorded.has(key)) return;
    recorded.add(key);
    result.findings.push(f);
  };
  const taskIndex = (r: Raw): number => r.index;
  const budget = { left: MAX_GANTT_EXCLUDE_WALK };

  const refIds = (r: Raw, span: Span, keyword: 'after' | 'until'): Array<{ id: string; span: Span }> | undefined => {
    const m = (keyword === 'after' ? AFTER : UNTIL).exec(span.text);
    if (!m) return undefined;
    const out: Array<{ id: string; span: Span }> = [];
    const base = m[0].length - m[1]!.length;
    const re = /[^ ]+/g;
    for (let x = re.exec(m[1]!); x; x = re.exec(m[1]!)) {
      const s = span.start + base + x.index;
      out.push({ id: x[0], span: { line: span.line, start: s, end: s + x[0].length, text: x[0] } });
    }
    void r;
    return out;
  };

  const startDate = (r: Raw, span: Span): number | undefined => {
    const str = span.text;
    if ((fmt === 'x' || fmt === 'X') && /^\d+$/.test(str)) return Number(str);
    const refs = refIds(r, span, 'after');
    if (refs) {
      let latest: Raw | undefined;
      for (const ref of refs) {
        const pos = byId.get(ref.id);
        if (pos === undefined) {
          note({ kind: 'unknown-id', task: taskIndex(r), span: ref.span, id: ref.id, keyword: 'after', today: !refs.some((x) => byId.has(x.id)) }, `u${ref.span.line}:${ref.span.start}`);
          continue;
        }
        const t = raws[pos]!;
        if (!latest || greater(t.end, latest.end)) latest = t;
      }
      return latest ? latest.end : today;
    }
    const parsed = parseStrict(str, fmt, today);
    if (parsed !== undefined) return parsed;
    const d = new Date(str);
    if (Number.isNaN(d.getTime()) || d.getFullYear() < -1e4 || d.getFullYear() > 1e4) {
      note({ kind: 'bad-date', task: taskIndex(r), span, reason: `"${str}" is not a date mermaid can read${fmt ? ` with dateFormat ${fmt}` : ''}` }, `d${span.line}:${span.start}`);
      throw new GanttError(`mermaid cannot read the date "${str}" and fails`);
    }
    // Without a dateFormat, mermaid's fallback reads ISO dates right: that is its documented default.
    if (fmt !== '' || parseStrict(str, 'YYYY-MM-DD', today) === undefined) {
      note({ kind: 'bad-date', task: taskIndex(r), span, reason: `"${str}" does not match dateFormat ${fmt || '(none)'}; mermaid falls back to the browser's date parser` }, `d${span.line}:${span.start}`);
    }
    return naiveFromDate(d);
  };

  const endDate = (r: Raw, prev: number, span: Span): number | undefined => {
    const str = span.text;
    const refs = refIds(r, span, 'until');
    if (refs) {
      let earliest: Raw | undefined;
      for (const ref of refs) {
        const pos = byId.get(ref.id);
        if (pos === undefined) {
          note({ kind: 'unknown-id', task: taskIndex(r), span: ref.span, id: ref.id, keyword: 'until', today: !refs.some((x) => byId.has(x.id)) }, `u${ref.span.line}:${ref.span.start}`);
          continue;
        }
        const t = raws[pos]!;
        if (!earliest || less(t.start, earliest.start)) earliest = t;
      }
      return earliest ? earliest.start : today;
    }
    const parsed = parseStrict(str, fmt, today);
    if (parsed !== undefined) return settings.inclusiveEndDates ? addGanttDuration(parsed, { value: 1, unit: 'd' }) : parsed;
    const duration = parseGanttDuration(str);
    if (!duration) {
      note({ kind: 'bad-duration', task: taskIndex(r), span }, `e${span.line}:${span.start}`);
      return prev;
    }
    const next = addGanttDuration(prev, duration);
    return Number.isFinite(next) ? next : prev;
  };

  const compile = (r: Raw): void => {
    if (r.startKind === 'prev') {
      const prevPos = r.prevId === undefined ? undefined : byId.get(r.prevId);
      if (prevPos === undefined) throw new GanttError('the first task has no start date, and mermaid fails on it');
      r.start = raws[prevPos]!.end;
    } else {
      const s = startDate(r, r.startText!);
      if (s !== undefined) r.start = s;
    }
    if (r.start === undefined) return;
    r.end = endDate(r, r.start, r.endText);
    if (r.end === undefined) return;
    r.processed = true;
    r.manualEnd = /^\d{4}-\d{2}-\d{2}$/.test(r.endText.text) && parseStrict(r.endText.text, 'YYYY-MM-DD', today) !== undefined;
    r.end = pushPastExcludes(r.start, r.end, r.manualEnd, settings, budget);
    if (budget.left <= 0) result.walkExhausted = true;
  };

  try {
    for (let pass = 0; pass < MAX_GANTT_PASSES; pass++) {
      let all = true;
      for (const r of raws) {
        compile(r);
        all &&= r.processed;
      }
      if (all) break;
    }
  } catch (error) {
    if (!(error instanceof GanttError)) throw error;
    const at = raws.findIndex((r) => !r.processed);
    result.failure = { task: at < 0 ? 0 : taskIndex(raws[at]!), message: error.message };
  }
  if (!result.failure && raws.some((r) => !r.processed)) findCycles(raws, byId, result);
  return fill(result, chart, raws);
}

function fill(result: GanttDates, chart: GanttChart, raws: Raw[]): GanttDates {
  const byLine = new Map(raws.map((r) => [r.line, r]));
  for (const line of chart.tasks) {
    const r = byLine.get(line);
    result.start.push(r?.processed ? r.start : undefined);
    result.end.push(r?.processed ? r.end : undefined);
  }
  return result;
}

/** mermaid's `checkTaskDates`: every excluded day after the start pushes the end one day later. */
function pushPastExcludes(start: number, end: number, manualEnd: boolean, s: GanttSettings, budget: { left: number }): number {
  if (s.excludes.length === 0 || manualEnd) return end;
  let day = start + DAY_MS;
  const max = end + 10_000 * DAY_MS;
  // mermaid walks day by day, without bound; Specline walks a bounded number of days per bar and per chart.
  const limit = start + MAX_GANTT_SPAN_DAYS * DAY_MS;
  while (day <= end && day <= limit && budget.left > 0) {
    budget.left--;
    if (isExcluded(day, s)) {
      end = addGanttDuration(end, { value: 1, unit: 'd' });
      if (end > max) throw new GanttError('`excludes` leaves no day to end a task on (mermaid gives up after 10,000 days)');
    }
    day = addGanttDuration(day, { value: 1, unit: 'd' });
  }
  return end;
}

function greater(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && a > b;
}
function less(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && a < b;
}

/**
 * Tasks mermaid never dates because their `after`/`until`/previous-line chain comes back to
 * itself: the strongly connected components of the undated tasks (Tarjan's algorithm,
 * iterative, so a long chain cannot overflow the stack). Each member is reported once,
 * with the members of its cycle in line order.
 */
function findCycles(raws: Raw[], byId: Map<string, number>, result: GanttDates): void {
  const deps = raws.map((r) => {
    const out: number[] = [];
    if (r.startKind === 'prev' && r.prevId !== undefined) {
      const p = byId.get(r.prevId);
      if (p !== undefined) out.push(p);
    }
    for (const span of [r.startText, r.endText]) {
      const m = span && (AFTER.exec(span.text) ?? UNTIL.exec(span.text));
      if (m) for (const id of m[1]!.split(' ')) if (byId.has(id)) out.push(byId.get(id)!);
    }
    return out.filter((w) => !raws[w]!.processed);
  });
  const index = new Array<number>(raws.length).fill(-1);
  const low = new Array<number>(raws.length).fill(0);
  const onStack = new Array<boolean>(raws.length).fill(false);
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < raws.length; root++) {
    if (raws[root]!.processed || index[root] !== -1) continue;
    const work: Array<[number, number]> = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, k] = frame;
      if (k === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const edges = deps[v]!;
      if (k < edges.length) {
        frame[1]++;
        const w = edges[k]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack[w] = false;
        members.push(w);
        if (w === v) break;
      }
      if (members.length > 1 || deps[v]!.includes(v)) {
        members.sort((a, b) => a - b);
        const ids = members.map((m) => raws[m]!.id);
        for (const m of members) result.findings.push({ kind: 'cycle', task: raws[m]!.index, ids });
      }
    }
  }
}

/** The first and last day of a bar that are not excluded, as day numbers (end inclusive). */
export function barDays(start: number, end: number, s: GanttSettings): { first: number; last: number; allExcluded: boolean } {
  const a = Math.floor(start / DAY_MS);
  const b = Math.max(a + 1, Math.ceil(end / DAY_MS));
  let first: number | undefined;
  let last: number | undefined;
  if (s.excludes.length > 0) {
    // Only so many days are searched from each end: a longer run of excluded days needs an
    // `excludes` list longer than any plan has, or every weekday excluded (which mermaid refuses).
    const reach = Math.min(b - a, MAX_GANTT_EDGE_SEARCH_DAYS);
    for (let d = a; d < a + reach; d++) if (!isExcluded(d * DAY_MS, s)) { first = d; break; }
    for (let d = b - 1; d >= b - reach; d--) if (!isExcluded(d * DAY_MS, s)) { last = d; break; }
  } else {
    first = a;
    last = b - 1;
  }
  if (first === undefined || last === undefined) return { first: a, last: b - 1, allExcluded: true };
  return { first, last, allExcluded: false };
}
