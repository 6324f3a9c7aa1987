import { sameFileItems } from '../model/itemsEqual.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { CheckContext } from '../check/checkContext.js';
import { applyConfig, compareDiagnostics, runChecksSteps } from '../check/runChecks.js';
import type { CalendarSpec, DayNumber, Diagnostic, FilePath, FileResult, Item, ItemKind } from '../model/types.js';
import { ITEM_KINDS } from '../model/types.js';
import type { WorkCalendar } from '../schedule/calendar.js';
import type { ScheduleInput, ScheduleMilestone, ScheduleResult, ScheduleTask } from '../schedule/types.js';
import type { Baseline } from '../baseline/baseline.js';
import type { Analysis, FeatureInfo, GoalInfo } from '../analysis/types.js';
import { ScheduleCache } from './scheduleCache.js';
import { mergeCalendar } from '../schedule/mergeCalendar.js';
import { calendarsOf, computeCost } from '../cost/computeCost.js';
import type { CostResult } from '../model/costTypes.js';
import { costSignatures, signatureChanges, updateSignatures } from '../cost/costSignatures.js';
import type { CostSignatures } from '../cost/costSignatures.js';
import { updateCost } from '../cost/updateCost.js';
import type { ScheduleNode } from './scheduleCache.js';
import { PatchedMap } from '../model/patchedMap.js';

/** Files whose links are indexed between two yields of `Analyzer.steps`. */
const FILES_STEP = 200;
/** Schedule nodes built between two yields of `Analyzer.steps`. */
const NODES_STEP = 500;

/** How {@link Analyzer.steps} is driven. */
export interface AnalyzeStepOptions {
  /**
   * A host (the editor) runs the steps in slices between its other work: the schedule is
   * then computed in smaller pieces, each short enough not to hold the host. Unset for a run
   * taken to its end at once (a CLI check), which schedules in larger, cheaper batches.
   */
  sliced?: boolean;
}

export interface AnalyzeInput {
  config: SpeclineConfig;
  /** Problems in `.specline.yml` itself. */
  configDiagnostics: Diagnostic[];
  /** Every indexed file; the order does not matter (files are sorted by path). */
  files: Iterable<FileResult>;
  today: DayNumber;
  /** The plan at the configured baseline revision, for `schedule.slipped`; absent without `baseline:` or when it cannot be read. */
  baseline?: Baseline;
}

/**
 * The second phase after parsing: index every definition, resolve links, schedule,
 * roll up features and goals, and run every rule. Stateless: a fresh full analysis.
 */
export function analyze(input: AnalyzeInput): Analysis {
  return new Analyzer().analyze(input);
}

/**
 * Analyses a workspace again and again as files change, redoing only what depends on
 * the change ("re-check only what depends on it"):
 * - the schedule per independent component and the load per owner (`ScheduleCache`);
 * - the rules only for the files whose problems may have changed: the changed files, the
 *   files whose items they link to or that link to theirs, the files of rescheduled tasks
 *   and of what those tasks deliver, and the files of tasks whose owner's load was redone.
 *   Every other file keeps its diagnostics from last time.
 * Files are compared by object identity: the workspace keeps a file's parse result while
 * its content hash is unchanged. A change of config or of "today" needs a new Analyzer
 * (or gives a full check). The result equals `analyze()` of the same files; a property
 * test checks that over random edit sequences.
 *
 * Every analysis it returns stays as it was: what the next call patches (the item index,
 * roll-ups, schedule dates, cost figures) it copies first, map by map, and only the maps an
 * edit touches. So a caller may hold an analysis across an `await`, and caches keyed by an
 * analysis object never go stale.
 */
