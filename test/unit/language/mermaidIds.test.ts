import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getDefinitions } from '../../../src/core/language/definition.js';
import { getHover } from '../../../src/core/language/hover.js';
import { getReferencesAt } from '../../../src/core/language/references.js';
import { getRenameEdits, prepareRename } from '../../../src/core/language/rename.js';
import type { TextEdit } from '../../../src/core/language/types.js';
import { renderGanttView, restoreGanttOptions } from '../../../src/core/views/ganttView.js';
import { buildPlanTree } from '../../../src/core/views/planTree.js';
import { analyzeFiles, applyEdits, cursorAt, problems, textAt } from './helpers.js';

const CHART = (id = 'a1'): string => `# Chart plan

\`\`\`mermaid
gantt
    dateFormat YYYY-MM-DD
    Design             :${id}, 2027-01-04, 3d
    Build              :T-3, after ${id}, 2d
    Review             :r1, after ${id} T-3, 1d
\`\`\`

\`\`\`mermaid
gantt
    dateFormat YYYY-MM-DD
    Other chart        :a1, 2027-02-01, 1d
    Then               :after a1, 1d
\`\`\`
`;

describe('language features on mermaid chart ids', () => {
  let analysis: Analysis;
  const files = (): Record<string, string> => ({ 'chart.md': CHART(), 'notes.md': '# Notes\n\nT-3 is the build.\n' });
  before(async () => {
    analysis = await analyzeFiles(files());
  });

  it('goes to the definition of a chart-local id from an `after`, in its own chart only', () => {
    const { text, position } = cursorAt(CHART().replace('Build              :T-3, after a1', 'Build              :T-3, after a‸1'));
    const defs = getDefinitions(analysis, 'chart.md', text, position);
    assert.deepEqual(defs.map((d) => [d.file, d.range.start.line, textAt(text, d.range)]), [['chart.md', 5, 'a1']]);
  });

  it('finds the references of a chart-local id within its chart, and of a Specline ID everywhere', () => {
    const { text, position } = cursorAt(CHART().replace('Design             :a1', 'Design             :a‸1'));
    const refs = getReferencesAt(analysis, 'chart.md', text, position, { includeDeclaration: true });
    assert.deepEqual(refs.map((r) => r.range.start.line + 1), [6, 7, 8]);
    const t3 = cursorAt(CHART().replace(':T-3, after', ':T-‸3, after'));
    const all = getReferencesAt(analysis, 'chart.md', t3.text, t3.position, { includeDeclaration: true });
    assert.deepEqual(all.map((r) => `${r.file}:${r.range.start.line + 1}`), ['chart.md:7', 'chart.md:8', 'notes.md:3']);
  });

  it('hovers a chart task with its mermaid id, title and dates', () => {
    const { text, position } = cursorAt(CHART().replace('Design             :a1', 'Design             :‸a1'));
    const hover = getHover(analysis, 'chart.md', text, position);
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*Task `a1`\*\* — Design \(mermaid chart, local id\)/);
    assert.match(hover.markdown, /2027-01-04/);
    assert.equal(textAt(text, hover.range), 'a1');
  });

  it('renames a chart-local id within its chart only, and refuses ids mermaid cannot name', async () => {
    const { text, position } = cursorAt(CHART().replace('Design             :a1', 'Design             :a‸1'));
    const prepared = prepareRename(analysis, 'chart.md', text, position);
    assert.ok('placeholder' in prepared);
    assert.equal(prepared.placeholder, 'a1');
    const defs = getDefinitions(analysis, 'chart.md', text, position);
    const id = analysis.files.get('chart.md')!.items.find((i) => i.idRange.start.line === defs[0]!.range.start.line)!.id;
    const result = getRenameEdits(analysis, id, 'design');
    assert.ok('edits' in result, 'error' in result ? result.error : '');
    const renamed = applyEdits(CHART(), (result.edits as TextEdit[]).filter((e) => e.file === 'chart.md'));
    assert.equal(renamed, CHART('design').replace('Other chart        :design', 'Other chart        :a1'));
    // The other chart's a1 is untouched, and the renamed plan reads without problems of its own.
    const again = await analyzeFiles({ ...files(), 'chart.md': renamed });
    assert.deepEqual(problems(again, 'ref.unknown', 'id.duplicate', 'mermaid.syntax'), []);
    assert.match((getRenameEdits(analysis, id, 'has space') as { error: string }).error, /cannot be a mermaid id/);
    assert.match((getRenameEdits(analysis, id, 'T-9') as { error: string }).error, /looks like a workspace ID/);
    assert.match((getRenameEdits(analysis, id, 'r1') as { error: string }).error, /already an id of this chart/);
  });

  it('lists chart tasks in the Plan Explorer under their mermaid ids', () => {
    const tree = JSON.stringify(buildPlanTree(analysis));
    assert.match(tree, /a1 Design/);
    assert.doesNotMatch(tree, /"label":"[^"]*@chart/);
    assert.doesNotMatch(tree, /\*\*a1\\\\@/);
  });

  it('draws chart tasks in the Gantt preview, active plan and whole workspace alike', () => {
    const options = restoreGanttOptions({});
    const view = renderGanttView(analysis, options, 'chart.md');
    assert.equal(view.counts.bars, 5, 'every task of both charts is a bar');
    assert.match(view.html, />a1 Design</);
    assert.doesNotMatch(view.html, />[^<]*a1@chart/, "labels and hovers show the mermaid id (the data-id keeps the identity)");
    const all = renderGanttView(analysis, { ...options, plan: '*' });
    assert.equal(all.counts.bars, 5);
  });
});
