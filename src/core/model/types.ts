/**
 * The data model shared by every part of Specline. Plain data only: no classes, no
 * functions, so results can cross worker threads and the extension/webview boundary.
 */

/** The six item kinds of docs/format.md#ids-and-kinds. */
export type ItemKind = 'goal' | 'feature' | 'task' | 'milestone' | 'risk' | 'persona';
export const ITEM_KINDS: readonly ItemKind[] = ['goal', 'feature', 'task', 'milestone', 'risk', 'persona'];

/** Zero-based line and UTF-16 character, as in LSP and the VS Code API. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A file path relative to the workspace root, always with `/` separators. */
export type FilePath = string;

export interface Location {
  file: FilePath;
  range: Range;
}

/** A calendar date as a day number: days since 1970-01-01 (UTC). See `dates.ts`. */
export type DayNumber = number;

/** Where an item is defined: a whole document, a heading, a list item, a table row, or a task line of a mermaid gantt chart. */
export type ItemForm = 'document' | 'heading' | 'list' | 'table' | 'mermaid';

export type Status = 'draft' | 'proposed' | 'approved' | 'todo' | 'in-progress' | 'blocked' | 'done' | 'dropped';
export const STATUSES: readonly Status[] = ['draft', 'proposed', 'approved', 'todo', 'in-progress', 'blocked', 'done', 'dropped'];

export type Level = 'low' | 'medium' | 'high';

/** Canonical attribute keys of docs/format.md#attributes (aliases are resolved by the parser). */
export type AttributeKey =
  | 'title' | 'goals' | 'features' | 'after' | 'milestone' | 'start' | 'end' | 'date' | 'duration'
  | 'owner' | 'allocation' | 'status' | 'progress' | 'priority' | 'horizon' | 'target' | 'metric'
  | 'personas' | 'probability' | 'impact' | 'mitigation' | 'affects'
  | 'budget' | 'cost' | 'spent' | 'metricBaseline' | 'metricTarget' | 'metricCurrent'
  | 'reach' | 'confidence' | 'effort';

/** Attributes whose value is a list of IDs (a "link"). */
export type LinkKey = 'goals' | 'features' | 'after' | 'milestone' | 'personas' | 'mitigation' | 'affects';

/** One ID written in a link attribute or in prose. */
export interface Reference {
  id: string;
  file: FilePath;
  range: Range;
  /** The attribute the reference sits in; undefined for a mention in prose or a title. */
  key?: LinkKey;
  /** The item whose attribute holds the reference (undefined for prose outside items). */
  from?: string;
}

/** An attribute as written: where its value is, and the raw text for messages and fixes. */
export interface RawAttribute {
  key: AttributeKey;
  /** The key as written (`Depends on`, `estimate`). */
  writtenKey: string;
  /** The value as text (YAML scalars stringified, lists joined with ", "). */
  text: string;
  /** Range of the value (for diagnostics and edits). */
  range: Range;
  /** Range of the key, when the key is written next to the value (not for table cells). */
  keyRange?: Range;
}

/** A goal's horizon. `end` is the last day of a dated horizon, undefined for now/next/later. */
export interface Horizon {
  text: string;
  bucket: 'now' | 'next' | 'later' | 'year' | 'half' | 'quarter';
  end?: DayNumber;
}

/** A duration in working days, or in weeks which the calendar turns into days. */
export interface Duration {
  amount: number;
  unit: 'd' | 'w';
}

/** A sum of money (docs/format.md, cost and budget): the amount, and the currency when one was written. */
export interface Money {
  amount: number;
  /** ISO-style code (`EUR`), symbols already mapped (`€` → `EUR`); undefined when none was written. */
  currency?: string;
}

/** A goal metric's value: a number and its unit (`%`, `d`, a word); unit '' when none. */
export interface Measure {
  value: number;
  unit: string;
}

export interface Priority {
  text: string;
  /** 0 (must / P0) … 3 (wont / P3), for sorting. */
  rank: number;
}

/**
 * One planning item. Typed fields hold parsed values; a value that failed validation is
 * left undefined here and reported as `schema.invalid` by the parser.
 */
