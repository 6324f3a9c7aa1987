import { MAX_NAMED_IN_MESSAGE, MAX_RELATED } from '../../model/limits.js';
import type { Diagnostic, Item } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo, RULE_STEP } from '../checkContext.js';
import { formatCount, namedWithMore } from '../boundedList.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `id.duplicate`; see ruleMeta.ts. */
export const idDuplicateMeta: RuleMeta = {
  code: 'id.duplicate',
  defaultSeverity: 'error',
  description: 'The same ID is defined twice.',
  docs: {
    meaning: 'Two items (in one file or in two) are defined with the same ID. Every definition is reported, on its ID, and points at the others as related locations.',
    why: 'Links name items by ID: with two definitions nobody can tell which goal a feature serves or which task another waits for. Specline uses the first definition (files in path order) and ignores the others when scheduling.',
    fix: 'Give one of the items a new ID (the editor\'s rename changes every link in one edit), or delete the copy.',
    suppress: 'Rarely right: a suppressed duplicate is still ignored by the schedule.',
    example: '## FEAT-1 Single sign-on\n\n## FEAT-1 Audit log',
  },
};

/**
 * `id.duplicate`: every definition of a twice-defined ID points at the others. Only the
 * first few others are named and related (a plan defining one ID 4,000 times would
 * otherwise print 16 million locations); the message counts the rest.
 */
export function* idDuplicate(ctx: CheckContext): Generator<void, Diagnostic[], void> {
  const out: Diagnostic[] = [];
  // Every ID defined once (the usual case): as many IDs as definitions, nothing to look up.
  let definitions = 0;
  for (const file of ctx.files.values()) definitions += file.items.length;
  if (definitions === ctx.definitions.size) return out;
  const wanted = Math.max(MAX_NAMED_IN_MESSAGE, MAX_RELATED);
  for (const file of ctx.checkFiles) {
    for (const def of file.items) {
      const defs = ctx.definitions.get(def.id);
      if (!defs || defs.length < 2) continue;
      if (out.length % RULE_STEP === RULE_STEP - 1) yield;
      // The first definitions other than this one: O(wanted) per definition, not O(defs).
      const others: Item[] = [];
      for (let i = 0; i < defs.length && others.length < wanted; i++) if (defs[i] !== def) others.push(defs[i]!);
      const where = others.map((o) => `${o.file}:${o.idRange.start.line + 1}`);
      out.push(diagnostic('id.duplicate', def.file, def.idRange,
        `${def.id} is defined ${formatCount(defs.length)} times (also at ${namedWithMore(where, defs.length - 1)})`,
        others.slice(0, MAX_RELATED).map((o) => relatedTo(o, `${def.id} is also defined here`)), { id: def.id, item: def.id }));
    }
  }
  return out;
}
