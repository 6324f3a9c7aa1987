import type { Analysis } from '../analysis/types.js';
import { whatIfItems, whatIfSchedule } from '../analyzer/whatIf.js';
import type { WhatIfSchedule } from '../analyzer/whatIf.js';
import { fileResultFor } from '../language/freshFile.js';
import { formatDate, parseIsoDate } from '../model/dates.js';
import { MAX_GHOST_MOVES, MAX_GHOST_WARNINGS } from '../model/limits.js';
import type { FilePath, Item, Reference } from '../model/types.js';
import { displayId } from '../mermaid/localId.js';
import type { ScheduleIssue } from '../schedule/types.js';
import type { GhostGesture, GhostMove } from '../views/protocol.js';
import { planChartGesture } from './chartGesture.js';
import { applyTextEdits, planTaskEdit } from './planTaskEdit.js';
import type { TaskEditRequest } from './taskEditRequest.js';

type WhatIf = Omit<WhatIfSchedule, 'file'>;

/** What a drop would do to the plan's dates, before it is made. */
export interface GhostPreview {
  /** Items whose first or last day would change: the dragged one first, then by new start; at most `MAX_GHOST_MOVES`. */
  moves: GhostMove[];
  /** How many more items would move than `moves` lists. */
  more: number;
  /** What the drop would break that holds now: a missed milestone, a violated dependency; at most `MAX_GHOST_WARNINGS`, then a count. */
  warnings: string[];
}

export type GhostResult = { ok: true; ghost: GhostPreview } | { ok: false; message: string };

/**
 * The live ghost of a drag: the edit the drop would ask `specline.editTask` for
 * (`planChartGesture`, the first answer where the chart would ask), applied to a copy of
 * the file's text, and the plan scheduled again on that copy (`whatIfSchedule`), never
 * touching `analysis`. The items whose dates differ are what moves with the drag, as the
 * scheduler computes it: successors re-flow over weekends and holidays as they will.
 * `textOf` gives a file's current text (an editor buffer); text other than what `analysis`
 * was computed from is refused, as the drop itself would be.
 */
