/**
 * Plain text of a short inline Markdown snippet (a title, a table cell, a value): drops
 * emphasis, code and strike markers and HTML comments, and keeps link text. Good enough for values and
 * titles; the source ranges always come from the raw text, never from this.
 *
 * Linear in the input: comments, links and autolinks are found by hand-written scans,
 * because the regexes they replace rescanned to the end of the text from every unclosed
 * `<!--`, `[` or `<` (a title of 200,000 `[a](` took minutes).
 */
export function plainInline(raw: string): string {
  // Most values are plain ("3d", "@ana", "T-1, T-2"): skip the scans for them.
  if (!INLINE_SYNTAX.test(raw)) return raw.trim();
  let s = stripComments(raw);
  s = keepLinkText(s, '(', ')');
  s = keepLinkText(s, '[', ']');
  s = unwrapAutolinks(s);
  return s
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown syntax, escapes, HTML, or whitespace other than single spaces. */
const INLINE_SYNTAX = /[[\]*_~`\\<!]|[^\S ]| {2}/;

/** `<!-- … -->` → a space. An unclosed comment is kept, as is everything after it. */
function stripComments(s: string): string {
  if (!s.includes('<!--')) return s;
  let out = '';
  let copied = 0;
  for (let i = s.indexOf('<!--'); i >= 0; i = s.indexOf('<!--', copied)) {
    const close = s.indexOf('-->', i + 4);
    if (close < 0) break;
    out += `${s.slice(copied, i)} `;
    copied = close + 3;
  }
  return out + s.slice(copied);
}

/**
 * `[text](dest)` (or `[text][ref]` with `(`/`)` → `[`/`]`), optionally with a leading `!`,
 * becomes `text`. The text holds no `]` and the destination no closing character, so every
 * `[` before the same `]` fails or succeeds alike: each stretch is scanned once.
 */
function keepLinkText(s: string, open: '(' | '[', close: ')' | ']'): string {
  if (!s.includes(`]${open}`)) return s;
  let out = '';
  let copied = 0;
  let bracket = -2;
  let dest = -2;
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    if (bracket < i + 1) bracket = s.indexOf(']', i + 1);
    if (bracket < 0) break;
    if (s[bracket + 1] !== open) {
      i = bracket;
      continue;
    }
    if (dest !== -1 && dest < bracket + 2) dest = s.indexOf(close, bracket + 2);
    if (dest < 0) break;
    const start = i > copied && s[i - 1] === '!' ? i - 1 : i;
    out += s.slice(copied, start) + s.slice(i + 1, bracket);
    copied = dest + 1;
    i = dest;
  }
  return out + s.slice(copied);
}

/** `<https://…>` and `<mailto:…>` (no spaces inside) become their address. */
function unwrapAutolinks(s: string): string {
  if (!s.includes('<')) return s;
  let out = '';
  let copied = 0;
  /** A `<` before this index has no `>` before a space. */
  let stop = 0;
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    if (i < stop || !AUTOLINK_SCHEME.test(s.slice(i + 1, i + 8))) continue;
    let j = i + 1;
    while (j < s.length && s[j] !== '>' && !/\s/.test(s[j]!)) j++;
    if (s[j] !== '>') {
      stop = j;
      continue;
    }
    out += s.slice(copied, i) + s.slice(i + 1, j);
    copied = j + 1;
    i = j;
  }
  return out + s.slice(copied);
}

const AUTOLINK_SCHEME = /^(?:https?|mailto):/;
