import assert from 'node:assert/strict';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { parseSimpleYaml } from '../../../src/core/parse/simpleYaml.js';
import { prng } from '../../support/prng.js';

/** What front matter reading looks at in a node: value, node type, range, list items. */
function shape(node: unknown): unknown {
  if (isScalar(node)) return { value: node.value, type: node.type, range: node.range?.slice(0, 2) };
  if (isSeq(node)) return { flow: Boolean(node.flow), range: node.range?.slice(0, 2), items: node.items.map(shape) };
  if (isMap(node)) return node.items.map((p) => [shape(p.key), shape(p.value)]);
  return node === null ? null : 'other';
}

/** The YAML reader's tree when it reads the text without a problem, as front matter does. */
function readerTree(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  return doc.errors.length ? 'error' : shape(doc.contents);
}

describe('simple front matter without the YAML reader', () => {
  it('builds the same tree as the YAML reader for the usual front matter', () => {
    const text = 'id: FEAT-3\ntitle: Restore custom fields in compliance\ngoals: [G-3, G-4]\npersonas: []\nstatus: in-progress\nowner: "@ivo"\nnote: \'quoted\'\nreach: 1200\nbudget: 3,000\nstart: 2027-01-04\nmetric baseline: 10%\n';
    const map = parseSimpleYaml(text);
    assert.ok(map, 'accepted');
    assert.deepEqual(shape(map), readerTree(text));
  });

  it('leaves to the YAML reader what it does not read the same way', () => {
    for (const text of [
      'owner: @ivo\n', // a reserved indicator: a YAML error
      'a: 1\na: 2\n', // duplicate key
      'done: true\n', 'gone: null\n', 'x: ~\n', 'n: 1.5\n', 'n: 1e3\n', 'n: 0x1F\n', 'n: -3\n', 'n: .inf\n',
      'title: A: B\n', 'title: A # comment\n', '# comment\nid: T-1\n', 'goals:\n  - G-1\n', 'cal:\n  workdays: [mon]\n',
      'title: "esc\\"aped"\n', 'title: trailing \n', 'id: T-1\r\n', 'id:\tT-1\n', 'list: [a, ]\n', 'list: [a, [b]]\n', 'x: *alias\n', 'x: &anchor y\n', '',
    ]) {
      assert.equal(parseSimpleYaml(text), undefined, JSON.stringify(text));
    }
  });

  it('for random front matter, either leaves it to the YAML reader or builds the reader\'s tree', () => {
    const r = prng(20270104);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const keys = ['id', 'title', 'goals', 'status', 'owner', 'start', 'metric baseline', 'a-b', 'x_y', 'id'];
    const words = ['FEAT-1', 'G-2', 'in-progress', '2027-01-04', '3,000', '12', '007', '10%', "Bob's plan", '(draft)', 'a/b', 'x.y', 'True', 'null', '1.5', '0x10', '-1', '+1', 'a: b', 'a #b', '@ana', '"q"', "'q'", 'a  b', 'é', '`c`', ''];
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      for (let k = 1 + Math.floor(r() * 5); k > 0; k--) {
        const key = pick(keys);
        const form = r();
        const value = form < 0.5 ? pick(words) : form < 0.7 ? `"${pick(words)}"` : form < 0.8 ? `'${pick(words)}'` : `[${Array.from({ length: Math.floor(r() * 3) }, () => pick(words)).join(pick([', ', ',', ' , ']))}]`;
        lines.push(`${key}:${pick([' ', ' ', '  '])}${value}`);
        if (r() < 0.1) lines.push('');
      }
      const text = `${lines.join('\n')}${pick(['\n', ''])}`;
      const map = parseSimpleYaml(text);
      if (!map) continue;
      accepted++;
      assert.deepEqual(shape(map), readerTree(text), JSON.stringify(text));
    }
    assert.ok(accepted > 300, `enough random texts took the fast path (${accepted})`);
  });
});
