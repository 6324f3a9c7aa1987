import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';

/** `id.duplicate`: every definition of a twice-defined ID points at the others. */
export function idDuplicate(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, defs] of ctx.definitions) {
    if (defs.length < 2) continue;
    defs.forEach((def, i) => {
      const others = defs.filter((_, j) => j !== i);
      const where = others.map((o) => `${o.file}:${o.idRange.start.line + 1}`).join(', ');
      out.push(diagnostic('id.duplicate', def.file, def.idRange, `${id} is defined ${defs.length} times (also at ${where})`,
        others.map((o) => relatedTo(o, `${id} is also defined here`)), { id }));
    });
  }
  return out;
}
