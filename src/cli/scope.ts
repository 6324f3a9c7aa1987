/**
 * PATH arguments. The CLI always indexes the whole workspace, so a link from a task in
 * `plan/` to a feature in `specs/` resolves and is checked the same way whatever PATHs
 * are given; PATHs only narrow what is *reported*: diagnostics in those files, items
 * defined there, and the views drawn from them. Diagnostics on the config file are
 * always reported, since they change how every file is read.
 */
import type { Analysis } from '../core/analysis/types.js';
import type { FilePath, Item } from '../core/model/types.js';

/** The analysis as seen from `inScope` files; returns the same object when everything is in scope. */
export function scopeAnalysis(analysis: Analysis, inScope: (file: FilePath) => boolean, configFile: FilePath): Analysis {
  if ([...analysis.files.keys()].every(inScope)) return analysis;
  const itemInScope = (item: Item | undefined): boolean => item !== undefined && inScope(item.file);
  const items = new Map([...analysis.items].filter(([, item]) => itemInScope(item)));
  const definitions = new Map(
    [...analysis.definitions]
      .map(([id, list]) => [id, list.filter(itemInScope)] as const)
      .filter(([, list]) => list.length > 0),
  );
  return {
    ...analysis,
    files: new Map([...analysis.files].filter(([file]) => inScope(file))),
    items,
    definitions,
    features: new Map([...analysis.features].filter(([id]) => items.has(id))),
    goals: new Map([...analysis.goals].filter(([id]) => items.has(id))),
    schedule: {
      ...analysis.schedule,
      tasks: new Map([...analysis.schedule.tasks].filter(([id]) => items.has(id))),
      milestones: new Map([...analysis.schedule.milestones].filter(([id]) => items.has(id))),
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
