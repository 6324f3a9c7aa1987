/**
 * A small, strict scanner for the SVG and HTML we write: it accepts only tags with
 * double-quoted attributes, text without `<`, and the five entities we emit. Anything a
 * hostile title could smuggle in (a raw `<`, an unquoted attribute, an event handler)
 * makes it fail, which is a stronger check than searching for `<script`.
 */
import assert from 'node:assert/strict';

export interface Tag {
  name: string;
  attributes: Map<string, string>;
}

const TAG = /^<(\/?)([a-zA-Z][\w:-]*)((?:\s+[a-zA-Z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/;
const ATTR = /([a-zA-Z_:][\w:.-]*)="([^"]*)"/g;
const ENTITY = /&(?:amp|lt|gt|quot|#39|#\d+);/y;
const VOID_HTML = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** Scans markup; fails the test on anything outside the expected grammar. Returns every tag. */
export function scanMarkup(text: string, html = false): Tag[] {
  const tags: Tag[] = [];
  const stack: string[] = [];
  let i = 0;
  if (html) {
    assert.ok(text.startsWith('<!DOCTYPE html>\n'), 'HTML starts with the doctype');
    i = '<!DOCTYPE html>\n'.length;
  }
  let inStyle = false;
  while (i < text.length) {
    const c = text[i];
    if (c === '<') {
      const m = TAG.exec(text.slice(i, i + 20000));
      assert.ok(m, `unexpected markup at ${i}: ${JSON.stringify(text.slice(i, i + 80))}`);
      const [whole, closing, name, attrs, selfClosing] = m;
      if (closing) {
        assert.equal(stack.pop(), name, `unbalanced </${name}> at ${i}`);
        if (name === 'style') inStyle = false;
      } else {
        const attributes = new Map<string, string>();
        for (const a of attrs.matchAll(ATTR)) {
          assert.ok(!attributes.has(a[1]), `duplicate attribute ${a[1]}`);
          attributes.set(a[1], a[2]);
        }
        tags.push({ name, attributes });
        if (!selfClosing && !VOID_HTML.has(name)) stack.push(name); // HTML fragments have void elements too (<col>)
        if (name === 'style') inStyle = true;
      }
      i += whole.length;
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      assert.ok(m, `bare & at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
      i += m[0].length;
    } else {
      assert.ok(!inStyle || c !== '<', 'no markup in style');
      i++;
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return tags;
}

/** The security properties every SVG/HTML output must have. */
export function assertSafeMarkup(text: string, html = false): Tag[] {
  assert.ok(!/<script/i.test(text), 'no <script');
  // eslint-disable-next-line no-control-regex -- the point is to find control characters.
  assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text), 'no control characters');
  const tags = scanMarkup(text, html);
  for (const tag of tags) {
    assert.ok(!['script', 'iframe', 'object', 'embed', 'foreignObject', 'a', 'image', 'use', 'img', 'link', 'animate', 'set'].includes(tag.name), `no <${tag.name}>`);
    for (const [name, value] of tag.attributes) {
      assert.ok(!/^on/i.test(name), `no event handler attribute ${name}`);
      assert.ok(!/href$/i.test(name), `no ${name}`);
      assert.ok(!/^src$/i.test(name), 'no src');
      assert.ok(!/javascript:/i.test(value), `no javascript: in ${name}`);
      assert.ok(!/url\(/i.test(value), `no url( in ${name}`);
    }
  }
  return tags;
}

/** Markup with the entities we emit decoded, for asserting on the text a reader sees. */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#\d+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : String.fromCodePoint(Number(e.slice(1))));
}

/**
 * A preview's toolbar and body are safe markup with no handler or `javascript:` text and
 * no `style` attributes. The toolbar's only unquoted attribute is the boolean `selected`
 * of the toolbar helper.
 */
export function assertSafeView(view: { html: string; toolbar: string }): void {
  assertSafeMarkup(view.html);
  assertSafeMarkup(view.toolbar.replace(/ selected>/g, ' selected="">'));
  for (const text of [view.html, view.toolbar]) {
    assert.ok(!/javascript:|onerror=|onload=/i.test(text));
    assert.ok(!/style="/.test(text), 'no style attributes');
  }
}
