import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/config/loadConfig.js';
import { createParsePool, parseInThread, splitIntoChunks } from '../../src/node/parsePool.js';
import type { SourceFile } from '../../src/node/parsePool.js';

function plan(i: number): SourceFile {
  return {
    path: `plans/p${i}.md`,
    text: `# Plan ${i}\n\n- [ ] T-${i} Task ${i}\n  - duration: ${1 + (i % 5)}d\n  - features: FEAT-${i}\n\n## FEAT-${i} Feature ${i}\n- goals: G-1\n`,
  };
}

describe('parse pool', () => {
  const config = defaultConfig();
  config.prefixes.set('WORK', 'task');
  const files = Array.from({ length: 40 }, (_, i) => plan(i));
  files.push({ path: 'custom.md', text: '- [ ] WORK-1 Custom prefix\n  - duration: 2d\n' });

  it('gives the same results on worker threads as in-thread, in input order', async () => {
    const fallbacks: string[] = [];
    const parsedBy = { worker: 0, main: 0 };
    const pool = createParsePool({
      threads: 3, minFiles: 0, minBytes: 0, bytesPerThread: 0,
      onFallback: (r) => fallbacks.push(r),
      onChunk: (by, count) => { parsedBy[by] += count; },
    });
    const threaded = await pool(files, config);
    const inThread = await parseInThread(files, config);
    assert.deepEqual(fallbacks, []);
    assert.ok(parsedBy.worker > 0, 'workers parsed some files');
    assert.equal(parsedBy.worker + parsedBy.main, files.length);
    assert.deepEqual(threaded, inThread);
    assert.deepEqual(threaded.map((r) => r.file), files.map((f) => f.path));
    // The config's Maps crossed the thread boundary: the custom prefix is a task there too.
    assert.equal(threaded.at(-1)!.items[0]?.id, 'WORK-1');
  });

  it('falls back to in-thread parsing when workers cannot start', async () => {
    const fallbacks: string[] = [];
    const pool = createParsePool({
      threads: 2, minFiles: 0, minBytes: 0, bytesPerThread: 0,
      workerUrl: new URL('./no-such-worker.js', import.meta.url),
      onFallback: (r) => fallbacks.push(r),
    });
    const results = await pool(files, config);
    assert.deepEqual(results, await parseInThread(files, config));
    assert.equal(fallbacks.length, 1);
    assert.match(fallbacks[0]!, /no-such-worker|Cannot find module/);
  });

  it('parses small batches in-thread without starting workers', async () => {
    const pool = createParsePool({ threads: 4, workerUrl: new URL('./no-such-worker.js', import.meta.url), onFallback: () => assert.fail('no worker expected') });
    assert.equal((await pool(files.slice(0, 3), config)).length, 3);
    assert.deepEqual(await pool([], config), []);
  });

  it('splits into ordered chunks of about equal size', () => {
    const chunks = splitIntoChunks(files, 8);
    assert.ok(chunks.length <= 9 && chunks.length >= 4);
    assert.deepEqual(chunks.flat(), files);
  });
});
