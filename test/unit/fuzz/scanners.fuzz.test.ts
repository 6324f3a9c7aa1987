import assert from 'node:assert/strict';
import fc from 'fast-check';
import { atxHeading } from '../../../src/core/language/textStructure.js';
import { maskLinkDestinations } from '../../../src/core/parse/idScan.js';
import { plainInline } from '../../../src/core/parse/inlineText.js';
import { matchKeyValue } from '../../../src/core/parse/markdownItems.js';
import { suppressionComments } from '../../../src/core/parse/suppressions.js';
import { fuzzParameters, fuzzTimeout } from './fuzzSettings.js';

/**
 * The hand-written linear scanners replaced regexes that backtracked on hostile input. On
 * short input those regexes are fine and are the plain statement of what is meant, so they
 * are kept here as the reference: both must give the same result on every random string
 * built from the characters that matter.
 */
const pieces = fc.constantFrom('<', '>', '[', ']', '(', ')', '!', '<!--', '-->', '--', '-', ' ', '  ', '\t', '\n', 'a', 'T-1', '](', '][', '*', '_', '**', '~~', '`', '\\', 'http:', 'https:', 'mailto:', ':', 'key', 'x y', 'specline-', 'disable', 'disable-next-line', 'disable-line', 'enable', 'id.duplicate', ',', '\u00a0', '#');
const snippet = fc.array(pieces, { maxLength: 14 }).map((xs) => xs.join(''));

function plainInlineByRegex(raw: string): string {
  if (!/[[\]*_~`\\<!]|[^\S ]| {2}/.test(raw)) return raw.trim();
  return raw
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
    .replace(/(\*\*|__|~~|`+)/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('fuzz: linear scanners equal the regexes they replace', function () {
  this.timeout(fuzzTimeout());
  it('plainInline', () => {
    fc.assert(fc.property(snippet, (s) => assert.equal(plainInline(s), plainInlineByRegex(s))), fuzzParameters(0.12));
  });

  it('link destinations and autolinks masked for the ID scan', () => {
    fc.assert(fc.property(snippet, (s) => assert.equal(maskLinkDestinations(s), s.replace(/\]\([^)]*\)|<[^>\s]*>/g, (m) => ' '.repeat(m.length)))), fuzzParameters(0.12));
  });

  it('suppression comments', () => {
    const regex = /<!--\s*specline-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->/g;
    fc.assert(fc.property(snippet, (s) => {
      const expected = [...s.matchAll(regex)].map((m) => ({ kind: m[1], codes: m[2]!.split(/[\s,]+/).filter(Boolean), start: m.index, end: m.index + m[0].length }));
      assert.deepEqual(suppressionComments(s), expected);
    }), fuzzParameters(0.12));
  });

  it('key: value prefixes of list entries', () => {
    const regex = /^[ \t]*([A-Za-z][\w \t-]{0,40}?)[ \t]*:(?:[ \t]+|$)/;
    const keyish = fc.array(fc.constantFrom('a', 'Key', ' ', '\t', '-', '_', '1', ':', 'x', 'abcdefghij', ' value', '.', '\n'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(fc.property(keyish, (s) => {
      const m = regex.exec(s);
      const expected = m ? { key: m[1]!.trim(), keyAt: m[0].indexOf(m[1]!), length: m[0].length } : undefined;
      assert.deepEqual(matchKeyValue(s), expected);
    }), fuzzParameters(0.12));
  });

  it('ATX headings as the editor reads them', () => {
    const regex = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
    const line = fc.array(fc.constantFrom('#', '##', ' ', '\t', 'a', 'T-1', '\u2028', '\r', 'x y', '   '), { maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(fc.property(line, (s) => {
      const m = regex.exec(s);
      assert.deepEqual(atxHeading(s), m ? { depth: m[1]!.length, text: (m[2] ?? '').replace(/[ \t]+#+$/, '') } : undefined);
    }), fuzzParameters(0.05));
  });
});
