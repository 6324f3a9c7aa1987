import type { Command } from '../command.js';
import { textOption } from '../command.js';
import { UsageError } from '../io.js';
import { markGenerated } from '../generated.js';
import { defined } from './gantt.js';

/** `specline report`: a status report in Markdown, as of `--today`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'write a status report in Markdown',
  description: 'Writes a status report in Markdown as of --today: progress, what is late or at risk, upcoming milestones and the problems found. With --since REF it adds what changed since that git commit: tasks added or removed, dates moved, status changes, milestones moved.',
  formats: ['markdown'],
  scope: 'trace',
  options: {
    title: { type: 'string', value: 'TEXT', description: 'heading of the report (default "Status report")' },
    since: { type: 'string', value: 'REF', description: 'add "Changes since REF": compare with the plan at a git commit, branch or tag (HEAD, HEAD~1, v1.0)' },
  },
  validate(values) {
    const since = textOption(values, 'since');
    if (since !== undefined && since.trim() === '') throw new UsageError('--since needs a git revision', 'for example --since HEAD~1 or --since v1.0.');
  },
  async run({ analysis, values, root, narrow, env, warn, full }) {
    const { renderStatusReport } = await import('../../core/report/statusReport.js');
    const since = textOption(values, 'since')?.trim();
    let changes;
    if (since !== undefined) {
      const { diffFromBaseline } = await import('../../core/report/changes.js');
      const { baselineOf } = await import('../../core/baseline/baseline.js');
      const { analyzeAtRef, GitError } = await import('../../node/git.js');
      const { revisionUsageError } = await import('../revisionUsageError.js');
      try {
        // Files unchanged since the revision keep the parse they have now.
        const old = await analyzeAtRef({ root, ref: since, today: analysis.today, env, reuse: { files: full.files, config: full.config } });
        // The comparison goes on without them; the user hears which ones and why.
        for (const f of narrow(old.analysis).files.values()) if (f.skipped) warn(`at ${since}, ${f.file} was skipped: ${f.skipped}`);
        // The same comparison as `schedule --baseline` and `baseline:`, on the plan as it was.
        changes = { since, changes: diffFromBaseline(baselineOf(narrow(old.analysis), since, old.at.commit), analysis) };
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        throw revisionUsageError('--since', since, error);
      }
    }
    return {
      output: markGenerated('report', renderStatusReport(analysis, { ...defined('title', textOption(values, 'title')), ...(changes ? { changes } : {}) })),
      exitCode: 0,
    };
  },
};
