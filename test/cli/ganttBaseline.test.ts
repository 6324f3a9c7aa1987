import assert from 'node:assert/strict';
import { dayNumber } from '../../src/core/model/dates.js';
import type { TestRepo } from '../support/gitRepo.js';
import { createTestRepo } from '../support/gitRepo.js';
import { runCli } from './helpers.js';

// The agreed plan (Mon 2027-01-04 start, Mon–Fri weeks):
//   T-1 2d: Mon 01-04 … Tue 01-05;  T-2 3d after T-1: Wed 01-06 … Fri 01-08
//   T-3 1d after T-2: Mon 01-11;    M-1 after T-2: Fri 01-08
const plan = (t1: string, rows: string, milestoneAfter = 'T-2'): string => `---
title: Plan
start: 2027-01-04
---

| ID | Task | Duration | After |
|---|---|---|---|
| T-1 | Design | ${t1} | |
${rows}
- M-1 Release
  - after: ${milestoneAfter}
`;
const AGREED = plan('2d', '| T-2 | Build | 3d | T-1 |\n| T-3 | Polish | 1d | T-2 |\n');

interface Shape { id: string; start: string; end: string; x: number; width?: number; removed: boolean }

/** The baseline shapes of an SVG: each `sl-baseline` group's ID, dates and x. */
function baselineShapes(svg: string): Shape[] {
  const shapes: Shape[] = [];
  const group = /<g class="sl-baseline( sl-removed)?" data-baseline-id="([^"]+)"[^>]*>(?:<title>[^<]*<\/title>)?\n?(?:<text[^>]*>[^<]*<\/text>\n)?<(?:rect|path) class="sl-baseline-(?:bar|milestone)" data-start="([\d-]+)" data-end="([\d-]+)" (?:x="([\d.]+)" y="[\d.]+" width="([\d.]+)"|d="M([\d.]+))/g;
  for (const m of svg.matchAll(group)) {
    shapes.push({ id: m[2]!, start: m[3]!, end: m[4]!, x: Number(m[5] ?? m[7]), ...(m[6] ? { width: Number(m[6]) } : {}), removed: m[1] !== undefined });
  }
  return shapes;
}

/** Slip labels by item ID. */
function slipLabels(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/<text class="sl-slip [^"]+" data-slip-id="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[1]!, m[2]!]));
}

