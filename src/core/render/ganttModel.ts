import type { Analysis } from '../analysis/types.js';
import type { DayNumber, FilePath, Item, Status } from '../model/types.js';
import { isIdShape } from '../model/ids.js';
import { itemProgress } from './progress.js';
import { cleanLine, ownerKey } from './text.js';

/** Which tasks and milestones a Gantt view shows. Filters combine with AND. */
export interface GanttFilter {
  /** Only items defined in these files (workspace-relative paths, or folders ending in `/` or not). */
  files?: string[];
  /** Only tasks delivering this feature, and milestones of the feature. */
  feature?: string;
  /** Only tasks delivering a feature of this goal, and milestones of those features. */
  goal?: string;
  /** Only items owned by this person (`@ana` or `ana`, case-insensitive). */
  owner?: string;
  /** The milestone, the tasks that name it, the tasks of features that name it, and its direct predecessors. */
  milestone?: string;
}

/** `section`: by the headings above each item (default); `feature`: by the first feature it delivers. */
export type GanttGroupBy = 'section' | 'feature';

/** Options shared by every Gantt renderer: the filter and the grouping. */
export interface GanttModelOptions extends GanttFilter {
  groupBy?: GanttGroupBy;
}

/** One bar or diamond, with dates already computed by the scheduler. */
export interface GanttRow {
  kind: 'task' | 'milestone';
  id: string;
  item: Item;
  /** First day occupied (a milestone: its date). */
  start: DayNumber;
  /** Last day occupied, inclusive (docs/format.md#scheduling); a milestone: its date. */
  end: DayNumber;
  /** Working days, as the scheduler counted them (0 for a milestone). */
  duration: number;
  critical: boolean;
  float?: number;
  status?: Status;
  /** 0–100. */
  progress: number;
  /** IDs of known features the item delivers. */
  features: string[];
  /** IDs named in `after:` (may include items not shown). */
  predecessors: string[];
}

/** A group of rows under one header: a plan section (headings) or a feature. */
export interface GanttSection {
  /** Stable grouping key (not for display). */
  key: string;
  /** Display label: raw user text, escape before use. */
  label: string;
  rows: GanttRow[];
}

/** A selected item the scheduler could not place. */
export interface UnscheduledRow {
  kind: 'task' | 'milestone';
  id: string;
  item: Item;
}

/** What a Gantt chart shows, in display order. */
export interface GanttModel {
  sections: GanttSection[];
  unscheduled: UnscheduledRow[];
  /** Earliest start and latest end over all rows; undefined when there are no rows. */
  first?: DayNumber;
  last?: DayNumber;
  rowCount: number;
}

/**
 * The rows of a Gantt chart, shared by the mermaid, SVG and HTML renderers so that they
 * always agree on what is shown. Items appear in document order (file order of the
 * analysis, then source position). Dropped items are left out: a Gantt chart shows work
 * that will happen. Runs in O(n log n) for the sort, everything else is map lookups.
 */
export function buildGanttModel(analysis: Analysis, options: GanttModelOptions = {}): GanttModel {
  const accept = makeGanttFilter(analysis, options);
  const fileOrder = new Map<FilePath, number>();
  for (const file of analysis.files.keys()) fileOrder.set(file, fileOrder.size);

  const candidates: Item[] = [];
  for (const item of analysis.items.values()) {
    if (item.kind !== 'task' && item.kind !== 'milestone') continue;
    if (item.status === 'dropped') continue;
    if (!accept(item)) continue;
    candidates.push(item);
  }
  candidates.sort((a, b) => {
    const fa = fileOrder.get(a.file) ?? Number.MAX_SAFE_INTEGER;
    const fb = fileOrder.get(b.file) ?? Number.MAX_SAFE_INTEGER;
    if (fa !== fb) return fa - fb;
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return a.idRange.start.line - b.idRange.start.line || a.idRange.start.character - b.idRange.start.character;
  });

  const rows: GanttRow[] = [];
  const unscheduled: UnscheduledRow[] = [];
  for (const item of candidates) {
    const row = toRow(analysis, item);
    if (row) rows.push(row);
    else unscheduled.push({ kind: item.kind === 'milestone' ? 'milestone' : 'task', id: item.id, item });
  }

  const sections = options.groupBy === 'feature' ? groupByFeature(analysis, rows) : groupBySection(analysis, rows);
  let first: DayNumber | undefined;
  let last: DayNumber | undefined;
  for (const row of rows) {
    if (first === undefined || row.start < first) first = row.start;
    if (last === undefined || row.end > last) last = row.end;
  }
  return { sections, unscheduled, first, last, rowCount: rows.length };
}

