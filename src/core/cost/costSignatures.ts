import type { FeatureInfo, GoalInfo } from '../analysis/types.js';
import type { FilePath, FileResult, Item } from '../model/types.js';
import type { CostResult } from '../model/costTypes.js';

/** Per item: what the budget and priority rules read of it, and the files to re-check when that changes. */
export type CostSignatures = Map<string, { file: FilePath; sig: string; also: FilePath[] }>;

/**
 * Signatures of the figures that reach an item from other files: a feature's cost and
 * spent (its tasks may live anywhere), a goal's cost and spent (two links away) and the
 * ends and priorities of the goal's features (`priority.inverted` compares siblings).
 * The incremental analysis re-checks the files whose signature changed, on top of the
 * files that link to the edit.
 */
export function costSignatures(items: ReadonlyMap<string, Item>, features: ReadonlyMap<string, FeatureInfo>, goals: ReadonlyMap<string, GoalInfo>, cost: CostResult, files: ReadonlyMap<FilePath, FileResult>): CostSignatures {
  const out: CostSignatures = new Map();
  for (const [id, figures] of cost.features) {
    const item = items.get(id);
    if (item) out.set(id, { file: item.file, sig: `${figures.cost}|${figures.ac}`, also: [] });
  }
  for (const [id, info] of goals) {
    const goal = items.get(id);
    if (!goal) continue;
    const figures = cost.goals.get(id);
    const parts = [`${figures?.cost}|${figures?.ac}`];
    const also: FilePath[] = [];
    for (const featureId of info.features) {
      const feature = items.get(featureId);
      if (!feature) continue;
      parts.push(`${featureId}:${features.get(featureId)?.end}:${feature.priority?.rank}:${feature.status}`);
      if (files.has(feature.file)) also.push(feature.file);
    }
    out.set(id, { file: goal.file, sig: parts.join(' '), also });
  }
  return out;
}

/** Files whose items' signatures differ between two analyses (both sides' files, so removals count). */
export function signatureChanges(before: CostSignatures, after: CostSignatures): Set<FilePath> {
  const out = new Set<FilePath>();
  const add = (entry: { file: FilePath; also: FilePath[] }): void => {
    out.add(entry.file);
    for (const f of entry.also) out.add(f);
  };
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old && old.sig === entry.sig && old.file === entry.file) continue;
    add(entry);
    if (old) add(old);
  }
  for (const [id, old] of before) if (!after.has(id)) add(old);
  return out;
}
