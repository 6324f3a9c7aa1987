/**
 * Hand-built `Analysis` objects for renderer tests. The real analysis comes from the
 * parser, checker and scheduler; renderers only read it, so tests describe the finished
 * state directly: items with the fields that matter, scheduled dates, and diagnostics.
 * `build()` derives the feature and goal roll-ups the way docs/format.md#traceability defines them.
 */
import type { Analysis, FeatureInfo, GoalInfo } from '../../../src/core/analysis/types.js';
import type { SpeclineConfig, RuleLevel } from '../../../src/core/model/configTypes.js';
import { dayNumber, parseIsoDate, weekday } from '../../../src/core/model/dates.js';
import type {
  DayNumber, Diagnostic, FileResult, Horizon, Item, ItemKind, Level, LinkKey, Priority, Range, Reference, Severity, Status,
} from '../../../src/core/model/types.js';
import type { ScheduledMilestone, ScheduledTask, ScheduleIssue, ScheduleResult } from '../../../src/core/schedule/types.js';

export interface ItemSpec {
  title?: string;
  file?: string;
  /** Zero-based line of the ID; default: the next free line of the file. */
  line?: number;
  section?: string[];
  status?: Status;
  owners?: string[];
  progress?: number;
  priority?: string;
  target?: string;
}

export interface GoalSpec extends ItemSpec {
  horizon?: string;
  metric?: string;
}

export interface FeatureSpec extends ItemSpec {
  goals?: string[];
  milestone?: string;
}

export interface TaskSpec extends ItemSpec {
  features?: string[];
  after?: string[];
  milestone?: string;
  /** Scheduled first day (the scheduler's result, not the attribute). */
  start?: string;
  /** Scheduled last day, inclusive. */
  end?: string;
  /** Working days; with `start` and no `end`, the end is computed (Mon–Fri, builder holidays). */
  days?: number;
  critical?: boolean;
  float?: number;
  allocation?: number;
}

export interface MilestoneSpec extends ItemSpec {
  date?: string;
  after?: string[];
  features?: string[];
}

export interface RiskSpec extends ItemSpec {
  impact?: Level;
  probability?: Level;
  mitigation?: string[];
  mitigationText?: string;
}

export interface DiagnosticSpec {
  code: string;
  severity?: Severity;
  message?: string;
  /** The item it is about: sets `data.item` and, unless `file`/`line` are given, its location. */
  item?: string;
  file?: string;
  line?: number;
  tasks?: string[];
}

export interface BuilderOptions {
  today?: string;
  workdays?: number[];
  holidays?: string[];
  fileTitles?: Record<string, string>;
  capacity?: Record<string, number>;
  rules?: Record<string, RuleLevel>;
}

/** `YYYY-MM-DD` → day number; throws on a bad date so a typo fails the test loudly. */
export function d(text: string): DayNumber {
  const day = parseIsoDate(text);
  if (day === undefined) throw new Error(`bad date in test: ${text}`);
  return day;
}

const DEFAULT_FILE = 'plan.md';

export class AnalysisBuilder {
  private readonly items: Item[] = [];
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly milestones = new Map<string, ScheduledMilestone>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly issues: ScheduleIssue[] = [];
  private readonly load = new Map<string, Array<{ from: DayNumber; to: DayNumber; load: number; tasks: string[] }>>();
  private readonly nextLine = new Map<string, number>();
  private readonly workdays: number[];
  private readonly holidays: DayNumber[];

  constructor(private readonly options: BuilderOptions = {}) {
    this.workdays = options.workdays ?? [1, 2, 3, 4, 5];
    this.holidays = (options.holidays ?? []).map(d);
  }

  goal(id: string, spec: GoalSpec = {}): this {
    const item = this.item(id, 'goal', spec);
    if (spec.horizon !== undefined) item.horizon = parseHorizon(spec.horizon);
    if (spec.metric !== undefined) item.metric = spec.metric;
    return this;
  }

  feature(id: string, spec: FeatureSpec = {}): this {
    const item = this.item(id, 'feature', spec);
    if (spec.goals) item.links.goals = this.refs(item, 'goals', spec.goals);
    if (spec.milestone) item.links.milestone = this.refs(item, 'milestone', [spec.milestone]);
    return this;
  }

