import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository root: tests run from `out/test/cli/`. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `specline` in-process, like a shell would in `cwd`. */
export async function runCli(
  args: string[],
  options: { cwd?: string; isTTY?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    cwd: options.cwd ?? REPO_ROOT,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A scratch copy of a fixture, so a test may write next to it. */
export async function copyFixture(name: string): Promise<{ dir: string; dispose(): Promise<void> }> {
  const base = await mkdtemp(path.join(tmpdir(), 'specline-cli-'));
  const dir = path.join(base, name);
  await cp(fixture(name), dir, { recursive: true });
  return { dir, dispose: () => rm(base, { recursive: true, force: true }) };
}

/** Every file under `dir`, relative, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** ANSI escape sequences (built from a string: a regex literal with ESC trips no-control-regex). */
const ESC = String.fromCharCode(27);
export const ANSI = new RegExp(`${ESC}\\[`);
export const ANSI_RED = new RegExp(`${ESC}\\[31m`);
export const ANSI_YELLOW_WARNING = new RegExp(`${ESC}\\[33mwarning`);
