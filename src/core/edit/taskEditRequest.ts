import { isIdShape } from '../model/ids.js';
import { parseIsoDate } from '../model/dates.js';
import { STATUSES } from '../model/types.js';
import type { Status } from '../model/types.js';

/**
 * What `specline.editTask` is asked to change on one task or milestone. Every field is
 * written as the format writes it, so the command applies exactly what it is given: dates
 * `YYYY-MM-DD`, duration `Nd`/`Nw`, `after` a list of IDs, progress `N%`.
 */
export interface TaskEditRequest {
  id: string;
  start?: string;
  end?: string;
  duration?: string;
  after?: string[];
  progress?: string;
  status?: string;
  title?: string;
  /**
   * The content hash (`contentHash`) of the file text the caller saw. When the file has
   * changed since, the edit is refused: its ranges could point at other text.
   */
  expectedHash?: string;
}

/** The fields an edit can change, in the order edits are computed. */
export const TASK_EDIT_FIELDS = ['title', 'status', 'progress', 'start', 'end', 'duration', 'after'] as const;
export type TaskEditField = (typeof TASK_EDIT_FIELDS)[number];

/** A request's values, checked: what each field will write. */
export type TaskEditValues = Partial<Record<Exclude<TaskEditField, 'after'>, string>> & { after?: string[] };

export type Checked = { ok: true; values: TaskEditValues } | { ok: false; message: string };

/**
 * Checks an untrusted request (it crosses from a webview or another extension): unknown
 * shapes and values that the format would reject are refused before anything is written.
 */
export function checkTaskEditRequest(raw: unknown): { ok: true; request: TaskEditRequest; values: TaskEditValues } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'specline.editTask needs an object such as { id: "T-1", start: "2027-01-04" }' };
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.trim() === '') return { ok: false, message: 'specline.editTask needs the id of a task or milestone' };
  for (const key of Object.keys(r)) {
    if (key !== 'id' && key !== 'expectedHash' && !(TASK_EDIT_FIELDS as readonly string[]).includes(key)) return { ok: false, message: `specline.editTask does not know the field "${key.slice(0, 40)}"` };
  }
  if (r.expectedHash !== undefined && typeof r.expectedHash !== 'string') return { ok: false, message: 'expectedHash must be a string' };
  const values: TaskEditValues = {};
  for (const field of TASK_EDIT_FIELDS) {
    const v = r[field];
    if (v === undefined) continue;
    if (field === 'after') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return { ok: false, message: 'after must be a list of IDs' };
      const ids = v.map((x) => x.trim());
      // Chart-local ids (`a1@plans/q1.md#L12`) are accepted; their part before `@` is checked when written.
      const bad = ids.find((x) => !isIdShape(x.split('@')[0]!) && !/^[\w-]+@/.test(x));
      if (bad !== undefined) return { ok: false, message: `after: "${bad.slice(0, 40)}" is not an ID` };
      values.after = [...new Set(ids)];
      continue;
    }
    if (typeof v !== 'string') return { ok: false, message: `${field} must be text` };
    const problem = checkValue(field, v);
    if (problem) return { ok: false, message: `${field}: ${problem}` };
    values[field] = field === 'title' ? v.trim() : v;
  }
  if (Object.keys(values).length === 0) return { ok: false, message: `nothing to change on ${r.id.slice(0, 40)}` };
  const request: TaskEditRequest = { ...(r as unknown as TaskEditRequest), id: r.id.trim() };
  return { ok: true, request, values };
}

function checkValue(field: Exclude<TaskEditField, 'after'>, v: string): string | undefined {
  switch (field) {
    case 'start':
    case 'end':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && parseIsoDate(v) !== undefined ? undefined : `"${v.slice(0, 40)}" is not a date YYYY-MM-DD`;
    case 'duration':
      return /^[1-9]\d{0,4}[dw]$/.test(v) ? undefined : `"${v.slice(0, 40)}" is not a duration such as 3d or 2w`;
    case 'progress': {
      const m = /^(\d{1,3})%$/.exec(v);
      return m && Number(m[1]) <= 100 ? undefined : `"${v.slice(0, 40)}" is not a percentage from 0% to 100%`;
    }
    case 'status':
      return (STATUSES as readonly string[]).includes(v) ? undefined : `"${v.slice(0, 40)}" is not one of ${STATUSES.join(', ')}`;
    case 'title':
      if (v.trim() === '') return 'a title cannot be empty';
      return /[\r\n\u2028\u2029]/.test(v) ? 'a title is one line' : v.length > 500 ? 'a title is at most 500 characters' : undefined;
  }
}

export function isStatus(v: string): v is Status {
  return (STATUSES as readonly string[]).includes(v);
}
