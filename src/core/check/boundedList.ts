import type { RelatedInformation } from '../model/types.js';
import { MAX_NAMED_IN_MESSAGE, MAX_RELATED } from '../model/limits.js';

import { formatCount } from '../model/formatCount.js';

export { formatCount };

/**
 * Names at most `MAX_NAMED_IN_MESSAGE` of `total` things: "a, b, c" when all fit, else
 * "a, b, c, d, e, f and 3,990 more". `shown` may hold more names than fit; the rest are
 * counted, never listed, so a message stays a line long whatever the input.
 */
export function namedWithMore(shown: readonly string[], total: number): string {
  const names = shown.slice(0, Math.min(MAX_NAMED_IN_MESSAGE, total));
  const rest = total - names.length;
  return rest > 0 ? `${names.join(', ')} and ${formatCount(rest)} more` : names.join(', ');
}

/** The first `MAX_RELATED` related locations; callers put the closest ones first. */
export function capRelated(related: RelatedInformation[]): RelatedInformation[] {
  return related.length > MAX_RELATED ? related.slice(0, MAX_RELATED) : related;
}
