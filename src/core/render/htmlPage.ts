// The page's own styles (body, headings, legend), under the given view's.
import BASE_CSS from './htmlPage.css.js';
import { cleanLine } from './text.js';
import { escapeXml } from './xml.js';

/**
 * The Content-Security-Policy of every page Specline writes: nothing may load or run,
 * only inline styles and `data:` images. Set as a meta element so the file is safe when
 * opened straight from disk, where no server sends headers.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * A self-contained HTML document: doctype, charset, the strict CSP, an escaped title,
 * and the given body. `css` and `body` must already be safe markup; the title is user
 * text and escaped here.
 */
export function htmlPage(title: string, css: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(cleanLine(title, 200))}</title>`,
    `<style>${BASE_CSS}${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
