/**
 * Plain text of a short inline Markdown snippet (a title, a table cell, a value): drops
 * emphasis, code and strike markers and HTML comments, and keeps link text. Good enough for values and
 * titles; the source ranges always come from the raw text, never from this.
 */
export function plainInline(raw: string): string {
  // Most values are plain ("3d", "@ana", "T-1, T-2"): skip the regex chain for them.
  if (!INLINE_SYNTAX.test(raw)) return raw.trim();
  return raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown syntax, escapes, HTML, or whitespace other than single spaces. */
const INLINE_SYNTAX = /[[\]*_~`\\<!]|[^\S ]| {2}/;

/** Strips emphasis/code wrappers right around an ID: `**T-1**`, `` `T-1` ``. */
export const ID_WRAPPER = /[*_`~]/;
