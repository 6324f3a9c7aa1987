/**
 * The `specline` command line. `main` is the whole program: it takes the arguments and
 * the process's streams, returns the exit code, and never calls `process.exit`, so tests
 * run it in-process and pending output is always flushed. `run.ts` wires it to the real
 * process; the bundle entry points are listed in `parsePool.ts`.
 *
 * Exit codes: 0 no errors (and warnings within `--max-warnings`), 1 problems found,
 * 2 bad usage, bad config or an internal error. A config with any problem is bad config,
 * whether named by `--config` or the default `.specline.yml`: checking with silently
 * substituted defaults would answer a different question than the one asked.
 */
import { parseArgs } from 'node:util';
import type { Analysis } from '../core/analysis/types.js';
import { ConfigError, SETTINGS } from '../core/config/loadConfig.js';
import { parseIsoDate, systemToday } from '../core/model/dates.js';
import type { DayNumber } from '../core/model/types.js';
import type { Command, OptionSpec } from './command.js';
import { budgetCommand } from './commands/budget.js';
import { checkCommand } from './commands/check.js';
import { convertCommand } from './commands/convert.js';
import { ganttCommand } from './commands/gantt.js';
import { initCommand, initHelp } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { roadmapCommand } from './commands/roadmap.js';
import { scheduleCommand } from './commands/schedule.js';
import { traceCommand } from './commands/trace.js';
import type { CliIO } from './io.js';
import { createColors, UsageError, wantsColor, writeTo } from './io.js';
import { createNodeWorkspace } from '../node/nodeWorkspace.js';
import { writeOutFile } from './outFile.js';
import { scopeToFiles, scopeToTrace } from './scope.js';
import { DEFAULT_CONFIG_FILE, inPaths, resolveTarget } from './target.js';
import { readVersion } from './version.js';

export type { CliIO } from './io.js';

export const COMMANDS: readonly Command[] = [checkCommand, scheduleCommand, ganttCommand, roadmapCommand, traceCommand, reportCommand, budgetCommand, convertCommand];

/** Options every command takes. `--format`'s help line is filled in per command. */
const SHARED_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', short: 'f', value: 'FORMAT', description: '' },
  today: { type: 'string', value: 'YYYY-MM-DD', description: 'the date taken as today (default: the system date)' },
  config: { type: 'string', value: 'FILE', description: `read FILE instead of ${DEFAULT_CONFIG_FILE}; it must exist and be valid` },
  root: { type: 'string', value: 'DIR', description: `the workspace root (default: the nearest folder with ${DEFAULT_CONFIG_FILE})` },
  out: { type: 'string', short: 'o', value: 'FILE', description: 'write the output to FILE instead of stdout (- is stdout)' },
  color: { type: 'boolean', description: 'colour the output even when stdout is not a terminal' },
  'no-color': { type: 'boolean', description: 'never colour the output (NO_COLOR works too)' },
  verbose: { type: 'boolean', description: 'say on stderr which root and config are used, and why' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', description: 'print the version' },
};

