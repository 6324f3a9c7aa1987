import { weekday } from '../../../src/core/model/dates.js';
import type { DayNumber } from '../../../src/core/model/types.js';
import type { ScheduleInput } from '../../../src/core/schedule/types.js';

/**
 * The scheduling rules written a second time, as plainly as possible: day-by-day calendar
 * arithmetic, cycles by "can I reach myself", dates and late finishes by memoised recursion.
 * Random plans must get the same dates, floats and critical flags from both.
 */
export function referenceSchedule(input: ScheduleInput): Map<string, { start?: DayNumber; end?: DayNumber; float?: number }> {
  const specOf = (key: string | undefined) => (key !== undefined && input.calendars?.get(key)) || input.calendar;
  const works = (key: string | undefined, d: DayNumber): boolean => {
    const spec = specOf(key);
    return spec.workdays.includes(weekday(d)) && !spec.holidays.includes(d);
  };
  const next = (key: string | undefined, d: DayNumber): DayNumber => {
    while (!works(key, d)) d++;
    return d;
  };
  const prev = (key: string | undefined, d: DayNumber): DayNumber => {
    while (!works(key, d)) d--;
    return d;
  };
  const count = (key: string | undefined, a: DayNumber, b: DayNumber): number => {
    let c = 0;
    for (let d = a; d <= b; d++) if (works(key, d)) c++;
    return c;
  };
  const weekLength = (key: string | undefined) => new Set(specOf(key).workdays).size;

  type Node = { id: string; doc: string; cal?: string; after: string[]; task?: ScheduleInput['tasks'][number]; date?: DayNumber };
  const nodes = new Map<string, Node>();
  for (const t of input.tasks) nodes.set(t.id, { id: t.id, doc: t.doc, cal: t.calendar, after: t.after, task: t });
  for (const m of input.milestones) nodes.set(m.id, { id: m.id, doc: m.doc, cal: m.calendar, after: m.after, date: m.date });
  const preds = (n: Node) => n.after.filter((a) => nodes.has(a));

  const reaches = (from: string, target: string, seen = new Set<string>()): boolean => {
    for (const p of preds(nodes.get(from) as Node)) {
      if (p === target) return true;
      if (!seen.has(p)) {
        seen.add(p);
        if (reaches(p, target, seen)) return true;
      }
    }
    return false;
  };

  const memo = new Map<string, { start?: DayNumber; end?: DayNumber; days?: number }>();
  const dates = (id: string): { start?: DayNumber; end?: DayNumber; days?: number } => {
    const hit = memo.get(id);
    if (hit) return hit;
    const n = nodes.get(id) as Node;
    let result: { start?: DayNumber; end?: DayNumber; days?: number } = {};
    if (!reaches(id, id)) {
      const ends = preds(n).map((p) => dates(p).end);
      const known = ends.filter((e): e is number => e !== undefined);
      const latest = known.length > 0 ? Math.max(...known) : undefined;
      const allKnown = ends.length > 0 && known.length === ends.length;
      if (!n.task) {
        result = { end: n.date !== undefined ? n.date : allKnown ? latest : undefined };
      } else {
        const t = n.task;
        const amount = t.duration ? t.duration.amount * (t.duration.unit === 'w' ? weekLength(n.cal) : 1) : 0;
        const d = Number.isInteger(amount) && amount > 0 ? amount : 0;
        let s: DayNumber | undefined;
        if (t.start !== undefined) s = next(n.cal, t.start);
        else if (t.end !== undefined && d > 0) {
          s = prev(n.cal, t.end);
          for (let left = d - 1; left > 0; left--) s = prev(n.cal, s - 1);
        } else if (ends.length > 0) s = allKnown ? next(n.cal, (latest as number) + 1) : undefined;
        else if (t.planStart !== undefined) s = next(n.cal, t.planStart);
        else if (input.projectStart !== undefined) s = next(n.cal, input.projectStart);
        let e: DayNumber | undefined;
        if (s !== undefined) {
          if (t.end !== undefined) e = prev(n.cal, t.end) >= s ? prev(n.cal, t.end) : undefined;
          else if (d > 0) {
            e = s;
            for (let left = d - 1; left > 0; left--) e = next(n.cal, e + 1);
          }
        }
        result = { start: s, end: e, days: s !== undefined && e !== undefined ? count(n.cal, s, e) : undefined };
      }
    }
    memo.set(id, result);
    return result;
  };
  for (const id of nodes.keys()) dates(id);

  const projectEnd = new Map<string, DayNumber>();
  for (const t of input.tasks) {
    const e = dates(t.id).end;
    if (e !== undefined && !(e <= (projectEnd.get(t.doc) ?? -Infinity))) projectEnd.set(t.doc, e);
  }
  const lateMemo = new Map<string, DayNumber | undefined>();
  const late = (id: string): DayNumber | undefined => {
    if (lateMemo.has(id)) return lateMemo.get(id);
    const n = nodes.get(id) as Node;
    let lf: DayNumber | undefined;
    if (dates(id).end !== undefined) {
      let min = Infinity;
      for (const s of nodes.values()) {
        if (s.doc !== n.doc || !preds(s).includes(id)) continue;
        const lfs = late(s.id);
        if (lfs === undefined) continue;
        let bound = lfs;
        if (s.task) {
          let ls = prev(s.cal, lfs);
          for (let left = (dates(s.id).days as number) - 1; left > 0; left--) ls = prev(s.cal, ls - 1);
          bound = prev(n.cal, ls - 1);
        }
        min = Math.min(min, bound);
      }
      lf = min === Infinity ? projectEnd.get(n.doc) : min;
    }
    lateMemo.set(id, lf);
    return lf;
  };

  const out = new Map<string, { start?: DayNumber; end?: DayNumber; float?: number }>();
  for (const t of input.tasks) {
    const { start, end } = dates(t.id);
    const lf = late(t.id);
    let float: number | undefined;
    if (end !== undefined && lf !== undefined) float = lf >= end ? count(t.calendar, end + 1, lf) : -count(t.calendar, lf + 1, end);
    out.set(t.id, { start, end, float });
  }
  for (const m of input.milestones) out.set(m.id, { end: dates(m.id).end });
  return out;
}
