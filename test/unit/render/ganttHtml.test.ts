import assert from 'node:assert/strict';
import { PAGE_BAND_ROWS, renderGanttHtml } from '../../../src/core/render/ganttHtml.js';
import { renderGanttSvg } from '../../../src/core/render/ganttSvg.js';
import { PAGE_CSP } from '../../../src/core/render/htmlPage.js';
import { AnalysisBuilder } from './analysisBuilder.js';
import { HOSTILE } from './hostile.js';
import { assertSafeMarkup, decodeEntities } from './markup.js';

describe('renderGanttHtml', () => {
  const plan = (): AnalysisBuilder => new AnalysisBuilder({ today: '2027-01-05' })
    .task('T-1', { title: 'Design', start: '2027-01-04', end: '2027-01-06' })
    .task('T-2', { title: 'Build', after: ['T-9', 'T-1'] })
    .task('T-3', { title: 'Loop A', after: ['T-4'] })
    .task('T-4', { title: 'Loop B', after: ['T-3'] })
    .issue({ code: 'schedule.no-duration', id: 'T-2' })
    .issue({ code: 'schedule.cycle', ids: ['T-3', 'T-4', 'T-3'] });

  it('is a self-contained page with a strict CSP, the chart, a legend and the unscheduled tasks', () => {
    const html = renderGanttHtml(plan().build(), { title: 'Launch plan' });
    assertSafeMarkup(html, true);
    assert.equal(PAGE_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'CSP before any style');
    assert.match(html, /<title>Launch plan<\/title>/);
    assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="sl-gantt"/);
    assert.match(html, /<h2>Legend<\/h2>/);
    const text = decodeEntities(html);
    assert.ok(text.includes('Critical path'));
    assert.ok(/<li data-id="T-2"[^>]*><strong>T-2<\/strong> Build — no duration or end/.test(text));
    assert.ok(text.includes('<strong>T-3</strong> Loop A — in a dependency cycle (T-3 → T-4 → T-3)'));
    assert.ok(!/https?:\/\/(?!www\.w3\.org\/2000\/svg")/.test(html), 'no external reference besides the SVG namespace');
    assert.ok(!/<link|@import|url\(/i.test(html));
  });

  it('says so when everything is scheduled, and handles an empty plan', () => {
    const html = renderGanttHtml(new AnalysisBuilder().build());
    assertSafeMarkup(html, true);
    assert.match(html, /No scheduled tasks or milestones\./);
    assert.match(html, /Every selected task and milestone has dates\./);
    assert.match(html, /<title>Gantt chart<\/title>/);
  });

  it('escapes hostile titles everywhere, including the page title', () => {
    const b = new AnalysisBuilder();
    HOSTILE.forEach((h, i) => {
      b.task(`T-${i}`, { title: h, section: [h], owners: [`@${h}`], ...(i % 2 === 0 ? { start: '2027-01-04', end: '2027-01-05' } : {}) });
    });
    for (const title of HOSTILE) {
      const html = renderGanttHtml(b.build(), { title });
      assertSafeMarkup(html, true);
      assert.ok(!/javascript:/i.test(html));
    }
    const html = renderGanttHtml(b.build(), { title: '</title><script>alert(1)</script>' });
    assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
  });

  it('draws the chart banded, as the preview does: a header, then self-contained bands of rows that tile the chart', () => {
    const b = new AnalysisBuilder({ today: '2027-01-12' });
    for (let i = 0; i < 120; i++) {
      const day = `2027-01-${String(4 + (i % 20)).padStart(2, '0')}`;
      b.task(`T-${i}`, { section: [`Phase ${Math.floor(i / 40)}`], title: `Task ${i}`, start: day, end: day, after: i > 0 ? [`T-${i - 1}`] : [] });
    }
    const a = b.build();
    const html = renderGanttHtml(a, { zoom: 'day' });
    assertSafeMarkup(html, true);
    const single = renderGanttSvg(a, { zoom: 'day' });
    const rows = (markup: string): string[] => [...markup.matchAll(/<g class="sl-task [^"]*" data-id[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(rows(html), rows(single), 'every row, with its classes, data and coordinates');
    assert.equal((html.match(/<svg [^>]*class="sl-gantt sl-gantt-head"/g) ?? []).length, 1, 'one axis header');
    const bands = [...html.matchAll(/<div class="sl-band" style="height:([\d.]+)px">\n<svg [^>]*viewBox="0 ([\d.]+) [\d.]+ ([\d.]+)">\n<rect class="sl-bg"/g)].map((m) => ({ h: Number(m[1]), top: Number(m[2]), vh: Number(m[3]) }));
    assert.equal(bands.length, Math.ceil((120 + 3) / PAGE_BAND_ROWS), 'bands of 25 entries (rows and section headers), each with its own background');
    assert.equal(bands[0]!.top, 44, 'the first band starts under the header');
    for (let i = 1; i < bands.length; i++) assert.equal(bands[i]!.top, bands[i - 1]!.top + bands[i - 1]!.h, 'bands tile the chart without gaps');
    assert.ok(bands.every((band) => band.h === band.vh && band.h <= PAGE_BAND_ROWS * 24), 'a band is at most 25 rows high (it fits on a printed page)');
    // Every arrow is drawn in each band its path crosses: here each link joins neighbours, so once or twice.
    const arrows = [...html.matchAll(/<path class="sl-dep[ "][^>]*data-from="([^"]+)" data-to="([^"]+)"/g)].map((m) => `${m[1]}>${m[2]}`);
    assert.equal(new Set(arrows).size, 119);
    assert.ok(arrows.length < 119 * 2);
    assert.equal((html.match(/<path class="sl-grid-major" d="/g) ?? []).length, bands.length, 'each band carries the grid as one path');
    const chart = html.slice(html.indexOf('<div class="sl-gantt-pages"'), html.indexOf('<section class="sl-legend">'));
    assert.equal((chart.match(/<line class="sl-today" /g) ?? []).length, bands.length + 1, 'the today line crosses every band and the header');
    // The page carries the chart's CSS (the bands have no style of their own) and its print rules.
    assert.ok(html.includes('.sl-bar { fill:') && html.includes('@media print') && html.includes('content-visibility: visible'));
    assert.ok(!html.includes('<style>.sl-gantt'), 'no style element inside the chart');
  });
});

