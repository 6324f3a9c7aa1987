import { formatDate } from '../../model/dates.js';
import type { Diagnostic, RelatedInformation } from '../../model/types.js';
import { goalDate, metricReached } from '../../cost/metricProgress.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `metric.missed`; see ruleMeta.ts. */
export const metricMissedMeta: RuleMeta = {
  code: 'metric.missed',
  defaultSeverity: 'warning',
  description: 'A goal\'s date has passed and its metric has not reached its target.',
  docs: {
    meaning: 'A goal\'s date is before today and its `metric current` has not reached its `metric target`. The date is the goal\'s `target`, else the last day of its dated `horizon` (`now`, `next` and `later` have none). Reached is judged in the direction from `metric baseline` to `metric target`, so a metric that must fall is reached at or below its target; without a baseline a metric is taken to rise. Reported on the `metric current` value, with the goal\'s date as related information.',
    why: 'Goals are outcomes: shipping every feature of a goal whose metric did not move is not success.',
    fix: 'Update `metric current`, move the goal\'s target, or record why it was missed.',
    suppress: 'Once the miss is reviewed and recorded; the goal stays in the roadmap with its metric.',
    example: '## G-1 Every new hire knows what to do on day one\n\n- target: 2026-11-30\n- metric: new hires who finish onboarding in a week\n- metric baseline: 55%\n- metric target: 80%\n- metric current: 71%',
  },
};


/**
 * `metric.missed`: a goal's date (its `target`, else the end of its dated horizon) is
 * before today and its `metric current` has not reached `metric target`. Reported on the
 * current value; related: where the date is written.
 */
export function metricMissed(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const goal of ctx.check.goal) {
    const date = goalDate(goal);
    const current = goal.attributes.metricCurrent;
    if (date === undefined || date >= ctx.today || !current || metricReached(goal) !== false) continue;
    const unit = goal.metricTarget!.unit;
    const show = (v: number): string => `${v}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
    const dateAttr = goal.target !== undefined ? goal.attributes.target : goal.attributes.horizon;
    const related: RelatedInformation[] = [{ file: goal.file, range: dateAttr?.range ?? goal.idRange, message: `${goal.id} was due ${formatDate(date)}` }];
    out.push(diagnostic('metric.missed', goal.file, current.range,
      `${goal.id}'s ${goal.metric ? `metric "${goal.metric}"` : 'metric'} is at ${show(goal.metricCurrent!.value)}, short of its target ${show(goal.metricTarget!.value)}, and the goal was due ${formatDate(date)}`,
      related, { item: goal.id }));
  }
  return out;
}
