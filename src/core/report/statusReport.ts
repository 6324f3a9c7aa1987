import type { Analysis } from '../analysis/types.js';
import { formatDate, parseIsoDate } from '../model/dates.js';
import type { DayNumber, Diagnostic, Item, Severity } from '../model/types.js';
import { workCalendar } from '../render/calendar.js';
import type { FeatureHealth } from '../render/health.js';
import { AT_RISK_MARGIN, createHealthContext, featureHealth, HEALTH_ORDER } from '../render/health.js';
import { mdText } from '../render/markdown.js';
import { isClosed, itemProgress } from '../render/progress.js';
import { problemsByItem } from '../render/problems.js';
import { ownerKey, percent } from '../render/text.js';
import { buildTraceMatrix } from '../render/traceMatrix.js';
import type { PlanChanges } from './changes.js';
import { renderChangesSection } from './changes.js';
import { budgetSection } from './budgetSection.js';
import { metricSection } from './metricSection.js';

/** Options of {@link renderStatusReport}. */
export interface StatusReportOptions {
  /** The report date (a day number or `YYYY-MM-DD`); default the analysis's today. */
  today?: DayNumber | string;
  /** Heading of the report; default "Status report". */
  title?: string;
  /**
   * What changed since an earlier version of the plan (`diffAnalyses`), shown as a
   * "Changes since …" section after the summary; `since` names that version (a git ref).
   */
  changes?: { since: string; changes: PlanChanges };
}

/** Milestones this many calendar days ahead (today included) are listed as upcoming. */
export const UPCOMING_DAYS = 14;
const SLIP_CODES = new Set(['schedule.goal-late', 'schedule.milestone-missed']);
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A status report in Markdown that a project manager can send as is: summary (progress
 * weighted by working days, traceability coverage), goals and features late or at risk
 * (see `featureHealth`), overdue tasks, what slipped, milestones in the next 14 days,
 * over-allocated people, open high risks with their mitigation, budgets and earned value,
 * goal metrics, and problems by code.
 * Every section is present even when empty ("None."), so readers learn where to look.
 * All user text is escaped for Markdown (see `mdText`).
 */
