import { round2 } from './ratios.js';

/** `42,300` or `42,300.5 EUR`: thousands separated, at most 2 decimals, the currency after when configured. */
export function formatMoney(amount: number, currency?: string): string {
  const text = round2(amount).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return currency ? `${text} ${currency}` : text;
}

/** A ratio with 2 decimals, or — when there is none. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : round2(ratio).toFixed(2);
}