describe('specline gantt --baseline', () => {
  let repo: TestRepo;
  const gantt = async (...args: string[]): Promise<string> => {
    const r = await runCli(['gantt', '--today', '2027-01-04', ...args], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  beforeEach(() => {
    repo = createTestRepo();
    repo.write('plans/plan.md', AGREED);
    repo.commit('agreed plan', '2027-01-01T10:00:00Z');
    repo.tag('v1');
  });
  afterEach(() => repo.dispose());

  it('draws each bar\'s baseline dates under it, labels slips, marks added tasks new and lists removed ones with their baseline bars', async () => {
    // T-1 takes 4d now (Mon … Thu 01-07): T-2 Fri 01-08 … Tue 01-12, M-1 Tue 01-12. T-3 removed, T-9 added.
    repo.write('plans/plan.md', plan('4d', '| T-2 | Build | 3d | T-1 |\n| T-9 | New work | 1d | T-2 |\n'));
    const svg = await gantt('--format', 'svg', '--baseline', 'v1');
    const shapes = new Map(baselineShapes(svg).map((s) => [s.id, s]));
    assert.deepEqual([...shapes.keys()].sort(), ['M-1', 'T-1', 'T-2', 'T-3'], 'T-9 is new: it has no baseline bar');
    assert.deepEqual([shapes.get('T-1')!.start, shapes.get('T-1')!.end, shapes.get('T-1')!.removed], ['2027-01-04', '2027-01-05', false]);
    assert.deepEqual([shapes.get('T-2')!.start, shapes.get('T-2')!.end], ['2027-01-06', '2027-01-08']);
    assert.deepEqual([shapes.get('M-1')!.start, shapes.get('M-1')!.end], ['2027-01-08', '2027-01-08']);
    assert.deepEqual([shapes.get('T-3')!.start, shapes.get('T-3')!.end, shapes.get('T-3')!.removed], ['2027-01-11', '2027-01-11', true]);
    assert.match(svg, /<text class="sl-section-label"[^>]*>Removed since v1<\/text>/);
    assert.match(svg, /class="sl-baseline-milestone"/, 'a milestone\'s baseline is a hollow diamond');

    // Positions follow the chart's own scale: x = chart left + (day − origin) × px per day.
    const origin = Number(/data-origin-day="(\d+)"/.exec(svg)![1]);
    const ppd = Number(/data-px-per-day="([\d.]+)"/.exec(svg)![1]);
    const left = Number(/data-chart-left="(\d+)"/.exec(svg)![1]);
    const x = (iso: string): number => left + (dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) - origin) * ppd;
    assert.equal(shapes.get('T-2')!.x, x('2027-01-06'));
    assert.equal(shapes.get('T-2')!.width, 3 * ppd, 'Wed … Fri is three days wide');
    assert.equal(shapes.get('M-1')!.x, x('2027-01-08') + ppd / 2, 'the diamond is centred in its day');

    assert.deepEqual(Object.fromEntries(slipLabels(svg)), { 'T-1': '+2d', 'T-2': '+2d', 'T-9': 'new', 'M-1': '+2d' });
    assert.match(svg, /Baseline \(v1\)&#58; 2027-01-06 → 2027-01-08\nSlipped \+2 working days<\/title>/);
  });

  it('a renamed task is new under its new ID, and its old ID is among the removed; an earlier end has a negative slip', async () => {
    repo.write('plans/plan.md', plan('1d', '| T-20 | Build | 3d | T-1 |\n| T-3 | Polish | 1d | T-20 |\n', 'T-20'));
    const svg = await gantt('--format', 'svg', '--baseline', 'v1');
    const shapes = baselineShapes(svg);
    assert.deepEqual(shapes.filter((s) => s.removed).map((s) => [s.id, s.start, s.end]), [['T-2', '2027-01-06', '2027-01-08']]);
    // T-1 ends Mon 01-04 now (Tue 01-05 then): one working day earlier; T-3 Fri 01-08 (Mon 01-11 then).
    assert.deepEqual(Object.fromEntries(slipLabels(svg)), { 'T-1': '−1d', 'T-20': 'new', 'T-3': '−1d', 'M-1': '−1d' });
  });

  it('a task on its baseline dates has a bar and no label; the HTML page says which baseline and explains the shapes', async () => {
    const html = await gantt('--format', 'html', '--baseline', 'v1');
    assert.deepEqual(baselineShapes(html).map((s) => s.id), ['T-1', 'T-2', 'T-3', 'M-1']);
    assert.equal(slipLabels(html).size, 0);
    assert.match(html, /As of 2027-01-04 · [^<]* · baseline v1 \([0-9a-f]{7}\)/);
    assert.ok(html.includes('Baseline dates</li>') && html.includes('Slip in working days</li>'), 'the legend has the baseline shapes');
    assert.ok(!html.includes('Removed since'), 'nothing was removed');
  });

  it('draws nothing of a baseline without --baseline, and leaves the mermaid export as it is', async () => {
    repo.write('plans/plan.md', plan('4d', '| T-2 | Build | 3d | T-1 |\n'));
    assert.ok(!(await gantt('--format', 'svg')).includes('sl-baseline'));
    assert.ok(!(await gantt('--format', 'html')).includes('Baseline dates'));
    assert.equal(await gantt('--format', 'mermaid', '--baseline', 'v1'), await gantt('--format', 'mermaid'));
  });

  it('a removed task outside the chart\'s filter is not drawn', async () => {
    repo.write('plans/other.md', '---\ntitle: Other\nstart: 2027-01-04\n---\n\n| ID | Task | Duration |\n|---|---|---|\n| T-50 | Elsewhere | 1d |\n');
    repo.commit('other plan', '2027-01-02T10:00:00Z');
    repo.remove('plans/other.md');
    repo.write('plans/plan.md', plan('2d', '| T-2 | Build | 3d | T-1 |\n'));
    const svg = await gantt('plans/plan.md', '--format', 'svg', '--baseline', 'HEAD');
    assert.deepEqual(baselineShapes(svg).filter((s) => s.removed).map((s) => s.id), ['T-3']);
    const all = await gantt('--format', 'svg', '--baseline', 'HEAD');
    assert.deepEqual(baselineShapes(all).filter((s) => s.removed).map((s) => s.id), ['T-50', 'T-3'], 'in file order');
  });

  it('a revision git does not know, or one that looks like an option, is exit 2 with a clear message, whatever the format', async () => {
    for (const format of ['svg', 'html', 'mermaid']) {
      for (const [ref, message] of [['v9', /--baseline v9: "v9" is not a commit/], ['--help', /--baseline needs a git revision/], ['-x', /--baseline needs a git revision/]] as const) {
        const r = await runCli(['gantt', '--format', format, `--baseline=${ref}`], { cwd: repo.dir });
        assert.equal(r.code, 2, `${format} ${ref}: ${r.stdout}`);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      }
    }
  });
});
