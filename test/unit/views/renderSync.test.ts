import assert from 'node:assert/strict';
import type { BlockedMarkup, ViewBlock } from '../../../src/core/render/blocks.js';
import { blockAttr, BLOCKS_MARKER, frameAround, joinBlocks } from '../../../src/core/render/blocks.js';
import type { SyncStep } from '../../../src/core/views/renderSync.js';
import { RenderSync, stepMessage } from '../../../src/core/views/renderSync.js';

const block = (key: string, text = key): ViewBlock => ({ key, html: `<div${blockAttr(key)}>${text}</div>` });
const markup = (blocks: ViewBlock[], frame = frameAround('<div class="v">', '</div>')): { toolbar: string; html: string; blocks: BlockedMarkup } => {
  const m = { frame, blocks };
  return { toolbar: 'T', html: joinBlocks(m), blocks: m };
};
const lanes = (n: number, changed: Record<string, string> = {}): ViewBlock[] =>
  Array.from({ length: n }, (_, i) => block(`lane/${i}`, changed[`lane/${i}`] ?? `lane ${i} ${'x'.repeat(50)}`));

/** What a page shows after these steps, simulated on keys and markup (the browser test does it for real). */
function apply(shown: Map<string, string> | undefined, frame: string, steps: SyncStep[]): { html: string; blocks: Map<string, string> } {
  let blocks = shown ?? new Map<string, string>();
  let html = '';
  for (const step of steps) {
    if (step.kind === 'full') {
      html = step.html;
      blocks = new Map([...step.html.matchAll(/<div data-block="([^"]+)">.*?<\/div>/g)].map((m) => [m[1].replace(/&#58;/g, ':'), m[0]]));
      continue;
    }
    const next = new Map<string, string>();
    const fresh = new Map(step.blocks.map((b) => [b.key, b.html]));
    for (const key of step.keys) {
      const h = fresh.get(key) ?? blocks.get(key);
      assert.ok(h !== undefined, `a patch keeps ${key}, which the page does not have`);
      next.set(key, h);
    }
    blocks = next;
    html = joinBlocks({ frame, blocks: [...next].map(([key, h]) => ({ key, html: h })) });
  }
  return { html, blocks };
}

describe('RenderSync', () => {
  it('joins blocks into the frame without reading $ patterns', () => {
    const m = { frame: `<main>${BLOCKS_MARKER}</main>`, blocks: [block('a', "$& $' $1")] };
    assert.equal(joinBlocks(m), `<main><div data-block="a">$& $' $1</div></main>`);
    assert.equal(blockAttr('x"<y'), ' data-block="x&quot;&lt;y"');
  });

  it('sends markup without blocks whole, and nothing when it is unchanged', () => {
    const sync = new RenderSync();
    assert.deepEqual(sync.next({ toolbar: 'T', html: '<p>a</p>' }), [{ kind: 'full', html: '<p>a</p>' }]);
    assert.deepEqual(sync.next({ toolbar: 'T', html: '<p>a</p>' }), []);
    assert.deepEqual(sync.next({ toolbar: 'T2', html: '<p>a</p>' }), [{ kind: 'full', html: '<p>a</p>' }], 'a new toolbar needs a message');
    assert.deepEqual(sync.next({ toolbar: 'T2', html: '<p>b</p>' }), [{ kind: 'full', html: '<p>b</p>' }]);
    sync.reset();
    assert.deepEqual(sync.next({ toolbar: 'T2', html: '<p>b</p>' }), [{ kind: 'full', html: '<p>b</p>' }], 'after a reset everything goes again');
  });

  it('sends a first render as the frame with its first blocks, then patches appending the rest', () => {
    const m = markup(lanes(40));
    const sync = new RenderSync({ firstChunk: 300, chunk: 700 });
    const steps = sync.next(m);
    assert.equal(steps[0].kind, 'full');
    assert.ok(steps.length > 3, `${steps.length} steps`);
    let sent = 0;
    for (const [i, step] of steps.entries()) {
      if (step.kind === 'full') {
        assert.equal(i, 0);
        sent = [...step.html.matchAll(/data-block=/g)].length;
        assert.ok(sent >= 1 && step.html.length < 300 + 200, 'the first message is about firstChunk');
        continue;
      }
      assert.deepEqual(step.keys, m.blocks.blocks.slice(0, sent + step.blocks.length).map((b) => b.key), 'each patch lists every block so far');
      assert.deepEqual(step.blocks, m.blocks.blocks.slice(sent, sent + step.blocks.length), 'and carries the next ones');
      assert.ok(step.blocks.length >= 1 && step.blocks.reduce((n, b) => n + b.html.length, 0) <= 700 + 100);
      sent += step.blocks.length;
    }
    assert.equal(sent, 40);
    assert.deepEqual(steps.map((step) => step.chunk === true), [...steps.map(() => true).slice(1), false], 'every step but the last says more follows');
    assert.equal(apply(undefined, m.blocks.frame, steps).html, m.html, 'the page ends up with the whole markup');
  });

  it('after that, sends only the blocks that changed, or nothing', () => {
    const sync = new RenderSync();
    const first = markup(lanes(20));
    let page = apply(undefined, first.blocks.frame, sync.next(first));
    assert.deepEqual(sync.next(markup(lanes(20))), [], 'identical render');

    const edited = markup(lanes(20, { 'lane/7': 'moved' }));
    const steps = sync.next(edited);
    assert.deepEqual(steps, [{ kind: 'patch', keys: edited.blocks.blocks.map((b) => b.key), blocks: [block('lane/7', 'moved')] }]);
    page = apply(page.blocks, edited.blocks.frame, steps);
    assert.equal(page.html, edited.html);

    const toolbarOnly = { ...edited, toolbar: 'T3' };
    assert.deepEqual(sync.next(toolbarOnly), [{ kind: 'patch', keys: edited.blocks.blocks.map((b) => b.key), blocks: [] }], 'a toolbar change alone is an empty patch');

    // Removing, adding and reordering blocks: keys say the order, new blocks come with markup.
    const reordered = lanes(20, { 'lane/7': 'moved' }).filter((b) => b.key !== 'lane/3').reverse();
    reordered.splice(5, 0, block('lane/new'));
    const next = markup(reordered);
    const patch = sync.next({ ...next, toolbar: 'T3' });
    assert.equal(patch.length, 1);
    assert.equal(patch[0].kind, 'patch');
    assert.deepEqual(patch[0].kind === 'patch' ? patch[0].blocks.map((b) => b.key) : [], ['lane/new']);
    assert.equal(apply(page.blocks, next.blocks.frame, patch).html, next.html);
  });

  it('sends a fresh render when the frame changes or most of the markup would go anyway', () => {
    const sync = new RenderSync({ firstChunk: 1e9 });
    sync.next(markup(lanes(10)));
    const newFrame = markup(lanes(10), frameAround('<div class="w">', '</div>'));
    assert.deepEqual(sync.next(newFrame), [{ kind: 'full', html: newFrame.html }]);
    const most = markup(lanes(10, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`lane/${i}`, `changed ${i} ${'y'.repeat(50)}`]))), newFrame.blocks.frame);
    assert.deepEqual(sync.next(most), [{ kind: 'full', html: most.html }], '6 of 10 blocks changed: over half the markup');
    const few = markup(lanes(10, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`lane/${i}`, i === 0 ? 'z' : `changed ${i} ${'y'.repeat(50)}`]))), newFrame.blocks.frame);
    assert.equal(sync.next(few)[0].kind, 'patch', 'one small block changed');
  });

  it('turns steps into the host messages the webview reads', () => {
    const context = { generation: 7, toolbar: 'T', state: { a: 1 } };
    assert.deepEqual(stepMessage({ kind: 'full', html: '<p></p>' }, { ...context, selected: 'G-1', rescale: true }),
      { type: 'render', generation: 7, toolbar: 'T', html: '<p></p>', state: { a: 1 }, selected: 'G-1', rescale: true });
    assert.deepEqual(stepMessage({ kind: 'full', html: '<p></p>', chunk: true }, { ...context, selected: null }),
      { type: 'render', generation: 7, toolbar: 'T', html: '<p></p>', state: { a: 1 }, chunk: true });
    assert.deepEqual(stepMessage({ kind: 'patch', keys: ['a', 'b'], blocks: [block('b')], chunk: true }, { ...context, rescale: true }),
      { type: 'patch', generation: 7, toolbar: 'T', keys: ['a', 'b'], blocks: [block('b')], state: { a: 1 }, chunk: true });
  });

  it('falls back to whole renders for blocks it could not patch: repeated keys, no marker, no blocks', () => {
    for (const bad of [
      markup([block('a'), block('a')]),
      { toolbar: 'T', html: '<div></div>', blocks: { frame: '<div></div>', blocks: [block('a')] } },
      { toolbar: 'T', html: '<div></div>', blocks: { frame: frameAround('<div>', '</div>'), blocks: [] } },
      markup([block('a')], `<div>${BLOCKS_MARKER}${BLOCKS_MARKER}</div>`),
    ]) {
      const sync = new RenderSync();
      assert.deepEqual(sync.next(bad), [{ kind: 'full', html: bad.html }]);
      assert.deepEqual(sync.next(bad), [], 'and drops the identical next one');
    }
  });
});
