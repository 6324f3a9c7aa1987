import * as vscode from 'vscode';
import type { Baseline } from '../../core/baseline/baseline.js';
import type { GanttCompareState } from '../../core/views/ganttCompare.js';
import { isBaselineRef } from '../../core/views/ganttCompare.js';
import type { GitRevision } from '../../node/git.js';
import { GitError } from '../../node/git.js';
import type { FolderIndex } from '../indexService.js';
import { todayFor } from '../settings.js';

type Entry = { baseline: Baseline } | { pending: Promise<Baseline> } | { error: string };

/** Tags and commits offered by the picker. */
const PICK_REVISIONS = 20;

/**
 * The baselines the Gantt preview compares with ("Compare with…"), read through the
 * folder's own `BaselineReader` (so a revision read for `baseline:` is not read again).
 * Rendering is synchronous, so a baseline not read yet renders as "Reading v1.0…" and the
 * read fires `onDidChange` when done; the panel then renders again.
 */
export class GanttBaselines implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  /** Per folder: undefined while unknown, '' when git works, else why not. */
  private readonly repos = new Map<string, string | Promise<void>>();
  private readonly trust = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    this.repos.clear();
    this.entries.clear();
    this.changed.fire();
  });

  /** What the toolbar and the chart show for `ref` in `folder` now. */
  state(folder: FolderIndex, ref: string): GanttCompareState {
    const unavailable = this.unavailable(folder);
    if (unavailable) return { unavailable };
    if (!ref) return {};
    const entry = this.entries.get(key(folder, ref));
    if (!entry) {
      void this.read(folder, ref).catch(() => undefined);
      return { status: `Reading the plan at ${ref}…` };
    }
    if ('baseline' in entry) return { baseline: entry.baseline };
    if ('error' in entry) return { status: entry.error, failed: true };
    return { status: `Reading the plan at ${ref}…` };
  }

  /** Reads the plan at `ref` (once per folder and revision); rejects with a sentence for the user. */
  read(folder: FolderIndex, ref: string): Promise<Baseline> {
    const k = key(folder, ref);
    const known = this.entries.get(k);
    if (known && 'baseline' in known) return Promise.resolve(known.baseline);
    if (known && 'pending' in known) return known.pending;
    const reader = folder.baselineReader();
    if ('unavailable' in reader) return Promise.reject(new Error(reader.unavailable));
    const pending = reader.read(ref, todayFor(folder.folder.uri)).then(
      (baseline) => {
        this.entries.set(k, { baseline });
        this.changed.fire();
        return baseline;
      },
      (error: unknown) => {
        const message = `Cannot compare with ${ref}: ${reason(error, ref)}`;
        this.entries.set(k, { error: message });
        this.changed.fire();
        throw new Error(message);
      },
    );
    this.entries.set(k, { pending });
    return pending;
  }

  /** Forgets what was read of `ref`, so picking it again reads it again (a branch may have moved). */
  forget(folder: FolderIndex, ref: string): void {
    this.entries.delete(key(folder, ref));
  }

  /** Tags and recent commits of the folder's repository. */
  async revisions(folder: FolderIndex): Promise<GitRevision[]> {
    const reader = folder.baselineReader();
    if ('unavailable' in reader) throw new Error(reader.unavailable);
    return reader.revisions(PICK_REVISIONS);
  }

  dispose(): void {
    this.trust.dispose();
    this.changed.dispose();
  }

  /** Why the control is disabled here, or undefined; the repository check runs once per folder. */
  private unavailable(folder: FolderIndex): string | undefined {
    const reader = folder.baselineReader();
    if ('unavailable' in reader) return reader.unavailable;
    const k = folder.folder.uri.toString();
    const known = this.repos.get(k);
    if (typeof known === 'string') return known || undefined;
    if (known === undefined) {
      this.repos.set(k, reader.revisions(1).then(
        () => { this.repos.set(k, ''); },
        (error: unknown) => {
          const kind = error instanceof GitError ? error.kind : 'failed';
          this.repos.set(k, kind === 'not-a-repo' ? 'The folder is not in a git repository: there is no earlier plan to compare with.'
            : kind === 'unavailable' ? 'Comparing needs git, which is not installed or not on the PATH.'
              : kind === 'bad-ref' ? 'The repository has no commit yet: there is no earlier plan to compare with.' : '');
          this.changed.fire();
        },
      ));
    }
    return undefined;
  }
}

function key(folder: FolderIndex, ref: string): string {
  return `${folder.folder.uri.toString()}\u0000${ref}`;
}

function reason(error: unknown, ref: string): string {
  if (!(error instanceof GitError)) return error instanceof Error ? error.message : String(error);
  switch (error.kind) {
    case 'bad-ref': return `git knows no commit "${ref}".`;
    case 'not-a-repo': return 'the folder is not in a git repository.';
    case 'unavailable': return 'git is not installed or not on the PATH.';
    default: return 'git could not read it.';
  }
}

/**
 * The "Compare with…" picker: "No baseline" (when one is shown), the newest tags and the
 * latest commits, and whatever the user types as a revision of its own. Resolves to the
 * chosen revision, `''` for none, or undefined when dismissed.
 */
export async function pickBaseline(revisions: readonly GitRevision[], current: string): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { ref?: string };
  const fixed: Item[] = [];
  if (current) fixed.push({ label: '$(close) No baseline', description: `stop comparing with ${current}`, ref: '' });
  const tags = revisions.filter((r) => r.kind === 'tag');
  const commits = revisions.filter((r) => r.kind === 'commit');
  if (tags.length) fixed.push({ label: 'Tags', kind: vscode.QuickPickItemKind.Separator });
  for (const t of tags) fixed.push({ label: `$(tag) ${t.ref}`, description: `${t.short} · ${t.date}`, detail: t.subject, ref: t.ref });
  if (commits.length) fixed.push({ label: 'Recent commits', kind: vscode.QuickPickItemKind.Separator });
  for (const c of commits) fixed.push({ label: `$(git-commit) ${c.short}`, description: c.date, detail: c.subject, ref: c.ref });

  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Compare the Gantt chart with the plan at…';
  pick.placeholder = 'A tag or commit below, or type a revision (v1.0, main, HEAD~5)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = fixed;
  const typed = (value: string): void => {
    const v = value.trim();
    const own: Item[] = v && isBaselineRef(v) && !revisions.some((r) => r.ref === v)
      ? [{ label: `$(edit) ${v}`, description: 'compare with this revision', ref: v, alwaysShow: true }]
      : [];
    pick.items = [...own, ...fixed];
  };
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue(typed);
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.ref));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
