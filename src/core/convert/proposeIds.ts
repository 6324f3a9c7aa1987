import type { SpeclineConfig } from '../model/configTypes.js';
import { idPrefix, idRegexGlobal } from '../model/ids.js';
import type { FileResult, ItemKind } from '../model/types.js';

/**
 * New IDs for the tasks and milestones of a converted chart: the kind's first prefix
 * (`T`, `M` by default) and the numbers after the highest one in use, so a proposed ID
 * is neither defined nor mentioned anywhere (a dangling `after: T-29` must not come back
 * to life) and numbering goes on where the workspace left it.
 */
export class IdProposer {
  private readonly highest = new Map<string, number>();

  constructor(private readonly config: SpeclineConfig, taken: Iterable<string>) {
    for (const id of taken) this.take(id);
  }

  /** Marks an ID as used. */
  take(id: string): void {
    const prefix = idPrefix(id);
    const n = Number.parseInt(id.slice(prefix.length + 1), 10);
    if (Number.isFinite(n) && n > (this.highest.get(prefix) ?? 0)) this.highest.set(prefix, n);
  }

  /** The next free ID of a kind. */
  next(kind: ItemKind): string {
    const prefix = prefixOf(this.config, kind);
    const n = (this.highest.get(prefix) ?? 0) + 1;
    this.highest.set(prefix, n);
    return `${prefix}-${n}`;
  }
}

/** The first prefix configured for a kind (`T` for tasks by default). */
export function prefixOf(config: SpeclineConfig, kind: ItemKind): string {
  for (const [prefix, k] of config.prefixes) if (k === kind) return prefix;
  return kind === 'milestone' ? 'M' : 'T';
}

/**
 * Every ID the workspace defines or mentions, except what is written in the lines
 * `[fromLine, toLine]` of `file` (the chart being converted: its own IDs stay its own).
 */
export function idsInUse(files: Iterable<FileResult>, file: string, fromLine: number, toLine: number): Set<string> {
  const out = new Set<string>();
  const outside = (f: string, line: number): boolean => f !== file || line < fromLine || line > toLine;
  for (const result of files) {
    for (const item of result.items) if (outside(item.file, item.idRange.start.line)) out.add(item.id);
    for (const ref of result.references) if (outside(ref.file, ref.range.start.line)) out.add(ref.id);
  }
  return out;
}

/** IDs written in a text (for the chart's own lines, which `idsInUse` leaves out). */
export function idsIn(text: string): string[] {
  return [...text.matchAll(idRegexGlobal())].map((m) => m[0]);
}