export class Analyzer {
  private previous: { files: Map<FilePath, FileResult>; today: DayNumber; config: SpeclineConfig; baseline: Baseline | undefined } | undefined;
  private readonly cached = new Map<FilePath, Diagnostic[]>();
  private readonly schedules = new ScheduleCache();
  /** Files that link to each ID (by link attributes), kept up to date per changed file. */
  private readonly linkedFrom = new Map<string, Set<FilePath>>();
  private last: { index: Index; schedule: ScheduleResult; features: ReadonlyMap<string, FeatureInfo>; goals: ReadonlyMap<string, GoalInfo>; cost: CostResult } | undefined;
  /**
   * What the cost and priority rules read per item last time, to find the files they must
   * re-check; after a full run, how to compute that when an edit first asks (a check that
   * runs once never does).
   */
  private signatures: CostSignatures | (() => CostSignatures) = new Map();
  /** Files whose links a full run left for `linkedFrom` to take in when an edit first needs it. */
  private linksPending: ReadonlyMap<FilePath, FileResult> | undefined;
  /**
   * The first run's nodes, which the node cache takes in one by one as edits look items
   * up: the entry `nodeFor` would have made for the item then (the inputs are snapshots).
   */
  private nodesPending: { nodes: ScheduleNode[]; at: Map<string, number>; base: Omit<ScheduleInput, 'tasks' | 'milestones'>; files: Map<FilePath, FileResult>; index: Index } | undefined;
  /** Schedule input per item, valid while the item, its file's plan settings and its predecessors are the same. */
  private readonly nodes = new WeakMap<Item, { node: ScheduleNode; targets: string[]; planStart: DayNumber | undefined; calendar: boolean }>();

  private lastNodes: ScheduleNode[] | undefined;
  private nodeAt = new Map<string, number>();

  /** The last node list with the nodes of the changed files' items replaced (same IDs in the same places). */
  private patchNodes(last: ScheduleNode[], changed: FilePath[], base: Omit<ScheduleInput, 'tasks' | 'milestones'>, files: Map<FilePath, FileResult>, index: Index): ScheduleNode[] {
    const out = last.slice();
    for (const path of changed) {
      for (const item of files.get(path)?.items ?? []) {
        const i = this.nodeAt.get(item.id);
        if (i === undefined || index.items.get(item.id) !== item) continue;
        out[i] = this.nodeFor(item, base, files, index);
      }
    }
    return out;
  }

  /** Every item's schedule node, a yield every {@link NODES_STEP} items (a workspace may have tens of thousands of tasks). */
  private *scheduleNodes(base: Omit<ScheduleInput, 'tasks' | 'milestones'>, files: Map<FilePath, FileResult>, index: Index): Generator<void, ScheduleNode[], void> {
    const out: ScheduleNode[] = [];
    this.nodeAt = new Map();
    // The first run has no cache to look in: it builds the nodes and leaves filling the
    // cache to the first edit.
    const first = this.lastNodes === undefined;
    // Items come file by file: look the file's settings up when the file changes.
    let file: FilePath | undefined;
    let planStart: DayNumber | undefined;
    let calendar = false;
    for (const list of [index.byKind.task, index.byKind.milestone]) {
      for (let k = 0; k < list.length; k++) {
        const item = list[k]!;
        this.nodeAt.set(item.id, out.length);
        if (!first) out.push(this.nodeFor(item, base, files, index));
        else {
          if (item.file !== file) {
            file = item.file;
            planStart = files.get(file)?.planStart;
            calendar = base.calendars?.has(file) ?? false;
          }
          out.push(scheduleNode(item, planStart, calendar, index.items));
        }
        if (out.length % NODES_STEP === 0) yield;
      }
    }
    if (first) this.nodesPending = { nodes: out, at: this.nodeAt, base, files, index };
    return out;
  }

  /** The cache entry of an item of the first run's nodes, made as `nodeFor` would have made it then. */
  private pendingEntry(item: Item): { node: ScheduleNode; targets: string[]; planStart: DayNumber | undefined; calendar: boolean } | undefined {
    const pending = this.nodesPending;
    const at = pending?.at.get(item.id);
    const node = at === undefined ? undefined : pending!.nodes[at];
    if (!node || node.item !== item) return undefined;
    const entry = {
      node,
      targets: (item.links.after ?? []).map((r) => targetKey(pending!.index.items.get(r.id))),
      planStart: pending!.files.get(item.file)?.planStart,
      calendar: pending!.base.calendars?.has(item.file) ?? false,
    };
    this.nodes.set(item, entry);
    return entry;
  }

