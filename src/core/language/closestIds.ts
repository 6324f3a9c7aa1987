import type { Analysis } from '../analysis/types.js';
import { idPrefix } from '../model/ids.js';
import type { ItemKind } from '../model/types.js';
import { ITEM_KINDS } from '../model/types.js';
import { itemsOfKind } from './analysisIndex.js';
import { compareIdsNatural, idNumber } from './idOrder.js';

/**
 * The defined IDs closest to a mistyped one, for "Change to …" fixes of `ref.unknown` and
 * `ref.wrong-kind`: only items of the expected kinds, ranked by Damerau–Levenshtein
 * distance (a swap of two neighbours, `T-31` for `T-13`, is one edit), then the same
 * prefix first, then the nearest number. Candidates further than half the ID's length
 * (at least 2 edits) are not suggestions but guesses, and are left out.
 *
 * @param kinds the kinds the link expects (`diagnostic.data.expectedKinds`); empty or
 * undefined: any kind
 */
export function closestIds(analysis: Analysis, id: string, kinds: readonly ItemKind[] | undefined, max = 3): string[] {
  const limit = Math.max(2, Math.floor(id.length / 2));
  const prefix = idPrefix(id);
  const number = idNumber(id);
  const scored: Array<{ id: string; score: number; numberGap: number }> = [];
  for (const kind of kinds?.length ? kinds : ITEM_KINDS) {
    for (const item of itemsOfKind(analysis, kind)) {
      if (item.id === id) continue;
      const distance = damerauLevenshtein(id, item.id, limit);
      if (distance > limit) continue;
      const gap = Math.abs(idNumber(item.id) - number);
      scored.push({ id: item.id, score: distance + (idPrefix(item.id) === prefix ? 0 : 0.5), numberGap: Number.isFinite(gap) ? gap : Infinity });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.numberGap - b.numberGap || compareIdsNatural(a.id, b.id));
  return scored.slice(0, Math.max(0, max)).map((s) => s.id);
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
 * adjacent characters). Stops early and returns `limit + 1` once every alignment is
 * beyond `limit`, so scanning many candidates stays cheap.
 */
export function damerauLevenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const row = new Array<number>(cols);
    row[0] = i;
    let best = row[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[cols - 1]!;
}
