import type { Analysis } from '../analysis/types.js';
import { escapeMarkdown } from '../language/markdownEscape.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber, Diagnostic, FilePath, Item, Severity, Status } from '../model/types.js';
import type { HealthContext, HealthLevel } from '../render/health.js';
import { createHealthContext, featureHealth, HEALTH_LABEL, HEALTH_ORDER } from '../render/health.js';
import { isClosed, itemProgress } from '../render/progress.js';
import { problemsByItemSteps } from '../render/problems.js';
import { displayId } from '../mermaid/localId.js';

/**
 * What an item looks like in the Plan Explorer, worst first: `late` and `at-risk` come from
 * `featureHealth` (features, and goals through their worst feature) or from a task's end
 * before today; the others from the written status (`draft`, `proposed`, `approved` and no
 * status show as `todo`).
 */
export type PlanNodeState = 'late' | 'at-risk' | 'blocked' | 'in-progress' | 'todo' | 'done' | 'dropped';

/** The synthetic groups shown after the goals. */
export type PlanGroup = 'untraced' | 'no-feature' | 'unscheduled' | 'milestones';

/** One node of the Plan Explorer, as plain data (the extension maps it to a `TreeItem`). */
export interface PlanNode {
  /** Unique among the tree's nodes: the path of IDs from the root (`G-1/FEAT-2/T-3`). */
  key: string;
  kind: 'goal' | 'feature' | 'task' | 'milestone' | 'group';
  /** The item's ID; undefined for groups. */
  id?: string;
  group?: PlanGroup;
  /** `FEAT-2 Single sign-on`, or the group's name. */
  label: string;
  /** Dates, owner, progress, health and the problem count, joined with ` · `. */
  description: string;
  state?: PlanNodeState;
  /** Diagnostics on the item itself (see `problemsByItem`), or in a group, on its members. */
  problems: { count: number; worst?: Severity };
  /** Where the ID is written (zero-based line and character, as in VS Code). */
  location?: { file: FilePath; line: number; character: number };
  /** Markdown for the hover; every piece of user text in it is escaped. */
  tooltip: string;
  children: PlanNode[];
}

export interface PlanTreeOptions {
  /** Default: the analysis's today. */
  today?: DayNumber;
  /** Problem messages listed in a tooltip before "and N more". */
  maxTooltipProblems?: number;
}

