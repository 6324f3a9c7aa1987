import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../../src/core/language/markdownEscape.js';
import { renderedMarkdown as nodes } from './helpers.js';


describe('escapeMarkdown', () => {
  const hostile = [
    '*bold* and _it_ and **strong** ~~gone~~',
    '[click](https://evil.example/x) [ref][1] ![img](x.png)',
    '<img src=x onerror=alert(1)> <script>alert(1)</script> <!-- hidden --> <https://auto.link>',
    '`code` ``more`` | a | b |',
    '# not a heading',
    '1. not a list',
    '&lt; &#60; R&D \\ backslash',
  ];

  for (const text of hostile) {
    it(`shows ${JSON.stringify(text.slice(0, 30))} as text`, () => {
      const { types, text: seen } = nodes(`Before ${escapeMarkdown(text)}`);
      for (const bad of ['link', 'linkReference', 'image', 'html', 'emphasis', 'strong', 'delete', 'inlineCode', 'heading', 'list', 'table']) {
        assert.ok(!types.has(bad), `${bad} in ${escapeMarkdown(text)}`);
      }
      assert.equal(seen, `Before ${text}`);
    });
  }

  it('breaks GFM autolink literals: schemes, www. and e-mail addresses', () => {
    const out = escapeMarkdown('see https://evil.example and WWW.evil.example or ana@evil.example');
    assert.equal(out, 'see https\\://evil.example and WWW\\.evil.example or ana\\@evil.example');
  });

  it('keeps one line and caps the length', () => {
    assert.equal(escapeMarkdown('a\nb\u2028c'), 'a b c');
    assert.ok(escapeMarkdown('x'.repeat(500)).length <= 200);
    assert.equal(escapeMarkdown(undefined), '');
  });
});
