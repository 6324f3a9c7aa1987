import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';
import type { PreviewKind } from './protocol.js';

/** What the page shell needs from the host; every URI is the webview's own resource URI. */
export interface PreviewPageOptions {
  kind: PreviewKind;
  title: string;
  /** `webview.cspSource`: the origin of the extension's media. */
  cspSource: string;
  /** A fresh random nonce for this page load (base64, at least 128 bits). */
  nonce: string;
  /** The generic preview script (`media/preview.js`). */
  scriptUri: string;
  /** Stylesheets from the extension's media. */
  styleUris: string[];
  /** Loaded on demand, with the same nonce, only when a view asks for mermaid. */
  mermaidUri?: string;
  /** View CSS from the core (static text of ours: no user input). */
  inlineCss?: string;
  /** The chart may be edited by dragging (a trusted workspace and a view that edits). */
  editable?: boolean;
}

/**
 * The Content-Security-Policy of a preview webview:
 * - `default-src 'none'`: nothing loads unless listed below (no fetch, no frames, no fonts
 *   from elsewhere, no forms, no media);
 * - scripts only with this page's nonce, and only our media files carry it;
 * - styles from our media plus inline ones: mermaid writes `<style>` and `style=""` into its
 *   SVG, and a nonce would make browsers ignore `'unsafe-inline'`. Styles cannot run code,
 *   and with every fetch directive closed a CSS `url()` cannot leave the page;
 * - images only from our media, `data:` and `blob:` (the PNG export draws the chart from a
 *   blob URL).
 */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const attr = (value: string): string => escapeXml(value);

/**
 * The HTML of a preview webview: the CSP, the toolbar and content containers the generic
 * script fills from `render` messages, and the script itself. No document text is in the
 * shell; content arrives by message, so a reload never runs stale markup.
 */
export function previewPageHtml(options: PreviewPageOptions): string {
  const { nonce } = options;
  const styles = options.styleUris.map((uri) => `<link rel="stylesheet" href="${attr(uri)}">`);
  const inline = options.inlineCss ? `<style>${options.inlineCss.replace(/</g, '\\3c ')}</style>` : '';
  const mermaid = options.mermaidUri ? ` data-mermaid="${attr(options.mermaidUri)}"` : '';
  const editable = options.editable ? ' data-editable="true"' : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(options.cspSource, nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(cleanLine(options.title, 200))}</title>`,
    ...styles,
    inline,
    '</head>',
    `<body class="sl-preview sl-${options.kind}" data-kind="${options.kind}"${mermaid}${editable}>`,
    '<header id="sl-toolbar" class="sl-toolbar" role="toolbar"></header>',
    '<main id="sl-content" class="sl-content" tabindex="-1"><p class="sl-loading">Loading…</p></main>',
    '<div id="sl-tooltip" class="sl-tooltip" role="tooltip" hidden></div>',
    `<script nonce="${attr(nonce)}" src="${attr(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
