import type { Suppressions } from '../model/types.js';

const COMMENT = /<!--\s*specline-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;

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
    for (const m of line.matchAll(COMMENT)) {
      const codes = m[2]!.split(/[\s,]+/).filter(Boolean);
      switch (m[1]) {
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
