import { SlipCalculator } from '../../baseline/baseline.js';
import { formatDate } from '../../model/dates.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';

/**
 * `schedule.slipped`: a milestone or feature ends more working days later than in the
 * baseline than `slip-tolerance` allows. On the item's ID, with the baseline's definition
 * (as it was at the revision) as related information.
 */
export function scheduleSlipped(ctx: CheckContext): Diagnostic[] {
  const baseline = ctx.baseline;
  if (!baseline) return [];
  const out: Diagnostic[] = [];
  const slips = new SlipCalculator(ctx);
  const tolerance = ctx.config.slipTolerance ?? 0;
  for (const kind of ['milestone', 'feature'] as const) {
    for (const item of ctx.check[kind]) {
      const { baselineEnd, slip } = slips.compare(kind, item.id, baseline);
      if (slip === null || slip <= tolerance || baselineEnd === undefined) continue;
      const now = kind === 'milestone' ? ctx.schedule.milestones.get(item.id)?.date : ctx.features.get(item.id)?.end;
      const then = (kind === 'milestone' ? baseline.milestones : baseline.features).get(item.id)!;
      const days = `${slip} working day${slip === 1 ? '' : 's'}`;
      const allowed = tolerance > 0 ? ` (tolerance ${tolerance})` : '';
      out.push(diagnostic('schedule.slipped', item.file, item.idRange,
        `${item.id} ${kind === 'milestone' ? 'is due' : 'ends'} ${now === undefined ? '' : `${formatDate(now)}, `}${days} later than in the baseline ${baseline.ref} (${formatDate(baselineEnd)})${allowed}`,
        [{ file: then.item.file, range: then.item.idRange, message: `${item.id} in ${baseline.ref} (${baseline.commit.slice(0, 7)}): ${formatDate(baselineEnd)}` }],
        { item: item.id, slip, baselineEnd: formatDate(baselineEnd) }));
    }
  }
  return out;
}
