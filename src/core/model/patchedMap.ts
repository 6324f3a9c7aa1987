/**
 * A read-only map that shares an earlier map and holds only the values replaced since.
 *
 * The incremental analysis replaces a few values of maps with tens of thousands of entries
 * (items, schedule dates, task costs) after each edit, while the previous analysis must
 * stay as it was for whoever still reads it. Copying such a map costs more than the rest
 * of a one-file re-check; sharing it and overlaying the replaced values costs what changed.
 * Once the overlay grows past about the square root of the map (a few hundred entries), it
 * is merged into a fresh plain map, so reads stay at most two look-ups and a long editing
 * session pays about √n per edit on average.
 *
 * Keys, their order and the size are the base map's: only existing keys are replaced.
 * Values must not be `undefined`.
 */
export class PatchedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly patch: ReadonlyMap<K, V>,
  ) {}

  get size(): number {
    return this.base.size;
  }

  get(key: K): V | undefined {
    const v = this.patch.get(key);
    return v !== undefined ? v : this.base.get(key);
  }

  has(key: K): boolean {
    return this.base.has(key);
  }

  keys(): MapIterator<K> {
    return this.base.keys();
  }

  *values(): MapIterator<V> {
    for (const [key, v] of this.base) yield this.patch.get(key) ?? v;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, v] of this.base) yield [key, this.patch.get(key) ?? v];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, v] of this.entries()) callback.call(thisArg, v, key, this);
  }

  /**
   * `prev` with the given values replaced, leaving `prev` as it was. A new key, or a map
   * too small to be worth sharing, gives a plain copy (new keys go last, as `Map.set` puts
   * them).
   */
  static with<K, V>(prev: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V>): ReadonlyMap<K, V> {
    if (changes.size === 0) return prev;
    const base = prev instanceof PatchedMap ? (prev.base as ReadonlyMap<K, V>) : prev;
    const earlier: ReadonlyMap<K, V> = prev instanceof PatchedMap ? (prev.patch as ReadonlyMap<K, V>) : new Map();
    const limit = Math.max(SMALL, 4 * Math.sqrt(base.size));
    let fits = base.size > SMALL && earlier.size + changes.size <= limit;
    if (fits) for (const key of changes.keys()) if (!base.has(key)) fits = false;
    if (fits) {
      const patch = new Map(earlier);
      for (const [key, v] of changes) patch.set(key, v);
      return new PatchedMap(base, patch);
    }
    const out = new Map(prev);
    for (const [key, v] of changes) out.set(key, v);
    return out;
  }
}

/** Below this many entries a map is simply copied. */
const SMALL = 256;
