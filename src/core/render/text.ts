/**
 * Text hygiene shared by every renderer. Titles, owners and section names come from
 * user documents, so before any format-specific escaping they are reduced to one
 * printable line: the renderers (mermaid, SVG, Markdown tables) are all line-oriented,
 * and invisible characters are how injected text hides from a reviewer.
 */

/**
 * Characters removed outright: C0/C1 controls (NUL breaks XML and C strings), DEL,
 * bidi embeddings/overrides/isolates ("trojan source": text that reads differently than
 * it parses), zero-width characters and the BOM, and the non-characters U+FFFE/U+FFFF.
 * Tab, LF, CR, VT, FF and NEL are not here: they are whitespace and collapse to a space.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFFE\uFFFF]/g;

/** A surrogate half without its partner: not valid UTF-16, not encodable as UTF-8 or XML. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** JS `\s` covers Unicode spaces, NEL, U+2028/U+2029 and the BOM. */
const WHITESPACE_RUN = /[\s\u0085]+/g;

/** Default cap on user text in one label: long enough for real titles, short enough for a chart. */
export const DEFAULT_MAX_LENGTH = 120;

/**
 * One printable line: invisible characters removed, lone surrogates replaced by U+FFFD,
 * every run of whitespace (newlines, U+2028/U+2029, tabs…) collapsed to one space,
 * trimmed, and capped at `maxLength` code points (an ellipsis marks the cut).
 */
export function cleanLine(text: string | undefined, maxLength: number = DEFAULT_MAX_LENGTH): string {
  if (!text) return '';
  // A long text (a diagnostic naming thousands of tasks, shown in every bar's tooltip) is
  // cleaned in a prefix first. Cleaning is local, so the prefix's cleaned form differs from
  // the whole one's only in its last character or two: with two spare code points past the
  // cap, the truncated result is the same, at a cost bounded by the cap, not the text.
  const prefix = 4 * Math.max(0, maxLength) + 64;
  if (text.length > prefix) {
    const head = clean(text.slice(0, prefix));
    if (Array.from(head).length >= maxLength + 2) return truncate(head, maxLength);
  }
  return truncate(clean(text), maxLength);
}

/**
 * Text that is already one printable line: printable ASCII words separated by single
 * spaces. Most titles, IDs and owners are; a chart draws thousands of them per render, so
 * they skip the four replacements (which would return them unchanged).
 */
const PLAIN_LINE = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;

/** A UTF-16 surrogate: where a code point takes two code units. */
const SURROGATE = /[\uD800-\uDFFF]/;

function clean(text: string): string {
  if (PLAIN_LINE.test(text)) return text;
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE_RUN, ' ')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** Caps text at `maxLength` code points (never splitting a surrogate pair), ending in "…" when cut. */
export function truncate(text: string, maxLength: number): string {
  if (maxLength <= 0) return '';
  // Cheap check first: UTF-16 length is an upper bound of the code-point count.
  if (text.length <= maxLength) return text;
  // Without surrogates every code unit is a code point: cut the string itself.
  if (!SURROGATE.test(text)) return text.slice(0, maxLength - 1).trimEnd() + '…';
  const points = Array.from(text);
  if (points.length <= maxLength) return text;
  return points.slice(0, maxLength - 1).join('').trimEnd() + '…';
}

/** `@ana` and `ana` name the same person; comparisons ignore case and the `@`. */
export function ownerKey(owner: string): string {
  return owner.trim().replace(/^@+/, '').toLowerCase();
}

/** Percent for display: integer, clamped to 0–100. */
export function percent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(100, Math.round(value)));
}
