import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { renderStatusReport } from '../../../src/core/report/statusReport.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { analysisSummary } from '../../support/analysisSummary.js';
import { generatedWorkspace } from '../../support/generatedWorkspace.js';
import { memoryFileSystem, readFixture } from '../../support/memoryFileSystem.js';

/**
 * An analysis is a snapshot: whoever holds one (a report waiting for git, a cache keyed by
 * it) reads the same thing however the workspace is edited and re-analysed meanwhile.
 */
describe('an analysis stays as it was while the workspace changes', () => {
  /** Starts a "report" that reads `analysis` after an await, runs `edit` while it waits, and returns what it read before and after. */
  async function reportAcrossEdits(analysis: Analysis, edit: () => void): Promise<{ before: string; after: string; summaryBefore: string; summaryAfter: string }> {
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    const report = (async () => {
      const before = renderStatusReport(analysis, { title: 'Status' });
      const summaryBefore = analysisSummary(analysis);
      await waiting; // as the report command awaits git or a quick pick
      return { before, after: renderStatusReport(analysis, { title: 'Status' }), summaryBefore, summaryAfter: analysisSummary(analysis) };
    })();
    edit();
    release();
    return report;
  }

  for (const [name, load] of [
    ['examples/acme', async () => readFixture(join(process.cwd(), 'examples', 'acme'))],
    ['a generated workspace of 120 documents (shared maps)', async () => generatedWorkspace(120, 'rates: { default: 500 }\n')],
  ] as const) {
    it(`${name}: edits re-analysed during an awaited report change nothing the report reads`, async function () {
      this.timeout(60_000);
      const files = await load();
      const ws = createWorkspace({ fs: memoryFileSystem({ ...files }), today: () => parseIsoDate('2027-02-15')! });
      await ws.load();
      const held = ws.analyze();
      const plans = Object.keys(files).filter((p) => p.endsWith('.md') && /\d+d\b/.test(files[p]!)).sort();
      assert.ok(plans.length >= 2, 'the workspace has plans with durations');
      const edited: Analysis[] = [];
      const read = await reportAcrossEdits(held, () => {
        // Durations, progress and prose in several plans: the next analyses patch dates,
        // roll-ups and cost figures.
        for (const [i, path] of plans.slice(0, 4).entries()) {
          ws.setFile(path, files[path]!.replace(/(\d+)d\b/, (_m, n: string) => `${Number(n) + 7 + i}d`).replace(/\| (\d+)% \|/, '| 90% |'));
          edited.push(ws.analyze());
        }
      });
      assert.equal(read.after, read.before, 'the report reads the same analysis after the await');
      assert.equal(read.summaryAfter, read.summaryBefore, 'dates, roll-ups, cost and diagnostics of the held analysis are unchanged');
      const latest = edited.at(-1)!;
      assert.notEqual(analysisSummary(latest), read.summaryBefore, 'the edits did change the newer analyses');
      assert.notEqual(latest.schedule.tasks, held.schedule.tasks);
      assert.notEqual(latest.items, held.items);
    });
  }
});
