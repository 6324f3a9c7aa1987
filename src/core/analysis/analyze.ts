import type { SpeclineConfig } from '../config/types.js';
import type { CheckContext } from '../check/checkContext.js';
import { runChecks } from '../check/runChecks.js';
import type { CalendarSpec, DayNumber, Diagnostic, FilePath, FileResult, Item, ItemKind } from '../model/types.js';
import { ITEM_KINDS } from '../model/types.js';
import { WorkCalendar } from '../schedule/calendar.js';
import { schedule } from '../schedule/scheduler.js';
import type { ScheduleInput, ScheduleResult } from '../schedule/types.js';
import type { Analysis, FeatureInfo, GoalInfo } from './types.js';

export interface AnalyzeInput {
  config: SpeclineConfig;
  /** Problems in `.specline.yml` itself. */
  configDiagnostics: Diagnostic[];
  /** Every indexed file; the order does not matter (files are sorted by path). */
  files: Iterable<FileResult>;
  today: DayNumber;
}

/**
 * The second phase after parsing: index every definition, resolve links, schedule,
 * roll up features and goals, and run every rule. Linear in the size of the workspace.
 */
export function analyze(input: AnalyzeInput): Analysis {
  const files = new Map<FilePath, FileResult>([...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => [f.file, f]));
  const definitions = new Map<string, Item[]>();
  for (const f of files.values()) {
    for (const item of f.items) {
      const defs = definitions.get(item.id);
      if (defs) defs.push(item);
      else definitions.set(item.id, [item]);
    }
  }
  const items = new Map<string, Item>();
  const byKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, [] as Item[]])) as Record<ItemKind, Item[]>;
  for (const [id, defs] of definitions) {
    items.set(id, defs[0]!);
    byKind[defs[0]!.kind].push(defs[0]!);
  }

  const scheduleResult = schedule(scheduleInput(input.config, files, byKind, items));
  const features = featureInfo(byKind, items, scheduleResult, input.config, files);
  const goals = goalInfo(byKind, items);

  const ctx: CheckContext = { config: input.config, today: input.today, files, items, definitions, byKind, features, goals, schedule: scheduleResult };
  const diagnostics = runChecks(ctx, input.configDiagnostics);
  return { config: input.config, today: input.today, files, items, definitions, features, goals, schedule: scheduleResult, diagnostics };
}

/** A plan's calendar replaces the project's workdays and adds to its holidays. */
export function mergeCalendar(project: Required<CalendarSpec>, plan: CalendarSpec | undefined): Required<CalendarSpec> {
  if (!plan) return project;
  return {
    workdays: plan.workdays ?? project.workdays,
    holidays: plan.holidays ? [...new Set([...project.holidays, ...plan.holidays])].sort((a, b) => a - b) : project.holidays,
  };
}

function resolved(item: Item, key: 'after', items: Map<string, Item>, kinds: readonly ItemKind[]): string[] {
  const out: string[] = [];
  for (const ref of item.links[key] ?? []) {
    const target = items.get(ref.id);
    if (target && kinds.includes(target.kind) && !out.includes(ref.id)) out.push(ref.id);
  }
  return out;
}

