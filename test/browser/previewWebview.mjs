// A preview webview page exactly as a panel builds it (`previewPageHtml` with its CSP and
// a fresh nonce, media/preview.js, VS Code's API stubbed), served from the fake origin
// and ready for host messages. Shared by the browser tests and bench/preview.mjs.
import { MEDIA, nonce, openDocument, ORIGIN, withoutCsp, withVsCodeApi } from './chromium.mjs';

const { previewPageHtml } = await import(new URL('../../out/src/core/views/previewPage.js', import.meta.url).href);

/**
 * Opens the page and waits for its `ready` message.
 * @param {{ kind: string, inlineCss?: string, usesMermaid?: boolean, csp?: boolean, title?: string, viewport?: { width: number, height: number }, editable?: boolean }} options
 */
export async function openPreviewWebview({ kind, inlineCss, usesMermaid = false, csp = true, title = kind, viewport, editable = false }) {
  const pageNonce = nonce();
  let html = withVsCodeApi(previewPageHtml({
    kind, title, cspSource: ORIGIN, nonce: pageNonce, scriptUri: `${MEDIA}preview.js`, styleUris: [`${MEDIA}preview.css`],
    ...(usesMermaid ? { mermaidUri: `${MEDIA}mermaid.min.js` } : {}),
    ...(inlineCss ? { inlineCss } : {}),
    ...(editable ? { editable } : {}),
  }), pageNonce);
  if (!csp) html = withoutCsp(html);
  const doc = await openDocument({ html, media: ['preview.js', 'preview.css', 'mermaid.min.js'], ...(viewport ? { viewport } : {}) });
  await doc.page.waitForFunction(() => globalThis.slPosted?.some((m) => m.type === 'ready'));
  return doc;
}
