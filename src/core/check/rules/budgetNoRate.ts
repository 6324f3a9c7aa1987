import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `budget.no-rate`; see ruleMeta.ts. */
export const budgetNoRateMeta: RuleMeta = {
  code: 'budget.no-rate',
  defaultSeverity: 'info',
  description: 'An owner has no day rate and there is no default rate, so their work costs nothing.',
  docs: {
    meaning: '`.specline.yml` has `rates` but no `default`, and an owner has no rate of their own: their work costs nothing. Reported on the owner value of the first task in each file that names that owner (once per owner per file). Unowned work without a default rate also costs nothing but is not reported (there is no owner to point at); a workspace without `rates` costs only fixed costs and reports nothing.',
    why: 'A cost report that silently prices a person at zero looks better than it is.',
    fix: 'Add `"@handle": 640` or `default: 640` to `rates` in `.specline.yml`.',
    suppress: 'For people whose time is paid from another budget on purpose.',
    example: '<!-- .specline.yml: rates: { "@ana": 720 } -->\n\n- [ ] T-1 Write the spec\n  - owner: @cy\n  - duration: 2d\n  - start: 2027-01-04',
    exampleConfig: 'rates:\n  "@ana": 720\n',
  },
};


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
