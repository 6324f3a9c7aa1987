import { formatDate } from '../../model/dates.js';
import type { Diagnostic, RelatedInformation } from '../../model/types.js';
import { goalDate, metricReached } from '../../cost/metricProgress.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';

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