export function planGhost(analysis: Analysis, gesture: GhostGesture, textOf: (file: FilePath) => string | undefined): GhostResult {
  const planned = planChartGesture(analysis, gesture);
  if (!planned.ok) return planned;
  const { request } = planned.plan;
  const item = analysis.items.get(request.id);
  if (!item) return { ok: false, message: `${displayId(request.id)} is not in the plan any more` };
  let after: WhatIf;
  if (item.form !== 'mermaid') {
    // What the edit writes is what the parse of the edited text would read: the item with
    // those values, scheduled without parsing the (possibly long) file again.
    after = whatIfItems(analysis, [edited(item, request)]);
  } else {
    // A mermaid chart reads dates by its own rules: the edited text itself is parsed.
    const text = textOf(item.file);
    if (text === undefined) return { ok: false, message: `${item.file} cannot be read` };
    const edit = planTaskEdit({ text, file: fileResultFor(analysis, item.file, text), config: analysis.config }, request);
    if (!edit.ok) return { ok: false, message: edit.message };
    after = whatIfSchedule(analysis, item.file, applyTextEdits(text, edit.edits));
  }

  const all: GhostMove[] = [];
  for (const id of after.rescheduled) {
    const t = after.tasks.get(id);
    if (t) {
      const was = analysis.schedule.tasks.get(id);
      if (t.start !== undefined && t.end !== undefined && (t.start !== was?.start || t.end !== was?.end)) all.push({ id, start: t.start, end: t.end, days: t.duration ?? t.end - t.start + 1 });
      continue;
    }
    const date = after.milestones.get(id)?.date;
    if (date !== undefined && date !== analysis.schedule.milestones.get(id)?.date) all.push({ id, start: date, end: date, days: 0 });
  }
  const first = gesture.kind === 'link' ? gesture.to : gesture.id;
  all.sort((a, b) => Number(b.id === first) - Number(a.id === first) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const found = [...brokenDependencies(analysis, after.issues), ...missedMilestones(analysis, after, all)];
  const warnings = found.slice(0, MAX_GHOST_WARNINGS);
  if (found.length > warnings.length) warnings.push(`and ${found.length - warnings.length} more`);
  return { ok: true, ghost: { moves: all.slice(0, MAX_GHOST_MOVES), more: Math.max(0, all.length - MAX_GHOST_MOVES), warnings } };
}

/** Dependencies the scheduler finds violated after the drop that hold now (a pinned start before its predecessor's end). */
function brokenDependencies(analysis: Analysis, issues: readonly ScheduleIssue[]): string[] {
  const key = (i: ScheduleIssue): string => (i.code === 'schedule.dependency-violated' ? `${i.id}>${i.predecessor}` : '');
  const now = new Set(analysis.schedule.issues.map(key));
  const out: string[] = [];
  for (const i of issues) {
    if (i.code !== 'schedule.dependency-violated' || now.has(key(i))) continue;
    out.push(`${displayId(i.id)} would start before ${displayId(i.predecessor)} ends`);
  }
  return out;
}

/**
 * Milestones a moved task would now end after, where it ends in time today: the ones it
 * names (`milestone:`) and the ones that wait for it (`after:`), as the missed-milestone
 * rule reads them (features are left to the check after the drop).
 */
function missedMilestones(analysis: Analysis, after: WhatIf, moves: readonly GhostMove[]): string[] {
  const moved = new Set(moves.map((m) => m.id));
  const waitingFor = new Map<string, Item[]>();
  for (const item of after.items.values()) {
    if (item.kind !== 'milestone' || (item.date ?? item.end) === undefined) continue;
    for (const ref of item.links.after ?? []) {
      if (!moved.has(ref.id)) continue;
      const list = waitingFor.get(ref.id);
      if (list) list.push(item);
      else waitingFor.set(ref.id, [item]);
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const move of moves) {
    const task = after.items.get(move.id);
    if (task?.kind !== 'task') continue;
    const named = (task.links.milestone ?? []).map((r) => after.items.get(r.id)).filter((m): m is Item => m?.kind === 'milestone');
    for (const m of [...named, ...(waitingFor.get(move.id) ?? [])]) {
      const date = after.milestones.get(m.id)?.date;
      const wasDate = analysis.schedule.milestones.get(m.id)?.date;
      const wasEnd = analysis.schedule.tasks.get(move.id)?.end;
      if (date === undefined || move.end <= date || seen.has(`${move.id}>${m.id}`)) continue;
      if (wasDate !== undefined && wasEnd !== undefined && wasEnd > wasDate) continue;
      seen.add(`${move.id}>${m.id}`);
      out.push(`${displayId(m.id)} (${formatDate(date)}) would be missed: ${displayId(move.id)} ends ${formatDate(move.end)}`);
    }
  }
  return out;
}

/** The item as it reads once `request` is written into it (dates, length, predecessors: what the schedule reads). */
function edited(item: Item, request: TaskEditRequest): Item {
  const next: Item = { ...item };
  const start = request.start !== undefined ? parseIsoDate(request.start) : undefined;
  const end = request.end !== undefined ? parseIsoDate(request.end) : undefined;
  if (item.kind === 'milestone') {
    // A milestone has one date: a start or end written sets it.
    const date = start ?? end;
    if (date !== undefined) next.date = date;
  } else {
    if (start !== undefined) next.start = start;
    if (end !== undefined) next.end = end;
  }
  const duration = request.duration !== undefined ? /^(\d+)([dw])$/.exec(request.duration) : null;
  if (duration) next.duration = { amount: Number(duration[1]), unit: duration[2] as 'd' | 'w' };
  if (request.after) {
    const refs = item.links.after ?? [];
    const added = request.after.filter((id) => !refs.some((r) => r.id === id)).map((id): Reference => ({ id, file: item.file, range: item.idRange, key: 'after', from: item.id }));
    next.links = { ...item.links, after: [...refs.filter((r) => request.after!.includes(r.id)), ...added] };
  }
  return next;
}
