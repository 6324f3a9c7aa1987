import type { BlockOptions } from './blockOptions.js';
import type { Choice } from './toolbar.js';

/**
 * One chart option with a fixed set of values, described once: the CLI flag, the fenced-block
 * keys, the preview toolbar and the restore path all read it from here, so a value added to
 * the schema is accepted everywhere at once and a spelling can never drift between them.
 */
export interface ChoiceSchema<T extends string> {
  /** Key in the preview's state and toolbar (`data-option`). */
  readonly key: string;
  /** `--flag` spelling on the CLI; absent when the command has no such option. */
  readonly flag?: string;
  /** Help placeholder of the flag (`KEY`, `SCALE`). */
  readonly placeholder?: string;
  /** Fenced-block keys, lowercase: the first is the documented one, the others are accepted aliases. */
  readonly block?: readonly string[];
  /** Toolbar label (read by screen readers). */
  readonly label: string;
  /** Help text before the value list, e.g. "group bars by". */
  readonly help: string;
  /**
   * Every value, in toolbar order, with its toolbar label and an optional note for the help
   * line. A `Record` over the value type, so the compiler insists on every value.
   */
  readonly values: Readonly<Record<T, { readonly label: string; readonly note?: string }>>;
  readonly default: T;
}

/** The values of an option, in toolbar order. */
export function choiceValues<T extends string>(schema: ChoiceSchema<T>): T[] {
  return Object.keys(schema.values) as T[];
}

/** `value` when the option allows it, else undefined. */
export function parseChoice<T extends string>(schema: ChoiceSchema<T>, value: unknown): T | undefined {
  return typeof value === 'string' ? choiceValues(schema).find((v) => v === value) : undefined;
}

/** `value` when allowed, else the default: the restore path of persisted or posted state. */
export function restoreChoice<T extends string>(schema: ChoiceSchema<T>, value: unknown): T {
  return parseChoice(schema, value) ?? schema.default;
}

/** "a, b or c". */
export function listChoices(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The CLI help line: "group bars by section (default) or feature". */
export function choiceHelp<T extends string>(schema: ChoiceSchema<T>): string {
  const items = choiceValues(schema).map((v) => {
    const notes = [...(v === schema.default ? ['default'] : []), ...(schema.values[v].note ? [schema.values[v].note] : [])];
    return notes.length > 0 ? `${v} (${notes.join(', ')})` : v;
  });
  return [schema.help, listChoices(items)].filter(Boolean).join(' ');
}

/** The CLI option for a schema (shaped as the CLI's option spec): `{ 'group-by': { … } }`. */
export function cliChoiceOption<T extends string>(schema: ChoiceSchema<T>): Record<string, { type: 'string'; value: string; description: string }> {
  if (!schema.flag) return {};
  return { [schema.flag]: { type: 'string', value: schema.placeholder ?? 'VALUE', description: choiceHelp(schema) } };
}

/**
 * The option's value in a fenced block, under any of its spellings: undefined when absent
 * or not allowed (a problem is then added to `errors`, shown under the chart).
 */
export function blockChoice<T extends string>(schema: ChoiceSchema<T>, options: BlockOptions, errors: string[]): T | undefined {
  const keys = schema.block ?? [];
  const key = keys.find((k) => options.has(k));
  if (key === undefined) return undefined;
  const text = options.get(key);
  const value = parseChoice(schema, text);
  if (value === undefined) errors.push(`${keys[0]} must be ${listChoices(choiceValues(schema))}`);
  return value;
}

/** The toolbar's choices: each value with its label. */
export function toolbarChoices<T extends string>(schema: ChoiceSchema<T>): Choice[] {
  return choiceValues(schema).map((value) => ({ value, label: schema.values[value].label }));
}
