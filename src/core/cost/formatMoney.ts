import { round2 } from './ratios.js';

/**
 * One formatter for every call: `toLocaleString` builds a new one each time, which
 * dominated a re-check with many budgets. Made on first use: building it loads the locale
 * data (about 40 ms), which a check of a workspace without money never needs.
 */
let moneyFormat: Intl.NumberFormat | undefined;

/** `42,300` or `42,300.5 EUR`: thousands separated, at most 2 decimals, the currency after when configured. */
export function formatMoney(amount: number, currency?: string): string {
  moneyFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const text = moneyFormat.format(round2(amount));
  return currency ? `${text} ${currency}` : text;
}

/** A ratio with 2 decimals, or — when there is none. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : round2(ratio).toFixed(2);
}
