/** The ID grammar of docs/format.md#ids-and-kinds: `PREFIX-NUMBER` with an optional dotted suffix. */
export const ID_SOURCE = String.raw`\b[A-Z][A-Z0-9]*-\d+(?:\.\d+)*\b`;

/** A fresh global regex for scanning (global regexes carry state, so never share one). */
export function idRegexGlobal(): RegExp {
  return new RegExp(ID_SOURCE, 'g');
}

const WHOLE_ID = new RegExp(`^${ID_SOURCE}$`);

/** True when `text` is exactly one ID (prefix not checked). */
export function isIdShape(text: string): boolean {
  return WHOLE_ID.test(text);
}

/** The prefix of an ID: `FEAT` for `FEAT-12.3`. */
export function idPrefix(id: string): string {
  return id.slice(0, id.indexOf('-'));
}
