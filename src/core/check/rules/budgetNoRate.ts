import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';

/**
 * `budget.no-rate` (info): the workspace has `rates` but no `default`, and an owner has no
 * rate of their own, so their work costs nothing. Reported on the owner value of the first
 * task of each file that names them: once per owner per file is enough to find them.
 */
export function budgetNoRate(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rates = ctx.config.rates;
  if (!rates || rates.default !== undefined) return out;
  const seen = new Set<string>();
  for (const task of ctx.check.task) {
    for (const owner of ctx.cost.tasks.get(task.id)?.unratedOwners ?? []) {
      const key = `${task.file}\n${owner}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(diagnostic('budget.no-rate', task.file, task.attributes.owner?.range ?? task.idRange,
        `${owner} has no day rate and rates has no default, so ${owner}'s work on ${task.id} costs nothing; add "${owner}" or "default" to rates in .specline.yml`,
        [], { item: task.id, owner }));
    }
  }
  return out;
}