export function renderStatusReport(analysis: Analysis, options: StatusReportOptions = {}): string {
  const today = resolveToday(analysis, options.today);
  const calendar = workCalendar(analysis.config.calendar);
  const problems = problemsByItem(analysis);
  const healthCtx = createHealthContext(analysis, today);
  const items = [...analysis.items.values()];

  const out: string[] = [`# ${mdText(options.title) || 'Status report'}`, '', `_As of ${formatDate(today)}._`, ''];

  // ---- data
  const progress = overallProgress(analysis, items, calendar.daysPerWeek);
  const trace = buildTraceMatrix(analysis).coverage;
  const atRisk = featuresAtRisk(analysis, healthCtx);
  const overdue = overdueTasks(analysis, items, today);
  const slipped = slippedItems(analysis, problems);
  const milestones = upcomingMilestones(analysis, items, today, problems);
  const risks = items.filter((i) => i.kind === 'risk' && i.impact === 'high' && !isClosed(i.status));
  const counts = severityCounts(analysis.diagnostics);

  // ---- summary
  out.push('## Summary', '');
  out.push(progress.total > 0
    ? `- **Progress:** ${percent(progress.percent)}% done (${round1(progress.done)} of ${round1(progress.total)} working days of planned work, weighted by duration).`
    : '- **Progress:** no planned work with a duration yet.');
  out.push(trace.total > 0
    ? `- **Traceability:** ${trace.traced} of ${trace.total} feature${plural(trace.total)} traced to a goal and a task (${trace.percent}%).`
    : '- **Traceability:** no features yet.');
  const late = atRisk.filter((r) => r.health.level === 'late').length;
  out.push(`- **Attention:** ${late} feature${plural(late)} late, ${atRisk.length - late} at risk, ${overdue.length} task${plural(overdue.length)} overdue, ${milestones.length} milestone${plural(milestones.length)} in the next ${UPCOMING_DAYS} days, ${risks.length} open high risk${plural(risks.length)}.`);
  out.push(`- **Problems:** ${counts.error} error${plural(counts.error)}, ${counts.warning} warning${plural(counts.warning)}, ${counts.info} info.`);
  out.push('');

  // ---- changes since a ref (only when asked for)
  if (options.changes) out.push(...renderChangesSection(options.changes.changes, options.changes.since), '');

  // ---- goals and features at risk
  out.push('## Goals and features late or at risk', '');
  if (atRisk.length === 0) {
    out.push('None: every scheduled feature is on track.');
  } else {
    out.push(`Late: scheduled to end after the goal's deadline or the feature's target. At risk: ends within ${AT_RISK_MARGIN} working days of it, or has overdue or blocked tasks.`, '');
    // A goal is as healthy as its worst feature; rows are sorted worst first.
    const goals = new Map<string, string>();
    for (const r of atRisk) if (r.goal && !goals.has(r.goal.id)) goals.set(r.goal.id, `**${mdText(r.goal.id)}** (${r.health.label.toLowerCase()})`);
    if (goals.size > 0) out.push(`Goals affected: ${[...goals.values()].join(', ')}.`, '');
    out.push('| Goal | Feature | Health | Why | Owner |', '|---|---|---|---|---|');
    for (const r of atRisk) {
      const goal = r.goal ? `**${mdText(r.goal.id)}** ${mdText(r.goal.title, 60)}` : '_no goal_';
      out.push(`| ${goal} | **${mdText(r.feature.id)}** ${mdText(r.feature.title, 80)} | ${r.health.label} | ${mdText(r.health.reasons.join('; '), 300)} | ${owners(r.feature)} |`);
    }
  }
  out.push('');

  // ---- overdue
  out.push('## Overdue tasks', '');
  if (overdue.length === 0) {
    out.push('None.');
  } else {
    out.push('| Task | Owner | Was due | Late by | Status | Progress |', '|---|---|---|---:|---|---:|');
    for (const o of overdue) {
      const lateBy = calendar.countWorkingDays(o.end + 1, today);
      out.push(`| **${mdText(o.item.id)}** ${mdText(o.item.title, 80)} | ${owners(o.item)} | ${formatDate(o.end)} | ${lateBy} working day${plural(lateBy)} | ${o.item.status ?? 'todo'} | ${percent(itemProgress(o.item))}% |`);
    }
  }
  out.push('');

  // ---- slipped
  out.push('## Slipped', '');
  if (slipped.length === 0) {
    out.push('None: no feature or task ends after its goal, target or milestone.');
  } else {
    for (const s of slipped) {
      const who = s.item ? `**${mdText(s.item.id)}** ${mdText(s.item.title, 80)}` : mdText(s.diagnostic.file);
      out.push(`- ${who} — ${mdText(s.diagnostic.message, 300)}`);
    }
  }
  out.push('');

  // ---- milestones
  out.push(`## Milestones in the next ${UPCOMING_DAYS} days`, '');
  if (milestones.length === 0) {
    out.push('None.');
  } else {
    out.push('| Milestone | Date | In | Outlook |', '|---|---|---:|---|');
    for (const m of milestones) {
      const inDays = m.date - today;
      out.push(`| **${mdText(m.item.id)}** ${mdText(m.item.title, 80)} | ${formatDate(m.date)} | ${inDays === 0 ? 'today' : `${inDays} day${plural(inDays)}`} | ${mdText(m.outlook, 200)} |`);
    }
  }
  out.push('');

  // ---- people
  out.push('## Over-allocated people', '');
  out.push(...overallocationSection(analysis, calendar));
  out.push('');

  // ---- risks
  out.push('## Open high risks', '');
  if (risks.length === 0) {
    out.push('None.');
  } else {
    out.push('| Risk | Probability | Owner | Status | Mitigation |', '|---|---|---|---|---|');
    for (const r of risks) {
      out.push(`| **${mdText(r.id)}** ${mdText(r.title, 80)} | ${r.probability ?? '—'} | ${owners(r)} | ${r.status ?? '—'} | ${mitigation(analysis, r)} |`);
    }
  }
  out.push('');

  // ---- money and outcomes
  out.push('## Budget', '', ...budgetSection(analysis), '');
  out.push('## Goal metrics', '', ...metricSection(analysis), '');

  // ---- problems
  out.push('## Problems by code', '');
  const byCode = problemsByCode(analysis.diagnostics);
  if (byCode.length === 0) {
    out.push('None: `specline check` finds nothing.');
  } else {
    out.push('| Code | Severity | Count |', '|---|---|---:|');
    for (const p of byCode) out.push(`| ${mdText(p.code, 60)} | ${p.severity} | ${p.count} |`);
  }
  return out.join('\n') + '\n';
}