/** Runs `specline` with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch([...argv], io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeTo(io.stderr, `specline: ${error.message}\nhint: ${error.hint ?? 'run "specline --help" for usage.'}\n`);
      return 2;
    }
    // The stack trace helps whoever fixes the bug, not the user: only under SPECLINE_DEBUG=1.
    const detail = io.env['SPECLINE_DEBUG'] ? `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : '';
    writeTo(io.stderr, `specline: internal error${detail}\nhint: this is a bug in Specline; please report it with the command you ran (SPECLINE_DEBUG=1 prints the details).\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    writeTo(io.stderr, generalHelp());
    return 2;
  }
  if (first === '--version' || first === '-v') {
    writeTo(io.stdout, `${await readVersion()}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h') {
    writeTo(io.stdout, generalHelp());
    return 0;
  }
  if (first === 'help') {
    if (rest[0] === initCommand.name) {
      writeTo(io.stdout, initHelp());
      return 0;
    }
    const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
    writeTo(io.stdout, command ? commandHelp(command) : generalHelp());
    return 0;
  }
  // init writes files and reads no workspace, so it has its own argument handling.
  if (first === initCommand.name) return initCommand.main(rest, io);
  const command = findCommand(first);
  if (!command) {
    const what = first.startsWith('-') ? `option "${first}" before a command` : `unknown command "${first}"`;
    throw new UsageError(what, `commands are ${[...COMMANDS.map((c) => c.name), initCommand.name].join(', ')}; run "specline --help" for usage.`);
  }
  return runCommand(command, rest, io);
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

async function runCommand(command: Command, args: string[], io: CliIO): Promise<number> {
  const hint = `run "specline ${command.name} --help" for usage.`;
  const specs = { ...SHARED_OPTIONS, ...command.options };
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, specs),
      options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(describeParseError(error), hint);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help']) {
    writeTo(io.stdout, commandHelp(command));
    return 0;
  }
  if (values['version']) {
    writeTo(io.stdout, `${await readVersion()}\n`);
    return 0;
  }

  const format = stringValue(values, 'format') ?? command.formats[0];
  if (!command.formats.includes(format)) {
    throw new UsageError(`--format of ${command.name} must be ${listOr(command.formats)}, not "${format}"`, hint);
  }
  const today = parseToday(stringValue(values, 'today'));
  command.validate?.(values);
  const out = stringValue(values, 'out');
  if (out === '') throw new UsageError('--out needs a file name', hint);

  const target = await resolveTarget(io.cwd, {
    positionals: parsed.positionals,
    ...(stringValue(values, 'root') === undefined ? {} : { root: stringValue(values, 'root')! }),
    ...(stringValue(values, 'config') === undefined ? {} : { config: stringValue(values, 'config')! }),
  });
  if (values['verbose'] === true) {
    writeTo(io.stderr, `specline: root ${target.why.root}\nspecline: config ${target.why.config}\n`);
  }
  const workspace = createNodeWorkspace({
    root: target.root,
    today,
    // One command, one analysis: nothing waits on the event loop while files are read.
    blockingReads: true,
    ...threadsFromEnv(io.env),
    ...(io.env['SPECLINE_DEBUG'] ? { onFallback: (reason: string) => writeTo(io.stderr, `specline: parse threads unavailable, parsing in the main thread: ${reason}\n`) } : {}),
    ...(target.configPath === undefined ? {} : { configPath: target.configPath }),
  });
  try {
    await workspace.load();
  } catch (error) {
    if (isConfigError(error)) {
      throw new UsageError(`bad config: ${error.message}`, 'fix the file named by --config, or leave --config out to use the workspace default.');
    }
    throw error;
  }
  const configFile = target.configPath ?? DEFAULT_CONFIG_FILE;
  const configProblems = workspace.configProblems();
  if (configProblems.length > 0) {
    // A config read with fallbacks would silently check something else than the project asked for.
    const shown = stringValue(values, 'config') ?? configFile; // as the user wrote it, not root-relative
    const list = configProblems.map((d) => {
      const message = d.message.split(configFile).join(shown).replace(/\s*[\r\n]+\s*/g, ' ');
      return `  ${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${message}  ${d.code}`;
    });
    throw new UsageError(
      `bad config ${shown}: ${configProblems.length === 1 ? '1 problem' : `${configProblems.length} problems`}\n${list.join('\n')}`,
      `fix ${shown} (its settings are ${SETTINGS}).`,
    );
  }
  const indexed = workspace.files();
  if (parsed.positionals.length > 0 && target.paths.length === 0 && indexed.length === 0) {
    throw new UsageError(`no Markdown file in scope under ${parsed.positionals[0]}`, 'PATH must name Markdown files, or folders holding some, that include/exclude in .specline.yml take in.');
  }
  target.paths.forEach((p, i) => {
    // A PATH that selects nothing would pass with "0 files": the user meant something else.
    if (!indexed.some((file) => inPaths([p], file))) {
      throw new UsageError(`no Markdown file in scope under ${parsed.positionals[i] ?? p}`, 'PATH must name Markdown files, or folders holding some, that include/exclude in .specline.yml take in.');
    }
  });
  if (command.name === 'check' || command.name === 'report') {
    const { applyConfiguredBaseline, BaselineReader } = await import('../node/baseline.js');
    await applyConfiguredBaseline(workspace, new BaselineReader(target.root), typeof today === 'function' ? today() : today);
  }
  const narrow = (full: Analysis): Analysis => (command.scope === 'trace' ? scopeToTrace : scopeToFiles)(
    full,
    (file) => inPaths(target.paths, file),
    configFile,
  );
  const full = workspace.analyze();
  const analysis = narrow(full);
  if (io.env['SPECLINE_DEBUG']) {
    // Files the parser failed on say only "internal error"; the detail is for bug reports.
    for (const d of analysis.diagnostics) {
      if (typeof d.data?.['internalError'] === 'string') writeTo(io.stderr, `specline: internal error reading ${d.file}:
${d.data['internalError']}
`);
    }
  }

  const colors = createColors(wantsColor({ color: values['color'] === true, noColor: values['no-color'] === true, toFile: out !== undefined }, io));
  const result = await command.run({
    analysis, format, values, colors, version: await readVersion(), root: target.root, env: io.env, narrow, full, configFile, paths: target.paths,
    warn: (line) => writeTo(io.stderr, `specline: ${line}
`),
  });

  // `--out -` is stdout, as for most Unix tools.
  if (out === undefined || out === '-') {
    writeTo(io.stdout, result.output);
  } else {
    const inputs = new Set([...indexed, configFile]);
    await writeOutFile({ out, cwd: io.cwd, root: target.root, isInput: (file) => inputs.has(file) }, result.output);
  }
  return result.exitCode;
}

