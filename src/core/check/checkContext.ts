import type { FeatureInfo, GoalInfo } from '../analysis/types.js';
import type { Baseline } from '../baseline/baseline.js';
import type { SpeclineConfig } from '../model/configTypes.js';
import type { DayNumber, Diagnostic, DiagnosticData, FilePath, FileResult, Item, ItemKind, Range, RelatedInformation } from '../model/types.js';
import type { ScheduleResult } from '../schedule/types.js';
import type { CostResult } from '../model/costTypes.js';

/** What every rule may read. Built once per analysis; rules never mutate it. */
export interface CheckContext {
  config: SpeclineConfig;
  today: DayNumber;
  files: ReadonlyMap<FilePath, FileResult>;
  /** First definition of each ID. */
  items: ReadonlyMap<string, Item>;
  definitions: ReadonlyMap<string, readonly Item[]>;
  /** First definitions grouped by kind, in file order. */
  byKind: Readonly<Record<ItemKind, readonly Item[]>>;
  /**
   * What to check this time: the first definitions and files in scope. The whole workspace
   * on a full check; after an edit, only the files whose problems may have changed (the
   * rest keep their cached diagnostics). Rules iterate these and look up anything else in
   * the global maps, and they report on the item they iterate.
   */
  check: Readonly<Record<ItemKind, readonly Item[]>>;
  checkFiles: readonly FileResult[];
  inScope(file: FilePath): boolean;
  features: ReadonlyMap<string, FeatureInfo>;
  goals: ReadonlyMap<string, GoalInfo>;
  schedule: ScheduleResult;
  /** The plan at the configured baseline revision, when there is one. */
  baseline?: Baseline;
  cost: CostResult;
}

/**
 * A rule: one code (or a few closely tied ones), one file. A rule that may produce
 * thousands of diagnostics is a generator that yields every {@link RULE_STEP} of them, so
 * a host slicing the analysis gets its thread back inside the rule too (see `runChecksSteps`).
 */
export type Rule = (ctx: CheckContext) => Diagnostic[] | Generator<void, Diagnostic[], void>;

/** Diagnostics a rule builds between two yields: a few milliseconds of work. */
export const RULE_STEP = 200;

/**
 * A diagnostic of a rule. `runChecks` gives it its code's default severity from the rule
 * catalog, which this file cannot import: the catalog is built from the rule modules'
 * metadata, and the rule modules import this file.
 */
export function diagnostic(code: string, file: FilePath, range: Range, message: string, related: RelatedInformation[] = [], data?: DiagnosticData): Diagnostic {
  return { file, range, severity: 'warning', code, message, related, ...(data ? { data } : {}) };
}

/** A related location pointing at an item's ID. */
export function relatedTo(item: Item, message: string): RelatedInformation {
  return { file: item.file, range: item.idRange, message };
}

/** Where to point at an attribute of an item: its value when written, else the ID. */
export function attributeRange(item: Item, key: keyof Item['attributes']): Range {
  return item.attributes[key]?.range ?? item.idRange;
}

/** A task counts as finished when done (or dropped: nothing more will happen). */
export function isClosed(item: Item): boolean {
  return item.status === 'done' || item.status === 'dropped';
}
