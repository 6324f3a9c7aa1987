import type { GitError } from '../node/git.js';
import { UsageError } from './io.js';

/** A git failure behind an option that names a revision (`--since`, `--baseline`), as the usage error the user sees (exit 2). */
export function revisionUsageError(option: string, ref: string, error: GitError): UsageError {
  const hint = error.kind === 'bad-ref'
    ? 'name a commit, branch or tag of the repository (git log --oneline lists them).'
    : error.kind === 'not-a-repo' ? `${option} needs the workspace to be in a git repository.` : `${option} needs git on the PATH.`;
  return new UsageError(`${option} ${ref}: ${error.message}`, hint);
}