export const GROUP_LABEL: Readonly<Record<PlanGroup, string>> = {
  untraced: 'Untraced features',
  'no-feature': 'Tasks without a feature',
  unscheduled: 'Unscheduled tasks',
  milestones: 'Other milestones',
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

interface Context {
  analysis: Analysis;
  today: DayNumber;
  health: HealthContext;
  problems: Map<string, Diagnostic[]>;
  order: Map<string, number>;
  maxProblems: number;
}

/**
 * The Plan Explorer's tree for one analysis: goals → features (those naming the goal) →
 * tasks (those delivering the feature, sub-tasks under their parent) and milestones (those
 * naming the feature, or named by its `milestone:`), then the groups that need attention —
 * "Untraced features" (no goal), "Tasks without a feature", "Unscheduled tasks" (the
 * scheduler could not give open tasks a start or an end) and "Other milestones" (no feature) —
 * each only when not empty. Everything is in source order (file, then line). A feature
 * serving two goals appears under both.
 */
export function buildPlanTree(analysis: Analysis, options: PlanTreeOptions = {}): PlanNode[] {
  const steps = planTreeSteps(analysis, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `buildPlanTree` in steps (one per node, and between the whole-analysis passes), for a
 * host that builds the tree in slices (`core/live/slices.ts`): a tree of thousands of
 * tasks must not hold the editor in one piece.
 */
export function* planTreeSteps(analysis: Analysis, options: PlanTreeOptions = {}): Generator<void, PlanNode[], void> {
  const today = options.today ?? analysis.today;
  const order = new Map<string, number>();
  const items = sourceOrder([...analysis.items.values()]);
  for (const item of items) order.set(item.id, order.size);
  yield;
  const problems = yield* problemsByItemSteps(analysis);
  const health = createHealthContext(analysis, today, problems);
  yield;
  const ctx: Context = {
    analysis,
    today,
    health,
    problems,
    order,
    maxProblems: options.maxTooltipProblems ?? 5,
  };
  yield;
  const roots: PlanNode[] = [];

  for (const goal of items) if (goal.kind === 'goal') roots.push(yield* goalNode(ctx, goal));

  const untraced = items.filter((i) => i.kind === 'feature' && (analysis.features.get(i.id)?.goals.length ?? 0) === 0);
  const noFeature = items.filter((i) => i.kind === 'task' && deliveredFeatures(analysis, i).length === 0);
  const unscheduled = items.filter((i) => i.kind === 'task' && !isClosed(i.status) && !placed(analysis, i.id));
  const placedMilestones = new Set<string>();
  for (const f of analysis.features.values()) for (const m of f.milestones) placedMilestones.add(m);
  const otherMilestones = items.filter((i) => i.kind === 'milestone' && !placedMilestones.has(i.id));

  yield;

  const group = (name: PlanGroup, children: PlanNode[], noun: [string, string], what: string): void => {
    if (children.length > 0) roots.push(groupNode(name, children, noun, what));
  };
  const each = function* <T>(list: T[], node: (t: T) => Generator<void, PlanNode, void>): Generator<void, PlanNode[], void> {
    const out: PlanNode[] = [];
    for (const t of list) out.push(yield* node(t));
    return out;
  };
  group('untraced', yield* each(untraced, (f) => featureNode(ctx, f, '~untraced')), ['feature', 'features'], 'that serve no goal');
  group('no-feature', yield* taskNodes(ctx, noFeature, '~no-feature'), ['task', 'tasks'], 'that deliver no feature');
  group('unscheduled', yield* each(unscheduled, (t) => taskNode(ctx, t, '~unscheduled', new Map())), ['task', 'tasks'], 'not done, with no computable start or end');
  group('milestones', yield* each(otherMilestones, (m) => milestoneNode(ctx, m, '~milestones')), ['milestone', 'milestones'], 'linked to no feature');
  return roots;
}

/** Every node of a tree, depth first (for counting and tests). */
export function flattenPlanTree(nodes: readonly PlanNode[]): PlanNode[] {
  const out: PlanNode[] = [];
  const walk = (list: readonly PlanNode[]): void => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

function* goalNode(ctx: Context, goal: Item): Generator<void, PlanNode, void> {
  const { analysis } = ctx;
  const key = goal.id;
  const featureIds = analysis.goals.get(goal.id)?.features ?? [];
  const features = sortById(ctx, featureIds.map((id) => analysis.items.get(id)).filter((f) => f !== undefined));
  const children: PlanNode[] = [];
  for (const f of features) children.push(yield* featureNode(ctx, f, key));

  // A goal is as healthy as its worst open feature.
  let worst: HealthLevel | undefined;
  for (const f of features) {
    const h = featureHealth(analysis, f.id, ctx.health).level;
    if (worst === undefined || HEALTH_ORDER[h] < HEALTH_ORDER[worst]) worst = h;
  }
  const written = itemState(goal.status);
  const state: PlanNodeState = written === 'done' || written === 'dropped' ? written
    : worst === 'late' || worst === 'at-risk' ? worst
      : written ?? healthState(worst) ?? 'todo';
  const deadline = analysis.goals.get(goal.id)?.deadline;
  const parts: string[] = [];
  if (goal.horizon) parts.push(goal.horizon.text);
  if (deadline !== undefined) parts.push(`by ${formatDate(deadline)}`);
  parts.push(`${features.length} feature${features.length === 1 ? '' : 's'}`);
  if ((state === 'late' || state === 'at-risk') && worst) parts.push(HEALTH_LABEL[worst]);
  const problems = problemCount(ctx, goal.id);

  const tip = tooltipHead(goal, 'Goal', state);
  if (goal.horizon) tip.push(`Horizon: ${escapeMarkdown(goal.horizon.text)}`);
  if (deadline !== undefined) tip.push(`Deadline: ${formatDate(deadline)}`);
  if (goal.metric) tip.push(`Metric: ${escapeMarkdown(goal.metric, 300)}`);
  ownersLine(goal, tip);
  tip.push(`Features: ${features.length}`);
  return {
    key, kind: 'goal', id: goal.id, label: label(goal), state,
    description: withProblems(parts, problems), problems,
    location: locationOf(goal), tooltip: tooltip(ctx, goal.id, tip), children,
  };
}

function* featureNode(ctx: Context, feature: Item, parentKey: string): Generator<void, PlanNode, void> {
  const { analysis } = ctx;
  const key = `${parentKey}/${feature.id}`;
  const info = analysis.features.get(feature.id);
  const tasks = sortById(ctx, (info?.tasks ?? []).map((id) => analysis.items.get(id)).filter((t) => t !== undefined));
  const milestones = sortById(ctx, (info?.milestones ?? []).map((id) => analysis.items.get(id)).filter((m) => m !== undefined));
  const children = yield* taskNodes(ctx, tasks, key);
  for (const m of milestones) children.push(yield* milestoneNode(ctx, m, key));

  const health = featureHealth(analysis, feature.id, ctx.health);
  const state = healthState(health.level) ?? itemState(feature.status) ?? 'todo';
  const parts: string[] = [];
  if (info?.scheduled && info.start !== undefined && info.end !== undefined) parts.push(dateSpan(info.start, info.end));
  if (feature.owners.length > 0) parts.push(feature.owners.join(', '));
  if (info?.progress !== undefined) parts.push(`${Math.round(info.progress)}%`);
  if (health.level === 'late' || health.level === 'at-risk' || health.level === 'unplanned') parts.push(health.label);
  const problems = problemCount(ctx, feature.id);

  const tip = tooltipHead(feature, 'Feature', state);
  tip.push(`Health: ${health.label}${health.reasons.length > 0 ? ` — ${escapeMarkdown(health.reasons.join('; '), 300)}` : ''}`);
  if (info?.scheduled && info.start !== undefined && info.end !== undefined) tip.push(`Scheduled: ${dateSpan(info.start, info.end)}`);
  if (health.deadline !== undefined) tip.push(`Deadline: ${formatDate(health.deadline)}${health.deadlineFrom ? ` (${escapeMarkdown(health.deadlineFrom)})` : ''}`);
  if (info?.progress !== undefined) tip.push(`Progress: ${Math.round(info.progress)}%`);
  ownersLine(feature, tip);
  tip.push(`Goals: ${info && info.goals.length > 0 ? info.goals.map((g) => escapeMarkdown(g)).join(', ') : 'none (untraced)'} · Tasks: ${tasks.length}`);
  return {
    key, kind: 'feature', id: feature.id, label: label(feature), state,
    description: withProblems(parts, problems), problems,
    location: locationOf(feature), tooltip: tooltip(ctx, feature.id, tip), children,
  };
}

/** Tasks of one list, each sub-task under its parent when the parent is in the list too. */
function* taskNodes(ctx: Context, tasks: Item[], parentKey: string): Generator<void, PlanNode[], void> {
  const ids = new Set(tasks.map((t) => t.id));
  const childrenOf = new Map<string, Item[]>();
  const tops: Item[] = [];
  for (const t of tasks) {
    if (t.parent !== undefined && ids.has(t.parent)) {
      const list = childrenOf.get(t.parent);
      if (list) list.push(t);
      else childrenOf.set(t.parent, [t]);
    } else {
      tops.push(t);
    }
  }
  const out: PlanNode[] = [];
  for (const t of tops) out.push(yield* taskNode(ctx, t, parentKey, childrenOf));
  return out;
}

/** A task's node, with its sub-tasks (those in `childrenOf`) under it. */
function* taskNode(ctx: Context, task: Item, parentKey: string, childrenOf: Map<string, Item[]>): Generator<void, PlanNode, void> {
  const { analysis } = ctx;
  const key = `${parentKey}/${task.id}`;
  const scheduled = analysis.schedule.tasks.get(task.id);
  const overdue = !isClosed(task.status) && scheduled?.end !== undefined && scheduled.end < ctx.today;
  const state: PlanNodeState = task.status === 'done' || task.status === 'dropped' || task.status === 'blocked'
    ? task.status
    : overdue ? 'late' : itemState(task.status) ?? 'todo';
  const parts: string[] = [];
  if (scheduled?.start !== undefined && scheduled.end !== undefined) parts.push(dateSpan(scheduled.start, scheduled.end));
  else if (scheduled?.start !== undefined) parts.push(`from ${formatDate(scheduled.start)}`);
  else parts.push('unscheduled');
  if (task.owners.length > 0) parts.push(task.owners.join(', '));
  const progress = itemProgress(task);
  if (progress > 0 && progress < 100) parts.push(`${Math.round(progress)}%`);
  if (overdue) parts.push('overdue');
  const problems = problemCount(ctx, task.id);

  const tip = tooltipHead(task, 'Task', state);
  if (scheduled?.start !== undefined) tip.push(`Scheduled: ${scheduled.end !== undefined ? dateSpan(scheduled.start, scheduled.end) : `from ${formatDate(scheduled.start)}`}${scheduled.duration !== undefined ? ` (${scheduled.duration} working day${scheduled.duration === 1 ? '' : 's'})` : ''}`);
  else tip.push('Scheduled: not placed (no start, predecessor or default start, or no duration)');
  if (scheduled?.critical) tip.push('On the critical path');
  tip.push(`Progress: ${Math.round(progress)}%`);
  ownersLine(task, tip);
  const features = deliveredFeatures(analysis, task);
  tip.push(`Delivers: ${features.length > 0 ? features.map((f) => escapeMarkdown(f)).join(', ') : 'no feature'}`);
  const children: PlanNode[] = [];
  for (const sub of childrenOf.get(task.id) ?? []) children.push(yield* taskNode(ctx, sub, key, childrenOf));
  yield;
  return {
    key, kind: 'task', id: task.id, label: label(task), state,
    description: withProblems(parts, problems), problems,
    location: locationOf(task), tooltip: tooltip(ctx, task.id, tip), children,
  };
}

function* milestoneNode(ctx: Context, milestone: Item, parentKey: string): Generator<void, PlanNode, void> {
  const key = `${parentKey}/${milestone.id}`;
  const date = ctx.analysis.schedule.milestones.get(milestone.id)?.date ?? milestone.date;
  const problems = problemCount(ctx, milestone.id);
  const missed = (ctx.problems.get(milestone.id) ?? []).some((d) => d.code === 'schedule.milestone-missed');
  const written = itemState(milestone.status);
  let state: PlanNodeState;
  if (written === 'done' || written === 'dropped') state = written;
  else if (missed) state = 'at-risk';
  else state = written ?? 'todo';
  const parts = [date === undefined ? 'no date' : formatDate(date)];
  if (missed) parts.push('At risk');
  const tip = tooltipHead(milestone, 'Milestone', state);
  tip.push(`Date: ${date === undefined ? 'none (no date and no predecessors with dates)' : formatDate(date)}`);
  ownersLine(milestone, tip);
  yield;
  return {
    key, kind: 'milestone', id: milestone.id, label: label(milestone), state,
    description: withProblems(parts, problems), problems,
    location: locationOf(milestone), tooltip: tooltip(ctx, milestone.id, tip), children: [],
  };
}

function groupNode(group: PlanGroup, children: PlanNode[], noun: [string, string], what: string): PlanNode {
  let count = 0;
  let worst: Severity | undefined;
  for (const n of children) {
    count += n.problems.count;
    if (n.problems.worst && (worst === undefined || SEVERITY_RANK[n.problems.worst] < SEVERITY_RANK[worst])) worst = n.problems.worst;
  }
  const problems = worst === undefined ? { count } : { count, worst };
  return {
    key: `~${group}`, kind: 'group', group, label: GROUP_LABEL[group],
    description: withProblems([`${children.length} ${children.length === 1 ? noun[0] : noun[1]}`], problems), problems,
    tooltip: `**${GROUP_LABEL[group]}**: ${children.length} ${children.length === 1 ? noun[0] : noun[1]} ${what}.`, children,
  };
}

// ---- helpers

function sourceOrder(items: Item[]): Item[] {
  return items.sort((a, b) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    || a.idRange.start.line - b.idRange.start.line
    || a.idRange.start.character - b.idRange.start.character);
}

function sortById(ctx: Context, items: Item[]): Item[] {
  return items.sort((a, b) => (ctx.order.get(a.id) ?? 0) - (ctx.order.get(b.id) ?? 0));
}

/** The features a task names that exist and are features. */
function deliveredFeatures(analysis: Analysis, task: Item): string[] {
  return (task.links.features ?? []).map((r) => r.id).filter((id) => analysis.features.has(id));
}

/** The scheduler gave the task both a start and an end. */
function placed(analysis: Analysis, id: string): boolean {
  const t = analysis.schedule.tasks.get(id);
  return t?.start !== undefined && t.end !== undefined;
}

function itemState(status: Status | undefined): PlanNodeState | undefined {
  switch (status) {
    case 'done': case 'dropped': case 'blocked': case 'in-progress': return status;
    case undefined: return undefined;
    default: return 'todo';
  }
}

/** Health levels that change the icon; closed ones come from the status instead. */
function healthState(level: HealthLevel | undefined): PlanNodeState | undefined {
  switch (level) {
    case 'late': return 'late';
    case 'at-risk': return 'at-risk';
    case 'done': return 'done';
    case 'dropped': return 'dropped';
    default: return undefined;
  }
}

function label(item: Item): string {
  const title = item.title.replace(/\s+/g, ' ').trim();
  return title ? `${displayId(item.id)} ${title}` : displayId(item.id);
}

function dateSpan(start: DayNumber, end: DayNumber): string {
  return start === end ? formatDate(start) : `${formatDate(start)} → ${formatDate(end)}`;
}

function locationOf(item: Item): PlanNode['location'] {
  return { file: item.file, line: item.idRange.start.line, character: item.idRange.start.character };
}

function problemCount(ctx: Context, id: string): PlanNode['problems'] {
  const list = ctx.problems.get(id) ?? [];
  let worst: Severity | undefined;
  for (const d of list) if (worst === undefined || SEVERITY_RANK[d.severity] < SEVERITY_RANK[worst]) worst = d.severity;
  return worst === undefined ? { count: list.length } : { count: list.length, worst };
}

/** `⚠ 2` after the other parts when the item has problems. */
function withProblems(parts: string[], problems: PlanNode['problems']): string {
  return (problems.count > 0 ? [...parts, `⚠ ${problems.count}`] : parts).join(' · ');
}

const STATE_LABEL: Readonly<Record<PlanNodeState, string>> = {
  late: 'Late', 'at-risk': 'At risk', blocked: 'Blocked', 'in-progress': 'In progress', todo: 'To do', done: 'Done', dropped: 'Dropped',
};

function tooltipHead(item: Item, kind: string, state: PlanNodeState): string[] {
  const title = item.title.trim() ? ` ${escapeMarkdown(item.title, 200)}` : '';
  return [
    `**${escapeMarkdown(displayId(item.id))}**${title}`,
    `${kind} · ${STATE_LABEL[state]}${item.status ? ` (status: ${item.status})` : ''} · ${escapeMarkdown(item.file, 200)}:${item.idRange.start.line + 1}`,
  ];
}

function ownersLine(item: Item, tip: string[]): void {
  if (item.owners.length > 0) tip.push(`Owner: ${escapeMarkdown(item.owners.join(', '), 120)}`);
}

/** Lines joined as Markdown paragraphs, then the item's problems as a list. */
function tooltip(ctx: Context, id: string, lines: string[]): string {
  const problems = [...(ctx.problems.get(id) ?? [])].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const out = lines.join('\n\n');
  if (problems.length === 0) return out;
  const shown = problems.slice(0, ctx.maxProblems).map((d) => `- ${d.severity}: ${escapeMarkdown(d.message, 240)} (${escapeMarkdown(d.code, 60)})`);
  if (problems.length > ctx.maxProblems) shown.push(`- and ${problems.length - ctx.maxProblems} more`);
  return `${out}\n\n**Problems (${problems.length})**\n\n${shown.join('\n')}`;
}
