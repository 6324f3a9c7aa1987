import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { idAtPosition } from '../../../src/core/language/idAtPosition.js';
import { cursorAt, textAt } from './helpers.js';

const prefixes = defaultConfig().prefixes;
const at = (marked: string): { id: string; kind: string; covered: string } | undefined => {
  const { text, position } = cursorAt(marked);
  const found = idAtPosition(text, position, prefixes);
  return found && { id: found.id, kind: found.kind, covered: textAt(text, found.range) };
};

describe('idAtPosition', () => {
  it('finds the ID under the cursor with its range and kind', () => {
    assert.deepEqual(at('Intro\n- after: T-1, FE‸AT-12\n'), { id: 'FEAT-12', kind: 'feature', covered: 'FEAT-12' });
  });

  it('counts the positions at both ends of the token', () => {
    assert.equal(at('see ‸G-1 now')?.id, 'G-1');
    assert.equal(at('see G-1‸ now')?.id, 'G-1');
    assert.equal(at('see G-1 ‸now'), undefined);
  });

  it('prefers the ID the cursor is inside over one it touches', () => {
    assert.equal(at('T-1,‸T-2')?.id, 'T-2');
    assert.equal(at('T-1‸,T-2')?.id, 'T-1');
  });

  it('takes dotted sub-IDs whole', () => {
    assert.deepEqual(at('- [ ] T-7.‸2 Sub-task'), { id: 'T-7.2', kind: 'task', covered: 'T-7.2' });
  });

  it('ignores tokens whose prefix is not a kind (docs/format.md#ids-and-kinds)', () => {
    assert.equal(at('ISO-‸9001 and UTF-8'), undefined);
    assert.equal(at('UTF-‸8'), undefined);
  });

  it('ignores link destinations, as the parser does', () => {
    assert.equal(at('[T-1](plan.md#T-‸1)'), undefined);
    assert.equal(at('[T-‸1](plan.md#T-1)')?.id, 'T-1');
  });

  it('answers nothing outside the text', () => {
    assert.equal(idAtPosition('G-1', { line: 3, character: 0 }, prefixes), undefined);
    assert.equal(idAtPosition('', { line: 0, character: 0 }, prefixes), undefined);
  });

  it('honours configured prefixes', async () => {
    const custom = new Map(prefixes);
    custom.set('STORY', 'feature');
    const { text, position } = cursorAt('STORY-‸4');
    assert.equal(idAtPosition(text, position, custom)?.kind, 'feature');
    assert.equal(idAtPosition(text, position, prefixes), undefined);
  });
});
