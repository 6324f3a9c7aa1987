import type { TextEdit } from '../language/types.js';
import { planTaskEdit } from './planTaskEdit.js';
import type { TaskEditInput, TaskEditResult } from './planTaskEdit.js';

/**
 * Several items' edits as one change (one WorkspaceEdit, one undo): each request is
 * planned against its file's text as `planTaskEdit` plans one, and the whole is refused
 * when any part is, or when two parts touch the same characters (two additions of one
 * table column, say), since applied together they would write something nobody asked for.
 */
export function planTaskEdits(parts: ReadonlyArray<{ input: TaskEditInput; request: unknown }>): TaskEditResult {
  const all: TextEdit[] = [];
  for (const { input, request } of parts) {
    const r = planTaskEdit(input, request);
    if (!r.ok) return r;
    all.push(...r.edits);
  }
  const sorted = [...all].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end)));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const overlap = cmp(b.range.start, a.range.end) < 0 || (isEmpty(a) && isEmpty(b) && cmp(a.range.start, b.range.start) === 0);
    if (a.file === b.file && overlap) {
      return { ok: false, reason: 'unsupported', message: `two of these edits meet at one place in ${a.file}; make them one at a time` };
    }
  }
  return { ok: true, edits: all };
}

type Pos = { line: number; character: number };
const cmp = (a: Pos, b: Pos): number => a.line - b.line || a.character - b.character;
const isEmpty = (e: TextEdit): boolean => cmp(e.range.start, e.range.end) === 0;
