// Plain mermaid in a Chromium page, for the benchmarks that compare a Specline chart with
// what mermaid does with the same chart's text (bench/preview.mjs, bench/ganttExport.mjs).
/* global document, requestAnimationFrame */
import { MEDIA, nonce, openDocument } from '../test/browser/chromium.mjs';

/**
 * Renders mermaid `text` with the bundled media/mermaid.min.js (securityLevel strict, the
 * webview's gantt settings), inserts the SVG, and times until that frame is painted. The
 * script's own loading is not counted.
 */
export async function mermaidPaint(text) {
  const pageNonce = nonce();
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><script nonce="${pageNonce}" src="${MEDIA}mermaid.min.js"></script></head><body><div id="chart"></div></body></html>`;
  const doc = await openDocument({ html, media: ['mermaid.min.js'] });
  try {
    return await doc.page.evaluate((src) => new Promise((resolve, reject) => {
      const mermaid = globalThis.mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 5_000_000, maxEdges: 50_000, gantt: { useMaxWidth: false, barHeight: 16, barGap: 4, fontSize: 11, sectionFontSize: 12 } });
      const t0 = performance.now();
      mermaid.render('bench', src).then(({ svg }) => {
        const chart = document.getElementById('chart');
        chart.innerHTML = svg;
        requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, rects: chart.querySelectorAll('rect').length }), 0));
      }, reject);
    }), text);
  } finally {
    await doc.close();
  }
}
