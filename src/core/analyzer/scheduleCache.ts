import type { Item } from '../model/types.js';
import { compareIds } from '../schedule/compareIds.js';
import { schedule, scheduleDates, scheduleLoad } from '../schedule/scheduler.js';
import type { LoadRun } from '../schedule/resourceLoad.js';
import { PatchedMap } from '../model/patchedMap.js';
import type { ScheduledMilestone, ScheduledTask, ScheduleInput, ScheduleIssue, ScheduleMilestone, ScheduleResult, ScheduleTask } from '../schedule/types.js';

/** One node of the schedule with the item it came from. Nodes are reused while their inputs are unchanged. */
export interface ScheduleNode {
  item: Item;
  task?: ScheduleTask;
  milestone?: ScheduleMilestone;
}

type Base = Omit<ScheduleInput, 'tasks' | 'milestones'>;

/**
 * Most nodes scheduled in one scheduler run when a full run schedules many small
 * components: a run per component (hundreds of plans) spent more on starting runs than on
 * scheduling. This is the size for a run that goes to its end in one piece (a CLI check);
 * a host that slices the run passes {@link SLICED_BATCH_NODES}.
 */
const BATCH_NODES = 10_000;

/**
 * The batch for a run sliced between a host's other work (the editor): a cold run of 10,000
 * nodes in one piece held the extension host for well over 50 ms, about 1,000 does not.
 */
const SLICED_BATCH_NODES = 1_000;

type Dates = Pick<ScheduleResult, 'tasks' | 'milestones'>;

interface Pinned {
  tasks: ScheduleTask[];
  /** Plan calendar key → the calendar as JSON. */
  calendars: Map<string, string>;
}

interface Component {
  /** Its place in `State.components`. */
  slot: number;
  /** Positions of the members in the node list. */
  positions: number[];
  members: ScheduleNode[];
  /** The run that dated the members; components scheduled together share it. */
  dates: Dates;
  /** The component's own issues (all but over-allocation), sorted. */
  issues: ScheduleIssue[];
  /** Kept from the run before (its dates may sit among other components' there). */
  reused?: boolean;
}

interface OwnerLoad {
  /**
   * The owner's tasks at their dates when the load was computed, and their plan calendars
   * as JSON then (holidays decide which days load): what tells whether it must be redone.
   * Built on first read after a first run, which never compares.
   */
  pinned: () => Pinned;
  issues: ScheduleIssue[];
  /** The owner's load runs, from the scheduler run that computed them (built on first read). */
  runs: () => LoadRun[] | undefined;
}

interface State {
  nodes: ScheduleNode[];
  positionOf: Map<string, number>;
  componentAt: Component[];
  components: Component[];
  tasks: ReadonlyMap<string, ScheduledTask>;
  milestones: ReadonlyMap<string, ScheduledMilestone>;
  /** Owner → IDs of their tasks. */
  ownerTasks: Map<string, Set<string>>;
  owners: Map<string, OwnerLoad>;
}

/**
 * Schedules a workspace incrementally. Tasks only influence each other through
 * dependencies and through their document (the critical path is per document), so the
 * graph falls apart into independent components, and a component whose nodes are the
 * very same objects as last time keeps its dates. When an edit changes nodes but not the
 * shape of the graph (same IDs, same predecessors), only the components of the changed
 * nodes are scheduled again and nothing else is visited. Owners' load couples components,
 * so it is computed per owner from the finished dates, only for owners whose tasks moved.
 *
 * The result equals `schedule()` of the whole input; a test checks that over random edits.
 */
export class ScheduleCache {
  private state: State | undefined;

  /** @param batchNodes most nodes per scheduler run of a full run ({@link BATCH_NODES}; tests pass small ones). */
  constructor(private readonly batchNodes = BATCH_NODES) {}

