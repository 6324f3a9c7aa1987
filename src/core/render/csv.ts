/**
 * CSV per RFC 4180: CRLF between records, a field quoted when it contains a comma, a
 * double quote, CR or LF, and double quotes inside doubled.
 */
export const CSV_EOL = '\r\n';

/**
 * Spreadsheets run a cell that starts with one of these as a formula (CSV injection,
 * OWASP): `=`, `+`, `-`, `@`, tab and CR, and the fullwidth forms some spreadsheets
 * normalise to them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field. `text` marks user text: it gets a leading `'` when it would start a
 * formula. Generated values (IDs, dates, numbers, booleans) are never prefixed: IDs and
 * dates cannot start with those characters, and a negative number must stay a number.
 */
export function csvField(value: string | number | boolean | undefined | null, text = false): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (text && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record (without the line break). */
export function csvRecord(fields: string[]): string {
  return fields.join(',');
}
