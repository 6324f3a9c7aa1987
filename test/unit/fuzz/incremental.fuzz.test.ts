import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { runInSlices } from '../../../src/core/live/slices.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { analysisSummary } from '../../support/analysisSummary.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import { fuzzParameters, fuzzTimeout } from './fuzzSettings.js';
import { markdownDocument } from './markdownArbitrary.js';

/** An edit of one file: insert a random document at a line, delete lines, or replace the file. */
type Edit = { file: number; kind: 'insert' | 'delete' | 'replace'; at: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({ file: fc.nat(2), kind: fc.constantFrom('insert', 'insert', 'delete', 'replace'), at: fc.nat(40), text: markdownDocument });

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  const at = e.at % (lines.length + 1);
  if (e.kind === 'insert') lines.splice(at, 0, e.text);
  else if (e.kind === 'delete') lines.splice(at, 1 + (e.at % 3));
  else return e.text;
  return lines.join('\n');
}

describe('fuzz: incremental analysis', function () {
  this.timeout(fuzzTimeout());
  it('after every random edit equals a cold analysis of the same files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(markdownDocument, { minLength: 3, maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 4 }), async (docs, edits) => {
        const paths = docs.map((_, i) => `p${i}.md`);
        const texts = new Map(paths.map((p, i) => [p, docs[i]!]));
        // Texts reach both workspaces as editor buffers do (setFile): a disk round trip
        // would turn a lone surrogate into U+FFFD on one side only.
        const ws = createWorkspace({ fs: memoryFileSystem({}), today: () => parseIsoDate('2027-02-15')! });
        await ws.load();
        for (const [path, text] of texts) ws.setFile(path, text);
        ws.analyze();
        for (const e of edits) {
          const path = paths[e.file]!;
          texts.set(path, apply(texts.get(path)!, e));
          ws.setFile(path, texts.get(path)!);
          const incremental = ws.analyze();
          // A cold workspace given the same texts the same way, analysed once.
          const fresh = createWorkspace({ fs: memoryFileSystem({}), today: () => parseIsoDate('2027-02-15')! });
          await fresh.load();
          for (const [path, text] of texts) fresh.setFile(path, text);
          assert.equal(analysisSummary(incremental), analysisSummary(fresh.analyze()));
        }
      }),
      fuzzParameters(0.015),
    );
  });

  it('in slices, with edits arriving between slices, equals a cold analysis of the files as they were when it started', async () => {
    const cold = async (texts: Map<string, string>): Promise<string> => {
      const fresh = createWorkspace({ fs: memoryFileSystem({}), today: () => parseIsoDate('2027-02-15')! });
      await fresh.load();
      for (const [path, text] of texts) fresh.setFile(path, text);
      return analysisSummary(fresh.analyze());
    };
    await fc.assert(
      fc.asyncProperty(fc.array(markdownDocument, { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(edit, fc.nat(30)), { minLength: 1, maxLength: 3 }), async (docs, edits) => {
        const paths = docs.map((_, i) => `p${i}.md`);
        const texts = new Map(paths.map((p, i) => [p, docs[i]!]));
        const ws = createWorkspace({ fs: memoryFileSystem({}), today: () => parseIsoDate('2027-02-15')! });
        await ws.load();
        for (const [path, text] of texts) ws.setFile(path, text);
        await runInSlices(ws.analyzeSteps(), { now: () => 0, yieldToHost: async () => {} });
        for (const [e, after] of edits) {
          // The edit lands while a sliced analysis of the files before it is halfway through.
          const before = new Map(texts);
          const path = paths[e.file]!;
          texts.set(path, apply(texts.get(path)!, e));
          let step = 0;
          const host = {
            now: () => step,
            yieldToHost: async (): Promise<void> => {
              if (++step === after % 12 + 1) ws.setFile(path, texts.get(path)!);
            },
          };
          const sliced = await runInSlices(ws.analyzeSteps(), host, 1);
          if (step <= after % 12) {
            // The analysis ended before the edit could land: apply it now.
            assert.equal(analysisSummary(sliced), await cold(before));
            ws.setFile(path, texts.get(path)!);
          } else {
            assert.equal(analysisSummary(sliced), await cold(before), 'the sliced analysis reads the files as they were at its start');
          }
          assert.equal(analysisSummary(ws.analyze()), await cold(texts), 'the next analysis sees the edit');
        }
      }),
      fuzzParameters(0.006),
    );
  });
});
