import { LINK_KEYS, LINK_TARGETS } from '../../parse/attributeKeys.js';
import type { Diagnostic, Item } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';

const ARTICLE: Record<string, string> = { goal: 'a goal', feature: 'a feature', task: 'a task', milestone: 'a milestone', risk: 'a risk', persona: 'a persona' };

function allDefinitions(ctx: CheckContext): Item[] {
  const out: Item[] = [];
  for (const defs of ctx.definitions.values()) out.push(...defs);
  return out;
}

/** `ref.unknown`: a link names an ID that no item defines. */
export function refUnknown(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of allDefinitions(ctx)) {
    for (const key of LINK_KEYS) {
      for (const ref of item.links[key] ?? []) {
        if (ctx.items.has(ref.id)) continue;
        const expected = LINK_TARGETS[key];
        out.push(diagnostic('ref.unknown', ref.file, ref.range, `${item.id}: ${key} names ${ref.id}, which no item defines`, [],
          { id: ref.id, item: item.id, key, ...(expected ? { expectedKinds: [...expected] } : {}) }));
      }
    }
  }
  return out;
}

/** `ref.wrong-kind`: a link names an item of the wrong kind (`goals: [T-3]`). */
export function refWrongKind(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of allDefinitions(ctx)) {
    for (const key of LINK_KEYS) {
      const expected = LINK_TARGETS[key];
      if (!expected) continue;
      for (const ref of item.links[key] ?? []) {
        const target = ctx.items.get(ref.id);
        if (!target || expected.includes(target.kind)) continue;
        out.push(diagnostic('ref.wrong-kind', ref.file, ref.range,
          `${item.id}: ${key} expects ${expected.map((k) => ARTICLE[k]).join(' or ')}, but ${ref.id} is ${ARTICLE[target.kind]}`,
          [relatedTo(target, `${ref.id} is defined here`)], { id: ref.id, item: item.id, key, expectedKinds: [...expected] }));
      }
    }
  }
  return out;
}