/**
 * `--max-warnings -1` as two words: `parseArgs` takes a value starting with "-" for an
 * option and refuses it, though -1 is a documented value. A negative number right after a
 * string option is joined to it (`--max-warnings=-1`), as the user plainly meant.
 */
function joinNegativeValues(args: string[], specs: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && specs[name]?.type === 'string' && next !== undefined && /^-\d+$/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function stringValue(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function parseToday(text: string | undefined): DayNumber | (() => DayNumber) {
  if (text === undefined) return () => systemToday();
  const day = parseIsoDate(text);
  if (day === undefined) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${text}"`, 'for example --today 2027-01-04.');
  return day;
}

/**
 * `SPECLINE_THREADS=N`: at most N parse threads (1 or 0: parse in the main thread);
 * `SPECLINE_THREAD_BYTES=N`: least text per extra thread (default 32 MiB). Ignored when not numbers.
 */
function threadsFromEnv(env: CliIO['env']): { parallel?: number; pool?: { bytesPerThread: number; minBytes: number } } {
  const threads = env['SPECLINE_THREADS'];
  const bytes = env['SPECLINE_THREAD_BYTES'];
  return {
    ...(threads !== undefined && /^\d+$/.test(threads.trim()) ? { parallel: Math.max(1, Number(threads.trim())) } : {}),
    ...(bytes !== undefined && /^\d+$/.test(bytes.trim()) ? { pool: { bytesPerThread: Number(bytes.trim()), minBytes: Math.min(Number(bytes.trim()), 256 * 1024) } } : {}),
  };
}

function isConfigError(error: unknown): error is Error {
  return error instanceof ConfigError || (error instanceof Error && error.name === 'ConfigError');
}

/** `parseArgs` messages run to several lines; keep the first, reworded where it helps. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown option "${unknown[1]}"`;
  return (message.split('\n')[0] ?? message).trim();
}

function listOr(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function generalHelp(): string {
  const listed = [...COMMANDS, initCommand];
  const width = Math.max(...listed.map((c) => c.name.length));
  return [
    'specline: docs-as-code planning. Checks, schedules and charts from Markdown plans.',
    '',
    'Usage: specline <command> [PATH…] [options]',
    '',
    'Commands:',
    ...listed.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "specline <command> --help" for its options. "specline --version" prints the version.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  // --format first, then what is particular to the command, then the shared options.
  const { format, ...shared } = SHARED_OPTIONS;
  const specs: Array<[string, OptionSpec]> = Object.entries({ format: format!, ...command.options, ...shared });
  const formats = command.formats.length === 1
    ? `${command.formats[0]} (the only format)`
    : `${command.formats[0]} (default), ${command.formats.slice(1).join(', ')}`;
  const rows = specs
    .filter(([name]) => name !== 'version')
    .map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
      return [flag, name === 'format' ? formats : spec.description] as const;
    });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: specline ${command.name} ${command.usage?.line ?? '[PATH…] [options]'}`,
    '',
    command.description,
    '',
    command.usage ? command.usage.paths : command.scope === 'trace'
      ? 'PATH limits the output to the items of these files or folders, with the goals, features and tasks they trace to.'
      : 'PATH limits the output to these files or folders; links still resolve across the whole workspace.',
    '',
    'Options:',
    ...rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
    command.exitCodes ?? (command.name === 'check'
      ? 'Exit codes: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 bad usage or config.'
      : 'Exit codes: 0 done, 2 bad usage or config.'),
    'Environment: NO_COLOR, FORCE_COLOR; SPECLINE_THREADS=N caps the threads that parse files (1: none),',
    'SPECLINE_THREAD_BYTES=N is the least text worth one more thread (default 32 MiB);',
    'SPECLINE_DEBUG=1 says when those threads cannot start.',
    '',
  ].join('\n');
}
