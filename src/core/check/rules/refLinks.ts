import { LINK_TARGETS } from '../../parse/attributeKeys.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';

const ARTICLE: Record<string, string> = { goal: 'a goal', feature: 'a feature', task: 'a task', milestone: 'a milestone', risk: 'a risk', persona: 'a persona' };

/** `ref.unknown`: a link names an ID that no item defines. Reads each file's flat reference list. */
export function refUnknown(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of ctx.checkFiles) {
    for (const ref of file.references) {
      if (ref.key === undefined || ctx.items.has(ref.id)) continue;
      const expected = LINK_TARGETS[ref.key];
      out.push(diagnostic('ref.unknown', ref.file, ref.range, `${ref.from}: ${ref.key} names ${ref.id}, which no item defines`, [],
        { id: ref.id, item: ref.from, key: ref.key, ...(expected ? { expectedKinds: [...expected] } : {}) }));
    }
  }
  return out;
}

/** `ref.wrong-kind`: a link names an item of the wrong kind (`goals: [T-3]`). */
export function refWrongKind(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of ctx.checkFiles) {
    for (const ref of file.references) {
      if (ref.key === undefined) continue;
      const expected = LINK_TARGETS[ref.key];
      const target = expected ? ctx.items.get(ref.id) : undefined;
      if (!expected || !target || expected.includes(target.kind)) continue;
      out.push(diagnostic('ref.wrong-kind', ref.file, ref.range,
        `${ref.from}: ${ref.key} expects ${expected.map((k) => ARTICLE[k]).join(' or ')}, but ${ref.id} is ${ARTICLE[target.kind]}`,
        [relatedTo(target, `${ref.id} is defined here`)], { id: ref.id, item: ref.from, key: ref.key, expectedKinds: [...expected] }));
    }
  }
  return out;
}
