import { SlipCalculator } from '../../baseline/baseline.js';
import { formatDate } from '../../model/dates.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `schedule.slipped`; see ruleMeta.ts. */
export const scheduleSlippedMeta: RuleMeta = {
  code: 'schedule.slipped',
  defaultSeverity: 'warning',
  description: 'A milestone or feature ends later than in the baseline, beyond the tolerance.',
  docs: {
    meaning: 'With `baseline: REF` in `.specline.yml` (a tag, branch or commit holding the plan everyone agreed to), every milestone date and feature end is compared with the same item as the workspace computed it at REF, with the config of REF. The slip is the number of working days from the baseline end to the current end, counted with the item\'s current calendar (a Friday moved to the next Monday is 1). It is reported on the item\'s ID when it exceeds `slip-tolerance` (default 0), with the item as defined at REF as related information. Items that did not exist at REF are not compared. When git cannot give the baseline (no repository, no git, an unknown revision, an untrusted workspace in the editor), the `baseline:` setting itself gets one warning of this code saying why, and nothing is compared.',
    why: 'A plan that changes every week needs a memory: what was promised at kickoff, and what slipped since. A milestone that quietly moves is the first thing a sponsor asks about.',
    fix: 'Bring the work back on track, or move the baseline on purpose (tag the re-agreed plan and point `baseline:` at the new tag). `specline schedule --baseline REF` lists every item\'s slip.',
    suppress: 'For an item whose new date was agreed but not yet re-baselined; raising `slip-tolerance` is better when small slips are acceptable across the board.',
    example: '<!-- .specline.yml says baseline: v1.0, where M-1 was due 2027-03-01 -->\n\n- M-1 Launch\n  - date: 2027-03-05',
    baselineExample: '- M-1 Launch\n  - date: 2027-03-01',
  },
};

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