export interface Item {
  id: string;
  kind: ItemKind;
  form: ItemForm;
  file: FilePath;
  /** Range of the ID where it is defined. */
  idRange: Range;
  /** The whole extent of the item (document, heading section, list item, table row). */
  range: Range;
  title: string;
  /** The headings above the item, outermost first (for grouping into sections). */
  section: string[];
  /** The enclosing item's ID for nested list items (`T-7.2` under `T-7`). */
  parent?: string;
  /** `[x]` or `[ ]` on a list item; undefined when there is no checkbox. */
  checked?: boolean;

  attributes: Partial<Record<AttributeKey, RawAttribute>>;
  /** Columns and keys that are not attributes, by their written name. */
  custom: Record<string, string>;
  /** Every ID in a link attribute, in written order. */
  links: Partial<Record<LinkKey, Reference[]>>;

  status?: Status;
  start?: DayNumber;
  end?: DayNumber;
  date?: DayNumber;
  target?: DayNumber;
  duration?: Duration;
  owners: string[];
  /** Percent of an owner's day; default 100. */
  allocation?: number;
  /** 0–100. */
  progress?: number;
  priority?: Priority;
  horizon?: Horizon;
  metric?: string;
  probability?: Level;
  impact?: Level;
  /** Mitigation written as prose rather than task IDs. */
  mitigationText?: string;
  /** Budget of a feature or goal, in the configured currency. */
  budget?: number;
  /** A task's fixed cost on top of labour. */
  cost?: number;
  /** A task's actual cost to date. */
  spent?: number;
  metricBaseline?: Measure;
  metricTarget?: Measure;
  metricCurrent?: Measure;
  /** RICE inputs of a feature: reach, impact as a number (`high` → 2), confidence 0–100, effort in person-weeks. */
  reach?: number;
  riceImpact?: number;
  confidence?: number;
  effort?: number;
  /** Set on the tasks of a mermaid gantt chart: their dates are mermaid's, fixed. */
  source?: 'mermaid';
  /** The chart a mermaid task belongs to: the file and the line of its `gantt` keyword (`plans/q1.md#L12`). */
  chart?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedInformation {
  file: FilePath;
  range: Range;
  message: string;
}

/** Machine-readable hints for quick fixes, so a fix never re-runs the checker. */
export interface DiagnosticData {
  id?: string;
  /** The item the diagnostic is about. */
  item?: string;
  /** The expected kind for `ref.unknown` / `ref.wrong-kind`. */
  expectedKinds?: ItemKind[];
  [key: string]: unknown;
}

export interface Diagnostic {
  file: FilePath;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related: RelatedInformation[];
  data?: DiagnosticData;
}

/** Suppression comments (docs/format.md#inline-suppression), as found in one file. */
export interface Suppressions {
  /** line → codes disabled on that line (empty set: every code). */
  lines: Array<{ line: number; codes: string[] }>;
  /** Disabled ranges: [startLine, endLine] inclusive; codes empty: every code. */
  blocks: Array<{ startLine: number; endLine: number; codes: string[] }>;
}

/** A calendar as written in `.specline.yml` or a plan's front matter. */
export interface CalendarSpec {
  /** 0 = Sunday … 6 = Saturday. */
  workdays?: number[];
  holidays?: DayNumber[];
}

/** What one file contributes to the workspace: independent of every other file. */
export interface FileResult {
  file: FilePath;
  /** A hash of the content the result was computed from (cache key). */
  hash: string;
  items: Item[];
  /** Every ID mention: link values and prose. Definitions are not included. */
  references: Reference[];
  /** Problems found while parsing this file alone (schema.yaml, schema.invalid, id.duplicate within the file is NOT here). */
  diagnostics: Diagnostic[];
  suppressions: Suppressions;
  /** The document's title: front matter `title`, else the first H1, else undefined. */
  title?: string;
  /** Front-matter `start` of a plan document. */
  planStart?: DayNumber;
  /** Front-matter `calendar` of a plan document. */
  planCalendar?: CalendarSpec;
  /** Front-matter `budget` of a plan document, and where its value is written. */
  planBudget?: { amount: number; range: Range };
  /** Headings in order (for symbols and sections). */
  headings: Array<{ text: string; depth: number; range: Range }>;
  /** Set when the file was not parsed (binary, too large, unreadable): the note says why. */
  skipped?: string;
  lineCount: number;
}
