import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { MAX_GHOST_MOVES } from '../../../src/core/model/limits.js';
import { parseGhostReply, parseWebviewMessage } from '../../../src/core/views/protocol.js';

describe('webview message validator', () => {
  it('accepts each well-formed message, dropping extra keys', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', state: { zoom: 'day' } }), { type: 'ready', state: { zoom: 'day' } });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', file: 'plans/q1.md', line: 16, id: 'T-1', extra: '<script>' }), { type: 'reveal', file: 'plans/q1.md', line: 16, id: 'T-1' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', file: 'plans/q1.md', line: 0 }), { type: 'reveal', file: 'plans/q1.md', line: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'option', key: 'zoom', value: 'day' }), { type: 'option', key: 'zoom', value: 'day' });
    assert.deepEqual(parseWebviewMessage({ type: 'toggle', key: 'sabc' }), { type: 'toggle', key: 'sabc' });
    assert.deepEqual(parseWebviewMessage({ type: 'command', command: 'saveSvg' }), { type: 'command', command: 'saveSvg' });
    assert.deepEqual(parseWebviewMessage({ type: 'command', command: 'open', arg: 'x' }), { type: 'command', command: 'open', arg: 'x' });
    assert.deepEqual(parseWebviewMessage({ type: 'png', requestId: 3, data: 'iVBORw0KGgo=' }), { type: 'png', requestId: 3, data: 'iVBORw0KGgo=' });
    assert.deepEqual(parseWebviewMessage({ type: 'png', requestId: 3, error: 'too big' }), { type: 'png', requestId: 3, error: 'too big' });
    assert.deepEqual(parseWebviewMessage({ type: 'gesture', generation: 4, gesture: { kind: 'move', id: 'T-1', days: -3, x: 1 } }), { type: 'gesture', generation: 4, gesture: { kind: 'move', id: 'T-1', days: -3 } });
    assert.deepEqual(parseWebviewMessage({ type: 'gesture', generation: 4, gesture: { kind: 'resize', id: 'T-1', days: 2 } }), { type: 'gesture', generation: 4, gesture: { kind: 'resize', id: 'T-1', days: 2 } });
    assert.deepEqual(parseWebviewMessage({ type: 'gesture', generation: 0, gesture: { kind: 'link', from: 'T-1', to: 'T-2' } }), { type: 'gesture', generation: 0, gesture: { kind: 'link', from: 'T-1', to: 'T-2' } });
    assert.deepEqual(parseWebviewMessage({ type: 'gesture', generation: 2, gesture: { kind: 'progress', id: 'T-1', percent: 0 } }), { type: 'gesture', generation: 2, gesture: { kind: 'progress', id: 'T-1', percent: 0 } });
    assert.deepEqual(parseWebviewMessage({ type: 'gesture', generation: 2, gesture: { kind: 'rename', id: 'T-1', title: 'New name' } }), { type: 'gesture', generation: 2, gesture: { kind: 'rename', id: 'T-1', title: 'New name' } });
  });

  const MALFORMED: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'reveal'],
    ['a number', 42],
    ['an array', [{ type: 'ready' }]],
    ['no type', { file: 'a.md', line: 1 }],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a type that is not a string', { type: ['reveal'], file: 'a.md', line: 1 }],
    ['a type with different case', { type: 'Reveal', file: 'a.md', line: 1 }],
    ['reveal without a file', { type: 'reveal', line: 1 }],
    ['reveal with a numeric file', { type: 'reveal', file: 7, line: 1 }],
    ['reveal with a fractional line', { type: 'reveal', file: 'a.md', line: 1.5 }],
    ['reveal with a negative line', { type: 'reveal', file: 'a.md', line: -1 }],
    ['reveal with a line as a string', { type: 'reveal', file: 'a.md', line: '3' }],
    ['reveal with NaN', { type: 'reveal', file: 'a.md', line: Number.NaN }],
    ['reveal with a huge line', { type: 'reveal', file: 'a.md', line: 1e12 }],
    ['reveal with an oversized path', { type: 'reveal', file: 'a/'.repeat(3000), line: 1 }],
    ['reveal with an object id', { type: 'reveal', file: 'a.md', line: 1, id: { toString: () => 'T-1' } }],
    ['option without a value', { type: 'option', key: 'zoom' }],
    ['option with a numeric value', { type: 'option', key: 'zoom', value: 3 }],
    ['option with an oversized value', { type: 'option', key: 'owner', value: 'x'.repeat(501) }],
    ['option with an oversized key', { type: 'option', key: 'k'.repeat(101), value: 'x' }],
    ['toggle without a key', { type: 'toggle' }],
    ['command without a name', { type: 'command' }],
    ['command with an object arg', { type: 'command', command: 'saveSvg', arg: {} }],
    ['png without a request id', { type: 'png', data: 'AAAA' }],
    ['png with a fractional request id', { type: 'png', requestId: 1.5, data: 'AAAA' }],
    ['png with data that is not base64', { type: 'png', requestId: 1, data: 'data:image/png;base64,AAAA' }],
    ['png with markup as data', { type: 'png', requestId: 1, data: '<svg onload=alert(1)>' }],
    ['scroll, which the webview keeps in its own state', { type: 'scroll', top: 10, left: 0 }],
    ['gesture without a generation', { type: 'gesture', gesture: { kind: 'move', id: 'T-1', days: 1 } }],
    ['gesture of an unknown kind', { type: 'gesture', generation: 1, gesture: { kind: 'delete', id: 'T-1' } }],
    ['gesture moving no days', { type: 'gesture', generation: 1, gesture: { kind: 'move', id: 'T-1', days: 0 } }],
    ['gesture moving fractional days', { type: 'gesture', generation: 1, gesture: { kind: 'move', id: 'T-1', days: 1.5 } }],
    ['gesture moving centuries', { type: 'gesture', generation: 1, gesture: { kind: 'move', id: 'T-1', days: 1e9 } }],
    ['progress over 100', { type: 'gesture', generation: 1, gesture: { kind: 'progress', id: 'T-1', percent: 105 } }],
    ['progress of a fraction', { type: 'gesture', generation: 1, gesture: { kind: 'progress', id: 'T-1', percent: 12.5 } }],
    ['rename without a title', { type: 'gesture', generation: 1, gesture: { kind: 'rename', id: 'T-1' } }],
    ['link without a target', { type: 'gesture', generation: 1, gesture: { kind: 'link', from: 'T-1' } }],
    ['ghost without a sequence number', { type: 'ghost', generation: 1, gesture: { kind: 'move', id: 'T-1', days: 1 } }],
    ['ghost of a rename, which moves no dates', { type: 'ghost', generation: 1, seq: 2, gesture: { kind: 'rename', id: 'T-1', title: 'x' } }],
    ['ghost of progress, which moves no dates', { type: 'ghost', generation: 1, seq: 2, gesture: { kind: 'progress', id: 'T-1', percent: 5 } }],
    ['ghost with a negative sequence number', { type: 'ghost', generation: 1, seq: -1, gesture: { kind: 'move', id: 'T-1', days: 1 } }],
  ];

  for (const [name, raw] of MALFORMED) {
    it(`ignores ${name}`, () => {
      assert.equal(parseWebviewMessage(raw), undefined);
    });
  }

  it('has at least ten malformed shapes', () => {
    assert.ok(MALFORMED.length >= 10);
  });

  it('accepts a ghost request for a move, a resize or a link', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ghost', generation: 3, seq: 7, gesture: { kind: 'resize', id: 'T-1', days: 2 }, x: 1 }), { type: 'ghost', generation: 3, seq: 7, gesture: { kind: 'resize', id: 'T-1', days: 2 } });
    assert.deepEqual(parseWebviewMessage({ type: 'ghost', generation: 3, seq: 0, gesture: { kind: 'link', from: 'T-1', to: 'T-2' } }), { type: 'ghost', generation: 3, seq: 0, gesture: { kind: 'link', from: 'T-1', to: 'T-2' } });
  });

  it('does not read keys from a polluted prototype', () => {
    const raw: unknown = JSON.parse('{"__proto__": {"type": "reveal", "file": "a.md", "line": 1}}');
    assert.equal(parseWebviewMessage(raw), undefined);
  });
});

