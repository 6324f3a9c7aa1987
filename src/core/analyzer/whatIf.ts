import type { Analysis } from '../analysis/types.js';
import { PatchedMap } from '../model/patchedMap.js';
import type { FilePath, FileResult, Item } from '../model/types.js';
import { parseFile } from '../parse/parseFile.js';
import { schedule } from '../schedule/scheduler.js';
import type { ScheduledMilestone, ScheduledTask, ScheduleInput, ScheduleIssue, ScheduleMilestone, ScheduleTask } from '../schedule/types.js';
import { analyze, buildIndex, scheduleBase, scheduleNode } from './analyze.js';
import type { ScheduleNode } from './scheduleCache.js';

/**
 * The analysis the workspace would have if `file` said `text`, computed from scratch and
 * never stored: the live index and `analysis` stay exactly as they were (analyses are
 * immutable snapshots). Every rule runs, so it costs what a full check costs; a preview of
 * dates during a drag uses {@link whatIfSchedule}, which redoes only the dates. Problems of
 * the configuration file are carried over from `analysis` as they are.
 */
export function whatIfAnalysis(analysis: Analysis, file: FilePath, text: string): Analysis {
  const files = replaced(analysis, file, parseFile(file, text, analysis.config));
  return analyze({
    config: analysis.config,
    configDiagnostics: analysis.diagnostics.filter((d) => !analysis.files.has(d.file)),
    files: files.values(),
    today: analysis.today,
    ...(analysis.baseline ? { baseline: analysis.baseline } : {}),
  });
}

/** The dates the plan would have if one file said other text: see {@link whatIfSchedule}. */
export interface WhatIfSchedule {
  /** The parse of the new text. */
  file: FileResult;
  /** The item index with the file's items replaced. */
  items: ReadonlyMap<string, Item>;
  /** Every task's dates: the analysis's own, with the rescheduled ones replaced. */
  tasks: ReadonlyMap<string, ScheduledTask>;
  milestones: ReadonlyMap<string, ScheduledMilestone>;
  /** IDs whose dates were computed again: the changed items and what follows them. */
  rescheduled: ReadonlySet<string>;
  /** The scheduler's findings on the dates of the rescheduled part (a loop, a violated dependency, …); owners' load is not computed. */
  issues: readonly ScheduleIssue[];
}

/**
 * The dates alone of {@link whatIfAnalysis}, at the cost of the part of the plan an edit
 * can move. A task's dates depend only on what it waits for (the critical path and owners'
 * load add findings, never move a date), so only the items whose schedule input changed
 * are scheduled again, with everything that follows them; what they wait for goes into the
 * scheduler pinned at the dates the analysis has for it. Every other date is the analysis's own. An edit that adds, removes or renames items, or
 * changes the file's plan start or calendar, reschedules the whole plan (same dates).
 */
export function whatIfSchedule(analysis: Analysis, file: FilePath, text: string): WhatIfSchedule {
  const parsed = parseFile(file, text, analysis.config);
  const files = replaced(analysis, file, parsed);
  const old = analysis.files.get(file);
  const patched = patchedItems(analysis, old, parsed);
  const items = patched ?? buildIndex(files).items;
  // The items whose schedule input changed, compared node by node; a new plan start or
  // calendar, or a parse that is not like for like, changes everything.
  const everything = !patched || !old || old.planStart !== parsed.planStart || JSON.stringify(old.planCalendar) !== JSON.stringify(parsed.planCalendar);
  const seeds = new Set<string>();
  if (!everything) {
    const calendar = Boolean(old.planCalendar);
    for (let i = 0; i < parsed.items.length; i++) {
      const now = parsed.items[i]!;
      if ((now.kind !== 'task' && now.kind !== 'milestone') || items.get(now.id) !== now) continue;
      const a = scheduleNode(old.items[i]!, old.planStart, calendar, analysis.items);
      const b = scheduleNode(now, parsed.planStart, calendar, items);
      if (JSON.stringify(a.task ?? a.milestone) !== JSON.stringify(b.task ?? b.milestone)) seeds.add(now.id);
    }
  }
  return { file: parsed, ...reschedule(analysis, graphOf(scheduleBase(analysis.config, files), files, items), items, everything ? undefined : seeds) };
}

/**
 * {@link whatIfSchedule} for items changed in place rather than through a file's text:
 * `changed` replaces the items of the same IDs (their dates, length and `after`), without
 * parsing anything. The Gantt chart's live ghost uses it, since parsing a long plan again
 * at every step of a drag costs more than scheduling it; the analysis's schedule graph is
 * built once and shared by every step of the drag.
 */
export function whatIfItems(analysis: Analysis, changed: readonly Item[]): Omit<WhatIfSchedule, 'file'> {
  const firsts = new Map<string, Item>();
  for (const item of changed) if (analysis.items.has(item.id)) firsts.set(item.id, item);
  const items = PatchedMap.with(analysis.items, firsts);
  let graph = graphs.get(analysis);
  if (!graph) {
    graph = graphOf(scheduleBase(analysis.config, analysis.files), analysis.files, analysis.items);
    graphs.set(analysis, graph);
  }
  if (firsts.size > 0) {
    const changedNodes = new Map<string, ScheduleNode>();
    let successors = graph.successors;
    for (const item of firsts.values()) {
      if (item.kind !== 'task' && item.kind !== 'milestone') continue;
      const node = lean(scheduleNode(item, analysis.files.get(item.file)?.planStart, graph.base.calendars?.has(item.file) ?? false, items));
      changedNodes.set(item.id, node);
      // A new predecessor adds an edge; a removed one may stay (it only widens the part rescheduled).
      for (const p of afterOf(node)) {
        if (successors.get(p)?.includes(item.id)) continue;
        if (successors === graph.successors) successors = new Map(successors);
        successors.set(p, [...(successors.get(p) ?? []), item.id]);
      }
    }
    graph = { base: graph.base, nodes: PatchedMap.with(graph.nodes, changedNodes), successors };
  }
  return reschedule(analysis, graph, items, new Set(firsts.keys()));
}

