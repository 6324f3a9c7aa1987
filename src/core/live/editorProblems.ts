import { MAX_EDITOR_PROBLEMS_PER_FILE } from '../model/limits.js';
import type { Diagnostic, Severity } from '../model/types.js';

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** What the editor is given for one file: the problems it shows, and how many are left out. */
export interface EditorProblems {
  shown: Diagnostic[];
  /** Problems of the file not in `shown` (0 when all fit). */
  hidden: number;
}

/**
 * One file's problems, bounded for the editor (see `MAX_EDITOR_PROBLEMS_PER_FILE`): all of
 * them when they fit, else the first `max` by severity (errors first), each severity in
 * its original order — the choice VS Code itself makes past its own limit, so a file's
 * worst problems are the ones on screen. Linear in the list's length.
 */
export function editorProblems(list: readonly Diagnostic[], max = MAX_EDITOR_PROBLEMS_PER_FILE): EditorProblems {
  if (list.length <= max) return { shown: [...list], hidden: 0 };
  const shown: Diagnostic[] = [];
  for (const severity of ORDER) {
    for (const d of list) {
      if (shown.length >= max) break;
      if (d.severity === severity) shown.push(d);
    }
  }
  return { shown, hidden: list.length - shown.length };
}
