/**
 * Natural order of IDs: by prefix, then numerically by each dotted number, so `T-2` comes
 * before `T-10` and `T-7` before `T-7.1`. Locale independent (prefixes are ASCII).
 */
export function compareIdsNatural(a: string, b: string): number {
  const da = a.indexOf('-');
  const db = b.indexOf('-');
  const pa = da < 0 ? a : a.slice(0, da);
  const pb = db < 0 ? b : b.slice(0, db);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const na = da < 0 ? [] : a.slice(da + 1).split('.');
  const nb = db < 0 ? [] : b.slice(db + 1).split('.');
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    if (i >= na.length) return -1;
    if (i >= nb.length) return 1;
    const x = Number(na[i]);
    const y = Number(nb[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first number of an ID: 12 for `FEAT-12.3`; NaN when there is none. */
export function idNumber(id: string): number {
  const m = /-(\d+)/.exec(id);
  return m ? Number(m[1]) : Number.NaN;
}
