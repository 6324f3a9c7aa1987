import * as path from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../io.js';
import type { CheckReport } from '../formats/checkReport.js';
import { countSeverities } from '../formats/checkReport.js';
import { formatCheckGithub } from '../formats/checkGithub.js';
import { formatCheckJson } from '../formats/checkJson.js';
import { formatCheckSarif } from '../formats/checkSarif.js';
import { formatCheckText } from '../formats/checkText.js';

/**
 * `specline check`: every diagnostic in scope. Exit 1 on any error, or on more warnings
 * than `--max-warnings`; infos never fail the run.
 */
export const checkCommand: Command = {
  name: 'check',
  summary: 'check links, traceability and the schedule',
  description: 'Checks links, traceability and the schedule of the plan, and prints every problem found.',
  formats: ['text', 'json', 'sarif', 'github'],
  options: {
    'max-warnings': { type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings (-1: no limit)' },
  },
  validate(values) {
    parseMaxWarnings(values['max-warnings']);
  },
  async run({ analysis, format, values, colors, version, root, env }) {
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    const counts = countSeverities(analysis.diagnostics);
    const files = [...analysis.files.values()];
    const report: CheckReport = {
      diagnostics: analysis.diagnostics,
      summary: {
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        files: files.length,
        items: files.reduce((sum, file) => sum + file.items.length, 0),
      },
      ...(maxWarnings === undefined ? {} : { maxWarnings }),
      version,
      repositoryPrefix: repositoryPrefix(root, env),
    };
    const output = format === 'json' ? formatCheckJson(report)
      : format === 'sarif' ? formatCheckSarif(report)
        : format === 'github' ? formatCheckGithub(report)
          : formatCheckText(report, colors);
    const failed = counts.error > 0 || (maxWarnings !== undefined && counts.warning > maxWarnings);
    return { output, exitCode: failed ? 1 : 0 };
  },
};

/**
 * In a GitHub Actions job, annotations and code-scanning results name files relative to
 * the checkout (`GITHUB_WORKSPACE`), not to the Specline workspace root, which may be a
 * folder of the repository (`specline check docs/`). Elsewhere paths stay root-relative,
 * like the JSON format's.
 */
export function repositoryPrefix(root: string, env: Readonly<Record<string, string | undefined>>): string {
  const checkout = env['GITHUB_WORKSPACE'];
  if (env['GITHUB_ACTIONS'] !== 'true' || !checkout) return '';
  const relative = path.relative(path.resolve(checkout), root).split(path.sep).join('/');
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return '';
  return `${relative}/`;
}

/** A whole number ≥ 0, or -1 for "no limit" (as ESLint takes it); undefined when not given. */
function parseMaxWarnings(value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (!/^(?:\d+|-1)$/.test(value.trim())) {
    throw new UsageError(`--max-warnings takes a whole number, not "${value}"`, 'for example --max-warnings 0 fails on any warning.');
  }
  const n = Number(value.trim());
  return n < 0 ? undefined : n;
}
