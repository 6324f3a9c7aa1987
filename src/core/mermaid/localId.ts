import type { FilePath } from '../model/types.js';

/**
 * The identity of a chart-local task: the mermaid id, `@`, the file and the 1-based line
 * of the chart's `gantt` keyword (`a1@plans/q1.md#L12`). A workspace ID has no `@`, so the
 * two can never collide, and two charts never share a local id.
 */
export function chartLocalId(mermaidId: string, file: FilePath, ganttLine: number): string {
  return `${mermaidId}@${chartKey(file, ganttLine)}`;
}

/** The chart's own key: file and 1-based line of its `gantt` keyword (`plans/q1.md#L12`). */
export function chartKey(file: FilePath, ganttLine: number): string {
  return `${file}#L${ganttLine + 1}`;
}

/** What a person reads as the ID: the mermaid id of a chart-local task, any other ID as it is. */
export function displayId(id: string): string {
  const at = id.indexOf('@');
  return at < 0 ? id : id.slice(0, at);
}
