import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
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
        const ws = createWorkspace({ fs: memoryFileSystem(Object.fromEntries(texts)), today: () => parseIsoDate('2027-02-15')! });
        await ws.load();
        ws.analyze();
        for (const e of edits) {
          const path = paths[e.file]!;
          texts.set(path, apply(texts.get(path)!, e));
          ws.setFile(path, texts.get(path)!);
          const incremental = ws.analyze();
          const cold = analyze({ config: ws.config(), configDiagnostics: ws.configProblems(), files: incremental.files.values(), today: incremental.today });
          assert.equal(analysisSummary(incremental), analysisSummary(cold));
        }
      }),
      fuzzParameters(0.015),
    );
  });
});
