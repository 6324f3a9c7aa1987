import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/model/lineIndex.js';
import {
  atxHeading, cellIndexAt, frontMatterEnd, isDelimiterRow, keyValueOf, leadingId, listEntryOf, splitTableRow, tableAt,
} from '../../../src/core/language/textStructure.js';

describe('textStructure', () => {
  it('splits table rows on unescaped pipes, with or without outer pipes', () => {
    assert.deepEqual(splitTableRow('| T-5 | Tax \\| VAT |  | x |').map((c) => c.text), ['T-5', 'Tax \\| VAT', '', 'x']);
    assert.deepEqual(splitTableRow('T-5 | a | b').map((c) => c.text), ['T-5', 'a', 'b']);
    assert.deepEqual(splitTableRow('  | a | b').map((c) => c.text), ['a', 'b']);
    const cells = splitTableRow('| ab | cd |');
    assert.deepEqual(cells.map((c) => [c.start, c.end, c.contentStart, c.contentEnd]), [[1, 5, 2, 4], [6, 10, 7, 9]]);
    assert.equal(cellIndexAt(cells, 5), 0);
    assert.equal(cellIndexAt(cells, 6), 1);
    assert.equal(cellIndexAt(cells, 11), -1);
  });

  it('recognises delimiter rows', () => {
    assert.ok(isDelimiterRow('|---|:--:|---:|'));
    assert.ok(isDelimiterRow('--- | ---'));
    assert.ok(!isDelimiterRow('| a | b |'));
    assert.ok(!isDelimiterRow('| - a | b |'));
  });

  it('finds a table from any row by scanning up to its header', () => {
    const lines = new LineIndex('text\n\n| ID | Depends on |\n|---|---|\n| T-1 | |\n| T-2 | T-1 |\n\nafter | not a table\n');
    assert.deepEqual(tableAt(lines, 5), { headerLine: 2, delimiterLine: 3, lastLine: 5 });
    assert.deepEqual(tableAt(lines, 2), { headerLine: 2, delimiterLine: 3, lastLine: 5 });
    assert.equal(tableAt(lines, 7), undefined);
    assert.equal(tableAt(lines, 0), undefined);
  });

  it('reads list entries, keys, leading IDs, headings and front matter', () => {
    assert.deepEqual(listEntryOf('  - [ ] T-1 Foo'), { indent: 2, marker: '-', contentStart: 4, content: '[ ] T-1 Foo' });
    assert.equal(listEntryOf('12. x')?.marker, '12.');
    assert.equal(listEntryOf('---'), undefined);
    assert.equal(listEntryOf('-no space'), undefined);
    assert.equal(keyValueOf('depends on: T-1')?.key, 'depends on');
    assert.equal(keyValueOf('https://example.com'), undefined);
    assert.equal(leadingId('[x] **T-3** Done'), 'T-3');
    assert.equal(leadingId('Fix T-3'), undefined);
    assert.deepEqual(atxHeading('## G-1 Title ##'), { depth: 2, text: 'G-1 Title' });
    assert.equal(frontMatterEnd(new LineIndex('---\nid: G-1\n---\n# x')), 2);
    assert.equal(frontMatterEnd(new LineIndex('\uFEFF---\nid: G-1\n---\n')), 2);
    assert.equal(frontMatterEnd(new LineIndex('# x\n---\n')), undefined);
  });
});
