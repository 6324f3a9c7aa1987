import type { Analysis } from '../analysis/types.js';
import type { FilePath, FileResult, Item, ItemKind, Position, Range } from '../model/types.js';
import { compareIdsNatural } from './idOrder.js';
import { comparePositions } from './references.js';

/**
 * A node of a document's outline. `kind` is an item kind or `section` (a heading that is
 * not an item); adapters map it to their symbol kinds (VS Code: section → Namespace,
 * goal → Event, feature → Class, task → Method, milestone → Constant, risk → Boolean,
 * persona → Interface, or whatever reads best in the theme).
 */
export interface DocumentSymbol {
  name: string;
  kind: 'section' | ItemKind;
  /** Status, for items. */
  detail?: string;
  /** The ID of an item node. */
  id?: string;
  /** The whole extent: a heading's section, a list item, a table row, the document. */
  range: Range;
  /** What to select: the item's ID, or the heading. */
  selectionRange: Range;
  children: DocumentSymbol[];
}

/**
 * The outline of one file: headings as sections, items nested under the innermost heading
 * above them, sub-items under their parent item. A heading item (`## G-1 …`) is one node
 * (the item), holding its subsections. A document item (front matter `id:`) is the root
 * holding everything else. Children are in source order.
 */
export function getDocumentSymbols(fileResult: FileResult): DocumentSymbol[] {
  const items = [...fileResult.items].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const headingItems = new Map<number, Item>();
  for (const item of items) if (item.form === 'heading') headingItems.set(item.idRange.start.line, item);

  const eof = endOfFile(fileResult);
  // Sections: each heading spans to the next heading of the same or a higher level.
  const headings = fileResult.headings;
  const sectionNodes: DocumentSymbol[] = [];
  const headingNodes = new Map<Item, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ depth: number; node: DocumentSymbol }> = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    let end: Position = eof;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) { end = { line: headings[j]!.range.start.line, character: 0 }; break; }
    }
    const item = headingItems.get(h.range.start.line);
    const range = { start: h.range.start, end: maxPosition(end, h.range.end) };
    const node: DocumentSymbol = item
      ? itemNode(item, item.range.end.line > range.end.line ? item.range : range)
      : { name: h.text || '(untitled)', kind: 'section', range, selectionRange: h.range, children: [] };
    if (item) headingNodes.set(item, node);
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.node.children : roots).push(node);
    stack.push({ depth: h.depth, node });
    sectionNodes.push(node);
  }

  let documentNode: DocumentSymbol | undefined;
  const byId = new Map<string, DocumentSymbol>();
  for (const item of items) {
    const headingNode = headingNodes.get(item);
    if (headingNode) {
      byId.set(item.id, headingNode);
      continue;
    }
    if (item.form === 'document') {
      documentNode = itemNode(item, item.range);
      byId.set(item.id, documentNode);
      continue;
    }
    const node = itemNode(item, item.range);
    const parent = item.parent ? byId.get(item.parent) : undefined;
    if (parent) parent.children.push(node);
    else {
      const section = innermostSection(headings, sectionNodes, item.idRange.start);
      (section ? section.children : roots).push(node);
    }
    byId.set(item.id, node);
  }
  const sortTree = (nodes: DocumentSymbol[]): void => {
    nodes.sort((a, b) => comparePositions(a.range.start, b.range.start));
    for (const n of nodes) sortTree(n.children);
  };
  sortTree(roots);
  if (documentNode) {
    for (const root of roots) documentNode.children.push(root); // not push(...roots): too many arguments for a huge file
    return [documentNode];
  }
  return roots;
}

function itemNode(item: Item, range: Range): DocumentSymbol {
  return {
    name: item.title ? `${item.id} ${item.title}` : item.id,
    kind: item.kind,
    ...(item.status ? { detail: item.status } : {}),
    id: item.id,
    range,
    selectionRange: item.idRange,
    children: [],
  };
}

/** The last heading that starts before the position holds it (sections nest by depth). */
function innermostSection(headings: FileResult['headings'], nodes: DocumentSymbol[], at: Position): DocumentSymbol | undefined {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(headings[mid]!.range.start, at) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found >= 0 ? nodes[found] : undefined;
}

function endOfFile(f: FileResult): Position {
  let end: Position = { line: Math.max(0, f.lineCount - 1), character: 0 };
  for (const item of f.items) end = maxPosition(end, item.range.end);
  for (const h of f.headings) end = maxPosition(end, h.range.end);
  return end;
}

function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** An item found by a workspace symbol search. */
export interface WorkspaceSymbol {
  /** `ID Title`. */
  name: string;
  kind: ItemKind;
  id: string;
  file: FilePath;
  range: Range;
  selectionRange: Range;
  /** The section the item sits in, or its file. */
  containerName: string;
}

/** A search must stay instant in huge workspaces; nobody reads past this many. */
export const MAX_WORKSPACE_SYMBOLS = 500;

interface SearchEntry {
  item: Item;
  lowerId: string;
  haystack: string;
}
const searchIndexes = new WeakMap<Analysis, SearchEntry[]>();

/**
 * Items whose `ID title` contains the query's characters in order (case-insensitive;
 * spaces in the query are ignored). Exact ID matches first, then IDs starting with the
 * query, then the other matches, each group in ID order. At most 500. Every definition
 * of a duplicated ID is listed.
 */
export function getWorkspaceSymbols(analysis: Analysis, query: string): WorkspaceSymbol[] {
  let index = searchIndexes.get(analysis);
  if (!index) {
    index = [];
    for (const defs of analysis.definitions.values()) {
      for (const item of defs) index.push({ item, lowerId: item.id.toLowerCase(), haystack: `${item.id} ${item.title}`.toLowerCase() });
    }
    index.sort((a, b) => compareIdsNatural(a.item.id, b.item.id) || (a.item.file < b.item.file ? -1 : a.item.file > b.item.file ? 1 : 0));
    searchIndexes.set(analysis, index);
  }
  const q = query.toLowerCase().replace(/\s+/g, '');
  const exact: SearchEntry[] = [];
  const prefix: SearchEntry[] = [];
  const rest: SearchEntry[] = [];
  for (const entry of index) {
    if (!q) { rest.push(entry); if (rest.length >= MAX_WORKSPACE_SYMBOLS) break; continue; }
    if (entry.lowerId === q) exact.push(entry);
    else if (entry.lowerId.startsWith(q)) prefix.push(entry);
    else if (rest.length < MAX_WORKSPACE_SYMBOLS && isSubsequence(q, entry.haystack)) rest.push(entry);
  }
  return [...exact, ...prefix, ...rest].slice(0, MAX_WORKSPACE_SYMBOLS).map(({ item }) => ({
    name: item.title ? `${item.id} ${item.title}` : item.id,
    kind: item.kind,
    id: item.id,
    file: item.file,
    range: item.range,
    selectionRange: item.idRange,
    containerName: item.section.length ? item.section[item.section.length - 1]! : item.file,
  }));
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let k = 0; k < hay.length && i < needle.length; k++) if (hay[k] === needle[i]) i++;
  return i === needle.length;
}
