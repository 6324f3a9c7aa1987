import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { previewCsp, previewPageHtml } from '../../../src/core/views/previewPage.js';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const NONCE = 'q1w2e3r4t5y6u7i8o9p0AbCd';

describe('preview page and its Content-Security-Policy', () => {
  it('has exactly the policy of a locked-down webview', () => {
    assert.equal(previewCsp(SOURCE, NONCE), [
      "default-src 'none'",
      `script-src 'nonce-${NONCE}'`,
      `style-src ${SOURCE} 'unsafe-inline'`,
      `img-src ${SOURCE} data: blob:`,
      `font-src ${SOURCE}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '));
    // Nothing may be loaded from anywhere else, nor evaluated.
    const csp = previewCsp(SOURCE, NONCE);
    assert.doesNotMatch(csp, /unsafe-eval|\bhttps?:(?!\/\/file\+)|\*|connect-src|frame-src/);
  });

  const page = previewPageHtml({
    kind: 'gantt',
    title: 'Gantt: <img src=x onerror=alert(1)> & "plans"',
    cspSource: SOURCE,
    nonce: NONCE,
    scriptUri: `${SOURCE}/ext/media/preview.js`,
    styleUris: [`${SOURCE}/ext/media/preview.css`],
    mermaidUri: `${SOURCE}/ext/media/mermaid.min.js`,
    inlineCss: '.a { fill: red; } </style><script>alert(1)</script>',
  });

  it('puts the policy in the first meta of the head, escaped as an attribute', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    assert.ok(meta, 'a CSP meta element');
    assert.equal(meta[1]!.replace(/&#39;/g, "'").replace(/&#58;/g, ':').replace(/&#61;/g, '='), previewCsp(SOURCE, NONCE));
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<link'), 'the policy comes before any resource');
  });

  it('loads one script, from media, with the nonce, and has no inline script', () => {
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, new RegExp(`^<script nonce="${NONCE}" src="[^"]*/media/preview\\.js">$`));
    assert.doesNotMatch(page, /<script>|alert\(1\)<\/script>|\son\w+="/);
    assert.match(page, /<link rel="stylesheet" href="[^"]*\/media\/preview\.css">/);
    assert.match(page, /data-mermaid="[^"]*\/media\/mermaid\.min\.js"/);
  });

  it('escapes the title and keeps inline CSS inside its style element', () => {
    assert.match(page, /<title>Gantt&#58; &lt;img src&#61;x onerror&#61;alert\(1\)&gt; &amp; &quot;plans&quot;<\/title>/);
    assert.equal([...page.matchAll(/<\/style>/g)].length, 1, 'the inline CSS cannot close its element');
    assert.match(page, /<body class="sl-preview sl-gantt" data-kind="gantt"/);
    assert.match(page, /<header id="sl-toolbar" class="sl-toolbar" role="toolbar"><\/header>/);
  });

  it('marks the page editable only when asked (a trusted workspace)', () => {
    assert.doesNotMatch(page, /data-editable/);
    const editable = previewPageHtml({ kind: 'gantt', title: 'G', cspSource: SOURCE, nonce: NONCE, scriptUri: 'p.js', styleUris: [], editable: true });
    assert.match(editable, /<body class="sl-preview sl-gantt" data-kind="gantt" data-editable="true">/);
  });
});
