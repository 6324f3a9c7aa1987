/**
 * PATH arguments. The CLI always indexes the whole workspace, so a link from a task in
 * `plan/` to a feature in `specs/` resolves, and dates are computed, the same way
 * whatever PATHs are given. PATHs only narrow what is *reported*:
 *
 * - `check` and `schedule` report exactly the diagnostics and the items of those files
 *   (`scopeToFiles`);
 * - the views (`gantt`, `roadmap`, `trace`, `report`) show the items of those files with
 *   their traceability chain (`scopeToTrace`): `trace specs/` lists the features in
 *   `specs/` with the goals they serve and the tasks that deliver them, wherever those
 *   are written; `roadmap roadmap.md` shows its goals with their features.
 *
 * Diagnostics on the config file are always kept: they change how every file is read.
 */
import type { Analysis } from '../core/analysis/types.js';
import type { FilePath, Item } from '../core/model/types.js';

/** The analysis limited to items and diagnostics of `inScope` files. The same object when everything is in scope. */
export function scopeToFiles(analysis: Analysis, inScope: (file: FilePath) => boolean, configFile: FilePath): Analysis {
  if (everythingInScope(analysis, inScope)) return analysis;
  const keep = new Set<string>();
  for (const item of analysis.items.values()) if (inScope(item.file)) keep.add(item.id);
  return narrow(analysis, keep, inScope, configFile);
}

/**
 * The analysis limited to the items of `inScope` files plus their trace chain: up from a
 * task to its features and their goals, up from a feature to its goals, and down from a
 * goal or feature to its features and tasks. Never sideways: a task's feature does not
 * bring in that feature's other tasks. Diagnostics stay those of `inScope` files.
 */
export function scopeToTrace(analysis: Analysis, inScope: (file: FilePath) => boolean, configFile: FilePath): Analysis {
  if (everythingInScope(analysis, inScope)) return analysis;
  const keep = new Set<string>();
  const up = (featureId: string): void => {
    if (!analysis.features.has(featureId)) return;
    keep.add(featureId);
    for (const goal of analysis.features.get(featureId)?.goals ?? []) keep.add(goal);
  };
  const down = (featureId: string): void => {
    if (!analysis.features.has(featureId)) return;
    keep.add(featureId);
    for (const task of analysis.features.get(featureId)?.tasks ?? []) keep.add(task);
  };
  for (const item of analysis.items.values()) {
    if (!inScope(item.file)) continue;
    keep.add(item.id);
    if (item.kind === 'goal') for (const feature of analysis.goals.get(item.id)?.features ?? []) down(feature);
    if (item.kind === 'feature') {
      up(item.id);
      down(item.id);
    }
    if (item.kind === 'task') for (const ref of item.links.features ?? []) up(ref.id);
  }
  return narrow(analysis, keep, inScope, configFile);
}

function everythingInScope(analysis: Analysis, inScope: (file: FilePath) => boolean): boolean {
  return [...analysis.files.keys()].every(inScope);
}

function narrow(analysis: Analysis, keep: ReadonlySet<string>, inScope: (file: FilePath) => boolean, configFile: FilePath): Analysis {
  const items = new Map([...analysis.items].filter(([id]) => keep.has(id)));
  const files = new Set([...items.values()].map((item) => item.file));
  const definitions = new Map(
    [...analysis.definitions]
      .filter(([id]) => keep.has(id))
      .map(([id, list]) => [id, list.filter((item) => files.has(item.file))] as const)
      .filter(([, list]) => list.length > 0),
  );
  return {
    ...analysis,
    files: new Map([...analysis.files].filter(([file]) => inScope(file) || files.has(file))),
    items,
    definitions,
    features: new Map([...analysis.features].filter(([id]) => keep.has(id))),
    goals: new Map([...analysis.goals].filter(([id]) => keep.has(id))),
    schedule: {
      ...analysis.schedule,
      tasks: new Map([...analysis.schedule.tasks].filter(([id]) => keep.has(id))),
      milestones: new Map([...analysis.schedule.milestones].filter(([id]) => keep.has(id))),
    },
    diagnostics: analysis.diagnostics.filter((d) => d.file === configFile || inScope(d.file)),
  };
}

/** Items in source order: by file path, then by position in the file. */
export function itemsInSourceOrder(analysis: Analysis, kind?: Item['kind']): Item[] {
  const list = [...analysis.items.values()].filter((item) => kind === undefined || item.kind === kind);
  return list.sort((a, b) =>
    compareCodeUnits(a.file, b.file)
    || a.idRange.start.line - b.idRange.start.line
    || a.idRange.start.character - b.idRange.start.character);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
