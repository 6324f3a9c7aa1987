import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';

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
