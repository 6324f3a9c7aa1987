import type { Analysis } from '../analysis/types.js';
import type { DayNumber, Item } from '../model/types.js';
import { compareIdsNatural } from './idOrder.js';

/** What a goal adds up to through its features (docs/format.md#traceability): for hovers and code lenses. */
export interface GoalRollup {
  features: string[];
  /** Distinct tasks of its features, in ID order. */
  tasks: string[];
  /** Latest end among its features. */
  end?: DayNumber;
  /** Done working days over all working days of its scheduled tasks, 0–100. */
  progress?: number;
  /** Features that are traced / scheduled. */
  traced: number;
  scheduled: number;
}

/**
 * Rolls a goal up from its features' tasks, weighting each task by its scheduled working
 * days exactly as the feature roll-up does (done = all of it, else `progress`; dropped
 * tasks count for nothing), so a goal's percentage agrees with its features'.
 */
export function goalRollup(analysis: Analysis, goalId: string): GoalRollup {
  const features = [...(analysis.goals.get(goalId)?.features ?? [])].sort(compareIdsNatural);
  const tasks = new Set<string>();
  let end: DayNumber | undefined;
  let traced = 0;
  let scheduled = 0;
  for (const id of features) {
    const info = analysis.features.get(id);
    if (!info) continue;
    for (const t of info.tasks) tasks.add(t);
    if (info.end !== undefined && (end === undefined || info.end > end)) end = info.end;
    if (info.traced) traced++;
    if (info.scheduled) scheduled++;
  }
  const taskList = [...tasks].sort(compareIdsNatural);
  const progress = weightedProgress(analysis, taskList);
  return { features, tasks: taskList, ...(end !== undefined ? { end } : {}), ...(progress !== undefined ? { progress } : {}), traced, scheduled };
}

/** Progress over tasks weighted by their scheduled working days; undefined when none is scheduled. */
export function weightedProgress(analysis: Analysis, taskIds: readonly string[]): number | undefined {
  let total = 0;
  let done = 0;
  for (const id of taskIds) {
    const task = analysis.items.get(id);
    const s = analysis.schedule.tasks.get(id);
    if (!task || s?.start === undefined || s.end === undefined || task.status === 'dropped') continue;
    const days = s.duration ?? 1;
    total += days;
    done += (days * taskProgress(task)) / 100;
  }
  return total > 0 ? Math.round((done / total) * 1000) / 10 : undefined;
}

/** A task's own progress: 100 when done, else its `progress` (0 when unset). */
export function taskProgress(task: Item): number {
  return task.status === 'done' ? 100 : task.progress ?? 0;
}

/** `1 task`, `3 tasks`, `no task`. */
export function count(n: number, noun: string): string {
  return n === 0 ? `no ${noun}` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}