  private nodeFor(item: Item, base: Omit<ScheduleInput, 'tasks' | 'milestones'>, files: Map<FilePath, FileResult>, index: Index): ScheduleNode {
    {
      const planStart = files.get(item.file)?.planStart;
      const calendar = base.calendars?.has(item.file) ?? false;
      const refs = item.links.after ?? [];
      const cached = this.nodes.get(item) ?? this.pendingEntry(item);
      // Predecessors are compared by ID and kind (what the schedule reads), not by object.
      const targets = refs.map((r) => targetKey(index.items.get(r.id)));
      if (cached && cached.planStart === planStart && cached.calendar === calendar && cached.targets.length === targets.length && targets.every((t, i) => cached.targets[i] === t)) {
        return cached.node;
      }
      const node = scheduleNode(item, planStart, calendar, index.items);
      this.nodes.set(item, { node, targets, planStart, calendar });
      return node;
    }
  }

  analyze(input: AnalyzeInput): Analysis {
    const steps = this.steps(input);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same analysis in steps: each `yield` is a point where a host may give its thread
   * to other work (see `core/live/slices.ts`) before asking for the next step. The steps
   * must run to the end once started (the Analyzer's state is updated on the way), and
   * nothing may change the Analyzer meanwhile; the input is read before the first yield.
   */
  *steps(input: AnalyzeInput, options: AnalyzeStepOptions = {}): Generator<void, Analysis, void> {
    const files = new Map<FilePath, FileResult>([...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => [f.file, f]));
    const prev = this.previous;
    const full = !prev || prev.today !== input.today || prev.config !== input.config || prev.baseline !== input.baseline;
    const changed: FilePath[] = [];
    if (full) {
      // Only an edit reads which files link where: the first edit indexes them.
      this.linkedFrom.clear();
      this.cached.clear();
      this.linksPending = files;
    } else {
      for (const [path, f] of files) if (prev.files.get(path) !== f) changed.push(path);
      for (const path of prev.files.keys()) if (!files.has(path)) changed.push(path);
      const pending = this.linksPending;
      if (pending) {
        // What `indexLinks` of every file gives, in one pass over the references.
        this.linksPending = undefined;
        let n = 0;
        for (const f of pending.values()) {
          const refs = f.references;
          for (let i = 0; i < refs.length; i++) {
            const ref = refs[i]!;
            if (ref.key === undefined) continue;
            const set = this.linkedFrom.get(ref.id);
            if (set) set.add(f.file);
            else this.linkedFrom.set(ref.id, new Set([f.file]));
          }
          if (++n % FILES_STEP === 0) yield;
        }
      }
      for (const path of changed) this.indexLinks(path, prev.files.get(path), files.get(path));
    }
    yield;

    // Unchanged items (typing in prose keeps the item objects) need no new index, schedule
    // or roll-up: reuse them.
    const itemsUnchanged = !full && changed.every((path) => {
      const a = prev!.files.get(path);
      const b = files.get(path);
      return a !== undefined && b !== undefined && a.items === b.items && a.planStart === b.planStart && !a.planBudget === !b.planBudget && JSON.stringify(a.planCalendar) === JSON.stringify(b.planCalendar);
    });
    let index: Index;
    let scheduleResult: ScheduleResult;
    let features: ReadonlyMap<string, FeatureInfo>;
    let goals: ReadonlyMap<string, GoalInfo>;
    let cost: CostResult;
    /** Files whose cost signatures changed, when they were updated rather than recomputed. */
    let rolledUp: Set<FilePath> | undefined;
    if (itemsUnchanged && this.last) {
      ({ index, schedule: scheduleResult, features, goals, cost } = this.last);
      this.schedules.changed.clear();
      this.schedules.changedOwnerTasks.clear();
    } else {
      // Edits that keep every ID where it was (the usual case) patch the index and the
      // roll-ups; adding, removing or renaming items rebuilds them.
      const patched = !full && this.last ? patchIndex(this.last.index, changed, prev!.files, files) : undefined;
      index = patched ?? buildIndex(files);
      const base = scheduleBase(input.config, files);
      yield;
      const nodes = patched && this.lastNodes ? this.patchNodes(this.lastNodes, changed, base, files, index) : yield* this.scheduleNodes(base, files, index);
      this.lastNodes = nodes;
      yield;
      scheduleResult = yield* this.schedules.steps(base, nodes, options.sliced === true);
      yield;
      const costSource = { config: input.config, today: input.today, files, items: index.items, schedule: scheduleResult };
      if (patched && this.last) {
        const rollups = updateRollups(this.last, changed.map((p) => [prev!.files.get(p), files.get(p)]), this.schedules.changed, index, scheduleResult, input.config, files);
        ({ features, goals } = rollups);
        // Cost follows the same edit: the tasks of the changed files and the rescheduled
        // ones are costed again, and only the sums that include them are added up again.
        const tasks: Item[] = [...this.schedules.changed];
        for (const path of changed) for (const f of [prev!.files.get(path), files.get(path)]) for (const item of f?.items ?? []) if (item.kind === 'task') tasks.push(item);
        const update = updateCost(this.last.cost, { ...costSource, features, goals }, { tasks, files: changed, features: rollups.affectedFeatures, goals: rollups.affectedGoals });
        cost = update.cost;
        rolledUp = updateSignatures(this.signaturesNow(), update.features, update.goals, { items: index.items, features, goals, cost, files });
      } else {
        features = featureInfo(index.byKind, index.items, scheduleResult, input.config, files);
        goals = goalInfo(index.byKind, index.items);
        cost = computeCost({ ...costSource, features, goals });
      }
      yield;
    }
    const { definitions, items, byKind } = index;
    this.last = { index, schedule: scheduleResult, features, goals, cost };
    yield;

    // Budgets and priorities compare figures that roll up across files (a task's cost
    // reaches its goal two links away): re-check the files whose figures changed.
    if (!rolledUp && !itemsUnchanged) {
      if (full) {
        // A full run compares with nothing: the signatures wait for the first edit.
        const source = { items, features, goals, cost, files };
        this.signatures = () => costSignatures(source);
        rolledUp = new Set();
      } else {
        const signatures = costSignatures({ items, features, goals, cost, files });
        rolledUp = signatureChanges(this.signaturesNow(), signatures);
        this.signatures = signatures;
      }
    }
    const dirty = full ? undefined : this.dirtyFiles(changed, prev!.files, files, definitions, items);
    if (dirty) for (const file of rolledUp ?? []) if (files.has(file)) dirty.add(file);
    const checkFiles = dirty ? [...dirty].map((p) => files.get(p)).filter((f): f is FileResult => f !== undefined) : [...files.values()];
    let check: Readonly<Record<ItemKind, readonly Item[]>> = byKind;
    if (dirty) {
      const inScope = emptyByKind();
      for (const item of items.values()) if (dirty.has(item.file)) inScope[item.kind].push(item);
      check = inScope;
    }
    const ctx: CheckContext = {
      config: input.config, today: input.today, files, items, definitions, byKind, features, goals, schedule: scheduleResult, cost,
      check, checkFiles, inScope: dirty ? (file) => dirty.has(file) : () => true,
      ...(input.baseline ? { baseline: input.baseline } : {}),
    };
    yield;
    const fresh = yield* runChecksSteps(ctx);
    if (full) this.cached.clear();
    for (const path of dirty ?? files.keys()) this.cached.delete(path);
    for (const path of changed) this.cached.delete(path);
    for (const d of fresh) {
      const list = this.cached.get(d.file);
      if (list) list.push(d);
      else this.cached.set(d.file, [d]);
    }
    const diagnostics = [...applyConfig(ctx, input.configDiagnostics)];
    // A loop, not push(...list): spreading a list of 200,000 diagnostics overflows the stack.
    for (const list of this.cached.values()) for (const d of list) diagnostics.push(d);
    yield;
    diagnostics.sort(compareDiagnostics);

    this.previous = { files, today: input.today, config: input.config, baseline: input.baseline };
    return { config: input.config, today: input.today, files, items, definitions, features, goals, schedule: scheduleResult, cost, diagnostics, ...(input.baseline ? { baseline: input.baseline } : {}) };
  }

  private signaturesNow(): CostSignatures {
    if (typeof this.signatures === 'function') this.signatures = this.signatures();
    return this.signatures;
  }

  /** Keeps `linkedFrom` in step with one file's links. */
  private indexLinks(path: FilePath, before: FileResult | undefined, after: FileResult | undefined): void {
    for (const id of linkTargets(before)) this.linkedFrom.get(id)?.delete(path);
    for (const id of linkTargets(after)) {
      const set = this.linkedFrom.get(id);
      if (set) set.add(path);
      else this.linkedFrom.set(id, new Set([path]));
    }
  }

  /** The files whose diagnostics may differ after `changed` (see the class comment). */
  private dirtyFiles(changed: FilePath[], before: Map<FilePath, FileResult>, after: Map<FilePath, FileResult>, definitions: ReadonlyMap<string, readonly Item[]>, items: ReadonlyMap<string, Item>): Set<FilePath> {
    const dirty = new Set<FilePath>(changed);
    // A cached diagnostic elsewhere may point into a changed file (related information such
    // as "T-30 also loads @kofi"): when lines there moved, that location moved with them.
    const touched = new Set(changed);
    for (const [file, list] of this.cached) {
      if (dirty.has(file)) continue;
      if (list.some((d) => d.related.some((r) => touched.has(r.file)))) dirty.add(file);
    }
    // Each ID's definers are added once: a file defining one ID 4,000 times would otherwise
    // walk its 4,000 definitions 4,000 times.
    const done = new Set<string>();
    const addDefiners = (id: string): void => {
      if (done.has(id)) return;
      done.add(id);
      for (const def of definitions.get(id) ?? []) dirty.add(def.file);
    };
    for (const path of changed) {
      const old = before.get(path);
      const now = after.get(path);
      // Prose edits leave the items as they were: nothing outside the file can change.
      if (old && now && sameItems(old, now)) continue;
      for (const f of [old, now]) {
        if (!f) continue;
        for (const item of f.items) {
          addDefiners(item.id);
          for (const file of this.linkedFrom.get(item.id) ?? []) dirty.add(file);
        }
        for (const id of linkTargets(f)) addDefiners(id);
      }
    }
    // Rescheduled tasks: their own files, and what they deliver and wait for.
    for (const item of this.schedules.changed) {
      dirty.add(item.file);
      for (const key of ['features', 'milestone', 'after'] as const) for (const ref of item.links[key] ?? []) addDefiners(ref.id);
      for (const file of this.linkedFrom.get(item.id) ?? []) dirty.add(file);
    }
    for (const id of this.schedules.changedOwnerTasks) {
      const item = items.get(id);
      if (item) dirty.add(item.file);
    }
    return dirty;
  }
}

function targetKey(item: Item | undefined): string {
  return item ? item.kind : '';
}

function emptyByKind(): Record<ItemKind, Item[]> {
  return Object.fromEntries(ITEM_KINDS.map((k) => [k, [] as Item[]])) as Record<ItemKind, Item[]>;
}

/** IDs a file links to (link attributes only), cached per parse result. */
const targetsOf = new WeakMap<FileResult, string[]>();
function linkTargets(f: FileResult | undefined): string[] {
  if (!f) return [];
  let ids = targetsOf.get(f);
  if (!ids) {
    ids = [...new Set(f.references.filter((r) => r.key !== undefined).map((r) => r.id))];
    targetsOf.set(f, ids);
  }
  return ids;
}

function sameItems(a: FileResult, b: FileResult): boolean {
  return sameFileItems(a, b) && JSON.stringify(a.suppressions) === JSON.stringify(b.suppressions);
}


/** The predecessors a node waits for: linked tasks and milestones, each once (a Set for a long list: an `after:` of 100,000 IDs must not be quadratic). */
function resolvedAfter(item: Item, items: ReadonlyMap<string, Item>): string[] {
  const out: string[] = [];
  const refs = item.links.after;
  if (refs === undefined) return out;
  const seen = refs.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < refs.length; i++) {
    const id = refs[i]!.id;
    const kind = items.get(id)?.kind;
    if (kind !== 'task' && kind !== 'milestone') continue;
    if (seen) {
      if (seen.has(id)) continue;
      seen.add(id);
    } else if (out.includes(id)) continue;
    out.push(id);
  }
  return out;
}

/** What every scheduled component shares: calendars, project start, capacity. */
export function scheduleBase(config: SpeclineConfig, files: ReadonlyMap<FilePath, FileResult>): Omit<ScheduleInput, 'tasks' | 'milestones'> {
  const calendars = new Map<string, Required<CalendarSpec>>();
  for (const f of files.values()) if (f.planCalendar) calendars.set(f.file, mergeCalendar(config.calendar, f.planCalendar));
  return { calendar: config.calendar, calendars, capacity: config.capacity, ...(config.start !== undefined ? { projectStart: config.start } : {}) };
}

export function scheduleNode(item: Item, planStart: DayNumber | undefined, calendar: boolean, items: ReadonlyMap<string, Item>): ScheduleNode {
  const after = resolvedAfter(item, items);
  // Optional fields are set only when there is a value (no spread of a small object per field: this runs for every task).
  if (item.kind === 'milestone') {
    const milestone: ScheduleMilestone = { id: item.id, doc: item.file, after };
    if (calendar) milestone.calendar = item.file;
    // A milestone's `end` (or `due`) is read as its date when it has no `date`.
    const date = item.date ?? item.end;
    if (date !== undefined) milestone.date = date;
    if (item.source === 'mermaid') milestone.fixed = true;
    return { item, milestone };
  }
  const task: ScheduleTask = { id: item.id, doc: item.file, after, owners: item.owners };
  if (calendar) task.calendar = item.file;
  if (item.start !== undefined) task.start = item.start;
  if (item.end !== undefined) task.end = item.end;
  if (item.duration) task.duration = item.duration;
  if (planStart !== undefined) task.planStart = planStart;
  if (item.allocation !== undefined) task.allocation = item.allocation;
  if (item.source === 'mermaid') task.fixed = true;
  return { item, task };
}

/** Every definition by ID, the first one of each, and the first ones by kind, in file order. */
export interface Index {
  definitions: ReadonlyMap<string, readonly Item[]>;
  items: ReadonlyMap<string, Item>;
  byKind: Readonly<Record<ItemKind, readonly Item[]>>;
}

/** The index with some items replaced (a patched copy), or undefined when an edit added, removed or re-kinded an ID. */
function patchIndex(prev: Index, changed: FilePath[], before: Map<FilePath, FileResult>, after: Map<FilePath, FileResult>): Index | undefined {
  const pairs: Array<[Item, Item]> = [];
  for (const path of changed) {
    const a = before.get(path);
    const b = after.get(path);
    if (!a || !b || a.items.length !== b.items.length) return undefined;
    for (let i = 0; i < a.items.length; i++) {
      const o = a.items[i]!;
      const n = b.items[i]!;
      if (o.id !== n.id || o.kind !== n.kind) return undefined;
      if (o !== n) pairs.push([o, n]);
    }
  }
  // Copied, then patched: the previous analysis keeps its index. Each definition list and
  // each kind list is copied and walked once for all its replacements, so an edit of a file
  // that defines one ID thousands of times (or thousands of IDs) stays linear.
  if (pairs.length === 0) return prev;
  const replacement = new Map<Item, Item>(pairs);
  const firsts = new Map<string, Item>();
  const defs = new Map<string, readonly Item[]>();
  const kinds = new Set<ItemKind>();
  for (const [o, n] of pairs) {
    if (!defs.has(o.id)) defs.set(o.id, prev.definitions.get(o.id)!.map((d) => replacement.get(d) ?? d));
    if (prev.items.get(o.id) !== o) continue;
    firsts.set(o.id, n);
    kinds.add(o.kind);
  }
  const byKind = { ...prev.byKind };
  for (const kind of kinds) byKind[kind] = byKind[kind].map((d) => replacement.get(d) ?? d);
  return { definitions: PatchedMap.with(prev.definitions, defs), items: PatchedMap.with(prev.items, firsts), byKind };
}

export function buildIndex(files: Map<FilePath, FileResult>): Index {
  // One pass: an ID's first definition is met when it enters the map, so `items` and
  // `byKind` come out in the map's order.
  const definitions = new Map<string, Item[]>();
  const items = new Map<string, Item>();
  const byKind = emptyByKind();
  for (const f of files.values()) {
    const list = f.items;
    for (let i = 0; i < list.length; i++) {
      const item = list[i]!;
      const defs = definitions.get(item.id);
      if (defs) defs.push(item);
      else {
        definitions.set(item.id, [item]);
        items.set(item.id, item);
        byKind[item.kind].push(item);
      }
    }
  }
  return { definitions, items, byKind };
}

function featureInfo(byKind: Readonly<Record<ItemKind, readonly Item[]>>, items: ReadonlyMap<string, Item>, sched: ScheduleResult, config: SpeclineConfig, files: Map<FilePath, FileResult>): Map<string, FeatureInfo> {
  const tasks = new Map<string, string[]>();
  const milestones = new Map<string, string[]>();
  const link = (list: readonly Item[], into: Map<string, string[]>): void => {
    for (let i = 0; i < list.length; i++) {
      const from = list[i]!;
      const refs = from.links.features;
      if (refs === undefined) continue;
      // Items are linked in order, so a repeat of `from` can only be the list's last entry:
      // checking that keeps a feature with 10,000 tasks linear.
      for (let k = 0; k < refs.length; k++) {
        const ids = into.get(refs[k]!.id);
        if (!ids) into.set(refs[k]!.id, [from.id]);
        else if (ids[ids.length - 1] !== from.id) ids.push(from.id);
      }
    }
  };
  link(byKind.task, tasks);
  link(byKind.milestone, milestones);
  const calendars = calendarCache(config, files);
  const out = new Map<string, FeatureInfo>();
  const features = byKind.feature;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    out.set(f.id, rollUpFeature(f, tasks.get(f.id) ?? [], milestones.get(f.id) ?? [], items, sched, calendars));
  }
  return out;
}

