import { cleanLine } from './text.js';
import { escapeXml } from './xml.js';

/**
 * The Content-Security-Policy of every page Specline writes: nothing may load or run,
 * only inline styles and `data:` images. Set as a meta element so the file is safe when
 * opened straight from disk, where no server sends headers.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const BASE_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 16px 24px; font: 14px/1.45 var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  color: var(--vscode-editor-foreground, #222); background: var(--vscode-editor-background, #fff); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.sl-meta { color: var(--vscode-descriptionForeground, #666); margin: 0 0 16px; }
.sl-scroll { overflow: auto; border: 1px solid var(--vscode-panel-border, #ddd); }
.sl-legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 20px; }
.sl-legend li { display: flex; align-items: center; gap: 6px; }
.sl-legend svg { flex: none; }
`;

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
