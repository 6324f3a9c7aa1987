import type { Diagnostic } from '../../core/model/types.js';
import type { CheckReport } from './checkReport.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one annotation per diagnostic:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`.
 * Related locations are appended to the message on their own lines. Nothing else is
 * printed, so every stdout line is a command.
 */
export function formatCheckGithub(report: CheckReport): string {
  const prefix = report.repositoryPrefix ?? '';
  return report.diagnostics.map((d) => `${toCommand(d, prefix)}\n`).join('');
}

function toCommand(d: Diagnostic, prefix: string): string {
  const properties = [
    ['file', prefix + d.file],
    ['line', String(d.range.start.line + 1)],
    ['col', String(d.range.start.character + 1)],
    ['endLine', String(d.range.end.line + 1)],
    ['endColumn', String(d.range.end.character + 1)],
    ['title', d.code],
  ].map(([key, value]) => `${key}=${escapeProperty(value!)}`).join(',');
  const related = d.related.map((r) => `\n  ${prefix}${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}`);
  return `::${COMMANDS[d.severity]} ${properties}::${escapeData(d.message + related.join(''))}`;
}

/** Escaping of a command's message, as GitHub's `@actions/core` does it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command property value: the data escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
