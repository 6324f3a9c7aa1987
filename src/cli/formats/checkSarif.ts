import { RULES } from '../../core/check/ruleCatalog.js';
import type { Diagnostic, FilePath, Range, Severity } from '../../core/model/types.js';
import type { CheckReport } from './checkReport.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/specline/specline';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const FINGERPRINT_KEY = 'specline/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, a rule for every catalog code (and any
 * code outside it that a result uses), URIs relative to `%SRCROOT%` (the checkout), and
 * regions with 1-based lines and UTF-16 columns, the end column exclusive.
 */
export function formatCheckSarif(report: CheckReport): string {
  const rules = RULES.map((rule) => ({
    id: rule.code,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['specline', rule.code.split('.')[0]!] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const d of report.diagnostics) {
    if (ruleIndex.has(d.code)) continue;
    ruleIndex.set(d.code, rules.length);
    rules.push({
      id: d.code,
      shortDescription: { text: d.code },
      defaultConfiguration: { level: LEVELS[d.severity] },
      properties: { tags: ['specline', d.code.split('.')[0]!] },
    });
  }

  const prefix = report.repositoryPrefix ?? '';
  const occurrences = new Map<string, number>();
  const results = report.diagnostics.map((d) => {
    const key = fingerprintKey(d);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: LEVELS[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(prefix + d.file, d.range) }],
      ...(d.related.length === 0 ? {} : {
        relatedLocations: d.related.map((r, index) => ({
          id: index + 1,
          physicalLocation: physicalLocation(prefix + r.file, r.range),
          message: { text: r.message },
        })),
      }),
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash(key)}:${occurrence}` },
    };
  });

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'specline',
          version: report.version,
          semanticVersion: report.version,
          informationUri: INFORMATION_URI,
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function physicalLocation(file: FilePath, range: Range) {
  return {
    artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A relative URI reference: each segment percent-encoded (spaces, `#`, `%` in names). */
export function fileUri(file: FilePath): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * What identifies a problem across commits, without line numbers (which move when text
 * is inserted above) and without the message where it may hold dates relative to today:
 * the code, the file and the item or ID the diagnostic is about.
 */
function fingerprintKey(d: Diagnostic): string {
  const subject = typeof d.data?.item === 'string' ? d.data.item : typeof d.data?.id === 'string' ? d.data.id : d.message;
  return `${d.code}\u0000${d.file}\u0000${subject}`;
}

function hash(text: string): string {
  // `node:crypto` is loaded here, on first use, not when the CLI starts: only SARIF needs it.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 32);
}
