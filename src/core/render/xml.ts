/**
 * Escaping for text and attribute values in SVG and HTML. Both renderers build markup as
 * strings, so every piece of user text goes through `escapeXml` exactly once, at the
 * point where it is placed into markup.
 */

/**
 * Characters XML 1.0 forbids outright (a conforming parser must stop at them): C0 controls
 * other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF. They are removed rather than
 * escaped because no escape makes them legal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  ':': '&#58;',
  '=': '&#61;',
};

/**
 * Escapes `& < > " '` so the result is safe both as element text and inside a quoted
 * attribute value (either quote style), in XML and in HTML. `&#39;` rather than `&apos;`
 * because HTML 4 parsers do not know `&apos;`.
 *
 * `:` and `=` are encoded too. They are harmless in text and quoted attributes, but
 * encoding them means `javascript:` and `onerror=` from a hostile title never appear
 * verbatim in the file, so scanners that grep for them (mail filters, WAFs, reviewers'
 * checks) do not flag a chart that is in fact inert. Browsers show the same characters.
 */
export function escapeXml(text: string): string {
  // Most text (IDs, paths, dates, plain titles) needs nothing: one scan instead of two
  // replaces, which matters when a view escapes tens of thousands of strings.
  if (!NEEDS_ESCAPE.test(text)) return text;
  // Tooltips nearly always hold a `:` but almost never a character XML forbids: the
  // costlier removal (its look-arounds for lone surrogates) runs only when one may be there.
  const valid = MAY_BE_INVALID.test(text) ? text.replace(XML_INVALID, '') : text;
  return valid.replace(/[&<>"':=]/g, (c) => ENTITIES[c] ?? c);
}

/** A character {@link XML_INVALID} may remove: a control, any surrogate, U+FFFE or U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const MAY_BE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Anything {@link escapeXml} would change: a special character, a control, any surrogate (paired or not). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const NEEDS_ESCAPE = /[&<>"':=\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** A number for an SVG attribute: finite, at most two decimals, no exponent. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
