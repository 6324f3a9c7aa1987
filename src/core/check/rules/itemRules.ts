import type { Diagnostic, Item } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, isClosed, relatedTo } from '../checkContext.js';
import type { RuleMeta } from '../ruleMeta.js';

/** Documentation of `status.inconsistent`; see ruleMeta.ts. */
export const statusInconsistentMeta: RuleMeta = {
  code: 'status.inconsistent',
  defaultSeverity: 'warning',
  description: 'Statuses contradict each other (e.g. a feature is done while its tasks are not).',
  docs: {
    meaning: 'A feature is `done` while some of its tasks are not done or dropped; a goal is `done` while some of its features are not; a task is `done` with progress below 100%, at 100% while `todo`, `in-progress` or `blocked`, checked off while its status says otherwise, or `done` with an unticked box. Reported on the `status` value (or the ID), with the open items as related locations.',
    why: 'Status reports, the roadmap and the Plan Explorer would show contradicting pictures of the same work.',
    fix: 'Bring the statuses in line: close the open tasks, or reopen the feature or goal; tick or untick the box; set progress to match.',
    suppress: 'Rarely right; write the real state instead.',
    example: '## FEAT-1 Single sign-on\n\n- status: done\n\n## Tasks\n\n- [ ] T-3 SAML handshake\n  - features: FEAT-1\n  - status: in-progress',
  },
};

/** Documentation of `risk.unmitigated`; see ruleMeta.ts. */
export const riskUnmitigatedMeta: RuleMeta = {
  code: 'risk.unmitigated',
  defaultSeverity: 'warning',
  description: 'A high-impact risk has no mitigation.',
  docs: {
    meaning: 'A risk with `impact: high` that is not done or dropped has no `mitigation` (neither task IDs nor text). Reported on the risk\'s ID.',
    why: 'A high-impact risk that nobody acts on is a surprise waiting to happen; naming the tasks that reduce it puts it into the plan.',
    fix: 'Add `mitigation: T-…` (the tasks that reduce it) or a sentence saying how it is handled, or close the risk.',
    suppress: 'For risks that are accepted on purpose; saying so in `mitigation` is clearer.',
    example: '| ID | Risk | Probability | Impact |\n|---|---|---|---|\n| R-1 | Identity provider outage | low | high |',
  },
};

/** Documentation of `persona.unused`; see ruleMeta.ts. */
export const personaUnusedMeta: RuleMeta = {
  code: 'persona.unused',
  defaultSeverity: 'info',
  description: 'No feature names the persona.',
  docs: {
    meaning: 'No feature names the persona in its `personas`. Reported on the persona\'s ID.',
    why: 'A persona nothing is built for is either out of date or a gap in the roadmap.',
    fix: 'Add `personas: P-…` to the features built for that persona, or remove the persona.',
    suppress: 'For personas kept for reference.',
    example: '## P-2 Auditor\n\nChecks access logs once a quarter.',
  },
};

/** `status.inconsistent`: statuses that contradict each other or the item's own progress/checkbox. */
export function statusInconsistent(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (item: Item, message: string, others: Item[] = []): void => {
    out.push(diagnostic('status.inconsistent', item.file, attributeRange(item, 'status'), message,
      others.slice(0, 20).map((o) => relatedTo(o, `${o.id} is ${o.status ?? 'not done'}`)), { item: item.id }));
  };
  for (const feature of ctx.check.feature) {
    if (feature.status !== 'done') continue;
    const open = (ctx.features.get(feature.id)?.tasks ?? []).map((id) => ctx.items.get(id)).filter((t): t is Item => !!t && !isClosed(t));
    if (open.length) push(feature, `${feature.id} is done, but ${open.length === 1 ? 'its task' : `${open.length} of its tasks`} ${open.map((t) => t.id).join(', ')} ${open.length === 1 ? 'is' : 'are'} not`, open);
  }
  for (const goal of ctx.check.goal) {
    if (goal.status !== 'done') continue;
    const open = (ctx.goals.get(goal.id)?.features ?? []).map((id) => ctx.items.get(id)).filter((f): f is Item => !!f && !isClosed(f));
    if (open.length) push(goal, `${goal.id} is done, but feature${open.length === 1 ? '' : 's'} ${open.map((f) => f.id).join(', ')} ${open.length === 1 ? 'is' : 'are'} not`, open);
  }
  const tasks = ctx.check.task;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const explicit = task.attributes.status !== undefined;
    if (task.status === 'done' && task.progress !== undefined && task.progress < 100) {
      push(task, `${task.id} is done but its progress is ${task.progress}%`);
    } else if (task.progress === 100 && explicit && (task.status === 'todo' || task.status === 'in-progress' || task.status === 'blocked')) {
      push(task, `${task.id} is at 100% but its status is ${task.status}`);
    } else if (task.checked === true && explicit && !isClosed(task)) {
      push(task, `${task.id} is checked off but its status is ${task.status}`);
    } else if (task.checked === false && task.status === 'done') {
      push(task, `${task.id} is done but its checkbox is not ticked`);
    }
  }
  return out;
}

/** `risk.unmitigated`: a high-impact risk with no mitigation. */
export function riskUnmitigated(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const risk of ctx.check.risk) {
    if (risk.impact !== 'high' || isClosed(risk)) continue;
    if ((risk.links.mitigation?.length ?? 0) > 0 || risk.mitigationText) continue;
    out.push(diagnostic('risk.unmitigated', risk.file, risk.idRange, `${risk.id} has high impact and no mitigation: name the tasks or the plan that reduce it`, [], { item: risk.id }));
  }
  return out;
}

/** `persona.unused`: no feature names the persona. */
export function personaUnused(ctx: CheckContext): Diagnostic[] {
  const used = new Set<string>();
  for (const feature of ctx.byKind.feature) for (const ref of feature.links.personas ?? []) used.add(ref.id);
  return ctx.check.persona
    .filter((p) => !used.has(p.id))
    .map((p) => diagnostic('persona.unused', p.file, p.idRange, `No feature names persona ${p.id}`, [], { item: p.id }));
}
