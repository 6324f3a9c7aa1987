/** A count with thousands separators ("3,990"), the same on every machine (no locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
