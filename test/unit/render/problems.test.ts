import assert from 'node:assert/strict';
import { workCalendar } from '../../../src/core/render/calendar.js';
import { problemsByItem } from '../../../src/core/render/problems.js';
import { cleanLine, truncate } from '../../../src/core/render/text.js';
import { escapeXml } from '../../../src/core/render/xml.js';
import { AnalysisBuilder, d } from './analysisBuilder.js';

describe('render helpers', () => {
  it('attributes diagnostics by data.item, data.tasks, then the innermost enclosing item', () => {
    const a = new AnalysisBuilder()
      .task('T-1', { line: 0 })
      .task('T-2', { line: 5 })
      .task('T-3', { line: 9 })
      .diagnostic({ code: 'a', item: 'T-3', line: 0 })
      .diagnostic({ code: 'b', tasks: ['T-1', 'T-2', 'T-404'], line: 99 })
      .diagnostic({ code: 'c', line: 5 })
      .diagnostic({ code: 'd', line: 7 })
      .build();
    // Make T-2 enclose T-2.1 (a nested list item) to check the innermost wins.
    const t2 = a.items.get('T-2');
    assert.ok(t2);
    t2.range = { start: { line: 5, character: 0 }, end: { line: 8, character: 0 } };
    const nested = { ...t2, id: 'T-2.1', idRange: { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } }, range: { start: { line: 6, character: 2 }, end: { line: 7, character: 20 } } };
    const p = problemsByItem({ ...a, items: new Map([...a.items, ['T-2.1', nested]]) });
    const codes = (id: string): string[] => (p.get(id) ?? []).map((x) => x.code);
    assert.deepEqual(codes('T-1'), ['b']);
    assert.deepEqual(codes('T-2'), ['b', 'c']);
    assert.deepEqual(codes('T-2.1'), ['d']);
    assert.deepEqual(codes('T-3'), ['a']);
    assert.equal(p.get('T-404'), undefined);
  });

  it('counts working days with weekends, custom workdays and holidays', () => {
    const mf = workCalendar({ workdays: [1, 2, 3, 4, 5], holidays: [d('2027-01-06'), d('2027-01-09')] });
    assert.equal(mf.countWorkingDays(d('2027-01-04'), d('2027-01-10')), 4, 'Wed holiday; Sat holiday changes nothing');
    assert.equal(mf.countWorkingDays(d('2027-01-04'), d('2027-03-28')), 59);
    assert.equal(mf.countWorkingDays(d('2027-01-05'), d('2027-01-04')), 0);
    assert.equal(mf.isWorkingDay(d('2027-01-06')), false);
    const sunThu = workCalendar({ workdays: [0, 1, 2, 3, 4], holidays: [] });
    assert.equal(sunThu.countWorkingDays(d('2027-01-08'), d('2027-01-10')), 1, 'Fri, Sat off; Sun on');
    // No working day at all falls back to Monday–Friday, as in the scheduler: views count what the schedule used.
    assert.equal(workCalendar({ workdays: [], holidays: [] }).countWorkingDays(d('2027-01-01'), d('2027-12-31')), 261);
    // Cross-check against a day-by-day count over a long span.
    let slow = 0;
    for (let day = d('2026-12-30'); day <= d('2029-02-03'); day++) if (mf.isWorkingDay(day)) slow++;
    assert.equal(mf.countWorkingDays(d('2026-12-30'), d('2029-02-03')), slow);
  });

  it('cleans text to one printable, capped line', () => {
    assert.equal(cleanLine(' a\r\n\tb\u2028c\u2029d\u0085e\u00A0f '), 'a b c d e f');
    assert.equal(cleanLine('x\u0000y\u0007z\u202Ew\u200Bv\uFEFF'), 'xyzwv');
    assert.equal(cleanLine('a\uD800b'), 'a\uFFFDb');
    assert.equal(cleanLine('😀'.repeat(10), 5), '😀😀😀😀…', 'never splits a surrogate pair');
    assert.equal(truncate('abc', 3), 'abc');
    assert.equal(cleanLine(undefined), '');
    // Plain one-line text comes back as it is; anything else is cleaned the long way.
    assert.equal(cleanLine('T-1 Alpha (v2) #3'), 'T-1 Alpha (v2) #3');
    assert.equal(cleanLine('a  b'), 'a b');
    assert.equal(cleanLine(' a'), 'a');
    assert.equal(cleanLine('a\u00A0b'), 'a b');
    assert.equal(cleanLine('abcdefgh', 5), 'abcd…');
    assert.equal(cleanLine('abc defgh', 5), 'abc…', 'no space before the ellipsis');
    assert.equal(cleanLine('é'.repeat(8), 5), 'éééé…');
  });

  it('escapes XML, removing characters XML cannot carry', () => {
    assert.equal(escapeXml('<a href="x">&\'</a>'), '&lt;a href&#61;&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeXml('javascript:x'), 'javascript&#58;x');
    assert.equal(escapeXml('a\u0000b\u0001c\uFFFEd\uDC00e'), 'abcde');
    assert.equal(escapeXml('tab\tnl\n'), 'tab\tnl\n');
  });
});
