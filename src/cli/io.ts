/** A sink for text: a stream (`process.stdout`) or a plain function (tests). */
export type TextSink = { write(text: string): unknown } | ((text: string) => void);

/** Everything `main` needs from the process, injected so it runs in-process in tests. */
export interface CliIO {
  stdout: TextSink;
  stderr: TextSink;
  /** Directory PATH arguments, `--root`, `--config` and `--out` are relative to. */
  cwd: string;
  /** Whether stdout is a terminal (colours are on only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export function writeTo(sink: TextSink, text: string): void {
  if (typeof sink === 'function') sink(text);
  else sink.write(text);
}

/**
 * Thrown for problems the user fixes on the command line or in the config; `main` turns
 * it into a message, a hint and exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** ANSI styling that collapses to identity functions when colour is off. */
export interface Colors {
  enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export function createColors(enabled: boolean): Colors {
  const style = (open: number, close: number) => (text: string): string =>
    enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    red: style(31, 39),
    yellow: style(33, 39),
    blue: style(34, 39),
    green: style(32, 39),
    dim: style(2, 22),
    bold: style(1, 22),
    underline: style(4, 24),
  };
}

/**
 * Colour policy: `--no-color` wins, then `--color`, then `NO_COLOR` (any non-empty
 * value, per no-color.org), then `FORCE_COLOR`, then "stdout is a terminal that is not
 * dumb". Output written to a file (`--out`) is never coloured.
 */
export function wantsColor(flags: { color?: boolean; noColor?: boolean; toFile: boolean }, io: CliIO): boolean {
  if (flags.noColor || flags.toFile) return false;
  if (flags.color) return true;
  if (io.env['NO_COLOR']) return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return io.isTTY && io.env['TERM'] !== 'dumb';
}
