import type { SpeclineConfig } from '../model/configTypes.js';
import type { Analysis, FeatureInfo } from '../analysis/types.js';
import type { DayNumber, FilePath, FileResult, Item } from '../model/types.js';
import { WorkCalendar, workdaysBetween } from '../schedule/calendar.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import type { ScheduleResult } from '../schedule/types.js';

export type { Baseline, BaselineEntry } from '../model/baselineTypes.js';
import type { Baseline, BaselineEntry } from '../model/baselineTypes.js';

/** The dates of `analysis` (the workspace at `commit`) as a baseline. */
export function baselineOf(analysis: Analysis, ref: string, commit: string): Baseline {
  const tasks = new Map<string, BaselineEntry>();
  const milestones = new Map<string, BaselineEntry>();
  const features = new Map<string, BaselineEntry>();
  const goals = new Map<string, BaselineEntry>();
  for (const item of analysis.items.values()) {
    if (item.kind === 'task') {
      const t = analysis.schedule.tasks.get(item.id);
      tasks.set(item.id, { item, ...(t?.start === undefined ? {} : { start: t.start }), ...(t?.end === undefined ? {} : { end: t.end }) });
    } else if (item.kind === 'milestone') {
      const date = analysis.schedule.milestones.get(item.id)?.date;
      milestones.set(item.id, { item, ...(date === undefined ? {} : { start: date, end: date }) });
    } else if (item.kind === 'feature') {
      const f = analysis.features.get(item.id);
      features.set(item.id, { item, ...(f?.start === undefined ? {} : { start: f.start }), ...(f?.end === undefined ? {} : { end: f.end }) });
    } else if (item.kind === 'goal') {
      goals.set(item.id, { item });
    }
  }
  return { ref, commit, tasks, milestones, features, goals };
}

/** What a comparison reads of the current plan: an analysis, or a check's context. */
export interface DatedPlan {
  config: SpeclineConfig;
  files: ReadonlyMap<FilePath, FileResult>;
  items: ReadonlyMap<string, Item>;
  features: ReadonlyMap<string, FeatureInfo>;
  schedule: ScheduleResult;
}

/** One item compared with the baseline. */
export interface BaselineComparison {
  baselineStart: DayNumber | undefined;
  baselineEnd: DayNumber | undefined;
  /**
   * Working days from the baseline end to the current end, later positive; null when the
   * item did not exist at the baseline, or has no end now or then.
   */
  slip: number | null;
}

/**
 * Slips in working days, counted with the calendar of the document that defines the item
 * now (its plan's calendar over the project's), as every other working-day figure is.
 */
export class SlipCalculator {
  private readonly calendars = new Map<FilePath, WorkCalendar>();

  constructor(private readonly current: DatedPlan) {}

  compare(kind: 'task' | 'milestone' | 'feature', id: string, baseline: Baseline): BaselineComparison {
    const entry = (kind === 'task' ? baseline.tasks : kind === 'milestone' ? baseline.milestones : baseline.features).get(id);
    if (!entry) return { baselineStart: undefined, baselineEnd: undefined, slip: null };
    const end = this.currentEnd(kind, id);
    const item = this.current.items.get(id);
    const slip = end === undefined || entry.end === undefined || !item ? null : workdaysBetween(this.calendar(item.file), entry.end, end);
    return { baselineStart: entry.start, baselineEnd: entry.end, slip };
  }

  private currentEnd(kind: 'task' | 'milestone' | 'feature', id: string): DayNumber | undefined {
    if (kind === 'task') return this.current.schedule.tasks.get(id)?.end;
    if (kind === 'milestone') return this.current.schedule.milestones.get(id)?.date;
    return this.current.features.get(id)?.end;
  }

  private calendar(file: FilePath): WorkCalendar {
    let calendar = this.calendars.get(file);
    if (!calendar) {
      calendar = new WorkCalendar(mergeCalendar(this.current.config.calendar, this.current.files.get(file)?.planCalendar));
      this.calendars.set(file, calendar);
    }
    return calendar;
  }
}

