import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';
import { assertNoInternalError, assertOutputBudget, assertRangesInside } from './documentChecks.js';
import { fuzzParameters, fuzzTimeout } from './fuzzSettings.js';
import { markdownDocument } from './markdownArbitrary.js';

const config = defaultConfig();

describe('fuzz: random plan-like Markdown', function () {
  this.timeout(fuzzTimeout());
  it('parseFile never breaks, keeps every range inside the document and its output within budget', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        const result = parseFile('doc.md', text, config);
        assertNoInternalError(result.diagnostics);
        assertRangesInside(result.diagnostics, new Map([['doc.md', text]]));
        for (const item of result.items) assertRangesInside([{ file: 'doc.md', range: item.idRange, code: 'item', message: item.id, severity: 'info', related: [] }], new Map([['doc.md', text]]));
        assertOutputBudget(result.diagnostics, Buffer.byteLength(text));
      }),
      fuzzParameters(0.3),
    );
  });

  it('a whole workspace of random files analyses without throwing, ranges inside, output within budget', async () => {
    const workspace = fc.tuple(fc.array(markdownDocument, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom('start: 2027-01-04\n', 'kinds: { task: [T, TASK] }\n', 'rules: { schedule.overdue: error }\n', 'start: [\n', 'capacity: { default: 50% }\ncalendar: { workdays: [mon] }\n'), { nil: undefined }));
    await fc.assert(
      fc.asyncProperty(workspace, async ([docs, yml]) => {
        const files: Record<string, string> = {};
        docs.forEach((d, i) => { files[`plans/doc${i}.md`] = d; });
        if (yml !== undefined) files['.specline.yml'] = yml;
        const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate('2027-02-15')! });
        await ws.load();
        const analysis = ws.analyze();
        assertNoInternalError(analysis.diagnostics);
        assertRangesInside(analysis.diagnostics, new Map(Object.entries(files)));
        assertOutputBudget(analysis.diagnostics, docs.reduce((n, d) => n + Buffer.byteLength(d), 0));
      }),
      fuzzParameters(0.06),
    );
  });
});
