import type { FeatureInfo, GoalInfo } from '../analysis/types.js';
import type { FilePath, FileResult, Item } from '../model/types.js';
import type { CostResult } from '../model/costTypes.js';

/** Per item: what the budget and priority rules read of it, and the files to re-check when that changes. */
export type CostSignatures = Map<string, Signature>;
interface Signature {
  file: FilePath;
  sig: string;
  also: FilePath[];
}

/** What the signatures are computed from. */
export interface SignatureSource {
  items: ReadonlyMap<string, Item>;
  features: ReadonlyMap<string, FeatureInfo>;
  goals: ReadonlyMap<string, GoalInfo>;
  cost: CostResult;
  files: ReadonlyMap<FilePath, FileResult>;
}

/**
 * Signatures of the figures that reach an item from other files: a feature's cost and
 * spent (its tasks may live anywhere), a goal's cost and spent (two links away) and the
 * ends and priorities of the goal's features (`priority.inverted` compares siblings).
 * The incremental analysis re-checks the files whose signature changed, on top of the
 * files that link to the edit.
 */
export function costSignatures(src: SignatureSource): CostSignatures {
  const out: CostSignatures = new Map();
  for (const id of src.cost.features.keys()) setFeature(out, id, src);
  for (const id of src.goals.keys()) setGoal(out, id, src);
  return out;
}

/**
 * Brings the signatures of the given features and goals up to date in place (the other
 * items' signatures cannot have changed) and returns the files whose signatures changed,
 * as `signatureChanges` of a full recomputation would.
 */
export function updateSignatures(signatures: CostSignatures, features: Iterable<string>, goals: Iterable<string>, src: SignatureSource): Set<FilePath> {
  const out = new Set<FilePath>();
  const redo = (id: string, set: (into: CostSignatures, id: string, src: SignatureSource) => void): void => {
    const old = signatures.get(id);
    signatures.delete(id);
    set(signatures, id, src);
    const now = signatures.get(id);
    if (now && old && old.sig === now.sig && old.file === now.file) return;
    if (now) addFiles(out, now);
    if (old) addFiles(out, old);
  };
  for (const id of features) redo(id, setFeature);
  for (const id of goals) redo(id, setGoal);
  return out;
}

function setFeature(out: CostSignatures, id: string, src: SignatureSource): void {
  const item = src.items.get(id);
  const figures = src.cost.features.get(id);
  if (item && figures) out.set(id, { file: item.file, sig: `${figures.cost}|${figures.ac}`, also: [] });
}

function setGoal(out: CostSignatures, id: string, src: SignatureSource): void {
  const goal = src.items.get(id);
  const info = src.goals.get(id);
  if (!goal || !info) return;
  const figures = src.cost.goals.get(id);
  const parts = [`${figures?.cost}|${figures?.ac}`];
  const also: FilePath[] = [];
  for (const featureId of info.features) {
    const feature = src.items.get(featureId);
    if (!feature) continue;
    parts.push(`${featureId}:${src.features.get(featureId)?.end}:${feature.priority?.rank}:${feature.status}`);
    if (src.files.has(feature.file)) also.push(feature.file);
  }
  out.set(id, { file: goal.file, sig: parts.join(' '), also });
}

function addFiles(out: Set<FilePath>, entry: Signature): void {
  out.add(entry.file);
  for (const f of entry.also) out.add(f);
}

/** Files whose items' signatures differ between two analyses (both sides' files, so removals count). */
export function signatureChanges(before: CostSignatures, after: CostSignatures): Set<FilePath> {
  const out = new Set<FilePath>();
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old && old.sig === entry.sig && old.file === entry.file) continue;
    addFiles(out, entry);
    if (old) addFiles(out, old);
  }
  for (const [id, old] of before) if (!after.has(id)) addFiles(out, old);
  return out;
}
