import type { Analysis } from '../core/analysis/types.js';
import type { Colors } from './io.js';
import { UsageError } from './io.js';

/** One command-line option, as `node:util` `parseArgs` takes it, plus its help line. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder in help (`FILE`, `N`); string options only. */
  value?: string;
  description: string;
}

/** What a command gets once arguments are valid and the workspace is analysed. */
export interface CommandContext {
  /** The analysis narrowed to the PATH arguments as `Command.scope` says (see `scope.ts`). */
  analysis: Analysis;
  format: string;
  /** Parsed option values (flags by their long name). */
  values: Readonly<Record<string, string | boolean | undefined>>;
  colors: Colors;
  version: string;
  /** Absolute workspace root. */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Narrows another analysis of the same workspace (e.g. an older version) to the same PATHs. */
  narrow(analysis: Analysis): Analysis;
  /** Writes one line on stderr (`specline: …`): what the output cannot say, such as files skipped at a past revision. */
  warn(line: string): void;
  /** The whole workspace's analysis, before PATHs narrowed it (to follow links out of scope). */
  full: Analysis;
  /** The config file, relative to the root (its diagnostics are always kept). */
  configFile: string;
  /** The PATH arguments, relative to the root (empty: the whole workspace). */
  paths: readonly string[];
}

export interface CommandResult {
  output: string;
  exitCode: number;
}

/** A `specline` subcommand: its options, formats and help, and how it turns an analysis into output. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraph under the usage line in `--help`. */
  description: string;
  /** Accepted `--format` values; the first is the default. */
  formats: readonly [string, ...string[]];
  /**
   * What PATH arguments keep (see `scope.ts`): `files`, exactly the items and diagnostics
   * of those files (default); `trace`, those items with their goal ← feature ← task chain.
   */
  scope?: 'files' | 'trace';
  /** Usage line after `specline NAME` in `--help` (default `[PATH…] [options]`), and the paragraph on PATH it replaces. */
  usage?: { line: string; paths: string };
  /** The exit-code line of `--help` (default: 0 done, 2 bad usage or config). */
  exitCodes?: string;
  /** Options besides the shared ones (`--format`, `--today`, `--config`, `--root`, `--out`, …). */
  options?: Record<string, OptionSpec>;
  /**
   * Checks option values before the workspace is read, so bad usage exits 2 fast.
   * Throws `UsageError`.
   */
  validate?(values: Readonly<Record<string, string | boolean | undefined>>): void;
  run(context: CommandContext): Promise<CommandResult>;
}

/** A string option restricted to `allowed`; undefined when not given. Throws `UsageError` otherwise. */
export function choiceOption<T extends string>(
  values: Readonly<Record<string, string | boolean | undefined>>,
  name: string,
  allowed: readonly T[],
  command: string,
): T | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `--${name} must be ${allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`}, not "${value}"`,
    `run "specline ${command} --help" for usage.`,
  );
}

/** A free-text string option; undefined when not given. */
export function textOption(values: Readonly<Record<string, string | boolean | undefined>>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