  task(id: string, spec: TaskSpec = {}): this {
    const item = this.item(id, 'task', spec);
    if (spec.features) item.links.features = this.refs(item, 'features', spec.features);
    if (spec.after) item.links.after = this.refs(item, 'after', spec.after);
    if (spec.milestone) item.links.milestone = this.refs(item, 'milestone', [spec.milestone]);
    if (spec.allocation !== undefined) item.allocation = spec.allocation;
    const start = spec.start !== undefined ? d(spec.start) : undefined;
    let end = spec.end !== undefined ? d(spec.end) : undefined;
    if (start !== undefined && end === undefined && spec.days !== undefined) end = this.addWorkingDays(start, spec.days);
    if (spec.days !== undefined) item.duration = { amount: spec.days, unit: 'd' };
    const scheduled: ScheduledTask = { id, critical: spec.critical ?? false };
    if (start !== undefined) scheduled.start = start;
    if (start !== undefined && end !== undefined) {
      scheduled.end = end;
      scheduled.duration = this.workingDays(start, end);
      scheduled.float = spec.float ?? 0;
    }
    this.tasks.set(id, scheduled);
    return this;
  }

  milestone(id: string, spec: MilestoneSpec = {}): this {
    const item = this.item(id, 'milestone', spec);
    if (spec.after) item.links.after = this.refs(item, 'after', spec.after);
    if (spec.features) item.links.features = this.refs(item, 'features', spec.features);
    const date = spec.date !== undefined ? d(spec.date) : undefined;
    if (date !== undefined) item.date = date;
    this.milestones.set(id, date === undefined ? { id } : { id, date });
    return this;
  }

  risk(id: string, spec: RiskSpec = {}): this {
    const item = this.item(id, 'risk', spec);
    if (spec.impact) item.impact = spec.impact;
    if (spec.probability) item.probability = spec.probability;
    if (spec.mitigation) item.links.mitigation = this.refs(item, 'mitigation', spec.mitigation);
    if (spec.mitigationText) item.mitigationText = spec.mitigationText;
    return this;
  }

  diagnostic(spec: DiagnosticSpec): this {
    const target = spec.item ? this.items.find((i) => i.id === spec.item) : undefined;
    const file = spec.file ?? target?.file ?? DEFAULT_FILE;
    const line = spec.line ?? target?.idRange.start.line ?? 0;
    const data: Diagnostic['data'] = {};
    if (spec.item) data.item = spec.item;
    if (spec.tasks) data['tasks'] = spec.tasks;
    this.diagnostics.push({
      file,
      range: lineRange(line, 0, 10),
      severity: spec.severity ?? 'warning',
      code: spec.code,
      message: spec.message ?? spec.code,
      related: [],
      data,
    });
    return this;
  }

  issue(issue: ScheduleIssue): this {
    this.issues.push(issue);
    return this;
  }

  ownerLoad(owner: string, runs: Array<{ from: string; to: string; load: number; tasks: string[] }>): this {
    this.load.set(owner, runs.map((r) => ({ from: d(r.from), to: d(r.to), load: r.load, tasks: r.tasks })));
    return this;
  }

  /** Working days from `start` to `end` inclusive, with the builder's calendar. */
  workingDays(start: DayNumber, end: DayNumber): number {
    let n = 0;
    for (let day = start; day <= end; day++) if (this.isWorkingDay(day)) n++;
    return n;
  }