  /**
   * Items of the components recomputed by the last run, and items that left. A first run
   * leaves it empty: with nothing before it, everything is new.
   */
  readonly changed = new Set<Item>();
  /** Tasks of the owners whose load the last run recomputed; a first run leaves it empty, like `changed`. */
  readonly changedOwnerTasks = new Set<string>();

  run(base: Base, nodes: ScheduleNode[]): ScheduleResult {
    const steps = this.steps(base, nodes);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /**
   * The same run in steps (see `core/live/slices.ts`): a yield after each batch of
   * components it schedules and each owner whose load it computes, so a workspace of many
   * components never holds a host in one piece. Once started, the steps must run to the end.
   *
   * @param sliced the host gives its thread to other work between steps: batches stay small
   */
  *steps(base: Base, nodes: ScheduleNode[], sliced = false): Generator<void, ScheduleResult, void> {
    const batchNodes = sliced ? Math.min(this.batchNodes, SLICED_BATCH_NODES) : this.batchNodes;
    this.changed.clear();
    this.changedOwnerTasks.clear();
    const prev = this.state;
    const changedAt = prev ? sameShape(prev.nodes, nodes) : undefined;
    const state = changedAt ? yield* this.patch(base, prev!, nodes, changedAt) : yield* this.full(base, nodes, batchNodes);
    this.state = state;
    yield;
    return resultOf(state);
  }

  /** Every component from scratch, reusing the ones whose nodes are all unchanged. */
  private *full(base: Base, nodes: ScheduleNode[], batchLimit: number): Generator<void, State, void> {
    const prev = this.state;
    const previousComponent = new Map<ScheduleNode, Component>();
    for (const c of prev?.components ?? []) for (const n of c.members) previousComponent.set(n, c);
    const positionOf = new Map<string, number>();
    for (let i = 0; i < nodes.length; i++) positionOf.set(nodes[i]!.item.id, i);
    const groups = componentsOf(nodes, positionOf);
    yield;

    const componentAt: Component[] = new Array(nodes.length);
    const components: Component[] = [];
    let batch: Component[] = [];
    let batchNodes = 0;
    for (const positions of groups) {
      const members = positions.map((i) => nodes[i]!);
      const old = previousComponent.get(members[0]!);
      if (old && old.members.length === members.length && members.every((m) => previousComponent.get(m) === old)) {
        const component: Component = { slot: components.length, positions, members, dates: old.dates, issues: old.issues, reused: true };
        components.push(component);
        for (const i of positions) componentAt[i] = component;
        continue;
      }
      const component: Component = { slot: components.length, positions, members, dates: NO_DATES, issues: [] };
      components.push(component);
      for (let k = 0; k < positions.length; k++) componentAt[positions[k]!] = component;
      if (prev) for (const m of members) this.changed.add(m.item);
      if (batchNodes > 0 && batchNodes + positions.length > batchLimit) {
        scheduleBatch(base, nodes, batch, positionOf, componentAt);
        batch = [];
        batchNodes = 0;
        yield;
      }
      batch.push(component);
      batchNodes += positions.length;
    }
    // A first run that schedules everything in one run takes the owners' load from that
    // run too (see loadsFromRun).
    const whole = batch.length ? scheduleBatch(base, nodes, batch, positionOf, componentAt, !prev && batch.length === components.length) : undefined;
    yield;
    // In component order, each in node order: the order a run per component gives, and
    // the order of a single run that scheduled every component (then its maps serve as they are).
    const single = components.length > 0 && components[0]!.dates !== NO_DATES && components.every((c) => c.dates === components[0]!.dates && !c.reused);
    const { tasks, milestones } = single ? components[0]!.dates : datesInOrder(nodes, components);
    // Items that left the schedule count as changed (their owners' load, their links).
    if (prev) for (const n of prev.nodes) if (positionOf.get(n.item.id) === undefined || nodes[positionOf.get(n.item.id)!]!.item !== n.item) this.changed.add(n.item);

    const ownerTasks = new Map<string, Set<string>>();
    for (let i = 0; i < nodes.length; i++) {
      const task = nodes[i]!.task;
      if (!task) continue;
      for (let k = 0; k < task.owners.length; k++) addTo(ownerTasks, task.owners[k]!, task.id);
    }
    // A first run computes every owner's load (in the order the owners first appear).
    const touched = prev ? new Set<string>() : new Set(ownerTasks.keys());
    if (prev) {
      for (const n of nodes) if (this.changed.has(n.item)) for (const owner of n.task?.owners ?? []) touched.add(owner);
      for (const [owner, ids] of prev.ownerTasks) {
        if (!ownerTasks.has(owner)) touched.add(owner);
        else for (const id of ids) { const i = positionOf.get(id); if (i === undefined || this.changed.has(nodes[i]!.item)) { touched.add(owner); break; } }
      }
    }
    const state: State = { nodes, positionOf, componentAt, components, tasks, milestones, ownerTasks, owners: prev?.owners ?? new Map() };
    yield;
    if (whole) {
      state.owners = loadsFromRun(base, state, whole);
      return state;
    }
    // The owners' task lists are in node order here, so one scheduler run can do them all.
    state.owners = yield* this.ownerLoads(base, state, touched, true, prev !== undefined);
    return state;
  }

  /** Same IDs and predecessors, some nodes replaced: redo only their components. */
  private *patch(base: Base, prev: State, nodes: ScheduleNode[], changedAt: number[]): Generator<void, State, void> {
    const redo = new Set<Component>();
    for (const i of changedAt) redo.add(prev.componentAt[i]!);
    // The new dates go into a patched copy: the previous result belongs to an analysis
    // someone may still read (see Analyzer). The rest is this cache's own state.
    const { componentAt, components, ownerTasks } = prev;
    const tasks = new Map<string, ScheduledTask>();
    const milestones = new Map<string, ScheduledMilestone>();
    for (const old of redo) {
      const component = scheduleComponent(base, nodes, old.positions, old.slot);
      components[old.slot] = component;
      for (const i of old.positions) {
        componentAt[i] = component;
        this.changed.add(nodes[i]!.item);
        this.changed.add(prev.nodes[i]!.item);
      }
      for (const [id, t] of component.dates.tasks) tasks.set(id, t);
      for (const [id, m] of component.dates.milestones) milestones.set(id, m);
      yield;
    }
    const touched = new Set<string>();
    for (const i of changedAt) {
      for (const owner of prev.nodes[i]!.task?.owners ?? []) {
        touched.add(owner);
        const ids = ownerTasks.get(owner);
        ids?.delete(prev.nodes[i]!.item.id);
        if (ids && ids.size === 0) ownerTasks.delete(owner);
      }
      for (const owner of nodes[i]!.task?.owners ?? []) {
        touched.add(owner);
        addTo(ownerTasks, owner, nodes[i]!.item.id);
      }
    }
    // Owners of the other tasks in the rescheduled components: their dates may have moved too.
    for (const c of redo) for (const i of c.positions) for (const owner of nodes[i]!.task?.owners ?? []) touched.add(owner);
    const state: State = { nodes, positionOf: prev.positionOf, componentAt, components, tasks: PatchedMap.with(prev.tasks, tasks), milestones: PatchedMap.with(prev.milestones, milestones), ownerTasks, owners: prev.owners };
    state.owners = yield* this.ownerLoads(base, state, touched);
    return state;
  }

  /** Load and over-allocation per owner, recomputed only for the touched owners. */
  private *ownerLoads(base: Base, state: State, touched: Set<string>, together = false, track = true): Generator<void, Map<string, OwnerLoad>, void> {
    // A plan calendar's holidays decide which days a task loads, so they are compared too.
    const calendars = new Map<string, string>();
    const owners = new Map(state.owners);
    const fresh: Array<{ owner: string; pinned: ScheduleTask[]; at: number[] }> = [];
    for (const owner of touched) {
      const old = owners.get(owner);
      const ids = state.ownerTasks.get(owner);
      const at: number[] = [];
      const pinned = pinnedOf(owner, ids ?? [], base, state, calendars, at);
      if (old && samePinned(old.pinned(), pinned, calendars)) continue;
      // Its tasks' diagnostics may change, including tasks that left the owner.
      if (track) for (const t of pinned) this.changedOwnerTasks.add(t.id);
      for (const i of old?.issues ?? []) if (i.code === 'resource.overallocated') for (const id of i.tasks) this.changedOwnerTasks.add(id);
      if (!ids || ids.size === 0) {
        owners.delete(owner);
        continue;
      }
      if (together) {
        fresh.push({ owner, pinned, at });
        continue;
      }
      const result = scheduleLoad({ ...base, tasks: pinned, milestones: [] });
      const key = { tasks: pinned, calendars };
      owners.set(owner, { pinned: () => key, runs: () => result.load.get(owner), issues: [...result.issues] });
      yield;
    }
    yield;
    if (fresh.length) this.loadsTogether(base, state, fresh, owners, calendars);
    return owners;
  }

  /**
   * Load and over-allocation of many owners in one scheduler run: both are computed per
   * owner, so pinning every owner's tasks together gives each owner what a run of their
   * own gives, as long as each owner's tasks keep their relative order (ties between
   * tasks starting on the same day go by that order). A cold check of thousands of owners
   * spent most of its scheduling time starting a run per owner.
   */
  private loadsTogether(base: Base, state: State, fresh: Array<{ owner: string; pinned: ScheduleTask[]; at: number[] }>, owners: Map<string, OwnerLoad>, calendars: Map<string, string>): void {
    // Each task once, in node order (a slot per node position: no sort). A task of one
    // owner goes in as that owner pinned it; one shared by owners as a copy naming them all.
    const slots: Array<ScheduleTask | undefined> = new Array(state.nodes.length);
    const shared = new Uint8Array(state.nodes.length);
    for (let f = 0; f < fresh.length; f++) {
      const { owner, pinned, at } = fresh[f]!;
      for (let k = 0; k < pinned.length; k++) {
        const i = at[k]!;
        const had = slots[i];
        if (!had) slots[i] = pinned[k];
        else if (shared[i] === 1) had.owners.push(owner);
        else {
          slots[i] = { ...had, owners: [had.owners[0]!, owner] };
          shared[i] = 1;
        }
      }
    }
    const tasks: ScheduleTask[] = [];
    for (const t of slots) if (t) tasks.push(t);
    const result = scheduleLoad({ ...base, tasks, milestones: [] });
    // One issue per over-allocated owner at most.
    const issues = new Map<string, ScheduleIssue>();
    for (const i of result.issues) if (i.code === 'resource.overallocated') issues.set(i.owner, i);
    for (const { owner, pinned } of fresh) {
      const issue = issues.get(owner);
      const key = { tasks: pinned, calendars };
      owners.set(owner, { pinned: () => key, runs: () => result.load.get(owner), issues: issue ? [issue] : [] });
    }
  }
}

/** A task list shared by every pinned task (they have no predecessors); never written to. */
const NO_AFTER: string[] = [];

/** The dates of components not scheduled yet. */
const NO_DATES: Dates = { tasks: new Map(), milestones: new Map() };

/**
 * The owner's tasks with dates, pinned at them (in `ids` order), for a load run; fills in
 * `calendars` for their plan calendars and `at` with their node positions.
 */
function pinnedOf(owner: string, ids: Iterable<string>, base: Base, state: Pick<State, 'nodes' | 'positionOf' | 'tasks'>, calendars: Map<string, string>, at: number[]): ScheduleTask[] {
  const pinned: ScheduleTask[] = [];
  for (const id of ids) {
    const i = state.positionOf.get(id)!;
    const t = state.nodes[i]?.task;
    const d = state.tasks.get(id);
    if (!t || d?.start === undefined || d.end === undefined) continue;
    if (t.calendar !== undefined && !calendars.has(t.calendar)) {
      const spec = base.calendars?.get(t.calendar);
      calendars.set(t.calendar, spec ? JSON.stringify(spec) : '');
    }
    // Pinned at its computed dates, a task needs no predecessors for its load.
    pinned.push({ id, doc: t.doc, calendar: t.calendar, start: d.start, end: d.end, after: NO_AFTER, owners: [owner], allocation: t.allocation });
    at.push(i);
  }
  return pinned;
}

/**
 * Every owner's load from a first run that scheduled every component at once, with owners:
 * what `ownerLoads` gives, without pinning every task again. It equals the pinned run
 * because no task in it is `fixed`: every date the scheduler gives is then a working day
 * of the task's calendar with the end on or after the start, so pinning moves nothing;
 * and the load and over-allocation of an owner do not depend on the order of the tasks.
 * An owner none of whose tasks has dates gets no runs, as from a pinned run without them.
 */
function loadsFromRun(base: Base, state: State, run: ScheduleResult): Map<string, OwnerLoad> {
  const issues = new Map<string, ScheduleIssue>();
  for (const i of run.issues) if (i.code === 'resource.overallocated') issues.set(i.owner, i);
  const owners = new Map<string, OwnerLoad>();
  for (const [owner, ids] of state.ownerTasks) {
    const issue = issues.get(owner);
    // The owner's task IDs as they are now (an edit patches the sets in place).
    const now = [...ids];
    let key: Pinned | undefined;
    owners.set(owner, {
      pinned: () => {
        if (!key) {
          const calendars = new Map<string, string>();
          key = { tasks: pinnedOf(owner, now, base, state, calendars, []), calendars };
        }
        return key;
      },
      runs: () => {
        const runs = run.load.get(owner);
        return runs !== undefined && runs.length > 0 ? runs : undefined;
      },
      issues: issue ? [issue] : [],
    });
  }
  return owners;
}

/** Did the owner's pinned tasks keep their IDs, dates, allocations and calendars? */
function samePinned(old: Pinned, pinned: ScheduleTask[], calendars: Map<string, string>): boolean {
  if (old.tasks.length !== pinned.length) return false;
  for (let k = 0; k < pinned.length; k++) {
    const a = old.tasks[k]!;
    const b = pinned[k]!;
    if (a.id !== b.id || a.start !== b.start || a.end !== b.end || a.allocation !== b.allocation) return false;
    const ca = a.calendar === undefined ? '' : old.calendars.get(a.calendar) ?? '';
    const cb = b.calendar === undefined ? '' : calendars.get(b.calendar) ?? '';
    if (ca !== cb) return false;
  }
  return true;
}

/** Positions whose node changed, or undefined when IDs, kinds, documents or predecessors changed. */
function sameShape(before: ScheduleNode[], after: ScheduleNode[]): number[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!;
    const b = after[i]!;
    if (a === b) continue;
    if (a.item.id !== b.item.id || a.item.file !== b.item.file || !a.task !== !b.task) return undefined;
    const pa = a.task?.after ?? a.milestone?.after ?? [];
    const pb = b.task?.after ?? b.milestone?.after ?? [];
    if (pa.length !== pb.length || pa.some((p, j) => p !== pb[j])) return undefined;
    changed.push(i);
  }
  return changed;
}

