import * as assert from 'node:assert/strict';
import { isSpace } from '../../../src/core/parse/isSpace.js';

describe('isSpace', () => {
  it('answers as /\\s/ does for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    }
    assert.deepEqual(differ, []);
  });

  it('is false past the string (NaN)', () => {
    assert.equal(isSpace(''.charCodeAt(0)), false);
  });
});
