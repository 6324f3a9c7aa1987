import { round2 } from './ratios.js';

/** One formatter for every call: `toLocaleString` builds a new one each time, which dominated a re-check with many budgets. */
const MONEY_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `42,300` or `42,300.5 EUR`: thousands separated, at most 2 decimals, the currency after when configured. */
export function formatMoney(amount: number, currency?: string): string {
  const text = MONEY_FORMAT.format(round2(amount));
  return currency ? `${text} ${currency}` : text;
}

/** A ratio with 2 decimals, or — when there is none. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : round2(ratio).toFixed(2);
}