function toRow(analysis: Analysis, item: Item): GanttRow | undefined {
  const features = knownIds(analysis, item.links.features?.map((r) => r.id), 'feature');
  const predecessors = (item.links.after ?? []).map((r) => r.id);
  if (item.kind === 'milestone') {
    const date = analysis.schedule.milestones.get(item.id)?.date;
    if (date === undefined) return undefined;
    return {
      kind: 'milestone', id: item.id, item, start: date, end: date, duration: 0, critical: false,
      status: item.status, progress: itemProgress(item), features, predecessors,
    };
  }
  const s = analysis.schedule.tasks.get(item.id);
  if (s === undefined || s.start === undefined || s.end === undefined || s.end < s.start) return undefined;
  return {
    kind: 'task', id: item.id, item, start: s.start, end: s.end, duration: s.duration ?? s.end - s.start + 1,
    critical: s.critical, float: s.float, status: item.status, progress: itemProgress(item), features, predecessors,
  };
}

function knownIds(analysis: Analysis, ids: string[] | undefined, kind: Item['kind']): string[] {
  if (!ids) return [];
  const out: string[] = [];
  for (const id of ids) {
    if (analysis.items.get(id)?.kind === kind && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The filter as a predicate over items (the baseline layer applies it to items as they were). */
export function makeGanttFilter(analysis: Analysis, options: GanttFilter): (item: Item) => boolean {
  const checks: Array<(item: Item) => boolean> = [];

  if (options.files && options.files.length > 0) {
    const exact = new Set(options.files.map(normalizePath));
    const folders = [...exact].map((f) => (f.endsWith('/') ? f : `${f}/`));
    checks.push((item) => exact.has(item.file) || folders.some((f) => item.file.startsWith(f)));
  }

  const deliversAny = (item: Item, features: ReadonlySet<string>): boolean =>
    (item.links.features ?? []).some((r) => features.has(r.id));

  if (options.feature !== undefined) {
    const features = new Set([options.feature]);
    const milestones = new Set(analysis.features.get(options.feature)?.milestones ?? []);
    checks.push((item) => (item.kind === 'milestone' ? milestones.has(item.id) || deliversAny(item, features) : deliversAny(item, features)));
  }

  if (options.goal !== undefined) {
    const features = new Set(analysis.goals.get(options.goal)?.features ?? []);
    const milestones = new Set<string>();
    for (const f of features) for (const m of analysis.features.get(f)?.milestones ?? []) milestones.add(m);
    checks.push((item) => (item.kind === 'milestone' ? milestones.has(item.id) || deliversAny(item, features) : deliversAny(item, features)));
  }

  if (options.owner !== undefined) {
    const key = ownerKey(options.owner);
    checks.push((item) => item.owners.some((o) => ownerKey(o) === key));
  }

  if (options.milestone !== undefined) {
    const m = options.milestone;
    const featuresOfM = new Set<string>();
    for (const [id, info] of analysis.features) if (info.milestones.includes(m)) featuresOfM.add(id);
    const predecessors = new Set((analysis.items.get(m)?.links.after ?? []).map((r) => r.id));
    checks.push((item) =>
      item.id === m ||
      predecessors.has(item.id) ||
      (item.links.milestone ?? []).some((r) => r.id === m) ||
      deliversAny(item, featuresOfM));
  }

  return (item) => checks.every((check) => check(item));
}

function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

function groupBySection(analysis: Analysis, rows: GanttRow[]): GanttSection[] {
  const multiFile = new Set(rows.map((r) => r.item.file)).size > 1;
  const sections = new Map<string, GanttSection>();
  for (const row of rows) {
    const item = row.item;
    const fileLabel = cleanLine(analysis.files.get(item.file)?.title) || item.file;
    const heading = cleanLine(item.section[item.section.length - 1]);
    let label = heading || fileLabel;
    if (multiFile && heading && heading !== fileLabel) label = `${fileLabel} › ${heading}`;
    // The whole heading path is the key: two "Phase 1" headings in different places stay apart.
    const key = `${item.file}\u0000${item.section.join('\u0000')}`;
    let section = sections.get(key);
    if (!section) {
      section = { key, label, rows: [] };
      sections.set(key, section);
    }
    section.rows.push(row);
  }
  return [...sections.values()];
}

function groupByFeature(analysis: Analysis, rows: GanttRow[]): GanttSection[] {
  const sections = new Map<string, GanttSection>();
  let none: GanttSection | undefined;
  for (const row of rows) {
    const featureId = row.features[0];
    let section: GanttSection | undefined;
    if (featureId === undefined) {
      none ??= { key: '', label: 'No feature', rows: [] };
      section = none;
    } else {
      section = sections.get(featureId);
      if (!section) {
        const title = cleanLine(analysis.items.get(featureId)?.title);
        section = { key: featureId, label: title ? `${featureId} ${title}` : featureId, rows: [] };
        sections.set(featureId, section);
      }
    }
    section.rows.push(row);
  }
  const result = [...sections.values()];
  if (none) result.push(none);
  return result;
}

/** IDs that are safe to print in a comment or a mermaid line verbatim (they match the ID grammar). */
export function safeIds(ids: Iterable<string>): string[] {
  const out: string[] = [];
  for (const id of ids) if (isIdShape(id)) out.push(id);
  return out;
}