/** The schedule's nodes by ID, and who waits for each. */
interface Graph {
  base: Omit<ScheduleInput, 'tasks' | 'milestones'>;
  nodes: ReadonlyMap<string, ScheduleNode>;
  successors: Map<string, string[]>;
}

/** A node without its owners: their load moves no date, so a what-if leaves it out (and reports no over-allocation). */
function lean(node: ScheduleNode): ScheduleNode {
  return node.task && node.task.owners.length > 0 ? { ...node, task: { ...node.task, owners: [] } } : node;
}

/** Each analysis's graph, built on the first what-if asked of it (a drag asks many). */
const graphs = new WeakMap<Analysis, Graph>();

function graphOf(base: Graph['base'], files: ReadonlyMap<FilePath, FileResult>, items: ReadonlyMap<string, Item>): Graph {
  const nodes = new Map<string, ScheduleNode>();
  const successors = new Map<string, string[]>();
  for (const item of items.values()) {
    if (item.kind !== 'task' && item.kind !== 'milestone') continue;
    const node = lean(scheduleNode(item, files.get(item.file)?.planStart, base.calendars?.has(item.file) ?? false, items));
    nodes.set(item.id, node);
    for (const p of afterOf(node)) {
      const list = successors.get(p);
      if (list) list.push(item.id);
      else successors.set(p, [item.id]);
    }
  }
  return { base, nodes, successors };
}

const afterOf = (node: ScheduleNode | undefined): readonly string[] => (node?.task ?? node?.milestone)?.after ?? [];

/**
 * Schedules `seeds` and what follows them (everything when `seeds` is undefined). What
 * they wait for keeps its dates, so it goes into the scheduler pinned to the dates the
 * analysis has for it, and nothing before it is visited.
 */
function reschedule(analysis: Analysis, graph: Graph, items: ReadonlyMap<string, Item>, seeds: ReadonlySet<string> | undefined): Omit<WhatIfSchedule, 'file'> {
  const { nodes, successors, base } = graph;
  const rescheduled = seeds ? closure(seeds, (id) => successors.get(id) ?? []) : new Set(nodes.keys());
  const tasks: ScheduleTask[] = [];
  const milestones: ScheduleMilestone[] = [];
  const pinned = new Set<string>();
  for (const id of rescheduled) {
    const n = nodes.get(id);
    if (n?.task) tasks.push(n.task);
    else if (n?.milestone) milestones.push(n.milestone);
    for (const p of afterOf(n)) {
      if (rescheduled.has(p) || pinned.has(p)) continue;
      pinned.add(p);
      const node = nodes.get(p);
      if (node?.task) {
        const t = analysis.schedule.tasks.get(p);
        tasks.push({ id: p, doc: node.task.doc, after: [], owners: [], fixed: true, ...(t?.start !== undefined ? { start: t.start } : {}), ...(t?.end !== undefined ? { end: t.end } : {}) });
      } else if (node?.milestone) {
        const date = analysis.schedule.milestones.get(p)?.date;
        milestones.push({ id: p, doc: node.milestone.doc, after: [], fixed: true, ...(date !== undefined ? { date } : {}) });
      }
    }
  }
  const result = schedule({ ...base, tasks, milestones });
  const taskDates = new Map<string, ScheduledTask>();
  const milestoneDates = new Map<string, ScheduledMilestone>();
  for (const [id, t] of result.tasks) if (!pinned.has(id)) taskDates.set(id, t);
  for (const [id, m] of result.milestones) if (!pinned.has(id)) milestoneDates.set(id, m);
  // Rescheduling everything leaves nothing of the analysis's own dates to keep.
  return {
    items,
    tasks: seeds ? PatchedMap.with(analysis.schedule.tasks, taskDates) : taskDates,
    milestones: seeds ? PatchedMap.with(analysis.schedule.milestones, milestoneDates) : milestoneDates,
    rescheduled,
    issues: result.issues.filter((i) => !('id' in i) || !pinned.has(i.id)),
  };
}

function replaced(analysis: Analysis, file: FilePath, parsed: FileResult): Map<FilePath, FileResult> {
  const files = new Map(analysis.files);
  files.set(file, parsed);
  return files;
}

/** The analysis's index with the file's items replaced, when the new parse defines the same IDs in the same order. */
function patchedItems(analysis: Analysis, old: FileResult | undefined, parsed: FileResult): ReadonlyMap<string, Item> | undefined {
  if (!old || old.items.length !== parsed.items.length) return undefined;
  const firsts = new Map<string, Item>();
  for (let i = 0; i < old.items.length; i++) {
    const a = old.items[i]!;
    const b = parsed.items[i]!;
    if (a.id !== b.id || a.kind !== b.kind) return undefined;
    if (analysis.items.get(a.id) === a) firsts.set(a.id, b);
  }
  return PatchedMap.with(analysis.items, firsts);
}

/** `start` and everything reachable from it through `next`. */
function closure(start: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next(id)) if (!seen.has(n)) stack.push(n);
  }
  return seen;
}
