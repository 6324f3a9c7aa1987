import { mkdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseIsoDate, systemToday } from '../../core/model/dates.js';
import type { DayNumber } from '../../core/model/types.js';
import type { StarterFile } from '../../core/views/starterFiles.js';
import { starterSet } from '../../core/views/starterFiles.js';
import type { CliIO } from '../io.js';
import { UsageError, writeTo } from '../io.js';

/** What `init` did, by path relative to DIR, in the order of the starter set. */
export interface InitResult {
  created: string[];
  kept: string[];
}

const HINT = 'run "specline init --help" for usage.';

/**
 * `specline init [DIR]`: writes the starter roadmap, spec, plan and a commented
 * `.specline.yml` into DIR (default: the current folder), the same set as the editor's
 * "Create Starter Plan". It reads no workspace, so it is not a `Command` over an analysis.
 *
 * Never overwrites: a file that exists is listed and kept, and each file is created with
 * `wx`, so one that appears meanwhile is kept too. Exit 0 when every starter file is
 * there afterwards (created now or kept, so running it twice is harmless, like `git init`),
 * 2 on bad usage or when DIR or a file cannot be written.
 */
export const initCommand = {
  name: 'init',
  summary: 'create a starter roadmap, spec, plan and .specline.yml',
  async main(args: readonly string[], io: CliIO): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: { today: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error instanceof Error ? error.message : String(error)).split('\n')[0]!, HINT);
    }
    if (parsed.values.help) {
      writeTo(io.stdout, initHelp());
      return 0;
    }
    if (parsed.positionals.length > 1) throw new UsageError('init takes one folder at most', HINT);
    const today = parseToday(parsed.values.today);
    const shown = parsed.positionals[0] ?? '.';
    const dir = path.resolve(io.cwd, shown);
    const result = await writeStarterSet(dir, shown, starterSet(today));

    const lines: string[] = [];
    if (result.created.length > 0) lines.push(`Created in ${shown}:`, ...result.created.map((f) => `  ${f}`));
    if (result.kept.length > 0) lines.push('Kept (already there, not changed):', ...result.kept.map((f) => `  ${f}`));
    if (result.created.length === 0) lines.push('Nothing to do: every starter file already exists.');
    else if (result.kept.length > 0) lines.push('The starter files link to each other (G-1, FEAT-1, T-1…); adapt the kept ones or expect some unknown IDs.');
    lines.push('', `Next: specline check ${shown === '.' ? '' : shown}`.trimEnd(), '');
    writeTo(io.stdout, lines.join('\n'));
    return 0;
  },
};

async function writeStarterSet(dir: string, shown: string, files: readonly StarterFile[]): Promise<InitResult> {
  const kind = await stat(dir).then((s) => (s.isDirectory() ? 'dir' : 'other'), () => undefined);
  if (kind === 'other') throw new UsageError(`${shown} is not a folder`, 'name a folder to create the starter plan in (it is created when missing).');
  const result: InitResult = { created: [], kept: [] };
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // `wx`: fails when the file exists, so nothing is ever overwritten, even in a race.
      await writeFile(target, file.text, { flag: 'wx' });
      result.created.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        result.kept.push(file.path);
        continue;
      }
      const written = result.created.length > 0 ? ` (created so far: ${result.created.join(', ')})` : '';
      throw new UsageError(
        `cannot write ${path.posix.join(shown, file.path)}: ${error instanceof Error ? error.message : String(error)}${written}`,
        'run init in a folder you can write to.',
      );
    }
  }
  return result;
}

function parseToday(text: string | undefined): DayNumber {
  if (text === undefined) return systemToday();
  const day = parseIsoDate(text);
  if (day === undefined) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${text}"`, 'for example --today 2027-01-04.');
  return day;
}

export function initHelp(): string {
  return [
    'Usage: specline init [DIR] [options]',
    '',
    'Writes a starter roadmap (roadmap.md), feature spec (specs/FEAT-1.md), project plan',
    '(plans/plan.md) and a commented .specline.yml into DIR (default: the current folder;',
    'created when missing). The plan starts on the first Monday on or after today.',
    'Existing files are never overwritten: they are listed and kept.',
    '',
    'Options:',
    '      --today YYYY-MM-DD  the date taken as today (default: the system date)',
    '  -h, --help              show this help',
    '',
    'Exit codes: 0 every starter file is there (created now or kept), 2 bad usage or a file',
    'that cannot be written.',
    '',
  ].join('\n');
}
