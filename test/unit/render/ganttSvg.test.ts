import assert from 'node:assert/strict';
import { joinBlocks } from '../../../src/core/render/blocks.js';
import { buildGanttModel } from '../../../src/core/render/ganttModel.js';
import { GANTT_CSS, PX_PER_DAY, renderGanttChartFromModel, renderGanttSvg } from '../../../src/core/render/ganttSvg.js';
import { AnalysisBuilder } from './analysisBuilder.js';
import { HOSTILE, HOSTILE_OWNERS } from './hostile.js';
import { assertSafeMarkup, decodeEntities } from './markup.js';

/** The plan used for geometry checks: Mon 4 – Wed 6 Jan 2027, then Thu 7 – Mon 11. */
function smallPlan(today = '2027-01-05'): AnalysisBuilder {
  return new AnalysisBuilder({ today })
    .feature('FEAT-1', { title: 'Single sign-on' })
    .task('T-1', { title: 'Design', section: ['Phase 1'], start: '2027-01-04', end: '2027-01-06', critical: true, progress: 50, owners: ['@ana'], features: ['FEAT-1'], float: 0 })
    .task('T-2', { title: 'Build', section: ['Phase 1'], start: '2027-01-07', days: 3, after: ['T-1'], critical: true, status: 'done' })
    .milestone('M-1', { title: 'Beta', section: ['Phase 2'], date: '2027-01-11', after: ['T-2'] })
    .task('T-3', { title: 'Unscheduled', section: ['Phase 2'] });
}

function attr(svg: string, selector: RegExp, name: string): string {
  const m = selector.exec(svg);
  assert.ok(m, `element ${selector} present`);
  const a = new RegExp(`\\s${name}="([^"]*)"`).exec(m[0]);
  assert.ok(a, `${name} on ${m[0]}`);
  return a[1];
}

