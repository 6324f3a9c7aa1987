import { mdText } from '../render/markdown.js';

/**
 * User text (titles, owners, messages, paths) → inline Markdown that shows exactly that
 * text in a hover. Builds on the renderers' `mdText` (no emphasis, code spans, links,
 * images or raw HTML can form; `|` escaped; one line) and also breaks GFM's bare
 * autolinks, which VS Code's hover renderer turns into links: `scheme://`, `www.` and
 * e-mail addresses (`a@b.c`). The backslash escapes render invisibly.
 */
export function escapeMarkdown(text: string | undefined, maxLength = 200): string {
  return mdText(text, maxLength)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}
