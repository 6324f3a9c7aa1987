/**
 * Reading a workspace as it was at a git commit, for `specline report --since REF` and the
 * editor's "changes since" report. Only `git` itself is used (`rev-parse`, `ls-tree`,
 * `cat-file --batch`), through `node:child_process`; nothing here depends on the CLI, so
 * the extension imports it too. The workspace root may be a sub-folder of the repository:
 * every git command runs in the root and paths are taken relative to it.
 */
import type * as ChildProcess from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Analysis } from '../core/analysis/types.js';
import type { DayNumber, FilePath } from '../core/model/types.js';
import { createWorkspace } from '../core/workspace/createWorkspace.js';
import type { WorkspaceFileSystem, WorkspaceOptions } from '../core/workspace/types.js';
import { MAX_FILE_BYTES } from '../core/model/limits.js';

/** Why git could not answer: not installed, not a repository, or no such commit. */
export type GitErrorKind = 'unavailable' | 'not-a-repo' | 'bad-ref' | 'failed';

export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(readonly kind: GitErrorKind, message: string) {
    super(message);
  }
}

/**
 * `node:child_process`, loaded when git is first run: most checks never run it, and loading
 * it (with the network modules it pulls in) was a visible part of every CLI start.
 */
function childProcess(): typeof ChildProcess {
  return process.getBuiltinModule('node:child_process');
}

/** Large listings (monorepos) must not hit execFile's default 1 MB limit. */
const MAX_BUFFER = 512 * 1024 * 1024;

/**
 * The absolute path of the `git` program: the first one found in the PATH entries that
 * are absolute and lie outside `workspace` (never the cwd, never a relative entry). Run by
 * bare name with the workspace as cwd, Windows would take a `git.exe` committed to the
 * repository; a PATH entry inside the workspace is the same trap anywhere. Undefined when
 * there is none. Callers resolve it once per run and pass it on.
 */
export function findGit(workspace: string, env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  // An environment without PATH (a test's, an embedder's) means the process's own.
  const pathVariable = env['PATH'] ?? env['Path'] ?? process.env['PATH'] ?? '';
  const delimiter = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32' ? ['git.exe'] : ['git'];
  const realWorkspace = realOr(path.resolve(workspace));
  for (const entry of pathVariable.split(delimiter)) {
    const dir = entry.trim().replace(/^"(.*)"$/, '$1');
    if (dir === '' || !path.isAbsolute(dir)) continue;
    if (isWithin(path.resolve(workspace), path.resolve(dir)) || isWithin(realWorkspace, realOr(path.resolve(dir)))) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        if (!statSync(candidate).isFile()) continue;
        if (platform !== 'win32') accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not there, or not executable: the next entry
      }
    }
  }
  return undefined;
}