/** Recomputes the roll-ups of the features and goals an edit can have changed; the rest are reused. */
function updateRollups(
  prev: { features: ReadonlyMap<string, FeatureInfo>; goals: ReadonlyMap<string, GoalInfo> },
  changed: Array<[FileResult | undefined, FileResult | undefined]>,
  moved: Iterable<Item>,
  index: Index,
  sched: ScheduleResult,
  config: SpeclineConfig,
  files: Map<FilePath, FileResult>,
): { features: ReadonlyMap<string, FeatureInfo>; goals: ReadonlyMap<string, GoalInfo>; affectedFeatures: Set<string>; affectedGoals: Set<string> } {
  // Patched copies, like the index (see Analyzer).
  const features = new Map<string, FeatureInfo>();
  const goals = new Map<string, GoalInfo>();
  const affectedFeatures = new Set<string>();
  const affectedGoals = new Set<string>();
  const fresh: Item[] = [];
  for (const [before, after] of changed) {
    for (const f of [before, after]) {
      for (const item of f?.items ?? []) {
        if (item.kind === 'feature') affectedFeatures.add(item.id);
        if (item.kind === 'goal') affectedGoals.add(item.id);
        for (const ref of item.links.features ?? []) affectedFeatures.add(ref.id);
        if (item.kind === 'feature') for (const ref of item.links.goals ?? []) affectedGoals.add(ref.id);
      }
    }
    if (after) for (const item of after.items) fresh.push(item); // not push(...): a file may hold 300,000 items
  }
  for (const item of moved) for (const ref of item.links.features ?? []) affectedFeatures.add(ref.id);
  const inOrder = (ids: Iterable<string>, kind: ItemKind, linkKey: 'features' | 'goals', target: string): string[] =>
    [...new Set(ids)]
      .map((id) => index.items.get(id))
      .filter((it): it is Item => it !== undefined && it.kind === kind && (it.links[linkKey] ?? []).some((r) => r.id === target))
      .sort(compareItems)
      .map((it) => it.id);
  // The fresh items that name each feature (and, for features, each goal), found in one
  // pass: filtering every fresh item per affected feature is quadratic in a large file.
  const naming = (key: 'features' | 'goals', kind?: ItemKind): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const it of fresh) {
      if (kind && it.kind !== kind) continue;
      const once = new Set<string>();
      for (const ref of it.links[key] ?? []) {
        const target = ref.id;
        if (once.has(target)) continue;
        once.add(target);
        const list = map.get(target);
        if (list) list.push(it.id);
        else map.set(target, [it.id]);
      }
    }
    return map;
  };
  const namingFeature = naming('features');
  const namingGoal = naming('goals', 'feature');
  const calendars = calendarCache(config, files);
  for (const id of affectedFeatures) {
    const feature = index.items.get(id);
    if (!feature || feature.kind !== 'feature') continue;
    const old = prev.features.get(id);
    const linking = namingFeature.get(id) ?? [];
    const tasks = inOrder([...(old?.tasks ?? []), ...linking], 'task', 'features', id);
    const milestones = inOrder([...(old?.milestones.filter((m) => !(feature.links.milestone ?? []).some((r) => r.id === m)) ?? []), ...linking], 'milestone', 'features', id);
    features.set(id, rollUpFeature(feature, tasks, milestones, index.items, sched, calendars));
  }
  for (const id of affectedGoals) {
    const goal = index.items.get(id);
    if (!goal || goal.kind !== 'goal') continue;
    const old = prev.goals.get(id);
    const linking = namingGoal.get(id) ?? [];
    goals.set(id, { ...goalDeadline(goal), features: inOrder([...(old?.features ?? []), ...linking], 'feature', 'goals', id) });
  }
  return { features: PatchedMap.with(prev.features, features), goals: PatchedMap.with(prev.goals, goals), affectedFeatures, affectedGoals };
}

