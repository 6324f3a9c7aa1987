import type { Diagnostic } from '../model/types.js';
import { isSuppressed } from '../parse/suppressions.js';
import type { CheckContext } from './checkContext.js';
import { RULES_BY_CODE } from './ruleCatalog.js';
import { ALL_RULES } from './rules/index.js';

/**
 * Runs every rule over what is in scope and applies the project's choices: levels and
 * `off` from `.specline.yml`, then inline suppression comments. Parse problems of the
 * files in scope are included. Diagnostics outside the scope are dropped (they are cached).
 */
export function runChecks(ctx: CheckContext): Diagnostic[] {
  const steps = runChecksSteps(ctx);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `runChecks` in steps, one rule each, for a host that slices the analysis (see `Analyzer.steps`). */
export function* runChecksSteps(ctx: CheckContext): Generator<void, Diagnostic[], void> {
  const all: Diagnostic[] = [];
  // Loops, not push(...list): spreading a rule's 200,000 diagnostics overflows the stack.
  for (const f of ctx.checkFiles) for (const d of f.diagnostics) all.push(d);
  for (const rule of ALL_RULES) {
    yield;
    const result = rule(ctx);
    const list = Array.isArray(result) ? result : yield* result;
    for (const d of list) {
      // Fresh from the rule, so set in place: the default level lives in the rule's metadata.
      d.severity = RULES_BY_CODE.get(d.code)?.defaultSeverity ?? d.severity;
      all.push(d);
    }
  }
  yield;
  return applyConfig(ctx, all.filter((d) => ctx.inScope(d.file)));
}

/** Levels, `off` and suppression comments. */
export function applyConfig(ctx: Pick<CheckContext, 'config' | 'files'>, diagnostics: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = ctx.config.rules.get(d.code);
    if (level === 'off') continue;
    const file = ctx.files.get(d.file);
    if (file && isSuppressed(file.suppressions, d.range.start.line, d.code)) continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out;
}

/** File, then position, then code, then message: the order the CLI and the editor list problems in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
