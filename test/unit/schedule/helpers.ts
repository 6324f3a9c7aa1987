/**
 * Test helpers for the scheduler: plans written as small tables with ISO dates, and results
 * and issues turned back into short readable strings, so each test reads like the plan it is.
 */
import { formatDate, parseIsoDate } from '../../../src/core/model/dates.js';
import type { DayNumber, Duration } from '../../../src/core/model/types.js';
import { schedule } from '../../../src/core/schedule/scheduler.js';
import type { ScheduleInput, ScheduleIssue, ScheduleResult } from '../../../src/core/schedule/types.js';

/** Day number of an ISO date; throws on a typo so a bad table fails loudly. */
export function day(iso: string): DayNumber {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`bad date in test: ${iso}`);
  return d;
}

export function iso(d: DayNumber | undefined): string {
  return d === undefined ? '-' : formatDate(d);
}

/** `5d`, `2w`, `1.5d`; undefined stays undefined. */
export function duration(text: string | undefined): Duration | undefined {
  if (text === undefined) return undefined;
  const m = /^(-?\d+(?:\.\d+)?)([dw])$/.exec(text);
  if (!m) throw new Error(`bad duration in test: ${text}`);
  return { amount: Number(m[1]), unit: m[2] as 'd' | 'w' };
}

export interface TaskRow {
  id: string;
  doc?: string;
  start?: string;
  end?: string;
  dur?: string;
  /** Space-separated predecessor IDs. */
  after?: string;
  plan?: string;
  /** Space-separated owner handles. */
  owners?: string;
  alloc?: number;
  cal?: string;
}

export interface MilestoneRow {
  id: string;
  doc?: string;
  date?: string;
  after?: string;
  cal?: string;
}

export interface PlanSpec {
  tasks?: TaskRow[];
  milestones?: MilestoneRow[];
  /** Project start. */
  start?: string;
  workdays?: number[];
  holidays?: string[];
  calendars?: Record<string, { workdays?: number[]; holidays?: string[] }>;
  capacity?: number;
  owners?: Record<string, number>;
}

const words = (s: string | undefined): string[] => (s ? s.split(/\s+/).filter(Boolean) : []);
const opt = (s: string | undefined): DayNumber | undefined => (s === undefined ? undefined : day(s));

export function buildInput(spec: PlanSpec): ScheduleInput {
  const calendars = new Map<string, { workdays: number[]; holidays: DayNumber[] }>();
  for (const [key, c] of Object.entries(spec.calendars ?? {})) {
    calendars.set(key, { workdays: c.workdays ?? [1, 2, 3, 4, 5], holidays: (c.holidays ?? []).map(day) });
  }
  return {
    calendar: { workdays: spec.workdays ?? [1, 2, 3, 4, 5], holidays: (spec.holidays ?? []).map(day) },
    calendars,
    projectStart: opt(spec.start),
    tasks: (spec.tasks ?? []).map((t) => ({
      id: t.id,
      doc: t.doc ?? 'plan.md',
      calendar: t.cal,
      start: opt(t.start),
      end: opt(t.end),
      duration: duration(t.dur),
      after: words(t.after),
      planStart: opt(t.plan),
      owners: words(t.owners),
      allocation: t.alloc,
    })),
    milestones: (spec.milestones ?? []).map((m) => ({
      id: m.id,
      doc: m.doc ?? 'plan.md',
      calendar: m.cal,
      date: opt(m.date),
      after: words(m.after),
    })),
    capacity: { default: spec.capacity ?? 100, owners: new Map(Object.entries(spec.owners ?? {})) },
  };
}

/** One line per issue, dates as ISO. */
export function issueText(issue: ScheduleIssue): string {
  switch (issue.code) {
    case 'schedule.cycle':
      return `${issue.code} ${issue.ids.join(' > ')}`;
    case 'schedule.unscheduled':
    case 'schedule.no-duration':
      return `${issue.code} ${issue.id}`;
    case 'schedule.dependency-violated':
      return `${issue.code} ${issue.id} start ${iso(issue.start)} <= ${issue.predecessor} end ${iso(issue.predecessorEnd)}`;
    case 'schedule.overspecified':
      return `${issue.code} ${issue.id} ${issue.reason} expected ${issue.expected} actual ${issue.actual}`;
    case 'resource.overallocated':
      return `${issue.code} ${issue.owner} cap ${issue.capacity} ${issue.days.map((r) => `${iso(r.from)}..${iso(r.to)}@${r.load}`).join(' ')} tasks ${issue.tasks.join(' ')}`;
  }
}

export interface Outcome {
  result: ScheduleResult;
  /** Task → `start..end`, milestone → `date` (`-` for unknown). */
  dates: Record<string, string>;
  issues: string[];
}

export function run(spec: PlanSpec): Outcome {
  const result = schedule(buildInput(spec));
  const dates: Record<string, string> = {};
  for (const t of result.tasks.values()) dates[t.id] = `${iso(t.start)}..${iso(t.end)}`;
  for (const m of result.milestones.values()) dates[m.id] = iso(m.date);
  return { result, dates, issues: result.issues.map(issueText) };
}

export { prng } from '../../support/prng.js';

/** An integer in [lo, hi]. */
export function randInt(rnd: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
