import * as assert from 'node:assert/strict';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { ConfigError } from '../../src/core/config/loadConfig.js';
import { createNodeWorkspace } from '../../src/node/nodeWorkspace.js';
import { fixture } from './helpers.js';

describe('createNodeWorkspace', () => {
  const today = parseIsoDate('2027-01-01')!;

  it('analyses a folder the same on worker threads as in the main thread', async () => {
    const threaded = createNodeWorkspace({ root: fixture('schedule'), today, parallel: 2, pool: { minFiles: 0, minBytes: 0, bytesPerThread: 0 } });
    const single = createNodeWorkspace({ root: fixture('schedule'), today: () => today, parallel: false });
    await Promise.all([threaded.load(), single.load()]);
    const a = threaded.analyze();
    const b = single.analyze();
    assert.deepEqual([...a.files.keys()].sort(), ['plan.md', 'roadmap.md', 'specs.md']);
    assert.deepEqual(a.diagnostics, b.diagnostics);
    assert.deepEqual([...a.schedule.tasks], [...b.schedule.tasks]);
    assert.equal(a.today, today);
  });

  it('reads an explicit config, relative to the root or absolute, and throws ConfigError when it is missing', async () => {
    for (const configPath of ['.specline.yml', `${fixture('schedule')}/.specline.yml`]) {
      const ws = createNodeWorkspace({ root: fixture('schedule'), today, configPath });
      await ws.load();
      assert.deepEqual(ws.configProblems(), []);
      assert.equal(ws.config().start, parseIsoDate('2027-01-04'));
    }
    const missing = createNodeWorkspace({ root: fixture('schedule'), today, configPath: 'nope.yml' });
    await assert.rejects(missing.load(), ConfigError);
  });
});
