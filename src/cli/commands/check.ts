import * as path from 'node:path';
import type { Analysis } from '../../core/analysis/types.js';
import { affectedFiles, changedFiles } from '../changedFiles.js';
import type { Command, CommandContext } from '../command.js';
import { GitError } from '../../node/git.js';
import { UsageError } from '../io.js';
import { scopeToFiles } from '../scope.js';
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
    'changed-since': { type: 'string', value: 'REF', description: 'report only on files changed since the git revision REF and the files linked to or from them' },
  },
  validate(values) {
    parseMaxWarnings(values['max-warnings']);
    if (values['changed-since'] === '') throw new UsageError('--changed-since needs a git revision', 'for example --changed-since origin/main.');
  },
  async run(context) {
    const { format, values, colors, version, root, env } = context;
    const analysis = await changedScope(context);
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
 * With `--changed-since REF`, the analysis narrowed further to the files changed since REF
 * and the files linked to or from them (see `changedFiles.ts`); everything when the config
 * file changed, since it changes how every file is read. A REF git does not know, or no
 * repository, is a usage error: the user asked for a comparison that cannot be made.
 */
async function changedScope(context: CommandContext): Promise<Analysis> {
  const ref = context.values['changed-since'];
  if (typeof ref !== 'string') return context.analysis;
  let report: Set<string>;
  try {
    const changed = await changedFiles(context.root, ref);
    if (changed.files.includes(context.configFile)) return context.analysis;
    report = await affectedFiles(context.root, context.full, changed);
  } catch (error) {
    if (error instanceof GitError) {
      throw new UsageError(`--changed-since ${ref}: ${error.message}`, error.kind === 'unavailable'
        ? 'install git, or leave --changed-since out.'
        : 'name a commit, branch or tag of the repository that holds the workspace (in CI, fetch enough history).');
    }
    throw error;
  }
  return scopeToFiles(context.analysis, (file) => report.has(file), context.configFile);
}

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
