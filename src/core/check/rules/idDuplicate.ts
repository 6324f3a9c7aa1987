import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';
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

/** `id.duplicate`: every definition of a twice-defined ID points at the others. */
export function idDuplicate(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of ctx.checkFiles) {
    for (const def of file.items) {
      const defs = ctx.definitions.get(def.id);
      if (!defs || defs.length < 2) continue;
      const others = defs.filter((d) => d !== def);
      const where = others.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ');
      out.push(diagnostic('id.duplicate', def.file, def.idRange, `${def.id} is defined ${defs.length} times (also at ${where})`,
        others.map((o) => relatedTo(o, `${def.id} is also defined here`)), { id: def.id }));
    }
  }
  return out;
}
