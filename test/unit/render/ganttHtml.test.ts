import assert from 'node:assert/strict';
import { renderGanttHtml } from '../../../src/core/render/ganttHtml.js';
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
});