/** Source order: file, then position. */
function compareItems(a: Item, b: Item): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character;
}

function calendarCache(config: SpeclineConfig, files: Map<FilePath, FileResult>): (file: FilePath) => WorkCalendar {
  return calendarsOf({ config, files });
}

/** One feature's roll-up from the tasks and milestones that name it. */
function rollUpFeature(f: Item, tasks: string[], milestoneLinks: string[], items: ReadonlyMap<string, Item>, sched: ScheduleResult, calendarOf: (file: FilePath) => WorkCalendar): FeatureInfo {
  const goals = linkedOfKind(f.links.goals, items, 'goal', true);
  const milestones = linkedOfKind(f.links.milestone, items, 'milestone', false);
  if (milestoneLinks.length > 0) {
    const known = new Set(milestones);
    for (const m of milestoneLinks) if (!known.has(m)) milestones.push(m);
  }
  const info: FeatureInfo = { id: f.id, goals, tasks, milestones, traced: false, scheduled: false };
  let total = 0;
  let doneDays = 0;
  for (let i = 0; i < tasks.length; i++) {
    const id = tasks[i]!;
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
  return info;
}

/** The linked IDs that name an item of `kind`, in link order; `once` drops repeats (a Set only for a long list). */
function linkedOfKind(refs: readonly { id: string }[] | undefined, items: ReadonlyMap<string, Item>, kind: ItemKind, once: boolean): string[] {
  const out: string[] = [];
  if (refs === undefined) return out;
  const seen = once && refs.length > 16 ? new Set<string>() : undefined;
  for (let i = 0; i < refs.length; i++) {
    const id = refs[i]!.id;
    if (once) {
      if (seen) {
        if (seen.has(id)) continue;
        seen.add(id);
      } else if (out.includes(id)) continue;
    }
    if (items.get(id)?.kind === kind) out.push(id);
  }
  return out;
}

function goalDeadline(g: Item): { id: string; deadline?: number } {
  const dates = [g.target, g.horizon?.end].filter((d): d is number => d !== undefined);
  return { id: g.id, ...(dates.length ? { deadline: Math.min(...dates) } : {}) };
}

function goalInfo(byKind: Readonly<Record<ItemKind, readonly Item[]>>, items: ReadonlyMap<string, Item>): Map<string, GoalInfo> {
  const out = new Map<string, GoalInfo>();
  for (const g of byKind.goal) out.set(g.id, { ...goalDeadline(g), features: [] });
  for (const f of byKind.feature) {
    for (const ref of f.links.goals ?? []) {
      const info = out.get(ref.id);
      // Features come in order, so a repeat can only be the last entry (linear, see featureInfo).
      if (info && items.get(ref.id)?.kind === 'goal' && info.features[info.features.length - 1] !== f.id) info.features.push(f.id);
    }
  }
  return out;
}
