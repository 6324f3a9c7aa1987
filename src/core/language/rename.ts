import type { Analysis } from '../analysis/types.js';
import { idPrefix, isIdShape } from '../model/ids.js';
import { LineIndex } from '../model/lineIndex.js';
import type { FilePath, Position, Range } from '../model/types.js';
import { referencesTo } from './analysisIndex.js';
import { displayId } from '../mermaid/localId.js';
import { KIND_LABEL } from './attributeDocs.js';
import { chartIdAt } from './chartIdAt.js';
import { idAtPosition } from './idAtPosition.js';
import { comparePositions } from './references.js';
import type { LanguageError, TextEdit } from './types.js';

/**
 * Checks that the position is on an ID that can be renamed: returns the ID's range and
 * the current ID as the placeholder, or an error to show ("not an ID", "not defined").
 */
export function prepareRename(analysis: Analysis, file: FilePath, text: string, position: Position): { range: Range; placeholder: string } | LanguageError {
  const at = idAtPosition(text, position, analysis.config.prefixes, new LineIndex(text)) ?? chartIdAt(analysis, file, text, position);
  if (!at) return { error: 'Only item IDs such as T-1 or FEAT-2, and the ids of a mermaid chart, can be renamed.' };
  if (!analysis.definitions.has(at.id)) return { error: `${at.id} is not defined anywhere, so there is nothing to rename; define it or fix the reference.` };
  return { range: at.range, placeholder: displayId(at.id) };
}

/**
 * The edits that rename an ID everywhere: every definition and every reference (links and
 * prose mentions, in all files), each exactly once.
 *
 * Refused (with a message) when `newId` is not an ID (docs/format.md#ids-and-kinds), when its prefix maps to a
 * different kind than the old ID's (`.specline.yml` prefixes: renaming must not turn a task
 * into a goal), when it is already defined (the message says where), or when `id` is not
 * defined. Renaming an ID to itself gives no edits.
 *
 * Order: edits are grouped by file (files in path order) and, within a file, sorted from
 * the end of the document to its start. Applying a file's edits one after another in the
 * given order never shifts a range that is still to be applied.
 */
export function getRenameEdits(analysis: Analysis, id: string, newId: string): { edits: TextEdit[] } | LanguageError {
  const target = newId.trim();
  const defs = analysis.definitions.get(id);
  if (!defs?.length) return { error: `${id} is not defined anywhere, so it cannot be renamed.` };
  if (target === id || (id.includes('@') && target === displayId(id))) return { edits: [] };
  if (id.includes('@')) return renameChartId(analysis, id, target);
  if (!isIdShape(target)) return { error: `"${target.slice(0, 40)}" is not an ID: IDs look like PREFIX-NUMBER, e.g. T-12 or FEAT-3.1.` };
  const kind = defs[0]!.kind;
  const newKind = analysis.config.prefixes.get(idPrefix(target));
  const sameKind = [...analysis.config.prefixes].filter(([, k]) => k === kind).map(([p]) => p);
  if (!newKind) return { error: `${idPrefix(target)} is not an item prefix; ${id} is a ${KIND_LABEL[kind].toLowerCase()}, so use ${sameKind.join(', ')}.` };
  if (newKind !== kind) return { error: `${target} would be a ${KIND_LABEL[newKind].toLowerCase()}, but ${id} is a ${KIND_LABEL[kind].toLowerCase()}: keep a ${KIND_LABEL[kind].toLowerCase()} prefix (${sameKind.join(', ')}).` };
  const existing = analysis.definitions.get(target);
  if (existing?.length) {
    const where = existing[0]!;
    return { error: `${target} already exists: it is defined in ${where.file}, line ${where.idRange.start.line + 1}.` };
  }

  return { edits: editsFor(analysis, id, target) };
}

/**
 * Renames a chart-local mermaid id within its chart only: its definition and the
 * `after`/`until` that name it. The new id must be one mermaid's `after` can name (letters,
 * digits, `_` and `-`) and must not look like a workspace ID, which would make the task a
 * workspace item instead.
 */
function renameChartId(analysis: Analysis, id: string, target: string): { edits: TextEdit[] } | LanguageError {
  if (!/^[A-Za-z0-9_-]+$/.test(target)) return { error: `"${target.slice(0, 40)}" cannot be a mermaid id: use letters, digits, _ and - (what \`after\` can name).` };
  if (isIdShape(target) && analysis.config.prefixes.has(idPrefix(target))) return { error: `${target} looks like a workspace ID; a chart-local id cannot become one by renaming.` };
  const scoped = `${target}${id.slice(id.indexOf('@'))}`;
  if (analysis.definitions.get(scoped)?.length) return { error: `${target} is already an id of this chart.` };
  return { edits: editsFor(analysis, id, target) };
}

function editsFor(analysis: Analysis, id: string, target: string): TextEdit[] {
  const defs = analysis.definitions.get(id) ?? [];
  const byFile = new Map<FilePath, Map<string, TextEdit>>();
  const add = (file: FilePath, range: Range): void => {
    let edits = byFile.get(file);
    if (!edits) byFile.set(file, (edits = new Map()));
    edits.set(`${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`, { file, range, newText: target });
  };
  for (const item of defs) add(item.file, item.idRange);
  for (const ref of referencesTo(analysis, id)) add(ref.file, ref.range);

  const edits: TextEdit[] = [];
  for (const file of [...byFile.keys()].sort()) {
    // A loop, not push(...): a 2 MB file can hold hundreds of thousands of one ID, and
    // spreading that many arguments overflows the stack.
    for (const edit of [...byFile.get(file)!.values()].sort((a, b) => comparePositions(b.range.start, a.range.start))) edits.push(edit);
  }
  return edits;
}