function scheduleInput(config: SpeclineConfig, files: Map<FilePath, FileResult>, byKind: Record<ItemKind, Item[]>, items: Map<string, Item>): ScheduleInput {
  const calendars = new Map<string, Required<CalendarSpec>>();
  for (const f of files.values()) if (f.planCalendar) calendars.set(f.file, mergeCalendar(config.calendar, f.planCalendar));
  const input: ScheduleInput = {
    calendar: config.calendar,
    calendars,
    tasks: byKind.task.map((t) => {
      const file = files.get(t.file);
      return {
        id: t.id,
        doc: t.file,
        ...(calendars.has(t.file) ? { calendar: t.file } : {}),
        ...(t.start !== undefined ? { start: t.start } : {}),
        ...(t.end !== undefined ? { end: t.end } : {}),
        ...(t.duration ? { duration: t.duration } : {}),
        after: resolved(t, 'after', items, ['task', 'milestone']),
        ...(file?.planStart !== undefined ? { planStart: file.planStart } : {}),
        owners: t.owners,
        ...(t.allocation !== undefined ? { allocation: t.allocation } : {}),
      };
    }),
    milestones: byKind.milestone.map((m) => ({
      id: m.id,
      doc: m.file,
      ...(calendars.has(m.file) ? { calendar: m.file } : {}),
      ...(m.date !== undefined ? { date: m.date } : {}),
      after: resolved(m, 'after', items, ['task', 'milestone']),
    })),
    capacity: config.capacity,
  };
  if (config.start !== undefined) input.projectStart = config.start;
  return input;
}

function featureInfo(byKind: Record<ItemKind, Item[]>, items: Map<string, Item>, sched: ScheduleResult, config: SpeclineConfig, files: Map<FilePath, FileResult>): Map<string, FeatureInfo> {
  const out = new Map<string, FeatureInfo>();
  for (const f of byKind.feature) {
    const goals = (f.links.goals ?? []).map((r) => r.id).filter((id, i, all) => items.get(id)?.kind === 'goal' && all.indexOf(id) === i);
    const milestones = (f.links.milestone ?? []).map((r) => r.id).filter((id) => items.get(id)?.kind === 'milestone');
    out.set(f.id, { id: f.id, goals, tasks: [], milestones, traced: false, scheduled: false });
  }
  const link = (from: Item, list: 'tasks' | 'milestones'): void => {
    for (const ref of from.links.features ?? []) {
      const info = out.get(ref.id);
      if (info && !info[list].includes(from.id)) info[list].push(from.id);
    }
  };
  for (const t of byKind.task) link(t, 'tasks');
  for (const m of byKind.milestone) link(m, 'milestones');

  const calendarFor = new Map<string, WorkCalendar>();
  const calendarOf = (file: FilePath): WorkCalendar => {
    let cal = calendarFor.get(file);
    if (!cal) {
      cal = new WorkCalendar(mergeCalendar(config.calendar, files.get(file)?.planCalendar));
      calendarFor.set(file, cal);
    }
    return cal;
  };
  for (const info of out.values()) {
    let total = 0;
    let doneDays = 0;
    for (const id of info.tasks) {
      const s = sched.tasks.get(id);
      const task = items.get(id)!;
      if (s?.start === undefined || s.end === undefined) continue;
      info.scheduled = true;
      if (info.start === undefined || s.start < info.start) info.start = s.start;
      if (info.end === undefined || s.end > info.end) info.end = s.end;
      if (task.status === 'dropped') continue;
      const days = s.duration ?? calendarOf(task.file).countWorkdays(s.start, s.end);
      total += days;
      doneDays += task.status === 'done' ? days : (days * (task.progress ?? 0)) / 100;
    }
    if (total > 0) info.progress = Math.round((doneDays / total) * 1000) / 10;
    info.traced = info.goals.length > 0 && info.tasks.length > 0;
  }
  return out;
}

function goalInfo(byKind: Record<ItemKind, Item[]>, items: Map<string, Item>): Map<string, GoalInfo> {
  const out = new Map<string, GoalInfo>();
  for (const g of byKind.goal) {
    const dates = [g.target, g.horizon?.end].filter((d): d is number => d !== undefined);
    out.set(g.id, { id: g.id, features: [], ...(dates.length ? { deadline: Math.min(...dates) } : {}) });
  }
  for (const f of byKind.feature) {
    for (const ref of f.links.goals ?? []) {
      const info = out.get(ref.id);
      if (info && items.get(ref.id)?.kind === 'goal' && !info.features.includes(f.id)) info.features.push(f.id);
    }
  }
  return out;
}
