import type { Analysis } from '../analysis/types.js';
import { idPrefix } from '../model/ids.js';
import { LineIndex } from '../model/lineIndex.js';
import type { FilePath, Item, Position } from '../model/types.js';
import { attributeKey, normalizeKey } from '../parse/attributeKeys.js';
import { plainInline } from '../parse/inlineText.js';
import { cleanLine } from '../render/text.js';
import { maxIdNumber } from './analysisIndex.js';
import { fileResultFor } from './freshFile.js';
import { idNumber } from './idOrder.js';
import { comparePositions } from './references.js';
import { atxHeading, listEntryOf, splitTableRow, tableAt } from './textStructure.js';
import type { TextEdit } from './types.js';

export interface TaskStub {
  /** The new task's ID: the plan's task prefix and the next free number. */
  id: string;
  /** The form it is written in, matching the plan's last task. */
  form: 'list' | 'table' | 'heading';
  /** An insertion into the plan. */
  edit: TextEdit;
}

/**
 * A new task that delivers a feature, for "Plan a task" on `trace.feature-no-task`. It is
 * written the way the plan's tasks already are, after its last top-level task:
 * - a list item (same indentation, bullet and checkbox style) with nested `features:` and
 *   `duration: 1d` entries, indented like the last task's own attributes;
 * - a table row when the last task is a table row: the ID, title, features and duration
 *   columns filled, the others empty (a table without a features column cannot say what
 *   the task delivers, so a list item goes under the table instead);
 * - a heading with an attribute list when the tasks are headings;
 * - a list at the end of the file when the plan has no task yet.
 * The ID uses the last task's prefix (else the first task prefix of the config) and the
 * next number not used by any ID with that prefix. The title is the feature's.
 *
 * @param planText the plan's text (the editor buffer when it is open)
 */
export function taskStub(analysis: Analysis, featureId: string, planFile: FilePath, planText: string): TaskStub | undefined {
  const feature = analysis.items.get(featureId);
  if (!feature || feature.kind !== 'feature') return undefined;
  const plan = fileResultFor(analysis, planFile, planText);
  const lines = new LineIndex(planText);
  const eol = planText.includes('\r\n') ? '\r\n' : '\n';
  const tasks = plan.items.filter((i) => i.kind === 'task' && !i.parent && i.form !== 'document').sort((a, b) => comparePositions(a.range.start, b.range.start));
  const last = tasks[tasks.length - 1];
  const prefix = last ? idPrefix(last.id) : [...analysis.config.prefixes].find(([, kind]) => kind === 'task')?.[0] ?? 'T';
  const id = nextId(analysis, plan.items, prefix);
  const title = cleanLine(feature.title);
  const insert = (at: Position, newText: string): TextEdit => ({ file: planFile, range: { start: at, end: at }, newText });
  const plainList = (indent: string, checkbox: boolean): string =>
    `${indent}- ${checkbox ? '[ ] ' : ''}${id}${title ? ` ${title}` : ''}${eol}${indent}  - features: ${featureId}${eol}${indent}  - duration: 1d`;

  if (last?.form === 'table') {
    const table = tableAt(lines, last.idRange.start.line);
    if (table) {
      const end = { line: table.lastLine, character: lines.lineText(table.lastLine).length };
      const row = tableRow(lines.lineText(table.headerLine), id, title, featureId);
      if (row) return { id, form: 'table', edit: insert(end, `${eol}${row}`) };
      return { id, form: 'list', edit: insert(end, `${eol}${eol}${plainList('', true)}`) };
    }
  }
  if (last?.form === 'heading') {
    const depth = atxHeading(lines.lineText(last.idRange.start.line))?.depth ?? 2;
    return {
      id, form: 'heading',
      edit: insert(last.range.end, `${eol}${eol}${'#'.repeat(depth)} ${id}${title ? ` ${title}` : ''}${eol}${eol}- features: ${featureId}${eol}- duration: 1d`),
    };
  }
  if (last?.form === 'list') {
    const entryLine = lines.lineText(last.range.start.line);
    const entry = listEntryOf(entryLine);
    if (entry) {
      const indent = entryLine.slice(0, entry.indent);
      const ordered = /^(\d+)([.)])$/.exec(entry.marker);
      const marker = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : entry.marker;
      const checkbox = last.checked !== undefined ? '[ ] ' : '';
      const nested = nestedStyle(lines, last, entry.contentStart);
      const text = `${eol}${indent}${marker} ${checkbox}${id}${title ? ` ${title}` : ''}` +
        `${eol}${nested.indent}${nested.marker} features: ${featureId}${eol}${nested.indent}${nested.marker} duration: 1d`;
      return { id, form: 'list', edit: insert(last.range.end, text) };
    }
  }
  const end = lines.position(planText.length);
  const lead = planText.trim() === '' ? '' : planText.endsWith(eol + eol) ? '' : planText.endsWith(eol) ? eol : eol + eol;
  return { id, form: 'list', edit: insert(end, `${lead}${plainList('', true)}${eol}`) };
}

/** The next number with this prefix that no ID in the workspace or in the (possibly unsaved) plan uses. */
function nextId(analysis: Analysis, planItems: readonly Item[], prefix: string): string {
  let n = maxIdNumber(analysis, prefix);
  for (const item of planItems) if (idPrefix(item.id) === prefix) n = Math.max(n, idNumber(item.id) || 0);
  let id = `${prefix}-${n + 1}`;
  while (analysis.definitions.has(id)) id = `${prefix}-${++n + 1}`;
  return id;
}

/** How the last task's attributes are written: their indentation and bullet. */
function nestedStyle(lines: LineIndex, task: Item, contentColumn: number): { indent: string; marker: string } {
  for (let l = task.range.start.line + 1; l <= task.range.end.line && l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    const e = listEntryOf(t);
    if (e && e.indent >= contentColumn) return { indent: t.slice(0, e.indent), marker: /^[-*+]$/.test(e.marker) ? e.marker : '-' };
  }
  return { indent: ' '.repeat(contentColumn), marker: '-' };
}

/** A row for the table whose header is given; undefined when no column can say which feature it delivers. */
function tableRow(headerLine: string, id: string, title: string, featureId: string): string | undefined {
  const names = splitTableRow(headerLine).map((c) => plainInline(c.text));
  if (!names.some((n) => attributeKey(n) === 'features')) return undefined;
  const idColumn = names.findIndex((n) => normalizeKey(n) === 'id');
  const titleColumn = names.findIndex((n, i) => i !== idColumn && attributeKey(n) === 'title');
  const cells = names.map((n, i) => {
    if (i === idColumn) return id;
    if (i === titleColumn) return title.replace(/\|/g, '\\|');
    const key = attributeKey(n);
    return key === 'features' ? featureId : key === 'duration' ? '1d' : '';
  });
  return `| ${cells.join(' | ')} |`;
}
