import type { Diagnostic, Severity } from '../../core/model/types.js';

/** Counts in every `check` output. `files` and `items` count what was in scope. */
export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  items: number;
}

/** What the `check` formatters print: the diagnostics in scope and their summary. */
export interface CheckReport {
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /** `--max-warnings`, when given. */
  maxWarnings?: number;
  /** The CLI's version, for SARIF's tool.driver. */
  version: string;
  /**
   * Prepended to file paths in the `github` and `sarif` formats, whose paths GitHub
   * resolves against the repository root rather than the workspace root (see `check.ts`).
   */
  repositoryPrefix?: string;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `3 errors`, `1 warning`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
