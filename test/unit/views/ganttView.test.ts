import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { renderMermaidGantt } from '../../../src/core/render/mermaidGantt.js';
import { sectionToggleKey } from '../../../src/core/render/ganttSvg.js';
import type { GanttViewOptions } from '../../../src/core/views/ganttView.js';
import {
  ALL_PLANS, DEFAULT_GANTT_OPTIONS, MERMAID_SLOW_ROWS, ganttFilter, planFiles, renderGanttView, restoreGanttOptions, setGanttOption, toggleGanttSection,
} from '../../../src/core/views/ganttView.js';
import { analyzeFiles } from '../language/helpers.js';
import { HOSTILE } from '../render/hostile.js';
import { scanMarkup } from '../render/markup.js';

const ROADMAP = `# Roadmap

## G-1 Faster onboarding
- horizon: 2027-Q1

## G-2 Enterprise ready
- horizon: 2027-Q2
`;

const SPEC = `---
id: FEAT-1
title: Single sign-on
goals: [G-2]
---

# Single sign-on
`;

const SPEC2 = `---
id: FEAT-2
title: Checklists
goals: [G-1]
---

# Checklists
`;

const PLAN = `---
start: 2027-01-04
---

# Q1 plan

## Build

| ID | Task | Owner | Duration | After | Features | Milestone |
|---|---|---|---|---|---|---|
| T-1 | Data model | @kofi | 5d | | FEAT-2 | M-1 |
| T-2 | Builder UI | @mei | 5d | T-1 | FEAT-2 | M-1 |
| T-3 | SAML endpoint | @omar | 10d | | FEAT-1 | |
| T-4 | Settings UI | @mei | 3d | T-3 | FEAT-1 | |

## Ship

- M-1 Checklists live
  - after: T-2
- [ ] T-5 Unplaceable
  - after: T-6
  - duration: 2d
- [ ] T-6 Other half of a cycle
  - after: T-5
  - duration: 2d
`;

const OTHER = `---
start: 2027-02-01
---

# Integrations

## Slack

| ID | Task | Owner | Duration | Features |
|---|---|---|---|---|
| T-10 | Slack app | @sam | 4d | FEAT-1 |
`;

const FILES = { 'roadmap.md': ROADMAP, 'specs/sso.md': SPEC, 'specs/checklists.md': SPEC2, 'plans/q1.md': PLAN, 'plans/integrations.md': OTHER };
const opts = (patch: Partial<GanttViewOptions> = {}): GanttViewOptions => ({ ...DEFAULT_GANTT_OPTIONS, collapsed: [], ...patch });
const rowIds = (html: string): string[] => [...html.matchAll(/<g class="sl-task [^"]*" data-id="([^"]+)"/g)].map((m) => m[1]!);
const count = (html: string, needle: RegExp): number => [...html.matchAll(needle)].length;
/** Our markup scanner accepts `key="value"` attributes only; the toolbar's boolean ones are fine. */
const withoutBooleanAttributes = (markup: string): string => markup.replace(/ (selected|disabled|hidden|data-command-menu|data-mermaid-source)(?=[ >])/g, '');
const decode = (text: string): string =>
  text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('Gantt view: options from persisted or posted state', () => {
  it('falls back to the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 42, 'week', true, [], [{ zoom: 'day' }], () => 1]) {
      assert.deepEqual(restoreGanttOptions(raw), DEFAULT_GANTT_OPTIONS, `restoring ${String(raw)}`);
    }
  });

  it('keeps valid values and ignores hostile, oversized or wrongly typed ones', () => {
    const valid = restoreGanttOptions({ plan: 'plans/q1.md', feature: 'FEAT-1', goal: 'G-1', owner: '@mei', milestone: 'M-1', groupBy: 'feature', zoom: 'month', collapsed: ['sabc'], renderer: 'mermaid', baseline: 'v1.0' });
    assert.deepEqual(valid, { plan: 'plans/q1.md', feature: 'FEAT-1', goal: 'G-1', owner: '@mei', milestone: 'M-1', groupBy: 'feature', zoom: 'month', collapsed: ['sabc'], renderer: 'mermaid', baseline: 'v1.0' });

    const hostile = restoreGanttOptions({
      plan: 'p'.repeat(5000), feature: 'F'.repeat(201), goal: { toString: () => 'G-1' }, owner: ['@mei'], milestone: 7,
      groupBy: 'owner', zoom: 'year', renderer: 'canvas', collapsed: 'sabc', baseline: '--output=x', extra: '<script>', __proto__: { zoom: 'day' },
    });
    assert.deepEqual(hostile, DEFAULT_GANTT_OPTIONS);
    assert.equal(Object.keys(hostile).includes('extra'), false, 'unknown keys are dropped');
  });

  it('does not take options from a polluted prototype (JSON from a webview)', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"zoom": "day", "plan": "x"}, "constructor": {"prototype": {"zoom": "day"}}}');
    assert.deepEqual(restoreGanttOptions(parsed), DEFAULT_GANTT_OPTIONS);
    assert.equal(({} as Record<string, unknown>).zoom, undefined);
  });

  it('caps the collapsed list and drops entries that are not short strings', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `s${i.toString(36)}`);
    const restored = restoreGanttOptions({ collapsed: [...many, 1, null, {}, 'x'.repeat(41)] });
    assert.equal(restored.collapsed.length, 2000);
    assert.ok(restored.collapsed.every((k) => typeof k === 'string' && k.length <= 40));
  });

  it('applies toolbar changes and refuses values the toolbar cannot produce', () => {
    const base = opts({ collapsed: ['sa'] });
    assert.equal(setGanttOption(base, 'zoom', 'day')?.zoom, 'day');
    assert.equal(setGanttOption(base, 'zoom', 'decade'), undefined);
    assert.equal(setGanttOption(base, 'groupBy', 'owner'), undefined);
    assert.equal(setGanttOption(base, 'renderer', 'canvas'), undefined);
    assert.equal(setGanttOption(base, '__proto__', 'x'), undefined);
    assert.equal(setGanttOption(base, 'collapsed', 'sa'), undefined, 'collapse goes through toggle only');
    assert.deepEqual(setGanttOption(base, 'groupBy', 'feature')?.collapsed, [], 'regrouping forgets collapsed sections (their keys change)');
    assert.equal(setGanttOption(base, 'owner', '@ana')?.owner, '@ana');
    assert.equal(base.zoom, 'week', 'options are not mutated');
  });

  it('toggles a section by its hashed key only', () => {
    const key = sectionToggleKey('plans/q1.md\u0000Q1 plan\u0000Build');
    const closed = toggleGanttSection(opts(), key);
    assert.deepEqual(closed?.collapsed, [key]);
    assert.deepEqual(toggleGanttSection(closed!, key)?.collapsed, []);
    for (const bad of ['', 'Build', 's', 'S123', 's'.padEnd(40, 'a'), 's12 34', '<s1>']) {
      assert.equal(toggleGanttSection(opts(), bad), undefined, `toggle key ${JSON.stringify(bad)}`);
    }
  });
});