describe('ghost reply validator (in the webview)', () => {
  const reply = { type: 'ghost', generation: 2, for: 5, moves: [{ id: 'T-2', start: 20830, end: 20831, days: 2 }, { id: 'M-1', start: 20832, end: 20832, days: 0 }], more: 0, warnings: ['M-1 would be missed'] };

  it('accepts a well-formed reply, dropping extra keys', () => {
    assert.deepEqual(parseGhostReply({ ...reply, html: '<img onerror=x>', moves: reply.moves.map((m) => ({ ...m, cls: 'x' })) }), reply);
  });

  const bad: Array<[string, unknown]> = [
    ['another type', { ...reply, type: 'render' }],
    ['no request number', { ...reply, for: undefined }],
    ['a move ending before it starts', { ...reply, moves: [{ id: 'T-2', start: 20831, end: 20830, days: 1 }] }],
    ['a fractional day', { ...reply, moves: [{ id: 'T-2', start: 20830.5, end: 20831, days: 1 }] }],
    ['a day far outside any plan', { ...reply, moves: [{ id: 'T-2', start: 1e9, end: 1e9, days: 1 }] }],
    ['an ID that is no string', { ...reply, moves: [{ id: 7, start: 1, end: 1, days: 0 }] }],
    ['more moves than the bound', { ...reply, moves: Array.from({ length: MAX_GHOST_MOVES + 1 }, (_, i) => ({ id: `T-${i}`, start: 1, end: 1, days: 1 })) }],
    ['a warning that is no string', { ...reply, warnings: [{ text: 'x' }] }],
    ['a negative count', { ...reply, more: -1 }],
  ];
  for (const [name, raw] of bad) {
    it(`ignores a reply with ${name}`, () => {
      assert.equal(parseGhostReply(raw), undefined);
    });
  }
});
