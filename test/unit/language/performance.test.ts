import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getCodeLenses } from '../../../src/core/language/codeLens.js';
import { getCompletions } from '../../../src/core/language/completions.js';
import { getDefinitions } from '../../../src/core/language/definition.js';
import { getHover } from '../../../src/core/language/hover.js';
import { getReferences } from '../../../src/core/language/references.js';
import { prepareRename } from '../../../src/core/language/rename.js';
import { analyzeFiles } from './helpers.js';

/**
 * Language features on a large workspace (4,440 items): correct answers after the lazy
 * indexes are built. Speed is measured in bench/, never asserted in a test.
 */
describe('language features on a large workspace', () => {
  let analysis: Analysis;
  let plan: string;
  before(async function () {
    this.timeout(60_000);
    const files: Record<string, string> = { '.specline.yml': 'start: 2027-01-04\n' };
    files['roadmap.md'] = Array.from({ length: 40 }, (_, g) => `## G-${g + 1} Goal ${g + 1}\n- horizon: 2027-Q${(g % 4) + 1}\n`).join('\n');
    files['specs.md'] = Array.from({ length: 400 }, (_, f) => `## FEAT-${f + 1} Feature ${f + 1}\n- goals: G-${(f % 40) + 1}\n`).join('\n');
    for (let p = 0; p < 40; p++) {
      files[`plans/plan-${p}.md`] = Array.from({ length: 100 }, (_, i) => {
        const n = p * 100 + i + 1;
        return `- [ ] T-${n} Task ${n}\n  - features: FEAT-${(n % 400) + 1}\n  - duration: 2d\n  - owner: @dev${n % 25}${i > 0 ? `\n  - after: T-${n - 1}` : ''}`;
      }).join('\n') + '\n';
    }
    plan = files['plans/plan-7.md']!;
    analysis = await analyzeFiles(files);
    assert.equal(analysis.items.size, 40 + 400 + 4000);
  });

  it('answers completions, hovers, definitions, renames, references and code lenses', () => {
    const lines = plan.split('\n');
    const afterLine = lines.findIndex((l) => l.startsWith('  - after:'));
    const position = { line: afterLine, character: lines[afterLine]!.length };
    const idPosition = { line: 0, character: 8 };
    // Warm up: the first calls build the indexes.
    getCompletions(analysis, 'plans/plan-7.md', plan, position);
    getHover(analysis, 'plans/plan-7.md', plan, idPosition);
    for (let i = 0; i < 3; i++) {
      const completions = getCompletions(analysis, 'plans/plan-7.md', plan, position)!;
      assert.ok(completions.items.length > 0);
      assert.ok(getHover(analysis, 'plans/plan-7.md', plan, idPosition));
      assert.equal(getDefinitions(analysis, 'plans/plan-7.md', plan, idPosition).length, 1);
      assert.ok('range' in prepareRename(analysis, 'plans/plan-7.md', plan, idPosition));
      assert.ok(getReferences(analysis, 'T-701', { includeDeclaration: true }).length >= 1);
      assert.equal(getCodeLenses(analysis, 'specs.md').length, 400);
    }
  });
});