describe('Gantt view: what it draws', () => {
  let analysis: Analysis;
  before(async () => {
    analysis = await analyzeFiles(FILES, '2027-01-20');
  });

  it('lists as plans the files with tasks or milestones', () => {
    assert.deepEqual(planFiles(analysis).sort(), ['plans/integrations.md', 'plans/q1.md']);
  });

  it('follows the active plan, a spec’s single feature, a roadmap… or shows every plan', () => {
    assert.deepEqual(rowIds(renderGanttView(analysis, opts(), 'plans/q1.md').html), ['T-1', 'T-2', 'T-3', 'T-4', 'M-1']);
    assert.deepEqual(rowIds(renderGanttView(analysis, opts(), 'specs/sso.md').html).sort(), ['T-10', 'T-3', 'T-4'], 'a spec with one feature: its tasks');
    assert.deepEqual(ganttFilter(analysis, opts(), 'specs/sso.md').filter.feature, 'FEAT-1');
    const everything = ['T-1', 'T-2', 'T-3', 'T-4', 'M-1', 'T-10'];
    assert.deepEqual(rowIds(renderGanttView(analysis, opts(), 'roadmap.md').html).sort(), [...everything].sort(), 'a roadmap with two goals: every plan');
    assert.deepEqual(rowIds(renderGanttView(analysis, opts({ plan: ALL_PLANS })).html).sort(), [...everything].sort());
    assert.deepEqual(rowIds(renderGanttView(analysis, opts({ plan: 'plans/integrations.md' }), 'plans/q1.md').html), ['T-10'], 'an explicit plan wins over the editor');
    assert.match(renderGanttView(analysis, opts(), 'plans/q1.md').title, /^Gantt: plans\/q1\.md$/);
  });

  it('filters by feature, goal, owner and milestone, combined with AND', () => {
    const ids = (patch: Partial<GanttViewOptions>): string[] => rowIds(renderGanttView(analysis, opts({ plan: ALL_PLANS, ...patch })).html).sort();
    assert.deepEqual(ids({ feature: 'FEAT-1' }), ['T-10', 'T-3', 'T-4']);
    assert.deepEqual(ids({ goal: 'G-1' }), ['T-1', 'T-2']);
    assert.deepEqual(ids({ owner: 'MEI' }), ['T-2', 'T-4'], 'owner ignores case and the @');
    assert.deepEqual(ids({ milestone: 'M-1' }), ['M-1', 'T-1', 'T-2']);
    assert.deepEqual(ids({ owner: '@mei', feature: 'FEAT-1' }), ['T-4']);
    assert.deepEqual(ids({ owner: '@mei', plan: 'plans/integrations.md' }), []);
  });

  it('counts what it draws and lists the unscheduled tasks with the reason', () => {
    const view = renderGanttView(analysis, opts(), 'plans/q1.md');
    assert.deepEqual(view.counts, { bars: 4, milestones: 1, unscheduled: 2, sections: 2 });
    assert.equal(count(view.html, /class="sl-task sl-task-row/g), 4);
    assert.equal(count(view.html, /class="sl-task sl-milestone-row/g), 1);
    assert.match(view.html, /<section class="sl-unscheduled">/);
    assert.match(view.html, /data-id="T-5" data-file="plans\/q1\.md" data-line="\d+"><strong>T-5<\/strong>.*cycle/);
    assert.match(view.toolbar, /4 tasks · 1 milestone · 2 unscheduled/);
  });

  it('groups by plan section or by feature', () => {
    const labels = (html: string): string[] => [...html.matchAll(/<text class="sl-section-label"[^>]*>([^<]*)</g)].map((m) => m[1]!);
    assert.deepEqual(labels(renderGanttView(analysis, opts(), 'plans/q1.md').html), ['Build', 'Ship']);
    assert.deepEqual(labels(renderGanttView(analysis, opts({ groupBy: 'feature' }), 'plans/q1.md').html), ['FEAT-2 Checklists', 'FEAT-1 Single sign-on', 'No feature']);
  });

  it('collapses a section to its header and summary bar', () => {
    const open = renderGanttView(analysis, opts(), 'plans/q1.md');
    const key = /<g class="sl-section" data-toggle="(s[0-9a-z]+)"/.exec(open.html)?.[1];
    assert.ok(key, 'sections carry a toggle key');
    const closed = renderGanttView(analysis, toggleGanttSection(opts(), key)!, 'plans/q1.md');
    assert.deepEqual(rowIds(closed.html), ['M-1'], 'the Build rows are hidden');
    assert.match(closed.html, /class="sl-section sl-collapsed" data-toggle="[^"]+" role="button" aria-expanded="false"/);
    assert.match(closed.html, /Build \(4\)/, 'the collapsed header says how many rows it hides');
    assert.equal(closed.counts.bars, 4, 'counts are of the chart, not of what is expanded');
  });

  it('says why there is nothing to draw', async () => {
    const empty = await analyzeFiles({ 'roadmap.md': ROADMAP });
    const none = renderGanttView(empty, opts(), 'roadmap.md');
    assert.match(none.html, /class="sl-empty-state"/);
    assert.match(none.html, /no tasks or milestones yet/);
    assert.deepEqual(none.counts, { bars: 0, milestones: 0, unscheduled: 0, sections: 0 });
    const filtered = renderGanttView(analysis, opts({ plan: ALL_PLANS, owner: '@nobody' }));
    assert.match(filtered.html, /No task or milestone matches these filters/);
    assert.match(filtered.toolbar, /value="@nobody" selected>@nobody \(missing\)/, 'a filter value that no longer exists stays visible');
    const gone = renderGanttView(analysis, opts({ plan: 'plans/deleted.md' }));
    assert.match(gone.toolbar, /plans\/deleted\.md \(missing\)/);
    assert.match(gone.html, /No task or milestone matches/);
  });

  it('lays the toolbar out in two rows: controls, then filters and status', () => {
    const { toolbar } = renderGanttView(analysis, opts(), 'plans/q1.md');
    assert.equal(count(toolbar, /<div class="sl-row">/g), 2);
    const [first, second] = toolbar.split('<div class="sl-row">').slice(1);
    for (const key of ['plan', 'groupBy', 'zoom', 'renderer']) assert.match(first!, new RegExp(`data-option="${key}"`));
    assert.match(first!, /<select class="sl-menu" data-command-menu aria-label="Export"/);
    for (const command of ['copyMermaid', 'saveSvg', 'savePng']) assert.match(first!, new RegExp(`<option value="${command}">`));
    for (const key of ['feature', 'goal', 'owner', 'milestone']) assert.match(second!, new RegExp(`data-option="${key}"`));
    assert.match(second!, /class="sl-status" role="status" title="[^"]*as of 2027-01-20"/);
    assert.match(toolbar, /data-value="week" aria-pressed="true"/);
    scanMarkup(withoutBooleanAttributes(toolbar));
  });

  it('renders with mermaid on request: the source as escaped text, never as markup', async () => {
    const files = { ...FILES, 'plans/evil.md': `---\nstart: 2027-01-04\n---\n\n# <img src=x onerror=alert(1)>\n\n| ID | Task | Duration |\n|---|---|---|\n| T-66 | </pre><script>alert(1)</script> %%{init: {"securityLevel":"loose"}}%% | 2d |\n` };
    const evil = await analyzeFiles(files, '2027-01-20');
    const view = renderGanttView(evil, opts({ renderer: 'mermaid' }), 'plans/evil.md');
    const m = /<pre class="sl-mermaid-source" data-mermaid-source hidden>([^<]*)<\/pre>/.exec(view.html);
    assert.ok(m, 'one mermaid source block, with no tag inside it');
    const source = decode(m[1]!);
    assert.equal(source, renderMermaidGantt(evil, { files: ['plans/evil.md'], groupBy: 'section', title: 'plans/evil.md' }));
    assert.match(source, /^gantt\n/);
    assert.doesNotMatch(source, /<script|<img|%%\{/, 'mermaid text is sanitised as well as escaped');
    assert.doesNotMatch(view.html, /<script|<img/);
    assert.doesNotMatch(view.html, /<svg xmlns/, 'the Specline chart is not drawn as well');
    scanMarkup(withoutBooleanAttributes(view.html));
  });

  it('warns before asking mermaid for a very large chart', async () => {
    const rows = Array.from({ length: MERMAID_SLOW_ROWS + 1 }, (_, i) => `| T-${i + 1} | Task ${i + 1} | 1d |`).join('\n');
    const big = await analyzeFiles({ 'plan.md': `---\nstart: 2027-01-04\n---\n\n| ID | Task | Duration |\n|---|---|---|\n${rows}\n` });
    assert.match(renderGanttView(big, opts({ renderer: 'mermaid' }), 'plan.md').html, /class="sl-notice"/);
    assert.doesNotMatch(renderGanttView(big, opts(), 'plan.md').html, /class="sl-notice"/);
  });

  it('escapes hostile titles, owners and section names everywhere', async () => {
    // A NUL byte makes the parser treat the file as binary; it is tested by the renderers' own suites.
    const hostile = HOSTILE.filter((t) => !t.includes('\u0000')).slice(0, 30);
    const rows = hostile.map((t, i) => `| T-${i + 1} | ${t.replace(/[|\n\r]/g, ' ')} | @o${i} | 1d | FEAT-${i + 1} |`).join('\n');
    const specs = Object.fromEntries(hostile.map((t, i) => [`specs/f${i}.md`, `---\nid: FEAT-${i + 1}\ntitle: ${JSON.stringify(t.slice(0, 300))}\n---\n`]));
    const section = HOSTILE[1]!;
    const evil = await analyzeFiles({ ...specs, 'plan.md': `---\nstart: 2027-01-04\n---\n\n## ${section}\n\n| ID | Task | Owner | Duration | Features |\n|---|---|---|---|---|\n${rows}\n` });
    for (const groupBy of ['section', 'feature'] as const) {
      const view = renderGanttView(evil, opts({ groupBy }), 'plan.md');
      assert.equal(view.counts.bars, 30);
      scanMarkup(withoutBooleanAttributes(view.html));
      scanMarkup(withoutBooleanAttributes(view.toolbar));
      assert.doesNotMatch(view.html + view.toolbar, /<script|<img|onerror=|javascript:/i);
    }
  });

  it('draws thousands of tasks with one bar each', async () => {
    const n = 3000;
    const rows = Array.from({ length: n }, (_, i) => `| T-${i + 1} | Task ${i + 1} | @p${i % 7} | ${1 + (i % 4)}d | ${i % 3 === 0 || i === 0 ? '' : `T-${i}`} |`).join('\n');
    const big = await analyzeFiles({ 'plan.md': `---\nstart: 2027-01-04\n---\n\n## Work\n\n| ID | Task | Owner | Duration | After |\n|---|---|---|---|---|\n${rows}\n` });
    const view = renderGanttView(big, opts({ zoom: 'quarter' }), 'plan.md');
    assert.equal(view.counts.bars, n);
    assert.equal(count(view.html, /class="sl-task sl-task-row/g), n);
    assert.equal(new Set(rowIds(view.html)).size, n, 'every task once');
    assert.match(view.toolbar, /3000 tasks/);
    const owners = renderGanttView(big, opts({ owner: '@p3' }), 'plan.md');
    assert.equal(owners.counts.bars, Array.from({ length: n }, (_, i) => i % 7 === 3).filter(Boolean).length);
  });
});
