import { LINK_TARGETS } from '../../parse/attributeKeys.js';
import type { Diagnostic } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { diagnostic, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `ref.unknown`; see ruleMeta.ts. */
export const refUnknownMeta: RuleMeta = {
  code: 'ref.unknown',
  defaultSeverity: 'error',
  description: 'A link names an ID that no item defines.',
  docs: {
    meaning: 'A link attribute (`goals`, `features`, `after`, `milestone`, `personas`, `mitigation`, `affects`) names an ID with a known prefix that no file in the workspace defines. Reported on the ID in the value. IDs in prose are not checked.',
    why: 'Usually a typo or an item that was renamed or deleted. The link is ignored, so traceability and dates are computed as if it were not there.',
    fix: 'Correct the ID (the quick fix offers the closest existing ones), define the missing item, or remove the link.',
    suppress: 'Reasonable for a link to an item that lives outside the workspace on purpose.',
    example: '- [ ] T-1 SAML handshake\n  - features: FEAT-99',
  },
};

/** Documentation of `ref.wrong-kind`; see ruleMeta.ts. */
export const refWrongKindMeta: RuleMeta = {
  code: 'ref.wrong-kind',
  defaultSeverity: 'error',
  description: 'A link names an item of the wrong kind.',
  docs: {
    meaning: 'A link attribute names an existing item whose kind does not fit the key: `goals` expects goals, `features` features, `after` tasks or milestones, `personas` personas. Reported on the ID in the value, with the item it names as a related location.',
    why: 'A feature whose `goals` names a task traces to no goal at all, and a task that waits `after` a feature waits for nothing. The link is ignored.',
    fix: 'Name an item of the right kind, or write the link on the other end: a task names its features with `features:`, a feature names its goals with `goals:`.',
    suppress: 'Hardly ever right: the link has no effect either way.',
    example: '## FEAT-1 Single sign-on\n\n- goals: T-3\n\n## Tasks\n\n- [ ] T-3 SAML handshake',
  },
};

const ARTICLE: Record<string, string> = { goal: 'a goal', feature: 'a feature', task: 'a task', milestone: 'a milestone', risk: 'a risk', persona: 'a persona' };

/** `ref.unknown`: a link names an ID that no item defines. Reads each file's flat reference list. */
export function refUnknown(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of ctx.checkFiles) {
    const refs = file.references;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
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
    const refs = file.references;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
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