  build(): Analysis {
    const items = new Map<string, Item>();
    const definitions = new Map<string, Item[]>();
    for (const item of this.items) {
      if (!items.has(item.id)) items.set(item.id, item);
      definitions.set(item.id, [...(definitions.get(item.id) ?? []), item]);
    }

    const features = new Map<string, FeatureInfo>();
    const goals = new Map<string, GoalInfo>();
    for (const item of items.values()) {
      if (item.kind === 'goal') goals.set(item.id, { id: item.id, features: [], deadline: minDefined(item.target, item.horizon?.end) });
    }
    for (const item of items.values()) {
      if (item.kind !== 'feature') continue;
      const goalIds = (item.links.goals ?? []).map((r) => r.id).filter((g) => items.get(g)?.kind === 'goal');
      for (const g of goalIds) goals.get(g)?.features.push(item.id);
      const info: FeatureInfo = { id: item.id, goals: goalIds, tasks: [], milestones: [], traced: false, scheduled: false };
      if (item.links.milestone) info.milestones.push(...item.links.milestone.map((r) => r.id));
      features.set(item.id, info);
    }
    for (const item of items.values()) {
      for (const ref of item.links.features ?? []) {
        const info = features.get(ref.id);
        if (!info) continue;
        if (item.kind === 'task') info.tasks.push(item.id);
        if (item.kind === 'milestone' && !info.milestones.includes(item.id)) info.milestones.push(item.id);
      }
    }
    for (const info of features.values()) {
      let total = 0;
      let done = 0;
      for (const t of info.tasks) {
        const s = this.tasks.get(t);
        if (s?.start === undefined || s.end === undefined) continue;
        info.scheduled = true;
        info.start = info.start === undefined ? s.start : Math.min(info.start, s.start);
        info.end = info.end === undefined ? s.end : Math.max(info.end, s.end);
        const task = items.get(t);
        const weight = s.duration ?? 0;
        total += weight;
        done += (weight * (task?.status === 'done' ? 100 : task?.progress ?? 0)) / 100;
      }
      info.traced = info.goals.length > 0 && info.tasks.length > 0;
      if (total > 0) info.progress = (100 * done) / total;
    }

    const files = new Map<string, FileResult>();
    for (const item of this.items) {
      let file = files.get(item.file);
      if (!file) {
        file = {
          file: item.file, hash: '0', items: [], references: [], diagnostics: [], suppressions: { lines: [], blocks: [] },
          title: this.options.fileTitles?.[item.file], headings: [], lineCount: 0,
        };
        files.set(item.file, file);
      }
      file.items.push(item);
      file.lineCount = Math.max(file.lineCount, item.range.end.line + 1);
    }

    const capacityOwners = new Map<string, number>(Object.entries(this.options.capacity ?? {}));
    const config: SpeclineConfig = {
      prefixes: new Map<string, ItemKind>([['G', 'goal'], ['FEAT', 'feature'], ['T', 'task'], ['M', 'milestone'], ['R', 'risk'], ['P', 'persona']]),
      include: ['**/*.md'],
      exclude: [],
      calendar: { workdays: this.workdays, holidays: this.holidays },
      capacity: { default: 100, owners: capacityOwners },
      rules: new Map(Object.entries(this.options.rules ?? {})),
    };
    const schedule: ScheduleResult = { tasks: this.tasks, milestones: this.milestones, issues: this.issues, load: this.load };
    return {
      config,
      today: d(this.options.today ?? '2027-01-04'),
      files,
      items,
      definitions,
      features,
      goals,
      schedule,
      diagnostics: this.diagnostics,
    };
  }

  private item(id: string, kind: ItemKind, spec: ItemSpec): Item {
    const file = spec.file ?? DEFAULT_FILE;
    const line = spec.line ?? this.nextLine.get(file) ?? 0;
    this.nextLine.set(file, Math.max(this.nextLine.get(file) ?? 0, line + 1));
    const item: Item = {
      id,
      kind,
      form: 'list',
      file,
      idRange: lineRange(line, 6, 6 + id.length),
      range: lineRange(line, 0, 80),
      title: spec.title ?? `${id} title`,
      section: spec.section ?? [],
      attributes: {},
      custom: {},
      links: {},
      owners: spec.owners ?? [],
    };
    if (spec.status) item.status = spec.status;
    if (spec.progress !== undefined) item.progress = spec.progress;
    if (spec.priority) item.priority = parsePriority(spec.priority);
    if (spec.target) item.target = d(spec.target);
    this.items.push(item);
    return item;
  }

  private refs(item: Item, key: LinkKey, ids: string[]): Reference[] {
    return ids.map((id) => ({ id, file: item.file, range: item.idRange, key, from: item.id }));
  }

  private isWorkingDay(day: DayNumber): boolean {
    return this.workdays.includes(weekday(day)) && !this.holidays.includes(day);
  }

  private addWorkingDays(start: DayNumber, days: number): DayNumber {
    let day = start;
    let left = days;
    for (;;) {
      if (this.isWorkingDay(day)) left--;
      if (left <= 0) return day;
      day++;
    }
  }
}

function lineRange(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function parsePriority(text: string): Priority {
  const ranks: Record<string, number> = { must: 0, should: 1, could: 2, wont: 3, p0: 0, p1: 1, p2: 2, p3: 3 };
  return { text, rank: ranks[text.toLowerCase()] ?? 3 };
}

/** docs/format.md#scheduling: a dated horizon ends on the last day of its quarter, half or year. */
export function parseHorizon(text: string): Horizon {
  const t = text.trim().toLowerCase();
  if (t === 'now' || t === 'next' || t === 'later') return { text, bucket: t };
  let m = /^(\d{4})-q([1-4])$/.exec(t);
  if (m) return { text, bucket: 'quarter', end: dayNumber(Number(m[1]), Number(m[2]) * 3 + 1, 1) - 1 };
  m = /^(\d{4})-h([12])$/.exec(t);
  if (m) return { text, bucket: 'half', end: dayNumber(Number(m[1]), Number(m[2]) * 6 + 1, 1) - 1 };
  m = /^(\d{4})$/.exec(t);
  if (m) return { text, bucket: 'year', end: dayNumber(Number(m[1]) + 1, 1, 1) - 1 };
  throw new Error(`bad horizon in test: ${text}`);
}