function resolveToday(analysis: Analysis, today: DayNumber | string | undefined): DayNumber {
  if (typeof today === 'number' && Number.isFinite(today)) return Math.floor(today);
  if (typeof today === 'string') return parseIsoDate(today) ?? analysis.today;
  return analysis.today;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function owners(item: Item): string {
  return item.owners.length > 0 ? mdText(item.owners.join(', '), 80) : '—';
}

/**
 * Progress weighted by working days: a 10-day task half done counts five times as much
 * as a 2-day task half done. Weight: the scheduled duration, else the written duration
 * (weeks × working days per week); tasks with neither carry no weight. Dropped tasks
 * are left out.
 */
function overallProgress(analysis: Analysis, items: Item[], daysPerWeek: number): { done: number; total: number; percent: number } {
  let total = 0;
  let done = 0;
  for (const item of items) {
    if (item.kind !== 'task' || item.status === 'dropped') continue;
    let weight = analysis.schedule.tasks.get(item.id)?.duration;
    if (weight === undefined && item.duration) weight = item.duration.amount * (item.duration.unit === 'w' ? daysPerWeek : 1);
    if (weight === undefined || !(weight > 0)) continue;
    total += weight;
    done += (weight * itemProgress(item)) / 100;
  }
  return { done, total, percent: total > 0 ? (100 * done) / total : 0 };
}

interface AtRiskRow {
  goal?: Item;
  feature: Item;
  health: FeatureHealth;
}

/** Late and at-risk features under each goal they serve (untraced ones with no goal), worst first. */
function featuresAtRisk(analysis: Analysis, ctx: ReturnType<typeof createHealthContext>): AtRiskRow[] {
  const rows: AtRiskRow[] = [];
  const order = new Map<string, number>();
  for (const id of analysis.items.keys()) order.set(id, order.size);
  for (const [id, info] of analysis.features) {
    const feature = analysis.items.get(id);
    if (!feature) continue;
    const health = featureHealth(analysis, id, ctx);
    if (health.level !== 'late' && health.level !== 'at-risk') continue;
    const goals = info.goals.map((g) => analysis.items.get(g)).filter((g) => g !== undefined);
    if (goals.length === 0) rows.push({ feature, health });
    for (const goal of goals) rows.push({ goal, feature, health });
  }
  const rank = (r: AtRiskRow): number => (r.goal ? order.get(r.goal.id) ?? Infinity : Infinity);
  return rows.sort((a, b) =>
    HEALTH_ORDER[a.health.level] - HEALTH_ORDER[b.health.level] ||
    rank(a) - rank(b) ||
    (order.get(a.feature.id) ?? 0) - (order.get(b.feature.id) ?? 0));
}

/** Open tasks whose scheduled end is before today, oldest first. */
function overdueTasks(analysis: Analysis, items: Item[], today: DayNumber): Array<{ item: Item; end: DayNumber }> {
  const result: Array<{ item: Item; end: DayNumber }> = [];
  for (const item of items) {
    if (item.kind !== 'task' || isClosed(item.status)) continue;
    const end = analysis.schedule.tasks.get(item.id)?.end;
    if (end !== undefined && end < today) result.push({ item, end });
  }
  return result.sort((a, b) => a.end - b.end);
}

/** `schedule.goal-late` and `schedule.milestone-missed` diagnostics with the item they are about. */
function slippedItems(analysis: Analysis, problems: Map<string, Diagnostic[]>): Array<{ item?: Item; diagnostic: Diagnostic }> {
  const owner = new Map<Diagnostic, string>();
  for (const [id, list] of problems) for (const d of list) if (SLIP_CODES.has(d.code) && !owner.has(d)) owner.set(d, id);
  return analysis.diagnostics
    .filter((d) => SLIP_CODES.has(d.code))
    .map((d) => {
      const id = owner.get(d);
      return { item: id === undefined ? undefined : analysis.items.get(id), diagnostic: d };
    });
}

/** Milestones dated today … today + 14 calendar days, soonest first, with an outlook. */
function upcomingMilestones(analysis: Analysis, items: Item[], today: DayNumber, problems: Map<string, Diagnostic[]>): Array<{ item: Item; date: DayNumber; outlook: string }> {
  const result: Array<{ item: Item; date: DayNumber; outlook: string }> = [];
  for (const item of items) {
    if (item.kind !== 'milestone' || item.status === 'dropped') continue;
    const date = analysis.schedule.milestones.get(item.id)?.date ?? item.date;
    if (date === undefined || date < today || date > today + UPCOMING_DAYS) continue;
    let outlook = 'On track';
    if (item.status === 'done') outlook = 'Reached';
    else {
      const missed = (problems.get(item.id) ?? []).filter((d) => d.code === 'schedule.milestone-missed');
      if (missed.length > 0) outlook = `At risk: ${missed.map((d) => d.message).join('; ')}`;
    }
    result.push({ item, date, outlook });
  }
  return result.sort((a, b) => a.date - b.date);
}

interface Overload {
  owner: string;
  capacity?: number;
  peak: number;
  days: number;
  first?: DayNumber;
  tasks: Set<string>;
}

/**
 * Who is over capacity, from the scheduler: its `resource.overallocated` findings, else the
 * load runs above capacity; if neither is available, the diagnostics' own messages.
 * Respects the rule being turned off in `.specline.yml`.
 */
function overallocationSection(analysis: Analysis, calendar: ReturnType<typeof workCalendar>): string[] {
  if (analysis.config.rules.get('resource.overallocated') === 'off') return ['Not checked: the rule `resource.overallocated` is off.'];
  const people = new Map<string, Overload>();
  const entry = (owner: string, capacity: number | undefined): Overload => {
    const key = ownerKey(owner);
    let e = people.get(key);
    if (!e) {
      e = { owner, capacity, peak: 0, days: 0, tasks: new Set() };
      people.set(key, e);
    }
    return e;
  };
  const note = (e: Overload, from: DayNumber, to: DayNumber, load: number): void => {
    e.peak = Math.max(e.peak, load);
    e.days += calendar.countWorkingDays(from, to);
    if (e.first === undefined || from < e.first) e.first = from;
  };

  for (const issue of analysis.schedule.issues) {
    if (issue.code !== 'resource.overallocated') continue;
    const e = entry(issue.owner, issue.capacity);
    for (const d of issue.days) note(e, d.from, d.to, d.load);
    for (const t of issue.tasks) e.tasks.add(t);
  }
  if (people.size === 0) {
    for (const [owner, runs] of analysis.schedule.load) {
      const capacity = capacityOf(analysis, owner);
      for (const run of runs) {
        if (run.load <= capacity) continue;
        const e = entry(owner, capacity);
        note(e, run.from, run.to, run.load);
        for (const t of run.tasks) e.tasks.add(t);
      }
    }
  }
  if (people.size === 0) {
    const diags = analysis.diagnostics.filter((d) => d.code === 'resource.overallocated');
    if (diags.length === 0) return ['None.'];
    return diags.map((d) => `- ${mdText(d.message, 300)}`);
  }

  const rows = [...people.values()].sort((a, b) => b.peak - a.peak || (a.owner < b.owner ? -1 : 1));
  const lines = ['| Person | Capacity | Peak load | Working days over | From | Tasks |', '|---|---:|---:|---:|---|---|'];
  for (const p of rows) {
    const tasks = [...p.tasks];
    const shown = tasks.slice(0, 8).map((t) => mdText(t, 40)).join(', ') + (tasks.length > 8 ? ` and ${tasks.length - 8} more` : '');
    lines.push(`| ${mdText(p.owner, 60)} | ${p.capacity === undefined ? '—' : `${round1(p.capacity)}%`} | ${round1(p.peak)}% | ${p.days} | ${p.first === undefined ? '—' : formatDate(p.first)} | ${shown || '—'} |`);
  }
  return lines;
}

function capacityOf(analysis: Analysis, owner: string): number {
  const owners = analysis.config.capacity.owners;
  const direct = owners.get(owner);
  if (direct !== undefined) return direct;
  const key = ownerKey(owner);
  for (const [name, value] of owners) if (ownerKey(name) === key) return value;
  return analysis.config.capacity.default;
}

/** Mitigation as written: prose, or the mitigating tasks with their status. */
function mitigation(analysis: Analysis, risk: Item): string {
  const parts: string[] = [];
  for (const ref of risk.links.mitigation ?? []) {
    const t = analysis.items.get(ref.id);
    parts.push(t ? `${mdText(t.id)} ${mdText(t.title, 60)} (${t.status ?? 'todo'})` : mdText(ref.id));
  }
  if (risk.mitigationText) parts.push(mdText(risk.mitigationText, 200));
  return parts.length > 0 ? parts.join('; ') : '**none**';
}

function severityCounts(diagnostics: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  return counts;
}

function problemsByCode(diagnostics: Diagnostic[]): Array<{ code: string; severity: Severity; count: number }> {
  const map = new Map<string, { code: string; severity: Severity; count: number }>();
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${d.severity}`;
    const e = map.get(key);
    if (e) e.count++;
    else map.set(key, { code: d.code, severity: d.severity, count: 1 });
  }
  return [...map.values()].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
