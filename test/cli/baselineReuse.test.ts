import assert from 'node:assert/strict';
import type { Analysis } from '../../src/core/analysis/types.js';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { analyzeAtRef } from '../../src/node/git.js';
import { createNodeWorkspace } from '../../src/node/nodeWorkspace.js';
import type { TestRepo } from '../support/gitRepo.js';
import { createTestRepo } from '../support/gitRepo.js';

const TODAY = parseIsoDate('2027-01-04')!;
const plan = (t1: string): string => `---\ntitle: Plan\nstart: 2027-01-04\n---\n\n| ID | Task | Duration | After | Features |\n|---|---|---|---|---|\n| T-1 | Design | ${t1} | | FEAT-1 |\n| T-2 | Build | 3d | T-1 | FEAT-1 |\n\n- M-1 Release\n  - after: T-2\n`;
const spec = '---\nid: FEAT-1\ntitle: Checkout\ngoals: [G-1]\nbudget: 5000\n---\n\nSee T-2.\n';
const roadmap = '# Roadmap\n\n## G-1 Grow\n';

/** Everything an analysis says, as text: what reuse must not change. */
function said(a: Analysis): string {
  return JSON.stringify({
    files: [...a.files.values()].map((f) => ({ ...f, hash: undefined })),
    diagnostics: a.diagnostics,
    tasks: [...a.schedule.tasks],
    milestones: [...a.schedule.milestones],
    features: [...a.features],
  });
}

describe('A baseline reuses the parse of files unchanged since its revision', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createTestRepo();
    repo.write('roadmap.md', roadmap);
    repo.write('specs/feat-1.md', spec);
    repo.write('plans/plan.md', plan('2d'));
    repo.commit('agreed plan', '2027-01-01T10:00:00Z');
    repo.tag('v1');
  });
  afterEach(() => repo.dispose());

  const current = async (): Promise<Analysis> => {
    const ws = createNodeWorkspace({ root: repo.dir, today: TODAY, parallel: false });
    await ws.load();
    return ws.analyze();
  };

  it('keeps the current result of each unchanged file, parses the changed ones, and says exactly what a fresh read says', async () => {
    repo.write('plans/plan.md', plan('4d'));
    const now = await current();
    const fresh = await analyzeAtRef({ root: repo.dir, ref: 'v1', today: TODAY });
    const reused = await analyzeAtRef({ root: repo.dir, ref: 'v1', today: TODAY, reuse: { files: now.files, config: now.config } });
    assert.equal(said(reused.analysis), said(fresh.analysis));
    assert.equal(reused.analysis.files.get('specs/feat-1.md'), now.files.get('specs/feat-1.md'), 'the unchanged spec keeps its result');
    assert.equal(reused.analysis.files.get('roadmap.md'), now.files.get('roadmap.md'), 'the unchanged roadmap keeps its result');
    assert.notEqual(reused.analysis.files.get('plans/plan.md'), now.files.get('plans/plan.md'), 'the changed plan is parsed as it was');
    assert.equal(reused.analysis.schedule.tasks.get('T-1')?.end, parseIsoDate('2027-01-05'), 'T-1 at v1 took 2 days');
  });

  it('parses everything again when the revision reads IDs differently (another prefix in its config)', async () => {
    repo.write('.specline.yml', 'kinds:\n  task: [T, TASK]\n');
    const now = await current();
    const reused = await analyzeAtRef({ root: repo.dir, ref: 'v1', today: TODAY, reuse: { files: now.files, config: now.config } });
    assert.notEqual(reused.analysis.files.get('specs/feat-1.md'), now.files.get('specs/feat-1.md'));
    const fresh = await analyzeAtRef({ root: repo.dir, ref: 'v1', today: TODAY });
    assert.equal(said(reused.analysis), said(fresh.analysis));
  });
});
