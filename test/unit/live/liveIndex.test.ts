import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { LiveIndex } from '../../../src/core/live/liveIndex.js';
import type { LiveBuffer, LiveClock, LiveFileSystem, LiveState } from '../../../src/core/live/liveIndex.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import type { FilePath } from '../../../src/core/model/types.js';
import { analysisSummary } from '../../support/analysisSummary.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

/**
 * The live index in the core, driven the way the editor drives it but with everything
 * injected: an in-memory disk, open buffers in a map, and a clock that moves only when
 * the test says so. Timers fire on `advance`; each `yieldToHost` lets the test see that
 * the index gave its thread away (and change things meanwhile).
 */
class FakeClock implements LiveClock {
  time = 0;
  yields = 0;
  /** Run at each yield, before the index goes on: what the host did meanwhile. */
  onYield: (() => void) | undefined;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  /** Each reading moves the work clock a millisecond (timers follow `time` only), so slices end. */
  private reads = 0;

  now(): number {
    return this.time + this.reads++;
  }

  async yieldToHost(): Promise<void> {
    this.yields++;
    this.onYield?.();
    await Promise.resolve();
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing every timer that falls due. */
  advance(ms: number): void {
    this.time += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at > this.time) continue;
      this.timers.delete(id);
      t.callback();
    }
  }
}

const TODAY = parseIsoDate('2027-02-15')!;
const PLAN = '# Plan\n\n| ID | Task | Duration | After |\n|---|---|---|---|\n| T-1 | First | 2d | |\n| T-2 | Second | 1d | T-1 |\n';
const SPEC = '---\nid: FEAT-1\ntitle: Search\n---\n\n# Search\n';

function setup(files: Record<string, string>, sliceMs = 1) {
  const disk = memoryFileSystem({ ...files });
  const folders = new Set<string>();
  const fs: LiveFileSystem = Object.assign(disk, {
    async kind(path: FilePath): Promise<'file' | 'directory' | 'missing'> {
      if (disk.files[path] !== undefined) return 'file';
      return folders.has(path) || Object.keys(disk.files).some((f) => f.startsWith(`${path}/`)) ? 'directory' : 'missing';
    },
    async listUnder(path: FilePath): Promise<FilePath[]> {
      return Object.keys(disk.files).filter((f) => f.startsWith(`${path}/`));
    },
  });
  const buffers = new Map<FilePath, LiveBuffer>();
  const clock = new FakeClock();
  const published: Analysis[] = [];
  const states: LiveState[] = [];
  const errors: string[] = [];
  const index = new LiveIndex({
    fs,
    clock,
    buffers: { get: (path) => buffers.get(path), dirtyPaths: () => [...buffers].filter(([, b]) => b.dirty).map(([p]) => p) },
    events: { analyzed: (a) => published.push(a), state: (s) => states.push(s), error: (m) => errors.push(m) },
    today: () => TODAY,
    debounceMs: () => 300,
    sliceMs,
  });
  return { disk, buffers, clock, index, published, states, errors };
}

/** A cold analysis of exactly these texts. */
async function coldSummary(files: Record<string, string>): Promise<string> {
  const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => TODAY });
  await ws.load();
  return analysisSummary(ws.analyze());
}

const ids = (a: Analysis | undefined): string[] => [...(a?.items.keys() ?? [])].sort();

