import type { Diagnostic } from '../model/types.js';
import { isSuppressed } from '../parse/suppressions.js';
import type { CheckContext, Rule } from './checkContext.js';
import { ALL_RULES } from './rules/index.js';

/**
 * Runs every rule and applies the project's choices: levels and `off` from
 * `.specline.yml`, then inline suppression comments. Output is sorted by file and
 * position so the CLI and the editor list problems in the same order.
 */
export function runChecks(ctx: CheckContext, configDiagnostics: Diagnostic[]): Diagnostic[] {
  const all: Diagnostic[] = [...configDiagnostics];
  for (const f of ctx.files.values()) all.push(...f.diagnostics);
  for (const rule of ALL_RULES as readonly Rule[]) all.push(...rule(ctx));

  const out: Diagnostic[] = [];
  for (const d of all) {
    const level = ctx.config.rules.get(d.code);
    if (level === 'off') continue;
    const file = ctx.files.get(d.file);
    if (file && isSuppressed(file.suppressions, d.range.start.line, d.code)) continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out.sort(compareDiagnostics);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
