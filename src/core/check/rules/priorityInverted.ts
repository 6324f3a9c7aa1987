import { formatDate } from '../../model/dates.js';
import type { Diagnostic, Item } from '../../model/types.js';
import { MAX_PRIORITY_RELATED } from '../../model/limits.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `priority.inverted`; see ruleMeta.ts. */
export const priorityInvertedMeta: RuleMeta = {
  code: 'priority.inverted',
  defaultSeverity: 'info',
  description: 'A feature ends after a lower-priority feature of the same goal.',
  docs: {
    meaning: 'A feature ends after another feature of the same goal that has a lower priority (`must` = `P0` > `should` = `P1` > `could` = `P2` > `wont` = `P3`). One diagnostic per feature, on its `priority` value; related: each lower-priority feature of a shared goal that ends earlier (at most five, earliest first). Dropped features, and features without a priority or an end, take no part.',
    why: 'When the schedule delivers the could-haves first, the plan contradicts the roadmap\'s priorities.',
    fix: 'Re-order the work, or change a priority that no longer holds.',
    suppress: 'When the order is deliberate (a small could-have that unblocks nothing else); say why next to it.',
    example: '## G-1 Grow sign-ups\n\n## FEAT-1 Single sign-on\n\n- goals: G-1\n- priority: must\n\n## FEAT-2 Dark mode\n\n- goals: G-1\n- priority: could\n\n## Tasks\n\n- [ ] T-1 SAML handshake\n  - features: FEAT-1\n  - start: 2027-01-04\n  - duration: 10d\n- [ ] T-2 Dark palette\n  - features: FEAT-2\n  - start: 2027-01-04\n  - duration: 2d',
  },
};


/**
 * `priority.inverted` (info): a feature ends after another feature of the same goal that
 * has a lower priority (must = P0 > should = P1 > could = P2 > wont = P3). One diagnostic
 * per feature, on its `priority` value; related: each such feature, earliest end first.
 * Dropped features, and features without a priority or an end, take no part.
 */
export function priorityInverted(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const feature of ctx.check.feature) {
    const end = ctx.features.get(feature.id)?.end;
    const rank = feature.priority?.rank;
    if (end === undefined || rank === undefined || feature.status === 'dropped' || !feature.attributes.priority) continue;
    const earlier: Array<{ other: Item; end: number; goal: string }> = [];
    const seen = new Set<string>([feature.id]);
    for (const goalId of ctx.features.get(feature.id)?.goals ?? []) {
      for (const id of ctx.goals.get(goalId)?.features ?? []) {
        const other = ctx.items.get(id);
        const otherEnd = ctx.features.get(id)?.end;
        if (!other || seen.has(id) || other.status === 'dropped' || otherEnd === undefined || other.priority === undefined) continue;
        if (other.priority.rank <= rank || otherEnd >= end) continue;
        seen.add(id);
        earlier.push({ other, end: otherEnd, goal: goalId });
      }
    }
    if (earlier.length === 0) continue;
    earlier.sort((a, b) => a.end - b.end || (a.other.id < b.other.id ? -1 : 1));
    const first = earlier[0]!;
    const more = earlier.length > 1 ? ` and ${earlier.length - 1} more` : '';
    out.push(diagnostic('priority.inverted', feature.file, feature.attributes.priority.range,
      `${feature.id} (${feature.priority!.text}) ends ${formatDate(end)}, after ${first.other.id} (${first.other.priority!.text}) of ${first.goal}, which ends ${formatDate(first.end)}${more}: the higher priority finishes later`,
      earlier.slice(0, MAX_PRIORITY_RELATED).map((e) => relatedTo(e.other, `${e.other.id} (${e.other.priority!.text}) ends ${formatDate(e.end)}`)),
      { item: feature.id, other: first.other.id }));
  }
  return out;
}