describe('renderGanttSvg', () => {
  it('draws a row per task grouped by section, with data attributes for reveal', () => {
    const svg = renderGanttSvg(smallPlan().build());
    const tags = assertSafeMarkup(svg);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    const groups = tags.filter((t) => t.name === 'g' && (t.attributes.get('class') ?? '').split(' ').includes('sl-task'));
    assert.deepEqual(groups.map((g) => g.attributes.get('data-id')), ['T-1', 'T-2', 'M-1']);
    // Zero-based lines of the IDs (FEAT-1 is on line 0).
    assert.deepEqual(groups.map((g) => g.attributes.get('data-line')), ['1', '2', '3']);
    const bars = tags.filter((t) => t.name === 'rect' && t.attributes.get('class') === 'sl-bar');
    // The row group carries file and line for reveal; the bar names its item only.
    assert.deepEqual(groups.map((g) => g.attributes.get('data-file')), ['plan.md', 'plan.md', 'plan.md']);
    assert.deepEqual(bars.map((b) => [b.attributes.get('data-id'), b.attributes.get('data-line'), b.attributes.get('data-file')]), [['T-1', undefined, undefined], ['T-2', undefined, undefined]]);
    assert.equal(tags.filter((t) => t.name === 'path' && t.attributes.get('class') === 'sl-milestone' && t.attributes.get('data-id') === 'M-1').length, 1);
    assert.equal((svg.match(/class="sl-section-label"/g) ?? []).length, 2);
    assert.ok(!svg.includes('T-3'), 'unscheduled tasks have no row');
  });

  it('positions bars by day: inclusive end, px per day by zoom', () => {
    const a = smallPlan().build();
    for (const zoom of ['day', 'week', 'month', 'quarter'] as const) {
      const svg = renderGanttSvg(a, { zoom });
      const x1 = Number(attr(svg, /<rect class="sl-bar" data-id="T-1"[^>]*>/, 'x'));
      const w1 = Number(attr(svg, /<rect class="sl-bar" data-id="T-1"[^>]*>/, 'width'));
      const x2 = Number(attr(svg, /<rect class="sl-bar" data-id="T-2"[^>]*>/, 'x'));
      const w2 = Number(attr(svg, /<rect class="sl-bar" data-id="T-2"[^>]*>/, 'width'));
      const ppd = PX_PER_DAY[zoom];
      assert.ok(Math.abs(w1 - Math.max(2, 3 * ppd)) < 0.02, `${zoom}: 3 days wide`);
      assert.ok(Math.abs(x2 - (x1 + 3 * ppd)) < 0.02, `${zoom}: T-2 starts the day after T-1 ends`);
      assert.ok(Math.abs(w2 - 5 * ppd) < 0.02, `${zoom}: Thu–Mon spans 5 calendar days`);
    }
    // Day zoom: the axis starts on the Monday, so T-1 starts right at the label column.
    assert.equal(attr(renderGanttSvg(a, { zoom: 'day' }), /<rect class="sl-bar" data-id="T-1"[^>]*>/, 'x'), '300');
  });

  it('shows progress, critical path, done, milestones, arrows and today', () => {
    const svg = renderGanttSvg(smallPlan().build(), { zoom: 'day' });
    assert.match(svg, /<g class="sl-task sl-task-row sl-critical" data-id="T-1"/);
    assert.match(svg, /<g class="sl-task sl-task-row sl-critical sl-done" data-id="T-2"/);
    assert.equal(attr(svg, /<rect class="sl-progress"[^>]*>/, 'width'), '36', 'half of 72 px');
    assert.equal((svg.match(/<path class="sl-dep[ "]/g) ?? []).length, 2, 'T-1 → T-2 and T-2 → M-1');
    assert.match(svg, /<path class="sl-dep sl-dep-critical" data-from="T-1" data-to="T-2"/);
    assert.match(svg, /<line class="sl-today" x1="324"/, 'today (Tue) is one day after the Monday origin');
    const text = decodeEntities(svg);
    assert.ok(text.includes('<title>T-1 Design\n2027-01-04 → 2027-01-06 (3 working days)\nProgress: 50%\nOwner: @ana\nFloat: 0 working days (critical path)\nFeature: FEAT-1 Single sign-on</title>'));
    const outside = renderGanttSvg(smallPlan('2026-06-01').build());
    assert.ok(!outside.includes('sl-today"'), 'no today line outside the chart');
  });

  it('marks late and over-allocated tasks from diagnostics', () => {
    const a = smallPlan()
      .diagnostic({ code: 'schedule.overdue', item: 'T-1', message: 'T-1 <b>ended</b> before today' })
      .diagnostic({ code: 'resource.overallocated', tasks: ['T-1', 'T-2'], message: '@ana is at 150%', line: 40 })
      .build();
    const svg = renderGanttSvg(a);
    assertSafeMarkup(svg);
    assert.match(svg, /<g class="sl-task sl-task-row sl-critical sl-late sl-overallocated" data-id="T-1"/);
    assert.match(svg, /<g class="sl-task sl-task-row sl-critical sl-done sl-overallocated" data-id="T-2"/);
    assert.equal((svg.match(/class="sl-marker sl-marker-late"/g) ?? []).length, 1);
    assert.equal((svg.match(/class="sl-marker sl-marker-overallocated"/g) ?? []).length, 2);
    assert.ok(svg.includes('T-1 &lt;b&gt;ended&lt;/b&gt; before today'));
    assert.ok(decodeEntities(svg).includes('warning: schedule.overdue: T-1 <b>ended</b> before today'));
  });

  it('attributes a diagnostic without data to the item at its location', () => {
    const a = smallPlan().diagnostic({ code: 'schedule.milestone-missed', line: 2 }).build();
    assert.match(renderGanttSvg(a), /<g class="sl-task sl-task-row sl-critical sl-done sl-late" data-id="T-2"/);
  });

  it('escapes every hostile title, section, owner and file name', () => {
    const b = new AnalysisBuilder();
    HOSTILE.forEach((h, i) => {
      b.feature(`FEAT-${i}`, { title: h });
      b.task(`T-${i}`, {
        title: h, section: [h], owners: [HOSTILE_OWNERS[i % HOSTILE_OWNERS.length]], features: [`FEAT-${i}`],
        file: i % 5 === 0 ? `${h.slice(0, 40)}.md` : 'plan.md', start: '2027-01-04', end: '2027-01-05',
        after: i > 0 ? [`T-${i - 1}`] : [],
      });
      b.diagnostic({ code: 'schedule.overdue', item: `T-${i}`, message: h });
    });
    for (const title of HOSTILE.slice(0, 10)) {
      const svg = renderGanttSvg(b.build(), { title, zoom: 'day' });
      assertSafeMarkup(svg);
      assert.ok(svg.includes(`<style>${GANTT_CSS}</style>`), 'the style element holds only our CSS');
    }
    const svg = renderGanttSvg(b.build());
    assert.ok(svg.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(svg.includes('&lt;img src&#61;x onerror&#61;alert(1)&gt;'));
    assert.ok(!/javascript:/i.test(svg) && !/\bon\w+=/i.test(svg), 'not even as text');
    assert.ok(svg.includes('&lt;/style&gt;&lt;script&gt;'));
    assert.ok(svg.includes(']]&gt;'));
    assert.ok(svg.includes('&#39; onmouseover&#61;&#39;alert(1)'));
    assert.ok(svg.includes('&quot; onload&#61;&quot;alert(1)'));
    assert.ok(svg.includes('&amp;lt;script&amp;gt;'), 'entities in titles are shown, not decoded');
    assert.ok(svg.includes('line click t0 call alert(1)'), 'U+2028 collapses to a space');
    assert.ok(svg.includes('nulbyte'), 'NUL removed');
    assert.ok(!svg.includes('x'.repeat(300)), 'long text capped');
  });

  it('renders an empty plan as a valid SVG with a message', () => {
    const svg = renderGanttSvg(new AnalysisBuilder().build(), { title: '<x>' });
    assertSafeMarkup(svg);
    assert.match(svg, /No scheduled tasks or milestones\./);
    assert.match(svg, /aria-label="&lt;x&gt;"/);
  });

  it('steps out to a coarser zoom when a plan spans centuries', () => {
    const a = new AnalysisBuilder()
      .task('T-1', { start: '1900-01-01', end: '1900-01-02' })
      .task('T-2', { start: '2199-12-30', end: '2199-12-31' })
      .build();
    const svg = renderGanttSvg(a, { zoom: 'day' });
    assertSafeMarkup(svg);
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    assert.ok(width < 200_000, `width ${width}`);
  });

  it('renders 3,000 tasks with 2,999 arrows (linear: rows found by id)', () => {
    const b = new AnalysisBuilder();
    for (let i = 0; i < 3000; i++) {
      const day = 4 + (i % 20);
      const date = `2027-01-${String(day).padStart(2, '0')}`;
      b.task(`T-${i}`, { section: [`Phase ${Math.floor(i / 100)}`], start: date, end: date, after: i > 0 ? [`T-${i - 1}`] : [], critical: i % 7 === 0 });
    }
    b.milestone('M-1', { date: '2027-01-29', after: ['T-2999'] });
    const svg = renderGanttSvg(b.build(), { zoom: 'day' });
    assert.equal((svg.match(/<g class="sl-task /g) ?? []).length, 3001);
    assert.equal((svg.match(/<path class="sl-dep[ "]/g) ?? []).length, 3000);
    assert.equal((svg.match(/class="sl-section-band"/g) ?? []).length, 31);
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    assert.equal(height, 44 + (31 + 3001) * 24);
  });

  it('draws a large chart for a webview in bands with the same rows, arrows and coordinates', () => {
    const b = new AnalysisBuilder();
    for (let i = 0; i < 700; i++) {
      const date = `2027-01-${String(4 + (i % 20)).padStart(2, '0')}`;
      b.task(`T-${i}`, { section: [`Phase ${Math.floor(i / 100)}`], title: i === 5 ? '<img src=x onerror=alert(1)>' : `Task ${i}`, start: date, end: date, after: i > 0 ? [`T-${i - 1}`] : [] });
    }
    const a = b.build();
    const single = renderGanttSvg(a, { zoom: 'day', tooltips: 'data' });
    const banded = renderGanttSvg(a, { zoom: 'day', tooltips: 'data', bandRows: 150 });
    assert.ok(banded.startsWith('<div class="sl-gantt-stack"'), 'HTML layers, not one SVG');
    const rowsOf = (markup: string): string[] => [...markup.matchAll(/<g class="sl-task [^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(rowsOf(banded), rowsOf(single), 'every row, with its classes, data and position');
    const bars = (markup: string): string[] => [...markup.matchAll(/<rect class="sl-bar"[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(bars(banded), bars(single));
    // Every arrow, drawn in each band it crosses (cut at the band's edges): the same arrows as one layer.
    const arrows = (markup: string): string[] => [...markup.matchAll(/<path class="sl-dep[ "][^>]*>/g)].map((m) => m[0]);
    assert.deepEqual([...new Set(arrows(banded))].sort(), arrows(single).sort());
    assert.equal(arrows(single).length, 699);
    assert.ok(!banded.slice(0, banded.indexOf('</svg>')).includes('sl-dep'), 'no arrows in the background layer');
    // 700 rows and 7 section headers in bands of 150 entries.
    assert.equal((banded.match(/<div class="sl-band"/g) ?? []).length, Math.ceil(707 / 150));
    const boxes = [...banded.matchAll(/<div class="sl-band" style="height:([\d.]+)px"[^>]*>\n<svg [^>]*viewBox="0 ([\d.]+) /g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (let i = 1; i < boxes.length; i++) assert.equal(boxes[i]![1], boxes[i - 1]![1] + boxes[i - 1]![0], 'bands tile the chart without gaps');
    assert.ok(!banded.includes('<img'), 'user text stays escaped');
    assert.equal(renderGanttSvg(a, { zoom: 'day', bandRows: 1000 }).startsWith('<svg'), true, 'small charts stay one SVG');

    // The same bands as keyed blocks, for previews that patch them.
    const chart = renderGanttChartFromModel(a, buildGanttModel(a, {}), { zoom: 'day', tooltips: 'data', bandRows: 150 });
    assert.equal(chart.html, banded);
    assert.ok(chart.blocks);
    assert.deepEqual(chart.blocks.blocks.map((blk) => blk.key), ['band/0', 'band/1', 'band/2', 'band/3', 'band/4']);
    assert.ok(chart.blocks.blocks.every((blk, i) => blk.html.startsWith('<div class="sl-band"') && blk.html.includes(` data-block="band/${i}">`)));
    assert.equal(joinBlocks(chart.blocks), banded);
    assert.equal(renderGanttChartFromModel(a, buildGanttModel(a, {}), { zoom: 'day', bandRows: 1000 }).blocks, undefined, 'one SVG has no blocks');

    // Each band draws the arrows that cross it, under its rows; one that crosses a band edge is in both bands.
    const bandBoxes = chart.blocks.blocks.map((blk) => {
      const m = /viewBox="0 ([\d.]+) [\d.]+ ([\d.]+)"/.exec(blk.html)!;
      return { top: Number(m[1]), bottom: Number(m[1]) + Number(m[2]), html: blk.html };
    });
    for (const box of bandBoxes) {
      const deps = box.html.indexOf('<g class="sl-deps">');
      assert.ok(deps >= 0 && deps < box.html.indexOf('<g class="sl-tasks">'), 'arrows under the rows');
    }
    const crossing = bandBoxes[1]!.html.match(/data-from="([^"]+)" data-to="([^"]+)"/)!;
    assert.ok(bandBoxes[0]!.html.includes(`data-from="${crossing[1]}" data-to="${crossing[2]}"`), `${crossing[1]} → ${crossing[2]} crosses from band 0 into band 1`);
    // Moving a bar changes the bands it and its arrows cross, never the frame.
    const moved = new AnalysisBuilder();
    for (let i = 0; i < 700; i++) {
      const date = `2027-01-${String(4 + (i % 20) + (i === 300 ? 1 : 0)).padStart(2, '0')}`;
      moved.task(`T-${i}`, { section: [`Phase ${Math.floor(i / 100)}`], title: i === 5 ? '<img src=x onerror=alert(1)>' : `Task ${i}`, start: date, end: date, after: i > 0 ? [`T-${i - 1}`] : [] });
    }
    const m = moved.build();
    const after = renderGanttChartFromModel(m, buildGanttModel(m, {}), { zoom: 'day', tooltips: 'data', bandRows: 150 });
    assert.equal(after.blocks!.frame, chart.blocks.frame, 'the frame stays');
    assert.deepEqual(after.blocks!.blocks.map((blk, i) => blk.html !== chart.blocks!.blocks[i]!.html), [false, false, true, false, false], 'only the band of T-300 and its arrows');
  });
});
