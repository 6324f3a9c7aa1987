import type { Suppressions } from '../model/types.js';

export interface SuppressionComment {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** The codes, as written (none means every code). */
  codes: string[];
  /** Offsets of the whole comment within the line. */
  start: number;
  end: number;
}

const KINDS = ['disable-next-line', 'disable-line', 'disable', 'enable'] as const;

/**
 * The `<!-- specline-KIND codes -->` comments of one line, left to right: what the regex
 * `<!--\s*specline-(KIND)\b([^>]*?)\s*-->` finds, by a hand-written scan that is linear in
 * the line (the regex rescanned the rest of the line from every unclosed comment).
 * With `only`, other kinds are not comments (as a regex naming only that kind reads them).
 */
export function suppressionComments(line: string, only?: SuppressionComment['kind']): SuppressionComment[] {
  const kinds = only ? [only] : KINDS;
  const out: SuppressionComment[] = [];
  /** Index of the first `>` at or after the scan position (-1: none left). */
  let gt = -2;
  for (let i = line.indexOf('<!--'); i >= 0; i = line.indexOf('<!--', i + 1)) {
    let p = i + 4;
    while (p < line.length && /\s/.test(line[p]!)) p++;
    if (!line.startsWith('specline-', p)) continue;
    p += 'specline-'.length;
    const kind = kinds.find((k) => line.startsWith(k, p) && !/\w/.test(line[p + k.length] ?? ' '));
    if (!kind) continue;
    p += kind.length;
    // The codes hold no `>`, so the comment ends at the first `>`, which must close `-->`.
    if (gt !== -1 && gt < p) gt = line.indexOf('>', p);
    if (gt < 0) break;
    if (gt - 2 < p || line[gt - 1] !== '-' || line[gt - 2] !== '-') continue;
    out.push({ kind, codes: line.slice(p, gt - 2).split(/[\s,]+/).filter(Boolean), start: i, end: gt + 1 });
    i = gt;
  }
  return out;
}

/**
 * Inline suppression comments, as markdownlint has them (docs/format.md#inline-suppression):
 * `<!-- specline-disable-next-line CODE … -->`, `<!-- specline-disable-line CODE -->`,
 * `<!-- specline-disable CODE -->` … `<!-- specline-enable CODE -->`. No code means every
 * code. An unclosed disable runs to the end of the file.
 */
export function findSuppressions(lines: readonly string[]): Suppressions {
  const result: Suppressions = { lines: [], blocks: [] };
  /** code ('*' for all) → line the disable started on */
  const open = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('specline-')) continue;
    for (const m of suppressionComments(line)) {
      const codes = m.codes;
      switch (m.kind) {
        case 'disable-next-line': result.lines.push({ line: i + 1, codes }); break;
        case 'disable-line': result.lines.push({ line: i, codes }); break;
        case 'disable':
          for (const c of codes.length ? codes : ['*']) if (!open.has(c)) open.set(c, i);
          break;
        case 'enable': {
          const closing = codes.length ? codes : [...open.keys()];
          for (const c of closing) {
            const from = open.get(c);
            if (from === undefined) continue;
            result.blocks.push({ startLine: from, endLine: i, codes: c === '*' ? [] : [c] });
            open.delete(c);
          }
          break;
        }
      }
    }
  }
  for (const [c, from] of open) result.blocks.push({ startLine: from, endLine: lines.length, codes: c === '*' ? [] : [c] });
  return result;
}

/** True when a diagnostic with `code` on `line` is suppressed. */
export function isSuppressed(s: Suppressions, line: number, code: string): boolean {
  for (const l of s.lines) if (l.line === line && (l.codes.length === 0 || l.codes.includes(code))) return true;
  for (const b of s.blocks) if (line >= b.startLine && line <= b.endLine && (b.codes.length === 0 || b.codes.includes(code))) return true;
  return false;
}
