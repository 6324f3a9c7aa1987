import type { SpeclineConfig } from '../model/configTypes.js';
import { LineIndex } from '../model/lineIndex.js';
import type { DayNumber, FilePath, FileResult, Reference } from '../model/types.js';
import { chartContribution } from '../mermaid/chartItems.js';
import type { ChartContribution } from '../mermaid/chartItems.js';
import { contentHash } from './contentHash.js';
import { readFrontMatter } from './frontMatter.js';
import { hasKnownId, scanIds } from './idScan.js';
import { ItemBuilder } from './itemBuilder.js';
import { parseMarkdown } from './markdownProcessor.js';
import { MarkdownItems } from './markdownItems.js';
import { maskGeneratedBlocks, splitSegments } from './segments.js';
import type { TableData } from './fastTable.js';
import { fastList } from './fastList.js';
import { fastTable } from './fastTable.js';
import { findSuppressions } from './suppressions.js';
import { findStructureProblems, hideFromParser } from './structureBounds.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { LINK_KEYS } from './attributeKeys.js';


export interface ParseOptions {
  /** Parse the whole body as one block instead of only the relevant segments (tests prove both agree). */
  wholeDocument?: boolean;
  /** The day mermaid charts are drawn on, for the dates mermaid takes from it; left open (no dates) when unset. */
  today?: DayNumber;
}

export interface ParseStats {
  /** Characters handed to the CommonMark parser. */
  parsedChars: number;
  /** Characters skipped because their blocks cannot define or describe items. */
  skippedChars: number;
}

/** The whole message of a file the parser failed on: what happened and what to do, no internals. */
export const INTERNAL_ERROR_MESSAGE = 'Specline could not read this file: internal error; please report it';

/**
 * Parses one Markdown file into items, references and file-local diagnostics. Pure and
 * independent of every other file, so results can be cached by content and computed on
 * any thread. Never throws on any input.
 */
export function parseFile(file: FilePath, text: string, config: SpeclineConfig, stats?: ParseStats, options: ParseOptions = {}): FileResult {
  const hash = contentHash(text);
  const lines = new LineIndex(text);
  const base: FileResult = { file, hash, items: [], references: [], diagnostics: [], suppressions: { lines: [], blocks: [] }, headings: [], lineCount: lines.lineCount };
  if (text.length > MAX_FILE_BYTES) return skippedFileResult(file, tooLarge(new TextEncoder().encode(text).length), text);
  const nul = text.indexOf('\u0000');
  // The byte offset, as when the file is read from disk: an open buffer and the same file on disk say the same.
  if (nul >= 0) return skippedFileResult(file, `contains a NUL byte (at offset ${new TextEncoder().encode(text.slice(0, nul)).length})`, text);
  try {
    // Output Specline generated (roadmap, matrix, report written into the workspace) is
    // blanked, same length, so it never defines anything twice and positions stay true.
    const body = maskGeneratedBlocks(text);
    return parseText(file, body, config, body === text ? lines : new LineIndex(body), base, stats, options);
  } catch (error) {
    // A parser bug must never take the workspace down: report it on the file instead. The
    // message stays plain (a stack trace or "TypeError: …" means nothing to a planner); the
    // detail rides in `data.internalError`, which no output format prints and the CLI shows
    // on stderr under SPECLINE_DEBUG=1.
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    return {
      ...base,
      diagnostics: [{ file, range: lines.range(0, 0), severity: 'error', code: 'schema.invalid', message: INTERNAL_ERROR_MESSAGE, related: [], data: { internalError: detail.slice(0, 2000) } }],
    };
  }
}

/**
 * What a file contributes when it is not read: no items, and one `file.skipped` at 1:1 whose
 * message says why, so nothing in scope vanishes without a word.
 */
export function skippedFileResult(file: FilePath, reason: string, text = ''): FileResult {
  const lines = new LineIndex(text);
  return {
    file,
    hash: contentHash(text),
    items: [],
    references: [],
    diagnostics: [{ file, range: lines.range(0, 0), severity: 'warning', code: 'file.skipped', message: `Specline skipped this file: ${reason}`, related: [] }],
    suppressions: { lines: [], blocks: [] },
    headings: [],
    skipped: reason,
    lineCount: lines.lineCount,
  };
}

