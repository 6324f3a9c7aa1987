import type { Diagnostic, Severity } from '../../core/model/types.js';
import type { Colors } from '../io.js';
import type { CheckReport } from './checkReport.js';
import { plural } from './checkReport.js';

/**
 * The human format: diagnostics grouped by file under a file heading, one per line as
 * `file:line:col  severity  message  code` (columns aligned within a file; the location
 * is clickable in most terminals), related locations indented below, then a summary.
 */
export function formatCheckText(report: CheckReport, colors: Colors): string {
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }

  for (const [file, diagnostics] of byFile) {
    const rows = diagnostics.map((d) => ({
      d,
      location: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`,
      message: oneLine(d.message),
    }));
    const locationWidth = Math.max(...rows.map((r) => r.location.length));
    const severityWidth = Math.max(...rows.map((r) => r.d.severity.length));
    const messageWidth = Math.min(100, Math.max(...rows.map((r) => r.message.length)));
    lines.push(colors.underline(colors.bold(file)));
    for (const row of rows) {
      lines.push([
        '  ',
        colors.dim(row.location.padEnd(locationWidth)),
        '  ',
        paintSeverity(row.d.severity, colors)(row.d.severity.padEnd(severityWidth)),
        '  ',
        row.message.padEnd(messageWidth),
        '  ',
        colors.dim(row.d.code),
      ].join('').trimEnd());
      for (const related of row.d.related) {
        const where = `${related.file}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
        lines.push(`  ${' '.repeat(locationWidth)}  ${colors.dim(`↳ ${where}  ${oneLine(related.message)}`)}`.trimEnd());
      }
    }
    lines.push('');
  }

  const { errors, warnings, infos, files, items } = report.summary;
  const scope = `(${plural(files, 'file')}, ${plural(items, 'item')})`;
  if (errors + warnings + infos === 0) {
    lines.push(colors.green(`✔ No problems found ${scope}`));
  } else {
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
    if (errors + warnings > 0) lines.push(colors.bold((errors > 0 ? colors.red : colors.yellow)(`✖ ${counts} ${scope}`)));
    else lines.push(colors.green(`✔ ${counts} ${scope}`));
  }
  if (report.maxWarnings !== undefined && warnings > report.maxWarnings) {
    lines.push(colors.red(`✖ Too many warnings: ${warnings}, the maximum is ${report.maxWarnings} (--max-warnings).`));
  }
  return `${lines.join('\n')}\n`;
}

function paintSeverity(severity: Severity, colors: Colors): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}

/** Keeps one diagnostic on one line, whatever the message holds. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
