import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A small git repository in a temporary folder, committed with fixed dates, for baseline and history tests. */
export interface TestRepo {
  readonly dir: string;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Commits everything; the author and committer date is `date` (ISO), so hashes and logs are reproducible. */
  commit(message: string, date: string): string;
  tag(name: string): void;
  git(...args: string[]): string;
  dispose(): void;
}

export function createTestRepo(prefix = 'specline-repo-'): TestRepo {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const git = (...args: string[]): string => execFileSync('git', [
    '-c', 'user.email=test@example.com', '-c', 'user.name=Specline Test', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args,
  ], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  git('init', '-q');
  return {
    dir,
    git,
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    remove(file) {
      unlinkSync(path.join(dir, file));
    },
    commit(message, date) {
      git('add', '-A');
      execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Specline Test', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
        cwd: dir, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    tag(name) {
      git('tag', name);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
