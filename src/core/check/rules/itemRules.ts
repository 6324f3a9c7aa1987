import type { Diagnostic, Item } from '../../model/types.js';
import type { CheckContext } from '../checkContext.js';
import { attributeRange, diagnostic, isClosed, relatedTo } from '../checkContext.js';

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
  for (const task of ctx.check.task) {
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