/** Connected components over dependencies and documents (union-find), as position lists. */
function componentsOf(nodes: ScheduleNode[], positionOf: Map<string, number>): number[][] {
  const parent = new Int32Array(nodes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const firstOfDoc = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const first = firstOfDoc.get(n.item.file);
    if (first === undefined) firstOfDoc.set(n.item.file, i);
    else parent[find(first)] = find(i);
    const after = n.task ? n.task.after : n.milestone ? n.milestone.after : NO_AFTER;
    for (let k = 0; k < after.length; k++) {
      const j = positionOf.get(after[k]!);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < nodes.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/** The dates of every component, in component order, each in node order. */
function datesInOrder(nodes: ScheduleNode[], components: Component[]): Dates {
  const tasks = new Map<string, ScheduledTask>();
  const milestones = new Map<string, ScheduledMilestone>();
  for (const c of components) {
    for (const i of c.positions) {
      const n = nodes[i]!;
      const id = n.item.id;
      if (n.task) {
        const t = c.dates.tasks.get(id);
        if (t) tasks.set(id, t);
      } else {
        const m = c.dates.milestones.get(id);
        if (m) milestones.set(id, m);
      }
    }
  }
  return { tasks, milestones };
}

/** One component in a run of its own (an edit reschedules the components it touched). */
function scheduleComponent(base: Base, nodes: ScheduleNode[], positions: number[], slot: number): Component {
  const tasks: ScheduleTask[] = [];
  const milestones: ScheduleMilestone[] = [];
  for (const i of positions) {
    const n = nodes[i]!;
    // Load is left to the per-owner pass: owners couple components.
    if (n.task) tasks.push(n.task);
    else if (n.milestone) milestones.push(n.milestone);
  }
  const dates = scheduleDates({ ...base, tasks, milestones });
  return { slot, positions, members: positions.map((i) => nodes[i]!), dates, issues: [...dates.issues] };
}

/**
 * Several components in one run, their issues dealt out to them. Components share no
 * dependency and no document, so each gets the dates and issues a run of its own gives.
 */
function scheduleBatch(base: Base, nodes: ScheduleNode[], batch: Component[], positionOf: Map<string, number>, componentAt: Component[], withLoad = false): ScheduleResult | undefined {
  const tasks: ScheduleTask[] = [];
  const milestones: ScheduleMilestone[] = [];
  let fixed = false;
  for (const c of batch) {
    const positions = c.positions;
    for (let k = 0; k < positions.length; k++) {
      const n = nodes[positions[k]!]!;
      if (n.task) {
        tasks.push(n.task);
        if (n.task.fixed) fixed = true;
      } else if (n.milestone) milestones.push(n.milestone);
    }
  }
  // The owners' load as well when asked for and the run can give it (see loadsFromRun).
  const whole = withLoad && !fixed ? schedule({ ...base, tasks, milestones }) : undefined;
  const dates = whole ?? scheduleDates({ ...base, tasks, milestones });
  for (const c of batch) c.dates = dates;
  // Sorted for the whole run, so sorted for each component.
  for (const issue of dates.issues) if (issue.code !== 'resource.overallocated') componentAt[positionOf.get(issueKey(issue))!]!.issues.push(issue);
  return whole;
}

function resultOf(state: State): ScheduleResult {
  const issues: ScheduleIssue[] = [];
  for (const c of state.components) for (const i of c.issues) issues.push(i);
  for (const o of state.owners.values()) issues.push(...o.issues);
  issues.sort(compareIssues);
  const result: ScheduleResult = { tasks: state.tasks, milestones: state.milestones, issues, load: new Map() };
  // The load runs are large and seldom read: build them on first use, as the scheduler does.
  let load: Map<string, LoadRun[]> | undefined;
  Object.defineProperty(result, 'load', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!load) {
        load = new Map();
        for (const [owner, o] of state.owners) {
          const runs = o.runs();
          if (runs) load.set(owner, runs);
        }
      }
      return load;
    },
  });
  return result;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function compareIssues(a: ScheduleIssue, b: ScheduleIssue): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return compareIds(issueKey(a), issueKey(b));
}

function issueKey(i: ScheduleIssue): string {
  if (i.code === 'schedule.cycle') return i.ids[0] ?? '';
  if (i.code === 'resource.overallocated') return i.owner;
  return i.id;
}