/** "larger than 2 MB (3,412 KB)": the limit, and the size so the user sees by how much. */
export function tooLarge(bytes: number): string {
  return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB)`;
}

function parseText(file: FilePath, text: string, config: SpeclineConfig, lines: LineIndex, result: FileResult, stats: ParseStats | undefined, options: ParseOptions): FileResult {
  const b = new ItemBuilder(file, text, lines, config);
  const lineTexts = lines.lineTexts();
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  // Front matter, by remark-frontmatter's rule: `---` on the first line, closed by `---`.
  let bodyLine = 0;
  let fm: ReturnType<typeof readFrontMatter> = {};
  if (lineTexts[0]?.slice(bom).trimEnd() === '---') {
    const close = lineTexts.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
    if (close > 0) {
      // The reference path asks remark-frontmatter; the fast path applies its rule (a `---`
      // line first, closed by a `---` line), and tests check that both agree.
      const isFrontMatter = options.wholeDocument ? parseMarkdown(text.slice(bom, lines.lineEnd(close))).children[0]?.type === 'yaml' : true;
      if (isFrontMatter) {
        const yamlStart = lines.lineStart(1);
        const yamlEnd = close > 1 ? lines.lineEnd(close - 1) : yamlStart;
        fm = readFrontMatter(b, text.slice(yamlStart, yamlEnd), yamlStart, text.length);
        bodyLine = close + 1;
      }
    }
  }

  // Lines too deep, too long or too full of inline marks for the parser: report them and
  // hand the parser the text with their rest blanked (same offsets), so the rest of the file is read.
  const structure = findStructureProblems(lineTexts, bodyLine);
  for (const p of structure) b.invalid(lines.lineStart(p.line) + p.column, lines.lineEnd(p.line), p.message);
  const parserText = hideFromParser(text, structure, (l) => lines.lineStart(l), (l) => lines.lineEnd(l));

  const md = new MarkdownItems(b);
  const segments = options.wholeDocument
    ? [{ startLine: bodyLine, endLine: lines.lineCount, hasHeading: true, isList: false, isHtml: false, isFence: false }]
    : splitSegments(lineTexts, bodyLine);

  // Pick the segments that can define or describe items. A list right after an item
  // heading may be its attribute list even without an ID in it.
  type Planned = { start: number; end: number; table?: TableData; atx?: number };
  const planned: Planned[] = [];
  let wantsList = false;
  // Index loops here and below: a check runs this before V8 optimises it, and unoptimised
  // `for…of` allocates an iterator result per step.
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si]!;
    if (seg.startLine >= lines.lineCount) break;
    const start = lines.lineStart(seg.startLine);
    const end = lines.lineEnd(seg.endLine - 1);
    const source = text.slice(start, end);
    const hasId = !seg.isFence && hasKnownId(source, config.prefixes);
    const hasList = !seg.isFence && LIST_LINE.test(source);
    // A delimiter row needs a `-`, a quote a `>`: most prose has neither, so the regexes are skipped.
    const hasTable = !seg.isFence && source.includes('-') && TABLE_DELIMITER.test(source);
    const hasQuote = !seg.isFence && source.includes('>') && QUOTE_LINE.test(source);
    // Tables are always read: an ID column with a bad cell is a problem even without an ID.
    // A paragraph cannot define an item: IDs in prose are found by the mention scan. Lists,
    // tables, headings and block quotes (which may hold lists) can.
    const canDefine = hasList || hasTable || seg.hasHeading || hasQuote;
    // Block quotes are always read: a heading inside one is a heading (and a section) too.
    const relevant = options.wholeDocument || seg.hasHeading || hasTable || (hasId && canDefine) || (hasList && wantsList) || hasQuote;
    if (seg.hasHeading) wantsList = hasId;
    else if (hasList || hasTable) wantsList = false;
    if (!relevant) continue;
    if (seg.atx) {
      planned.push({ start, end, atx: seg.atx });
      continue;
    }
    // Only a segment with a delimiter row can be a table: the others skip the line copy.
    const table = options.wholeDocument || !hasTable ? undefined : fastTable(parserText, range(seg.startLine, seg.endLine, (l) => lines.lineStart(l)), range(seg.startLine, seg.endLine, (l) => lines.lineEnd(l)));
    planned.push(table ? { start, end, table } : { start, end });
  }

  // Each segment is parsed on its own: micromark's cost grows faster than linearly with
  // the input, so several small parses beat one large one despite a fixed cost per call.
  const linkDefs = collectLinkDefinitions(text);
  let parsedChars = 0;
  for (let pi = 0; pi < planned.length; pi++) {
    const p = planned[pi]!;
    parsedChars += p.end - p.start;
    if (p.table) {
      md.table(p.table);
      continue;
    }
    if (p.atx) {
      md.heading(p.atx, p.start, p.end);
      continue;
    }
    const source = parserText.slice(p.start, p.end);
    const list = options.wholeDocument || linkDefs ? undefined : fastList(source);
    if (list) {
      md.visit({ node: list, base: p.start });
      continue;
    }
    const tree = parseMarkdown(linkDefs ? `${source}\n\n${linkDefs}` : source);
    for (const node of tree.children) {
      if (node.position && node.position.start.offset! >= p.end - p.start) break; // appended link definitions
      md.visit({ node, base: p.start });
    }
  }
  if (stats) {
    stats.parsedChars += parsedChars;
    stats.skippedChars += Math.max(0, text.length - parsedChars);
  }
  const { headings, firstH1 } = md.finish(text.length);

  const docTitle = fm.title ?? firstH1;
  if (fm.item && !fm.item.title) fm.item.title = docTitle ?? '';

  // Mermaid gantt charts are fences, which the segment scan skips: they are read on their own.
  // A chart's fence says `mermaid` (in any case): a file without the word has none, and most have none.
  const charts = MERMAID_WORD.test(text) ? chartContribution(file, lineTexts, bodyLine, b.config, options.today === undefined ? NaN : options.today * 86_400_000) : NO_CHARTS;
  b.items.push(...charts.items);
  b.diagnostics.push(...charts.diagnostics);
  for (const r of [...charts.references, ...charts.items.flatMap((i) => [{ range: i.idRange }, ...(i.links.features ?? [])])]) b.claimed.add(lines.lineStart(r.range.start.line) + r.range.start.character);

  // Checked boxes mean done unless a status says otherwise (docs/format.md#defining-items).
  for (const item of b.items) if (item.checked && !item.status) item.status = 'done';

  result.items = b.items;
  result.diagnostics = b.diagnostics;
  result.references = [...linkReferences(b), ...charts.references, ...mentions(b, text)];
  // Every suppression comment holds `specline-`: most files have none, and skip the line scan.
  result.suppressions = text.includes('specline-') ? findSuppressions(lineTexts) : { lines: [], blocks: [] };
  result.headings = headings;
  if (docTitle !== undefined) result.title = docTitle;
  if (fm.planStart !== undefined) result.planStart = fm.planStart;
  if (fm.planCalendar) result.planCalendar = fm.planCalendar;
  if (fm.planBudget) result.planBudget = fm.planBudget;
  return result;
}

function linkReferences(b: ItemBuilder): Reference[] {
  const out: Reference[] = [];
  // Index loops over a fixed key list: a check runs this before V8 optimises it, and
  // unoptimised `for…of` over `Object.values` allocates an array and an iterator result per step.
  for (let i = 0; i < b.items.length; i++) {
    const links = b.items[i]!.links;
    for (let k = 0; k < LINK_KEYS.length; k++) {
      const refs = links[LINK_KEYS[k]!];
      if (refs) for (let r = 0; r < refs.length; r++) out.push(refs[r]!);
    }
  }
  return out;
}

/** IDs written in prose and titles: references for navigation and rename, never checked. */
function mentions(b: ItemBuilder, text: string): Reference[] {
  const out: Reference[] = [];
  const ids = scanIds(text, 0, text.length, b.config.prefixes, b.claimed).ids;
  for (let i = 0; i < ids.length; i++) {
    const m = ids[i]!;
    out.push({ id: m.id, file: b.file, range: b.range(m.start, m.end) });
  }
  return out;
}

/** Link reference definitions, appended to each parsed segment so `[text][ref]` reads as in the whole file. */
function collectLinkDefinitions(text: string): string {
  if (!text.includes(']:')) return '';
  return (text.match(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm) ?? []).join('\n');
}

const MERMAID_WORD = /mermaid/i;
const NO_CHARTS: ChartContribution = { items: [], references: [], diagnostics: [] };
const QUOTE_LINE = /^ {0,3}>/m;
const LIST_LINE = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/m;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m;

function range(from: number, to: number, f: (i: number) => number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(f(i));
  return out;
}