describe('LiveIndex: the editor\'s index in the core, with an injected clock, disk and buffers', () => {
  it('loads, publishes once, and gave the host its thread back while parsing and analysing', async () => {
    const t = setup({ 'plans/a.md': PLAN, 'specs/FEAT-1.md': SPEC });
    await t.index.load();
    assert.deepEqual(t.states, ['loading', 'ready']);
    assert.equal(t.published.length, 1);
    assert.deepEqual(ids(t.index.analysis), ['FEAT-1', 'T-1', 'T-2']);
    assert.ok(t.clock.yields > 0, 'yielded to the host at least once');
    assert.equal(analysisSummary(t.index.analysis!), await coldSummary({ 'plans/a.md': PLAN, 'specs/FEAT-1.md': SPEC }));
    assert.deepEqual(t.errors, []);
  });

  it('waits for the quiet period after edits, then re-checks the buffers once', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    const edited = PLAN.replace('| T-2 | Second | 1d | T-1 |', '| T-2 | Second | 1d | T-1 |\n| T-3 | Third | 1d | T-2 |');
    t.buffers.set('plans/a.md', { text: edited.replace('T-3', 'T-9'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.clock.advance(200);
    t.buffers.set('plans/a.md', { text: edited, dirty: true });
    t.index.bufferChanged('plans/a.md');
    assert.ok(t.index.hasPendingEdits('plans/a.md'));
    t.clock.advance(299);
    await t.index.idle();
    assert.equal(t.published.length, 1, 'nothing before the quiet period ends');
    t.clock.advance(1);
    await t.index.idle();
    assert.equal(t.published.length, 2, 'one re-check for both edits');
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2', 'T-3']);
    assert.equal(t.index.hasPendingEdits('plans/a.md'), false);
    assert.equal(t.disk.files['plans/a.md'], PLAN, 'the disk is never written');
  });

  it('re-checks an edit Specline applied at once, whether the buffer change is reported before or after the hint', async () => {
    const t = setup({ 'plans/a.md': PLAN, 'plans/b.md': PLAN.replace(/T-/g, 'T-1') });
    await t.index.load();
    // The change reported first (VS Code fires it before applyEdit resolves), then the hint.
    t.buffers.set('plans/a.md', { text: PLAN.replace('| 2d |', '| 4d |'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.index.editApplied(['plans/a.md']);
    t.clock.advance(0);
    await t.index.idle();
    assert.equal(t.published.length, 2, 'published without waiting for the quiet period');
    assert.equal(t.index.analysis!.items.get('T-1')!.duration?.amount, 4);
    // The hint first, then the change.
    t.index.editApplied(['plans/a.md']);
    t.buffers.set('plans/a.md', { text: PLAN.replace('| 2d |', '| 5d |'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.clock.advance(0);
    await t.index.idle();
    assert.equal(t.published.length, 3);
    assert.equal(t.index.analysis!.items.get('T-1')!.duration?.amount, 5);
    // Typing afterwards (and in another file) waits for the quiet period as before: the hint was used up.
    t.buffers.set('plans/a.md', { text: PLAN.replace('| 2d |', '| 6d |'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.clock.advance(299);
    await t.index.idle();
    assert.equal(t.published.length, 3, 'typing still waits');
    t.clock.advance(1);
    await t.index.idle();
    assert.equal(t.published.length, 4);
  });

  it('lets a hint that saw no change lapse: later typing in that file waits for the quiet period', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    t.index.editApplied(['plans/a.md']);
    assert.equal(t.clock.pending(), 0, 'nothing to re-check yet');
    t.clock.advance(5_000);
    t.buffers.set('plans/a.md', { text: PLAN.replace('| 2d |', '| 4d |'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.clock.advance(0);
    await t.index.idle();
    assert.equal(t.published.length, 1, 'a lapsed hint does not skip the quiet period');
    t.clock.advance(300);
    await t.index.idle();
    assert.equal(t.published.length, 2);
  });

  it('drops an analysis overtaken by a newer edit, and publishes the newer one', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    t.buffers.set('plans/a.md', { text: PLAN.replace('T-2', 'T-5'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    // A keystroke lands while the re-check is between two slices.
    let typed = false;
    t.clock.onYield = () => {
      if (typed) return;
      typed = true;
      t.buffers.set('plans/a.md', { text: PLAN.replace('T-2', 'T-6'), dirty: true });
      t.index.bufferChanged('plans/a.md');
    };
    t.clock.advance(300);
    await t.index.idle();
    t.clock.onYield = undefined;
    assert.ok(typed, 'the re-check yielded');
    assert.equal(t.published.length, 1, 'the overtaken analysis (with T-5) was not published');
    t.clock.advance(300);
    await t.index.idle();
    assert.equal(t.published.length, 2);
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-6']);
  });

  it('follows the disk: a changed file, a deleted file, a folder of new files, a closed buffer', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    t.disk.files['specs/FEAT-1.md'] = SPEC;
    t.disk.files['more/b.md'] = '- [ ] T-7 Seventh\n';
    t.disk.files['more/deep/c.md'] = '- [ ] T-8 Eighth\n';
    t.index.diskChanged('specs/FEAT-1.md');
    t.index.diskChanged('more');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['FEAT-1', 'T-1', 'T-2', 'T-7', 'T-8']);
    delete t.disk.files['more/b.md'];
    delete t.disk.files['more/deep/c.md'];
    t.index.diskChanged('more');
    // Unsaved edits keep a file whose disk copy is gone; closing the buffer drops it.
    t.buffers.set('specs/FEAT-1.md', { text: SPEC, dirty: true });
    delete t.disk.files['specs/FEAT-1.md'];
    t.index.diskChanged('specs/FEAT-1.md');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['FEAT-1', 'T-1', 'T-2']);
    t.buffers.delete('specs/FEAT-1.md');
    t.index.diskChanged('specs/FEAT-1.md');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2']);
    assert.equal(analysisSummary(t.index.analysis!), await coldSummary({ 'plans/a.md': PLAN }));
  });

  it('re-lists when the config changes what is included', async () => {
    const t = setup({ 'plans/a.md': PLAN, 'drafts/d.md': '- [ ] T-40 Draft\n' });
    await t.index.load();
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2', 'T-40']);
    t.disk.files['.specline.yml'] = 'exclude: ["drafts/**"]\n';
    t.index.diskChanged('.specline.yml');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2']);
    delete t.disk.files['.specline.yml'];
    t.index.diskChanged('.specline.yml');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2', 'T-40']);
  });

  it('a second load supersedes the first: one ready state, the newer files', async () => {
    const t = setup(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`plans/p${i}.md`, `- [ ] T-${i + 1} Task\n`])));
    const first = t.index.load();
    t.disk.files['plans/new.md'] = '- [ ] T-100 New\n';
    const second = t.index.load();
    await Promise.all([first, second]);
    assert.deepEqual(t.states, ['loading', 'loading', 'ready']);
    assert.equal(t.published.length, 1);
    assert.ok(t.index.analysis!.items.has('T-100'));
    assert.deepEqual(t.errors, []);
  });

  it('fresh() answers at once with unsent buffer edits, and a later flush agrees', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    t.buffers.set('plans/a.md', { text: `${PLAN}| T-3 | Third | 1d | T-2 |\n`, dirty: true });
    t.index.bufferChanged('plans/a.md');
    assert.deepEqual(ids(t.index.fresh()), ['T-1', 'T-2', 'T-3']);
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2'], 'nothing published before the quiet period');
    t.clock.advance(300);
    await t.index.idle();
    assert.deepEqual(ids(t.index.analysis), ['T-1', 'T-2', 'T-3']);
  });

  it('after dispose, no timer fires and nothing is published', async () => {
    const t = setup({ 'plans/a.md': PLAN });
    await t.index.load();
    t.buffers.set('plans/a.md', { text: PLAN.replace('T-2', 'T-5'), dirty: true });
    t.index.bufferChanged('plans/a.md');
    t.index.dispose();
    assert.equal(t.clock.pending(), 0);
    t.clock.advance(1000);
    await t.index.idle();
    assert.equal(t.published.length, 1);
  });
});

describe('Workspace.setFiles: parses through the injected batch parser', () => {
  it('keeps a newer text set while the batch was being parsed', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let calls = 0;
    const ws = createWorkspace({
      fs: memoryFileSystem({ 'plans/a.md': PLAN }),
      today: () => TODAY,
      parseBatch: async (files, config) => {
        if (calls++ > 0) await gate; // after the load, the parse thread is busy until released
        return files.map((f) => parseFile(f.path, f.text, config));
      },
    });
    await ws.load();
    const loading = ws.setFiles([{ path: 'plans/a.md', text: PLAN.replace('T-2', 'T-5') }]);
    ws.setFile('plans/a.md', PLAN.replace('T-2', 'T-6'));
    release();
    await loading;
    assert.deepEqual(ids(ws.analyze()), ['T-1', 'T-6']);
  });
});

