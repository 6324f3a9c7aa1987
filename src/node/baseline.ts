import type { Baseline } from '../core/baseline/baseline.js';
import { baselineOf } from '../core/baseline/baseline.js';
import type { DayNumber } from '../core/model/types.js';
import type { Workspace } from '../core/workspace/types.js';
import type { AnalyzeAtRefOptions, GitRevision } from './git.js';
import { analyzeAtRef } from './git.js';

/**
 * Reads baselines and keeps each by commit: a revision that still names the same commit
 * (a tag, or a branch nobody moved) is analysed once per session, however often the
 * configuration is reloaded.
 */
export class BaselineReader {
  private readonly byCommit = new Map<string, Baseline>();

  constructor(private readonly root: string) {}

  /** Throws `GitError` when git cannot answer. */
  async read(ref: string, today: DayNumber): Promise<Baseline> {
    const { resolveCommit } = await import('./git.js');
    const at = await resolveCommit(this.root, ref);
    const known = this.byCommit.get(at.commit);
    if (known) return known.ref === ref ? known : { ...known, ref };
    const baseline = await readBaseline(this.root, ref, today);
    this.byCommit.set(baseline.commit, baseline);
    return baseline;
  }

  /** Tags and recent commits to pick a baseline from (see `listRevisions`). Throws `GitError`. */
  async revisions(limit?: number): Promise<GitRevision[]> {
    const { listRevisions } = await import('./git.js');
    return listRevisions(this.root, limit);
  }
}

/**
 * The plan at git revision `ref` as a baseline: the workspace as committed there (its
 * files and its `.specline.yml`), analysed by the same core with today's date, read with
 * `git ls-tree` and `git cat-file` (no checkout). Throws `GitError` when git cannot answer.
 */
export async function readBaseline(root: string, ref: string, today: DayNumber, env?: Readonly<Record<string, string | undefined>>, reuse?: AnalyzeAtRefOptions['reuse']): Promise<Baseline> {
  const { analysis, at } = await analyzeAtRef({ root, ref, today, ...(env ? { env } : {}), ...(reuse ? { reuse } : {}) });
  return baselineOf(analysis, ref, at.commit);
}

/**
 * With `baseline:` in `.specline.yml`, hands the workspace the plan at that revision, so
 * `schedule.slipped` is checked; when git cannot give it (no repository, no git, an
 * unknown revision), the workspace gets the reason instead, which becomes one warning on
 * the setting: the rest of the check goes on.
 */
export async function applyConfiguredBaseline(workspace: Workspace, reader: BaselineReader, today: DayNumber): Promise<void> {
  const ref = workspace.config().baseline?.ref;
  if (ref === undefined) {
    workspace.setBaseline(undefined);
    return;
  }
  const { GitError } = await import('./git.js');
  try {
    workspace.setBaseline(await reader.read(ref, today));
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    // Plain words on the setting; git's own text (and the machine's paths) stay out of it.
    const problem = error.kind === 'unavailable' ? 'git is not installed or not on the PATH'
      : error.kind === 'not-a-repo' ? 'the workspace is not in a git repository'
        : error.kind === 'bad-ref' ? `git knows no commit "${ref}"` : 'git could not read it';
    workspace.setBaseline({ problem });
  }
}
