import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { getHover } from '../../../src/core/language/hover.js';
import { escapeMarkdown } from '../../../src/core/language/markdownEscape.js';
import { analyzeFiles, cursorAt, FEATURES, PLAN, SSO_SPEC, textAt, workspaceFiles } from './helpers.js';
import { renderedMarkdown as rendered } from './helpers.js';


describe('getHover', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(workspaceFiles());
  });

  const hover = (file: string, marked: string, a = analysis): { markdown: string; covered: string } | undefined => {
    const { text, position } = cursorAt(marked);
    const h = getHover(a, file, text, position);
    return h && { markdown: h.markdown, covered: textAt(text, h.range) };
  };

  it('a feature: title, status, priority, owner, dates, progress, trace and where it is defined', () => {
    const h = hover('plan.md', PLAN.replace('  - features: FEAT-1\n  - duration: 3d', '  - features: FEA‸T-1\n  - duration: 3d'))!;
    assert.equal(h.covered, 'FEAT-1');
    const md = h.markdown;
    assert.match(md, /^\*\*Feature `FEAT-1`\*\* — Single sign-on/);
    assert.match(md, /\*\*Status:\*\* approved · \*\*Priority:\*\* must · \*\*Owner:\*\* \\@ana/);
    assert.match(md, /\*\*Dates:\*\* 2027-01-04 → 2027-01-13 · 8 working days/);
    assert.match(md, /\*\*Progress:\*\* 38%/);
    assert.match(md, /\*\*Trace:\*\* G-1 ← \*\*FEAT-1\*\* ← 2 tasks: T-1, T-2 · traced, scheduled/);
    assert.match(md, /Defined in specs\/sso\.md, line 2$/);
    assert.doesNotMatch(md, /Problems/);
  });

  it('a task: schedule dates, working days, float, critical path, and its trace with predecessors', () => {
    const t2 = hover('specs/sso.md', SSO_SPEC.replace('see T-2', 'see T-‸2'))!.markdown;
    assert.match(t2, /\*\*Dates:\*\* 2027-01-07 → 2027-01-13 · 5 working days · float 5 working days/);
    assert.doesNotMatch(t2, /critical/);
    assert.match(t2, /\*\*Trace:\*\* G-1 ← FEAT-1 ← \*\*T-2\*\* · after T-1/);
    const t1 = hover('plan.md', PLAN.replace('- [x] T-1', '- [x] T‸-1'))!.markdown;
    assert.match(t1, /float 0 working days · \*\*critical path\*\*/);
    assert.match(t1, /\*\*Progress:\*\* 100%/);
    assert.match(t1, /\*\*Status:\*\* done/);
  });

  it('a goal: horizon, metric, its features and their coverage, progress', () => {
    const md = hover('specs/sso.md', SSO_SPEC.replace('goals: [G-1]', 'goals: [G-‸1]'))!.markdown;
    assert.match(md, /\*\*Horizon:\*\* 2027-Q1 \(ends 2027-03-31\)/);
    assert.match(md, /\*\*Metric:\*\* days from sign-up to first commit/);
    assert.match(md, /\*\*Trace:\*\* \*\*G-1\*\* ← 2 features: FEAT-1, FEAT-2 ← 3 tasks · coverage: 2 of 2 traced, 2 of 2 scheduled/);
    assert.match(md, /\*\*Dates:\*\* features end 2027-01-20 · due 2027-03-31/);
    assert.match(md, /\*\*Progress:\*\* 17%/);
  });

  it('a feature with gaps lists its problems by severity with the first message', () => {
    const md = hover('specs/features.md', FEATURES.replace('## FEAT-3', '## FEAT-3‸'))!.markdown;
    assert.match(md, /\*\*Trace:\*\* no goal ← \*\*FEAT-3\*\* ← no task · not traced/);
    assert.match(md, /\*\*Problems:\*\* 2 warnings — FEAT-3 traces to no goal: add goals: \\\[G-…\\\] to say why it is built \(`trace\.feature-no-goal`\)/);
  });

  it('errors come first in the problem summary', async () => {
    const a = await analyzeFiles({ 'plan.md': '- [ ] T-1 A\n  - after: T-99\n  - duration: 2d\n  - features: FEAT-1\n\n## FEAT-1 F\n- goals: G-1\n\n## G-1 G\n' });
    const md = hover('plan.md', '- [ ] T‸-1 A\n', a)!.markdown;
    assert.match(md, /\*\*Problems:\*\* 1 error, 1 warning — T-1: after names T-99, which no item defines/);
  });

  it('a milestone: its date and the tasks it waits for', () => {
    const md = hover('plan.md', PLAN.replace('- M-1 Beta', '- M-‸1 Beta'))!.markdown;
    assert.match(md, /\*\*Date:\*\* 2027-01-15 · 1 task/);
    assert.match(md, /\*\*Trace:\*\* after T-2/);
  });

  it('a persona: the features that name it', () => {
    assert.match(hover('personas.md', '- P-‸1 Admin Alice\n')!.markdown, /\*\*Trace:\*\* named by 1 feature: FEAT-1/);
    assert.match(hover('personas.md', '- P-‸2 Developer Dan\n')!.markdown, /no feature names this persona[\s\S]*\*\*Problems:\*\* 1 note/);
  });

  it('an ID nothing defines says so', () => {
    const md = hover('plan.md', 'Waiting for T-4‸2.\n')!.markdown;
    assert.equal(md, '**Task `T-42`** is not defined anywhere in the workspace.');
  });

  it('a duplicated ID lists every definition', async () => {
    const a = await analyzeFiles({ 'a.md': '## G-1 First\n', 'b.md': '# B\n\n## G-1 Second\n' });
    const md = hover('a.md', '## G-1‸ First\n', a)!.markdown;
    assert.match(md, /Defined 2 times: a\.md, line 1, b\.md, line 3/);
    assert.match(md, /id\.duplicate/);
  });

  it('escapes hostile titles: no link, image, HTML or emphasis can form', async () => {
    const title = '*bold* _it_ [click](https://evil.example/x) ![img](x.png) <img src=x onerror=alert(1)> `code` | pipe www.evil.example ana@evil.example <!-- c --> &lt; \\';
    const a = await analyzeFiles({ 'plan.md': `| ID | Title | Owner |\n|---|---|---|\n| T-1 | ${title.replace(/\|/g, '\\|')} | @ana |\n` });
    const item = a.items.get('T-1')!;
    assert.ok(item.title.includes('<img'), `parsed title: ${item.title}`);
    const md = hover('plan.md', 'see T-‸1\n', a)!.markdown;
    assert.ok(md.includes(escapeMarkdown(item.title)));
    const { types, text } = rendered(md);
    for (const bad of ['link', 'linkReference', 'image', 'imageReference', 'html', 'emphasis', 'delete', 'table']) assert.ok(!types.has(bad), `hover renders a ${bad}`);
    assert.ok(text.includes(item.title), 'the reader sees the title as written');
    // GFM autolink literals (not parsed above, but VS Code renders them) are broken up.
    assert.doesNotMatch(md, /https:\/\//);
    assert.doesNotMatch(md, /www\.evil/);
    assert.doesNotMatch(md, /[^\\]@evil/);
  });

  it('escapes the first problem message too (it quotes user text)', async () => {
    const a = await analyzeFiles({ 'plan.md': '- [ ] T-1 A\n  - duration: [x](javascript:alert(1))\n' });
    const md = hover('plan.md', '- [ ] T-‸1 A\n', a)!.markdown;
    const { types } = rendered(md);
    assert.ok(!types.has('link'));
    assert.match(md, /schema\.invalid/);
  });

  it('documents attribute keys: front matter, list entries and table headers', () => {
    const fm = hover('specs/sso.md', SSO_SPEC.replace('goals: [G-1]', 'go‸als: [G-1]'))!;
    assert.equal(fm.covered, 'goals');
    assert.match(fm.markdown, /^\*\*`goals`\*\* \(also: `goal`\)/);
    assert.match(fm.markdown, /\*Applies to:\* features/);
    const list = hover('plan.md', '- [ ] T-9 X\n  - estima‸te: 2d\n')!;
    assert.equal(list.covered, 'estimate');
    assert.match(list.markdown, /^\*\*`duration`\*\*/);
    const header = hover('p.md', '| ID | Depends‸ on |\n|---|---|\n| T-1 | |\n')!;
    assert.equal(header.covered, 'Depends on');
    assert.match(header.markdown, /^\*\*`after`\*\*/);
    assert.match(hover('p.md', '---\nca‸lendar: {}\n---\n')!.markdown, /calendar/);
  });

  it('gives nothing on prose, unknown keys or values', () => {
    assert.equal(hover('plan.md', 'Plain wo‸rds\n'), undefined);
    assert.equal(hover('plan.md', '- [ ] T-9 X\n  - te‸am: core\n'), undefined);
    assert.equal(hover('plan.md', '- [ ] T-9 X\n  - status: d‸one\n'), undefined);
  });

  describe('cost, budget and metrics', () => {
    // Day rate 500; T-1: 4 days × 500 = 2,000, 2 of 4 days by today (2027-01-05), 50% done, 1,200 spent.
    const files = {
      '.specline.yml': 'start: 2027-01-04\ncurrency: EUR\nrates: { default: 500 }\n',
      'plan.md': '- T-1 Build\n  - duration: 4d\n  - progress: 50%\n  - spent: 1,200\n  - features: FEAT-1\n',
      'spec.md': '## FEAT-1 Builder\n- goals: G-1\n- budget: 1,500\n- reach: 100\n- impact: high\n- confidence: 50%\n- effort: 2\n',
      'roadmap.md': '## G-1 Activation\n- metric: activated accounts\n- metric baseline: 20%\n- metric target: 60%\n- metric current: 30%\n',
    };
    let costed: Analysis;
    before(async () => {
      costed = await analyzeFiles(files, '2027-01-05');
    });

    it('a task: planned cost, earned value, spent and the ratios', () => {
      const md = hover('plan.md', files['plan.md'].replace('T-1', 'T‸-1'), costed)!.markdown;
      // PV 1,000, EV 1,000, AC 1,200: SPI 1.00, CPI 1,000 / 1,200 = 0.83.
      assert.match(md, /\*\*Cost:\*\* planned 2,000 EUR · earned 1,000 · spent 1,200 · SPI 1\.00 · CPI 0\.83/);
    });

    it('a feature: planned against its budget, the forecast and the RICE score', () => {
      const md = hover('spec.md', files['spec.md'].replace('FEAT-1', 'FEAT‸-1'), costed)!.markdown;
      // EAC = 2,000 / 0.833 = 2,400; RICE = 100 × 2 × 50% ÷ 2 = 50.
      assert.match(md, /\*\*Cost:\*\* planned 2,000 EUR of budget 1,500 EUR \(over\) · earned 1,000 · spent 1,200 · SPI 1\.00 · CPI 0\.83 · forecast 2,400 EUR · RICE 50/);
    });

    it('a goal: its metric with progress from the baseline', () => {
      const md = hover('roadmap.md', files['roadmap.md'].replace('G-1', 'G‸-1'), costed)!.markdown;
      // (30 − 20) / (60 − 20) = 25%.
      assert.match(md, /\*\*Metric:\*\* activated accounts: 30% → target 60% \(from 20%\) · 25% of the way/);
      assert.match(md, /\*\*Cost:\*\* planned 2,000 EUR/);
    });

    it('no cost line where nothing is costed', () => {
      const md = hover('plan.md', PLAN.replace('- [x] T-1', '- [x] T‸-1'))!.markdown;
      assert.doesNotMatch(md, /Cost:|Metric:/);
    });

    it('explains the new keys', async () => {
      const md = hover('roadmap.md', files['roadmap.md'].replace('metric baseline', 'metric base‸line'), costed)!.markdown;
      assert.match(md, /\*\*`metric baseline`\*\*/);
    });
  });
});