function realOr(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `findGit` or a `GitError('unavailable')`. */
export function requireGit(workspace: string, env?: Readonly<Record<string, string | undefined>>): string {
  const found = findGit(workspace, env);
  if (found === undefined) throw new GitError('unavailable', 'git is not installed, or not on the PATH outside the workspace');
  return found;
}

function git(program: string, cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // Never a shell: arguments reach git as they are.
    childProcess().execFile(program, args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true, shell: false }, (error, stdout, stderr) => {
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
  /** The git program used (absolute, see `findGit`). */
  git: string;
}

/**
 * Resolves `ref` to a commit in the repository around `root`. Throws `GitError`:
 * `unavailable` (no git), `not-a-repo`, or `bad-ref` (no such commit).
 */
export async function resolveCommit(root: string, ref: string, program: string = requireGit(root)): Promise<GitCommitRef> {
  let prefix: string;
  try {
    prefix = (await git(program, root, ['rev-parse', '--show-prefix'])).replace(/\r?\n$/, '');
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unavailable') throw error;
    throw new GitError('not-a-repo', `${root} is not inside a git repository (git: ${error instanceof Error ? error.message : String(error)})`);
  }
  // A ref starting with "-" would be read as an option; git has no such refs anyway.
  if (ref === '' || ref.startsWith('-') || /[\s\0]/.test(ref)) throw new GitError('bad-ref', `"${ref}" is not a git revision`);
  let commit: string;
  try {
    commit = (await git(program, root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError('bad-ref', `"${ref}" is not a commit of this repository`);
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitError('bad-ref', `"${ref}" is not a commit of this repository`);
  return { ref, commit, prefix, git: program };
}

/** One entry of `ls-tree -l`: its size (undefined for what is not a blob) and whether it is a symbolic link. */
export interface TreeEntry {
  size?: number;
  link: boolean;
}

/**
 * Every file under `root` at the commit, relative to `root` with `/` separators, with its
 * size from `ls-tree -l`, so oversized blobs are skipped before anything reads them.
 */
export async function listTreeAt(root: string, at: GitCommitRef): Promise<Map<FilePath, TreeEntry>> {
  const out = await git(at.git, root, ['ls-tree', '-r', '-z', '-l', '--end-of-options', at.commit, '--', '.']);
  const entries = new Map<FilePath, TreeEntry>();
  for (const record of out.split('\0')) {
    const match = /^(\d+) (\w+) [0-9a-f]+ +(-|\d+)\t(.*)$/s.exec(record);
    if (!match) continue;
    entries.set(match[4]!, { ...(match[3] === '-' ? {} : { size: Number(match[3]) }), link: match[1] === '120000' });
  }
  return entries;
}

/** Every file under `root` at the commit, relative to `root` with `/` separators. */
export async function listFilesAt(root: string, at: GitCommitRef): Promise<FilePath[]> {
  return [...(await listTreeAt(root, at)).keys()];
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
    this.child = childProcess().spawn(at.git, ['cat-file', '--batch'], { cwd: root, windowsHide: true, shell: false });
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
  let tree: Promise<Map<FilePath, TreeEntry>> | undefined;
  const entries = (): Promise<Map<FilePath, TreeEntry>> => (tree ??= listTreeAt(root, at));
  /** The size `ls-tree` gave, after refusing what is no file; the core skips oversized blobs on it. */
  const sizeOf = async (file: FilePath): Promise<number> => {
    const entry = (await entries()).get(file);
    if (!entry) throw Object.assign(new Error(`${file} is not in ${at.ref}`), { code: 'ENOENT' });
    if (entry.link) throw new Error('symbolic link (not followed in a past revision)');
    if (entry.size === undefined) throw new Error('not a file (a submodule)');
    return entry.size;
  };
  return {
    listFiles: async () => [...(await entries()).keys()],
    readFile: async (file, options) => {
      // Never ask cat-file for more than the caller takes: a 20 MB blob would be read whole.
      const size = await sizeOf(file);
      if (size > (options?.maxBytes ?? MAX_FILE_BYTES + 1)) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${Math.ceil(size / 1024).toLocaleString('en-US')} KB)`);
      return reader.read(file);
    },
    stat: async (file) => ({ size: await sizeOf(file) }),
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
  /** The environment whose PATH `git` is looked up in (default the process's). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The current workspace's parse results: a file unchanged since `ref` keeps its result
   * instead of being parsed again (see `WorkspaceOptions.reuse`), which is most files.
   */
  reuse?: WorkspaceOptions['reuse'];
}

/**
 * The analysis of the workspace as it was at `ref`, with the same core code as the live
 * one (config, include/exclude and calendar as they were then; `today` as now). Throws
 * `GitError` when git cannot answer.
 */
export async function analyzeAtRef(options: AnalyzeAtRefOptions): Promise<{ analysis: Analysis; at: GitCommitRef }> {
  const at = await resolveCommit(options.root, options.ref, requireGit(options.root, options.env));
  const fs = gitFileSystem(options.root, at);
  try {
    const workspace = createWorkspace({
      fs,
      today: () => options.today,
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
      ...(options.reuse === undefined ? {} : { reuse: options.reuse }),
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
  // Resolved like every other call: from absolute PATH entries outside the workspace.
  return git(requireGit(cwd), cwd, args);
}

/** A revision to compare with, as a picker offers it. */
export interface GitRevision {
  /** What to pass as the revision: a tag name or a full commit hash. */
  ref: string;
  kind: 'tag' | 'commit';
  /** The abbreviated commit hash. */
  short: string;
  /** The commit date, YYYY-MM-DD. */
  date: string;
  /** The commit's subject line (user text: escape before markup). */
  subject: string;
}

/**
 * The newest tags and the latest commits of the branch checked out, for a "compare with"
 * picker: `for-each-ref` and `log` with NUL-separated fields, never a shell. Tag names git
 * would read as options (or that hold spaces) are left out. Throws `GitError` as
 * `resolveCommit` does (`not-a-repo`, `unavailable`; `bad-ref` when nothing is committed).
 */
export async function listRevisions(root: string, limit = 20, program: string = requireGit(root)): Promise<GitRevision[]> {
  await resolveCommit(root, 'HEAD', program);
  const max = String(Math.max(1, Math.min(200, Math.floor(limit))));
  const [tagOut, logOut] = await Promise.all([
    git(program, root, ['for-each-ref', '--sort=-creatordate', `--count=${max}`, '--format=%(refname:short)%00%(objectname:short)%00%(*objectname:short)%00%(creatordate:short)%00%(subject)', 'refs/tags']),
    git(program, root, ['log', '-n', max, '--format=%H%x00%h%x00%cs%x00%s', '--end-of-options', 'HEAD']),
  ]);
  const out: GitRevision[] = [];
  for (const line of tagOut.split('\n')) {
    const [name, object, peeled, date, subject] = line.split('\0');
    if (!name || name.startsWith('-') || /[\s\0]/.test(name)) continue;
    out.push({ ref: name, kind: 'tag', short: peeled || object || '', date: date ?? '', subject: subject ?? '' });
  }
  for (const line of logOut.split('\n')) {
    const [hash, short, date, subject] = line.split('\0');
    if (!hash || !/^[0-9a-f]{40,64}$/.test(hash)) continue;
    out.push({ ref: hash, kind: 'commit', short: short ?? hash.slice(0, 7), date: date ?? '', subject: subject ?? '' });
  }
  return out;
}
