/**
 * `specline check --changed-since REF`: which files to report on. A file is reported when
 * it changed since REF (`git diff` against the working tree, plus untracked files) or when
 * one of its items links to or from an item of a changed file, so that a renamed or
 * removed ID shows up where it is now missing. IDs a changed file defined at REF count
 * too: deleting a feature makes the tasks that delivered it wrong.
 */
import type { Analysis } from '../core/analysis/types.js';
import { fileMatcher } from '../core/config/loadConfig.js';
import type { FilePath } from '../core/model/types.js';
import { parseFile } from '../core/parse/parseFile.js';
import type { GitCommitRef } from '../node/git.js';
import { GitBlobReader, resolveCommit, runGit } from '../node/git.js';

/** Files changed since a commit, relative to the workspace root. */
export interface ChangedFiles {
  at: GitCommitRef;
  /** Changed, added, deleted and untracked files under the root, `/`-separated, sorted. */
  files: FilePath[];
}

/**
 * Files under `root` that differ between commit `ref` and the working tree, plus untracked
 * files that are not ignored. Renames count as a deletion and an addition, so both paths
 * are listed. Throws `GitError` (no git, not a repository, no such commit).
 */
export async function changedFiles(root: string, ref: string): Promise<ChangedFiles> {
  const at = await resolveCommit(root, ref);
  // `--relative`: paths relative to the root and limited to it (the root may be a sub-folder).
  const diff = await runGit(root, ['diff', '--name-only', '--no-renames', '--relative', '-z', '--end-of-options', at.commit, '--']);
  const untracked = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  const files = new Set([...diff.split('\0'), ...untracked.split('\0')].filter((p) => p !== ''));
  return { at, files: [...files].sort() };
}

/**
 * The files to report on: the changed ones and every file with an item that links to an
 * item of a changed file, or that an item of a changed file links to; "item of a changed
 * file" and its links are taken both as they are now and as they were at the commit.
 * `full` is the analysis of the whole workspace.
 */
export async function affectedFiles(root: string, full: Analysis, changed: ChangedFiles): Promise<Set<FilePath>> {
  const result = new Set(changed.files);
  const changedSet = new Set(changed.files);
  const ids = new Set<string>();
  for (const file of changed.files) for (const item of full.files.get(file)?.items ?? []) ids.add(item.id);
  const before = await itemsAtCommit(root, full, changed);
  for (const id of before.defined) ids.add(id);
  // A target a changed item linked to at the commit lost that link (a goal may now have no feature).
  for (const id of before.linked) for (const target of full.definitions.get(id) ?? []) result.add(target.file);

  for (const [file, parsed] of full.files) {
    for (const ref of parsed.references) {
      if (ref.key === undefined) continue; // prose mentions are not links
      if (ids.has(ref.id)) result.add(file); // links to a changed item
      if (changedSet.has(file)) {
        // a changed item links to it
        for (const target of full.definitions.get(ref.id) ?? []) result.add(target.file);
      }
    }
  }
  return result;
}

/**
 * The IDs the changed files defined at the commit, and the IDs their items linked to then
 * (files that did not exist then add none).
 */
async function itemsAtCommit(root: string, full: Analysis, changed: ChangedFiles): Promise<{ defined: string[]; linked: string[] }> {
  const reader = new GitBlobReader(root, changed.at);
  const defined: string[] = [];
  const linked: string[] = [];
  // Today's include/exclude: a file the workspace does not read (say, an excluded README
  // that mentions IDs) brings in no dependents.
  const inWorkspace = fileMatcher(full.config);
  try {
    for (const file of changed.files) {
      if (!inWorkspace(file)) continue;
      let bytes: Uint8Array;
      try {
        bytes = await reader.read(file);
      } catch {
        continue; // added since the commit, or not a file there
      }
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const parsed = parseFile(file, text, full.config);
      for (const item of parsed.items) defined.push(item.id);
      for (const ref of parsed.references) if (ref.key !== undefined) linked.push(ref.id);
    }
  } finally {
    reader.close();
  }
  return { defined, linked };
}
