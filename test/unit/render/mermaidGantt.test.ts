import assert from 'node:assert/strict';
import { renderMermaidGantt } from '../../../src/core/render/mermaidGantt.js';
import { mermaidLineStart, mermaidText } from '../../../src/core/render/mermaidText.js';
import { AnalysisBuilder } from './analysisBuilder.js';
import { HOSTILE, HOSTILE_OWNERS } from './hostile.js';

/** Characters that must never reach mermaid inside user text. */
// eslint-disable-next-line no-control-regex -- NUL must never reach the output.
const FORBIDDEN = /[\n\r#;%:{}<>"'`&\u2028\u2029\u0000]/;
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const TASK_LINE = new RegExp(String.raw`^        [A-Z][A-Z0-9]*-\d+(?:\.\d+)* [^\n#;%:{}<>"'\x60&]* :(?:(?:crit|done|active|milestone), )*t\d+, ${DATE}, ${DATE}$`);

/**
 * Every line of the output must be one of the statements we mean to write. This is the
 * real injection test: a title that slipped through would show up as an extra line or
 * a line of another shape.
 */
function assertGanttShape(text: string): { sections: string[]; tasks: string[] } {
  assert.ok(text.endsWith('\n'));
  const lines = text.slice(0, -1).split('\n');
  assert.equal(lines[0], 'gantt');
  assert.equal(lines[1], '    dateFormat YYYY-MM-DD');
  const sections: string[] = [];
  const tasks: string[] = [];
  for (const [i, line] of lines.slice(2).entries()) {
    assert.ok(!/^\s*(click|call|href)\b/i.test(line), `no click/call/href line: ${line}`);
    assert.ok(line.length <= 200, `line ${i} capped: ${line.length}`);
    if (line.startsWith('    title ')) {
      assert.ok(!FORBIDDEN.test(line.slice(10)), `clean title: ${line}`);
    } else if (line.startsWith('    section ')) {
      assert.ok(!FORBIDDEN.test(line.slice(12)), `clean section: ${line}`);
      assert.ok(line.slice(12).trim().length > 0, 'section names are never empty');
      sections.push(line.slice(12));
    } else if (line.startsWith('    %% ')) {
      assert.match(line, /^ {4}%% unscheduled: [A-Z][A-Z0-9]*-\d+(?:\.\d+)*(?:, [A-Z][A-Z0-9]*-\d+(?:\.\d+)*)*$/);
    } else {
      assert.match(line, TASK_LINE);
      tasks.push(line);
    }
  }
  // `%%` only in our own comment line: a directive anywhere else would be honoured by mermaid.
  assert.ok(!text.split('\n').filter((l) => !l.startsWith('    %% unscheduled: ')).some((l) => l.includes('%')), 'no % outside the comment');
  return { sections, tasks };
}

describe('renderMermaidGantt', () => {
  it('writes explicit dates with an exclusive end (hand-computed plan)', () => {
    // Mon 2027-01-04 … Wed 2027-01-06 is three working days: mermaid needs end = Thu.
    // T-2 runs Thu 7, Fri 8, Mon 11 (the weekend is not worked): end written as Tue 12.
    const a = new AnalysisBuilder({ today: '2027-01-05', fileTitles: { 'plan.md': 'Launch plan' } })
      .task('T-1', { title: 'Design', section: ['Launch plan', 'Phase 1'], start: '2027-01-04', end: '2027-01-06', critical: true, status: 'done' })
      .task('T-2', { title: 'Build', section: ['Launch plan', 'Phase 1'], start: '2027-01-07', days: 3, after: ['T-1'], critical: true, status: 'in-progress' })
      .milestone('M-1', { title: 'Beta', section: ['Launch plan', 'Phase 2'], date: '2027-01-11', after: ['T-2'] })
      .task('T-3', { title: 'Docs', section: ['Launch plan', 'Phase 2'], start: '2027-01-08', end: '2027-01-08' })
      .task('T-4', { title: 'Someday', section: ['Launch plan', 'Phase 2'] })
      .build();
    assert.equal(renderMermaidGantt(a, { title: 'Launch' }), [
      'gantt',
      '    dateFormat YYYY-MM-DD',
      '    title Launch',
      '    section Phase 1',
      '        T-1 Design :crit, done, t0, 2027-01-04, 2027-01-07',
      '        T-2 Build :crit, active, t1, 2027-01-07, 2027-01-12',
      '    section Phase 2',
      '        M-1 Beta :milestone, t2, 2027-01-11, 2027-01-12',
      '        T-3 Docs :t3, 2027-01-08, 2027-01-09',
      '    %% unscheduled: T-4',
      '',
    ].join('\n'));
  });

  it('never writes after, durations or excludes', () => {
    const a = new AnalysisBuilder()
      .task('T-1', { start: '2027-01-04', days: 5 })
      .task('T-2', { start: '2027-01-11', days: 2, after: ['T-1'] })
      .build();
    const text = renderMermaidGantt(a);
    assert.ok(!/\bafter\b/.test(text));
    assert.ok(!/\d+[dwhm]\b/.test(text.replace(/\d{4}-\d{2}-\d{2}/g, '')));
    assert.ok(!/excludes|inclusiveEndDates/.test(text));
    assert.match(text, /T-1 T-1 title :t0, 2027-01-04, 2027-01-09\n/);
  });

  it('renders an empty plan as a valid minimal gantt', () => {
    assert.equal(renderMermaidGantt(new AnalysisBuilder().build()), 'gantt\n    dateFormat YYYY-MM-DD\n');
    const titled = renderMermaidGantt(new AnalysisBuilder().build(), { title: '%%{init}%%' });
    assertGanttShape(titled);
  });

  it('keeps every hostile title, section, file title and owner inert', () => {
    const b = new AnalysisBuilder({ fileTitles: Object.fromEntries(HOSTILE.map((h, i) => [`f${i}.md`, h])) });
    HOSTILE.forEach((h, i) => {
      b.feature(`FEAT-${i}`, { title: h, file: `f${i}.md` });
      b.task(`T-${i}`, {
        title: h, file: `f${i}.md`, section: i % 3 === 0 ? [] : [h, h],
        owners: [HOSTILE_OWNERS[i % HOSTILE_OWNERS.length]], features: [`FEAT-${i}`],
        start: '2027-01-04', end: '2027-01-05', critical: i % 2 === 0,
      });
      b.milestone(`M-${i}`, { title: h, file: `f${i}.md`, date: '2027-01-06' });
    });
    b.task('T-999', { title: HOSTILE[0] });
    const a = b.build();
    for (const groupBy of ['section', 'feature'] as const) {
      for (const title of HOSTILE) {
        const text = renderMermaidGantt(a, { groupBy, title });
        const { tasks } = assertGanttShape(text);
        assert.equal(tasks.length, HOSTILE.length * 2, 'one line per task and milestone, no more');
        assert.match(text, /%% unscheduled: T-999\n$/);
      }
    }
  });

  it('replaces special characters with documented lookalikes', () => {
    assert.equal(mermaidText('a:b;c#d%e{f}g<h>i"j\'k`l&m'), 'a\u2236b,c\u266Fd\u066Ae(f)g\u2039h\u203Ai\u201Dj\u2019k\u2018l+m');
    assert.equal(mermaidText('  many \n\n lines\u2028and\u2029more\u0000 '), 'many lines and more');
    assert.equal(mermaidText(''), '(untitled)');
    assert.equal(mermaidText('\u200B\u202E'), '(untitled)');
    assert.equal(Array.from(mermaidText('y'.repeat(1000), 50)).length, 50);
    assert.equal(mermaidLineStart('click me'), '\u00B7 click me');
    assert.equal(mermaidLineStart('Section 1'), '\u00B7 Section 1');
    assert.equal(mermaidLineStart('2027-01-01 launch'), '\u00B7 2027-01-01 launch');
    assert.equal(mermaidLineStart('T-1 click'), 'T-1 click');
  });

  it('uses generated task ids, never user text', () => {
    const a = new AnalysisBuilder()
      .task('T-1', { title: 'x', start: '2027-01-04', end: '2027-01-04' })
      .task('T-2', { title: 'y', start: '2027-01-05', end: '2027-01-05' })
      .build();
    const ids = [...renderMermaidGantt(a).matchAll(/:(?:[a-z]+, )*(t\d+), /g)].map((m) => m[1]);
    assert.deepEqual(ids, ['t0', 't1']);
  });

  it('groups by feature and filters by feature, goal, owner, milestone and file', () => {
    const a = new AnalysisBuilder()
      .goal('G-1', { title: 'Grow' })
      .feature('FEAT-1', { title: 'SSO', goals: ['G-1'] })
      .feature('FEAT-2', { title: 'Billing' })
      .task('T-1', { features: ['FEAT-1'], owners: ['@ana'], start: '2027-01-04', end: '2027-01-05', milestone: 'M-1' })
      .task('T-2', { features: ['FEAT-2'], owners: ['@bob'], start: '2027-01-04', end: '2027-01-05', file: 'other/plan.md' })
      .task('T-3', { owners: ['@Ana'], start: '2027-01-06', end: '2027-01-06' })
      .task('T-4', { status: 'dropped', start: '2027-01-06', end: '2027-01-06' })
      .milestone('M-1', { date: '2027-01-08', features: ['FEAT-1'], after: ['T-3'] })
      .build();
    const ids = (text: string): string[] => [...text.matchAll(/^ {8}([A-Z]+-\d+) /gm)].map((m) => m[1]);
    assert.deepEqual(ids(renderMermaidGantt(a)), ['T-1', 'T-3', 'M-1', 'T-2'], 'dropped tasks are left out');
    const byFeature = renderMermaidGantt(a, { groupBy: 'feature' });
    assert.deepEqual([...byFeature.matchAll(/^ {4}section (.*)$/gm)].map((m) => m[1]), ['FEAT-1 SSO', 'FEAT-2 Billing', 'No feature']);
    assert.deepEqual(ids(renderMermaidGantt(a, { feature: 'FEAT-1' })), ['T-1', 'M-1']);
    assert.deepEqual(ids(renderMermaidGantt(a, { goal: 'G-1' })), ['T-1', 'M-1']);
    assert.deepEqual(ids(renderMermaidGantt(a, { owner: 'ana' })), ['T-1', 'T-3']);
    assert.deepEqual(ids(renderMermaidGantt(a, { milestone: 'M-1' })), ['T-1', 'T-3', 'M-1']);
    assert.deepEqual(ids(renderMermaidGantt(a, { files: ['other'] })), ['T-2']);
    assert.deepEqual(ids(renderMermaidGantt(a, { files: ['plan.md'], owner: '@ana' })), ['T-1', 'T-3']);
  });

  it('renders 3,000 tasks, one line each', () => {
    const b = new AnalysisBuilder();
    for (let i = 0; i < 3000; i++) {
      b.task(`T-${i}`, { section: [`Phase ${Math.floor(i / 100)}`], start: '2027-01-04', end: '2027-01-08', after: i > 0 ? [`T-${i - 1}`] : [] });
    }
    const { sections, tasks } = assertGanttShape(renderMermaidGantt(b.build()));
    assert.equal(tasks.length, 3000);
    assert.equal(sections.length, 30);
  });
});
