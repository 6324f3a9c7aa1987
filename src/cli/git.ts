/**
 * Reading a workspace as it was at a git commit, for `specline report --since REF` and the
 * editor's "changes since" report. Only `git` itself is used (`rev-parse`, `ls-tree`,
 * `cat-file --batch`), through `node:child_process`; nothing here depends on the CLI, so
 * the extension imports it too. The workspace root may be a sub-folder of the repository:
 * every git command runs in the root and paths are taken relative to it.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import type { Analysis } from '../core/analysis/types.js';
import type { DayNumber, FilePath } from '../core/model/types.js';
import { createWorkspace } from '../core/workspace/createWorkspace.js';
import type { WorkspaceFileSystem } from '../core/workspace/types.js';

/** Why git could not answer: not installed, not a repository, or no such commit. */
export type GitErrorKind = 'unavailable' | 'not-a-repo' | 'bad-ref' | 'failed';

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(readonly kind: GitErrorKind, message: string) {
    super(message);
  }
}

/** Large listings (monorepos) must not hit execFile's default 1 MB limit. */
const MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (!error) {
        resolve(stdout);
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !stderr) reject(new GitError('unavailable', 'git is not installed or not on the PATH'));
      else reject(new GitError('failed', (stderr || error.message).trim().split('\n')[0] ?? 'git failed'));
    });
  });
}

/** A commit of the repository that holds `root`, and where `root` sits in it. */
export interface GitCommitRef {
  /** The ref as the user wrote it. */
  ref: string;
  /** Full commit hash. */
  commit: string;
  /** `root`'s path inside the repository with a trailing `/` (empty at the top). */
  prefix: string;
}

/**
 * Resolves `ref` to a commit in the repository around `root`. Throws `GitError`:
 * `unavailable` (no git), `not-a-repo`, or `bad-ref` (no such commit).
 */
export async function resolveCommit(root: string, ref: string): Promise<GitCommitRef> {
  let prefix: string;
  try {
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).replace(/\r?\n$/, '');
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unavailable') throw error;
    throw new GitError('not-a-repo', `${root} is not inside a git repository (git: ${error instanceof Error ? error.message : String(error)})`);
  }
  // A ref starting with "-" would be read as an option; git has no such refs anyway.
  if (ref === '' || ref.startsWith('-') || /[\s\0]/.test(ref)) throw new GitError('bad-ref', `"${ref}" is not a git revision`);
  let commit: string;
  try {
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError('bad-ref', `"${ref}" is not a commit of this repository`);
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError('bad-ref', `"${ref}" is not a commit of this repository`);
  return { ref, commit, prefix };
}

/** Every file under `root` at the commit, relative to `root` with `/` separators. */
export async function listFilesAt(root: string, at: GitCommitRef): Promise<FilePath[]> {
  const out = await git(root, ['ls-tree', '-r', '-z', '--name-only', at.commit, '--', '.']);
  return out.split('\0').filter((p) => p !== '');
}

/**
 * `git cat-file --batch` kept open: each read writes one request line and the answers come
 * back in order, so reading hundreds of files costs one process, not one each.
 */
export class GitBlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<{ name: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }> = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(root: string, private readonly at: GitCommitRef) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, windowsHide: true });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error): void => {
      this.failed ??= error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    this.child.on('error', (e) => fail(new GitError('unavailable', `cannot run git: ${e.message}`)));
    this.child.on('close', () => fail(new GitError('failed', 'git cat-file exited')));
    this.child.stdin.on('error', () => { /* reported through 'close' */ });
  }

  /** The bytes of `path` (relative to the root) at the commit. */
  read(path: FilePath): Promise<Uint8Array> {
    if (this.failed) return Promise.reject(this.failed);
    if (/[\r\n]/.test(path)) return Promise.reject(new Error('a file name with a line break cannot be read through git cat-file'));
    const name = `${this.at.commit}:${this.at.prefix}${path}`;
    return new Promise((resolve, reject) => {
      this.waiting.push({ name, resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
    if (this.child.exitCode === null) this.child.kill();
  }

  private drain(): void {
    for (;;) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      const next = this.waiting[0];
      const missing = / (missing|ambiguous)$/.exec(header);
      if (missing) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.waiting.shift();
        next?.reject(new Error(`${missing[1]} in git`));
        continue;
      }
      const size = Number(/ (\d+)$/.exec(header)?.[1] ?? NaN);
      if (!Number.isFinite(size)) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.waiting.shift();
        next?.reject(new Error(`unexpected git output: ${header}`));
        continue;
      }
      if (this.buffer.length < eol + 1 + size + 1) return; // the content is still arriving
      const body = Uint8Array.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.waiting.shift();
      if (/ blob \d+$/.test(header)) next?.resolve(body);
      else next?.reject(new Error('not a file'));
    }
  }
}

/** The core's file system over a commit: listing from `ls-tree`, reads through one `cat-file --batch`. */
export function gitFileSystem(root: string, at: GitCommitRef): WorkspaceFileSystem & { close(): void } {
  const reader = new GitBlobReader(root, at);
  return {
    listFiles: () => listFilesAt(root, at),
    readFile: (path) => reader.read(path),
    close: () => reader.close(),
  };
}

export interface AnalyzeAtRefOptions {
  /** The workspace root (absolute). */
  root: string;
  ref: string;
  today: DayNumber;
  /** Workspace-relative config path; default `.specline.yml` as it was at the ref. */
  configPath?: FilePath;
}

/**
 * The analysis of the workspace as it was at `ref`, with the same core code as the live
 * one (config, include/exclude and calendar as they were then; `today` as now). Throws
 * `GitError` when git cannot answer.
 */
export async function analyzeAtRef(options: AnalyzeAtRefOptions): Promise<{ analysis: Analysis; at: GitCommitRef }> {
  const at = await resolveCommit(options.root, options.ref);
  const fs = gitFileSystem(options.root, at);
  try {
    const workspace = createWorkspace({
      fs,
      today: () => options.today,
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    });
    await workspace.load();
    return { analysis: workspace.analyze(), at };
  } finally {
    fs.close();
  }
}

/**
 * Runs one git command in `cwd` (no shell) and returns its stdout. For callers outside
 * this file, such as `changedFiles.ts`; throws `GitError` (`unavailable` or `failed`).
 */
export function runGit(cwd: string, args: string[]): Promise<string> {
  return git(cwd, args);
}
