import type { Diagnostic } from '../../core/model/types.js';
import type { CheckReport } from './checkReport.js';

/** docs/format.md#command-line: 1-based lines and columns (the end column is exclusive), paths relative to the root. */
export function formatCheckJson(report: CheckReport): string {
  const output = {
    version: 1,
    diagnostics: report.diagnostics.map(toJson),
    summary: {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      infos: report.summary.infos,
      files: report.summary.files,
      items: report.summary.items,
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function toJson(d: Diagnostic) {
  return {
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: d.related.map((r) => ({
      file: r.file,
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      message: r.message,
    })),
  };
}
