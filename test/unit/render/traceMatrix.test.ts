import assert from 'node:assert/strict';
import { csvField } from '../../../src/core/render/csv.js';
import { mdText } from '../../../src/core/render/markdown.js';
import type { TraceMatrix } from '../../../src/core/render/traceMatrix.js';
import { buildTraceMatrix, renderTraceMatrix } from '../../../src/core/render/traceMatrix.js';
import { AnalysisBuilder } from './analysisBuilder.js';
import { HOSTILE } from './hostile.js';

/** RFC 4180 reader, written independently of the writer so the round trip means something. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      assert.equal(field, '', 'a quote only opens a field');
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      assert.ok(c !== '\r' && c !== '\n', `bare line break at ${i}`);
      field += c;
    }
  }
  assert.equal(field, '', 'the file ends with CRLF');
  assert.ok(!quoted);
  return rows;
}

function plan(): AnalysisBuilder {
  return new AnalysisBuilder()
    .goal('G-1', { title: 'Grow, "fast"' })
    .goal('G-2', { title: 'Lonely goal' })
    .goal('G-3', { title: 'Dropped goal', status: 'dropped' })
    .feature('FEAT-1', { title: 'SSO', goals: ['G-1'] })
    .feature('FEAT-2', { title: 'No tasks', goals: ['G-1'] })
    .feature('FEAT-3', { title: 'No goal' })
    .feature('FEAT-4', { title: 'Unscheduled', goals: ['G-1'] })
    .feature('FEAT-5', { title: 'Dropped', goals: ['G-1'], status: 'dropped' })
    .task('T-1', { title: 'Build SSO', features: ['FEAT-1'], start: '2027-01-04', end: '2027-01-08', status: 'in-progress' })
    .task('T-2', { title: 'Test SSO', features: ['FEAT-1'], start: '2027-01-11', end: '2027-01-12' })
    .task('T-3', { title: 'Orphan feature work', features: ['FEAT-3'], start: '2027-01-04', end: '2027-01-04' })
    .task('T-4', { title: 'No feature' })
    .task('T-5', { title: 'Not scheduled', features: ['FEAT-4'] })
    .task('T-6', { title: 'Dropped task', status: 'dropped' });
}

describe('trace matrix', () => {
  it('computes coverage per goal and overall, and the gaps', () => {
    const m: TraceMatrix = buildTraceMatrix(plan().build());
    const g1 = m.goals.find((g) => g.id === 'G-1');
    assert.ok(g1);
    assert.deepEqual(g1.features.map((f) => f.id), ['FEAT-1', 'FEAT-2', 'FEAT-4', 'FEAT-5']);
    // Traced and scheduled: FEAT-1 only. FEAT-4 is traced but unscheduled; FEAT-5 is dropped.
    assert.deepEqual([g1.covered, g1.total, g1.coverage], [1, 3, 33]);
    const g2 = m.goals.find((g) => g.id === 'G-2');
    assert.deepEqual([g2?.covered, g2?.total, g2?.coverage], [0, 0, null]);
    // Traced features: FEAT-1, FEAT-4 of FEAT-1..4 (FEAT-5 dropped is not counted).
    assert.deepEqual(m.coverage, { traced: 2, total: 4, percent: 50 });
    assert.deepEqual(m.gaps, {
      featuresWithoutGoal: ['FEAT-3'],
      featuresWithoutTasks: ['FEAT-2'],
      goalsWithoutFeatures: ['G-2'],
      tasksWithoutFeatures: ['T-4'],
    });
    assert.deepEqual(m.untraced.map((f) => f.id), ['FEAT-3']);
    assert.deepEqual(g1.features[0].tasks.map((t) => [t.id, t.start, t.end, t.scheduled]), [
      ['T-1', '2027-01-04', '2027-01-08', true],
      ['T-2', '2027-01-11', '2027-01-12', true],
    ]);
  });

  it('renders JSON that parses back to the matrix, with HTML-significant characters escaped', () => {
    const a = plan().goal('G-9', { title: '</script><!-- & \u2028' }).build();
    const json = renderTraceMatrix(a, { format: 'json' });
    assert.ok(!/[<>&\u2028]/.test(json));
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(buildTraceMatrix(a))));
    assert.equal(JSON.parse(json).version, 1);
  });

  it('renders RFC 4180 CSV: CRLF, quoted fields, doubled quotes', () => {
    const csv = renderTraceMatrix(plan().build(), { format: 'csv' });
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], ['goal_id', 'goal_title', 'feature_id', 'feature_title', 'feature_traced', 'feature_scheduled', 'task_id', 'task_title', 'task_status', 'task_start', 'task_end']);
    assert.ok(csv.includes('G-1,"Grow, ""fast""",FEAT-1,SSO,true,true,T-1,Build SSO,in-progress,2027-01-04,2027-01-08\r\n'));
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[2], r[6]]), [
      ['G-1', 'FEAT-1', 'T-1'], ['G-1', 'FEAT-1', 'T-2'], ['G-1', 'FEAT-2', ''], ['G-1', 'FEAT-4', 'T-5'], ['G-1', 'FEAT-5', ''],
      ['G-2', '', ''], ['G-3', '', ''], ['', 'FEAT-3', 'T-3'], ['', '', 'T-4'],
    ]);
    assert.ok(rows.every((r) => r.length === 11));
  });

  it('guards against formula injection without touching IDs, dates or plain text', () => {
    assert.equal(csvField('=1+1', true), "'=1+1");
    assert.equal(csvField('+1', true), "'+1");
    assert.equal(csvField('-1', true), "'-1");
    assert.equal(csvField('@SUM(A1)', true), "'@SUM(A1)");
    assert.equal(csvField('\tx', true), "'\tx");
    assert.equal(csvField('\uFF1D1+1', true), "'\uFF1D1+1");
    assert.equal(csvField('=HYPERLINK("x","y")', true), `"'=HYPERLINK(""x"",""y"")"`);
    assert.equal(csvField('a=b', true), 'a=b');
    assert.equal(csvField('T-1'), 'T-1');
    assert.equal(csvField('2027-01-04'), '2027-01-04');
    assert.equal(csvField(-3), '-3', 'numbers are not text');
    assert.equal(csvField('line\nbreak', true), '"line\nbreak"');
    assert.equal(csvField(undefined), '');

    const b = new AnalysisBuilder().goal('G-1', { title: 'ok' });
    HOSTILE.forEach((h, i) => {
      b.feature(`FEAT-${i}`, { title: h, goals: ['G-1'] });
      b.task(`T-${i}`, { title: h, features: [`FEAT-${i}`], start: '2027-01-04', end: '2027-01-05' });
    });
    const rows = parseCsv(renderTraceMatrix(b.build(), { format: 'csv' }));
    assert.equal(rows.length, 1 + HOSTILE.length);
    for (const r of rows.slice(1)) {
      for (const cell of r) assert.ok(!/^[=+\-@\t\r]/.test(cell), `no formula: ${cell.slice(0, 40)}`);
      assert.match(r[2], /^FEAT-\d+$/);
      assert.match(r[6], /^T-\d+$/);
      assert.match(r[9], /^2027-01-04$/);
    }
    const titles = rows.slice(1).map((r) => r[3]);
    assert.ok(titles.includes("'=HYPERLINK(\"http://evil.example\",\"click\")"));
    assert.ok(titles.includes('\nclick x href "javascript:alert(1)"'), 'text is kept as written, just quoted');
  });

  it('renders Markdown with escaped cells and the numbers', () => {
    const a = plan().feature('FEAT-9', { title: 'a | b\nc <b>x</b>', goals: ['G-2'] }).build();
    const md = renderTraceMatrix(a, { format: 'markdown' });
    assert.match(md, /^# Traceability matrix\n\nCoverage: 2 of 5 features traced to a goal and a task \(40%\)\./);
    assert.ok(md.includes('| **G-2** Lonely goal | **FEAT-9** a \\| b c &lt;b&gt;x&lt;/b&gt; | — | no | no |'));
    assert.ok(md.includes('| **G-1** Grow, "fast" | **FEAT-1** SSO | T-1, T-2 | yes | yes |'));
    assert.ok(md.includes('|  | **FEAT-2** No tasks | — | no | no |'));
    assert.ok(md.includes('| _No goal_ | **FEAT-3** No goal | T-3 | no | yes |'));
    assert.ok(md.includes('| **G-1** Grow, "fast" | 1 | 3 | 33% |'));
    assert.ok(md.includes('| **G-2** Lonely goal | 0 | 1 | 0% |'));
    assert.ok(md.includes('- Features without a goal: FEAT-3'));
    assert.ok(md.includes('- Tasks without a feature: T-4'));
    assert.ok(md.includes('- Goals without features: none'));
  });

  it('escapes Markdown inline syntax in user text', () => {
    assert.equal(mdText('a|b'), 'a\\|b');
    assert.equal(mdText('# x'), '\\# x');
    assert.equal(mdText('1. x'), '1\\. x');
    assert.equal(mdText('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(mdText('[x](javascript:alert(1))'), '\\[x\\](javascript:alert(1))');
    assert.equal(mdText('R&D &amp; co'), 'R&D &amp;amp; co');
    assert.equal(mdText('*a* _b_ `c` ~d~ \\'), '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\\\');
    assert.equal(mdText('two\nlines\u2028here'), 'two lines here');
  });

  it('handles an empty workspace', () => {
    const a = new AnalysisBuilder().build();
    assert.match(renderTraceMatrix(a, { format: 'markdown' }), /Coverage: no features yet\./);
    assert.equal(renderTraceMatrix(a, { format: 'csv' }).split('\r\n').length, 2);
    assert.deepEqual(JSON.parse(renderTraceMatrix(a, { format: 'json' })).coverage, { traced: 0, total: 0, percent: null });
  });
});
