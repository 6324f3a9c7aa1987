// Loads Specline's pages into Debian's Chromium (playwright-core) the way VS Code would show
// them, and records everything an injected payload could do: the canary, dialogs, every
// request, CSP violations, console errors and the messages the page posts to the "host".
//
// The pages are served from a fake origin (https://specline.test) by `context.route`, which
// sees every request the page makes: only the page itself and the media files we list may
// load; anything else is recorded and aborted, so nothing ever leaves the machine.
/* global window, document, requestAnimationFrame */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureSystemPackages } from '../../scripts/vscode/codeServer.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The webview's origin (VS Code: https://*.vscode-resource.vscode-cdn.net); stands in for `webview.cspSource`. */
export const ORIGIN = 'https://specline.test';
export const MEDIA = `${ORIGIN}/media/`;
const MEDIA_FILES = { 'preview.js': 'text/javascript', 'preview.css': 'text/css', 'mermaid.min.js': 'text/javascript', 'markdown-preview.css': 'text/css' };

/** Runs first in every document: the canary's sensors. Injected code could only set, never clear, what the tests read. */
const SENSORS = `
  window.slCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.slCsp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, line: e.lineNumber, source: e.sourceFile });
  });
  // Target of "click … call pwn()" payloads: if mermaid ever wired a callback, it sets the canary.
  window.pwn = () => { window.slPwned = 1; };
`;

let browserPromise;
/** One Chromium for the whole mocha run (closed by {@link closeBrowser}). */
export async function browser() {
  browserPromise ??= (async () => {
    await ensureSystemPackages({ packages: ['chromium'] });
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  })();
  return browserPromise;
}

export async function closeBrowser() {
  if (!browserPromise) return;
  const b = await browserPromise.catch(() => undefined);
  browserPromise = undefined;
  await b?.close();
}

/** A fresh random nonce, as the panel makes one per page load. */
export function nonce() {
  return randomBytes(18).toString('base64');
}

/**
 * Opens `html` at `${ORIGIN}/${path}` in a fresh context and returns the page with its
 * recordings. `media` lists the media file names this page may load.
 * @param {{ html: string, path?: string, contentType?: string, media?: string[], viewport?: { width: number, height: number } }} options
 */
export async function openDocument({ html, path = 'index.html', contentType = 'text/html; charset=utf-8', media = [], viewport = { width: 1400, height: 900 } }) {
  const context = await (await browser()).newContext({ viewport, javaScriptEnabled: true, serviceWorkers: 'block' });
  const rec = { requests: [], blocked: [], dialogs: [], console: [], pageErrors: [] };
  const pageUrl = `${ORIGIN}/${path}`;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    rec.requests.push(url);
    if (url === pageUrl) return route.fulfill({ status: 200, contentType, body: html });
    if (url.startsWith(MEDIA)) {
      const name = url.slice(MEDIA.length);
      if (media.includes(name) && MEDIA_FILES[name]) {
        return route.fulfill({ status: 200, contentType: MEDIA_FILES[name], body: readFileSync(join(ROOT, 'media', name)) });
      }
    }
    rec.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(SENSORS);
  const page = await context.newPage();
  page.on('dialog', (d) => { rec.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => {}); });
  page.on('console', (m) => rec.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => rec.pageErrors.push(String(e?.message ?? e)));
  page.on('popup', (p) => rec.blocked.push(`popup ${p.url()}`));
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, context, rec, close: () => context.close() };
}

/** What the sensors saw: canary, CSP violations. */
export async function sensors(page) {
  return page.evaluate(() => ({ pwned: Boolean(window.slPwned) || Boolean(window.top?.slPwned), csp: window.slCsp ?? [] }));
}

/** The stub VS Code injects as `acquireVsCodeApi`; records posted messages in `window.slPosted`. */
export function vscodeApiStub(stubNonce) {
  return `<script nonce="${stubNonce}">
    window.slPosted = [];
    (() => {
      let state;
      let acquired = false;
      window.acquireVsCodeApi = () => {
        if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
        acquired = true;
        return {
          postMessage: (m) => { window.slPosted.push(JSON.parse(JSON.stringify(m))); },
          getState: () => state,
          setState: (s) => { state = s; },
        };
      };
    })();
  </script>`;
}

/** Inserts VS Code's API stub before the page's own script, with the page's nonce. */
export function withVsCodeApi(pageHtml, pageNonce) {
  const at = pageHtml.indexOf('<script nonce=');
  if (at < 0) throw new Error('the page has no nonce script');
  return pageHtml.slice(0, at) + vscodeApiStub(pageNonce) + pageHtml.slice(at);
}

/** Removes the CSP meta element: the same page relying on escaping alone (defence in depth). */
export function withoutCsp(pageHtml) {
  const out = pageHtml.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  if (out === pageHtml) throw new Error('the page has no CSP meta element');
  return out;
}

/**
 * VS Code's Markdown preview CSP in its default "strict" setting (extensions/markdown-
 * language-features, previewContentProvider): remote images are allowed there, so an
 * escaping bug would show as a request in the route recording.
 */
export function markdownPreviewCsp(cspSource, pageNonce) {
  return [
    "default-src 'none'",
    `img-src 'self' ${cspSource} https: data:`,
    `media-src 'self' ${cspSource} https: data:`,
    `script-src 'nonce-${pageNonce}'`,
    `style-src 'self' ${cspSource} 'unsafe-inline' https: data:`,
    `font-src 'self' ${cspSource} https: data:`,
  ].join('; ');
}

/** All text a user can see or hear in the page: text nodes, our tooltips, option labels, accessible names. */
export async function visibleText(page) {
  return page.evaluate(() => {
    const parts = [document.body.textContent ?? ''];
    for (const el of document.querySelectorAll('[data-tip], [aria-label], [title]')) {
      parts.push(el.getAttribute('data-tip') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join('\n');
  });
}

/**
 * Elements and attributes that must never appear in a rendered chart, whatever the input:
 * anything that runs script, loads a resource or navigates.
 */
export async function dangerousMarkup(page) {
  return page.evaluate(() => {
    const found = [];
    const scripts = [...document.querySelectorAll('script')].filter((s) => !(s.src && s.src.startsWith('https://specline.test/media/')) && !s.nonce);
    for (const s of scripts) found.push(`script: ${s.outerHTML.slice(0, 80)}`);
    for (const tag of ['iframe', 'object', 'embed', 'foreignObject', 'base', 'form', 'meta[http-equiv="refresh"]', 'img', 'image', 'animate', 'set', 'use', 'a[href^="javascript"]']) {
      for (const el of document.querySelectorAll(tag)) found.push(`${tag}: ${el.outerHTML.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|xlink:href|action|formaction)$/i.test(a.name)) found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
      }
    }
    return found;
  });
}

/** Waits for two animation frames: the content is laid out and painted. */
export function nextPaint(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
