import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyzer/analyze.js';
import { defaultConfig, parseConfig } from '../../../src/core/config/loadConfig.js';
import { formatDate } from '../../../src/core/model/dates.js';
import { convertGanttChart, listGanttCharts } from '../../../src/core/convert/toPlan.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { checkConversion } from './convertCheck.js';

const ROOT = join(process.cwd(), 'test', 'fixtures', 'mermaid');
const config = defaultConfig();

function chart(body: string, before = '# Plan\n\n'): string {
  return `${before}\`\`\`mermaid\ngantt\n${body.trim().split('\n').map((l) => `  ${l.trim()}`).join('\n')}\n\`\`\`\n`;
}

function rowOf(text: string, id: string): string[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${id} |`));
  assert.ok(line, `no row ${id} in\n${text}`);
  return line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

function headerOf(text: string, id: string): string[] {
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.startsWith(`| ${id} |`));
  while (i > 0 && !lines[i - 1]!.startsWith('|---')) i--;
  return lines[i - 2]!.split('|').slice(1, -1).map((c) => c.trim());
}

function cellOf(text: string, id: string, column: string): string {
  const header = headerOf(text, id);
  const k = header.indexOf(column);
  return k < 0 ? '' : rowOf(text, id)[k]!;
}

describe('mermaid chart → Specline plan (convertGanttChart)', () => {
  it('keeps the days of every task of every fixture chart mermaid draws', () => {
    let dated = 0;
    let agree = 0;
    const problems: string[] = [];
    for (const file of readdirSync(ROOT).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [i] of listGanttCharts(text).entries()) {
        const conversion = convertGanttChart(file, text, i, { config, mode: 'document' });
        if (conversion.failure) continue;
        const r = checkConversion(file, conversion, config);
        dated += r.dated;
        agree += r.agree;
        problems.push(...r.problems);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(agree >= 35 && agree >= dated - 2, `${agree} of ${dated} dated tasks keep their days`);
  });

  it('proposes T-n and M-n IDs after the highest in use, keeps Specline IDs and the mapping from mermaid ids', () => {
    const text = chart(`
      dateFormat YYYY-MM-DD
      Design          :a1, 2027-03-01, 3d
      Build for T-3   :T-40, after a1, 2d
      Review          :milestone, m1, after T-40, 0d
    `);
    const c = convertGanttChart('plan.md', text, 0, { config, mode: 'document', taken: ['T-1', 'T-7.2', 'M-3', 'FEAT-9'] });
    assert.deepEqual(c.tasks.map((t) => [t.mermaidId, t.id, t.kind]), [['a1', 'T-41', 'task'], ['T-40', 'T-40', 'task'], ['m1', 'M-4', 'milestone']]);
    assert.match(c.text, /mermaid ids: a1 = T-41, m1 = M-4\n/);
    assert.equal(cellOf(c.text, 'T-40', 'After'), 'T-41');
    assert.equal(cellOf(c.text, 'M-4', 'After'), 'T-40');
    assert.deepEqual(c.notes.filter((n) => n.severity === 'warning'), []);
  });

  it('follows the last definition of an id defined twice, as mermaid does', () => {
    const c = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nFirst :x, 2027-03-01, 2d\nSecond :x, 2027-03-10, 1d\nThen :c, after x, 1d'), 0, { config, mode: 'document' });
    assert.equal(cellOf(c.text, 'T-3', 'After'), 'T-2');
    assert.ok(c.notes.some((n) => n.severity === 'info' && n.message.startsWith('x is the id of an earlier line too (id.duplicate)')));
    assert.deepEqual(checkConversion('p.md', c, config).problems, []);
  });

  it('takes the ID that starts a title (as `specline gantt --format mermaid` writes it) unless the workspace already has it', () => {
    const text = chart(`
      dateFormat YYYY-MM-DD
      T-5 Design      :t0, 2027-03-01, 2027-03-04
      T-6 Build       :t1, 2027-03-04, 2027-03-06
      M-2 Done        :milestone, t2, 2027-03-06, 2027-03-07
    `);
    const c = convertGanttChart('plan.md', text, 0, { config, mode: 'document', taken: ['T-6'] });
    assert.deepEqual(c.tasks.map((t) => t.id), ['T-5', 'T-7', 'M-2']);
    assert.equal(cellOf(c.text, 'T-5', 'Task'), 'Design');
    assert.equal(cellOf(c.text, 'T-7', 'Task'), 'T-6 Build');
  });

  it('writes the calendar of the chart: every day without excludes, the weekend of `weekend friday`, excluded dates as holidays', () => {
    const every = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nA :a, 2027-03-05, 3d'), 0, { config, mode: 'document' });
    assert.match(every.text, /^---\ncalendar: \{ workdays: \[sun, mon, tue, wed, thu, fri, sat\] \}\n---\n/);
    assert.equal(cellOf(every.text, 'T-1', 'Duration'), '3d');
    const gulf = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nexcludes weekends, 2027-03-10\nweekend friday\nA :a, 2027-03-07, 5d'), 0, { config, mode: 'document' });
    assert.match(gulf.text, /^---\ncalendar: \{ workdays: \[sun, mon, tue, wed, thu\], holidays: \[2027-03-10\] \}\n---\n/);
    assert.deepEqual([formatDate(gulf.tasks[0]!.plan.start!), formatDate(gulf.tasks[0]!.plan.end!)], ['2027-03-07', '2027-03-14']);
    assert.equal(cellOf(gulf.text, 'T-1', 'Duration'), '5d');
    // Weekday names; an `includes` date gives back an excluded date.
    const named = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nexcludes sunday, wednesday, 2027-03-10, 2027-03-12\nincludes 2027-03-12\nA :a, 2027-03-08, 4d'), 0, { config, mode: 'document' });
    assert.match(named.text, /^---\ncalendar: \{ workdays: \[mon, tue, thu, fri, sat\] \}\n---\n/);
    assert.deepEqual(named.notes.filter((n) => n.severity === 'warning'), []);
    assert.deepEqual(checkConversion('p.md', named, config).problems, []);
    const plain = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nexcludes weekends\nA :a, 2027-03-05, 3d'), 0, { config, mode: 'document' });
    assert.ok(!plain.text.startsWith('---'), 'Monday to Friday is the project calendar already');
    // Non-ISO dateFormat: dates are written ISO, and the chart's excluded day in its own format is a holiday.
    const dmy = convertGanttChart('p.md', chart('dateFormat DD.MM.YYYY\nexcludes weekends, 10.03.2027\nA :a, 08.03.2027, 3d'), 0, { config, mode: 'document' });
    assert.match(dmy.text, /holidays: \[2027-03-10\]/);
    assert.equal(cellOf(dmy.text, 'T-1', 'Start'), '2027-03-08');
    assert.deepEqual(checkConversion('p.md', dmy, config).problems, []);
  });

  it('keeps milestones on their day with their `after`; a task mermaid starts on a milestone\'s day gets its start written and the `after` in Notes', () => {
    const text = chart(`
      dateFormat YYYY-MM-DD
      excludes weekends
      Build      :b, 2027-03-01, 3d
      Gate       :milestone, g, after b, 0d
      Ship       :s, after g, 2d
    `);
    const c = convertGanttChart('p.md', text, 0, { config, mode: 'document' });
    assert.equal(cellOf(c.text, 'M-1', 'Date'), '2027-03-04');
    assert.equal(cellOf(c.text, 'M-1', 'After'), 'T-1');
    assert.equal(cellOf(c.text, 'T-2', 'Start'), '2027-03-04');
    assert.equal(cellOf(c.text, 'T-2', 'After'), '');
    assert.equal(cellOf(c.text, 'T-2', 'Notes'), 'after M-1');
    assert.ok(c.notes.some((n) => n.severity === 'info' && n.message.startsWith('T-2: mermaid starts it on 2027-03-04, the day M-1 is due')));
    assert.deepEqual(checkConversion('p.md', c, config).problems, []);
    // The plan raises no scheduling problem of its own.
    const analysis = analyze({ config, configDiagnostics: [], files: [parseFile('p.md', c.text, config)], today: 0 });
    assert.deepEqual(analysis.diagnostics.filter((d) => d.code.startsWith('schedule.') && d.code !== 'schedule.overdue').map((d) => d.code), []);
  });

  it('maps tags, `until`, feature IDs in titles and pipes; a line without a start follows the previous line', () => {
    const text = chart(`
      dateFormat YYYY-MM-DD
      section Build | run
      Login for FEAT-2   :done, crit, a, 2027-03-01, 2d
      Profile            :active, b, after a, 3d
      Polish             :vert, c, 2027-03-02, until b
      Wrap up            :1d
    `);
    const c = convertGanttChart('p.md', text, 0, { config, mode: 'document' });
    assert.match(c.text, /\n## Build \| run\n/);
    assert.deepEqual([cellOf(c.text, 'T-1', 'Status'), cellOf(c.text, 'T-1', 'Tags'), cellOf(c.text, 'T-1', 'Features')], ['done', 'crit', 'FEAT-2']);
    assert.deepEqual([cellOf(c.text, 'T-2', 'Status'), cellOf(c.text, 'T-2', 'After')], ['in-progress', 'T-1']);
    assert.deepEqual([cellOf(c.text, 'T-3', 'Tags'), cellOf(c.text, 'T-3', 'End'), cellOf(c.text, 'T-3', 'Notes')], ['vert', '2027-03-02', 'until T-2']);
    assert.deepEqual([cellOf(c.text, 'T-4', 'After'), cellOf(c.text, 'T-4', 'Duration')], ['T-3', '1d']);
    const items = parseFile('p.md', c.text, config).items;
    assert.deepEqual(items.find((i) => i.id === 'T-1')?.links.features?.map((r) => r.id), ['FEAT-2']);
    assert.deepEqual(checkConversion('p.md', c, config).problems, []);
  });

  it('keeps every chart line the plan cannot hold, verbatim, in a comment after the tables', () => {
    const text = readFileSync(join(ROOT, 'statements.md'), 'utf8');
    const c = convertGanttChart('statements.md', text, 0, { config, mode: 'document' });
    const comment = c.text.slice(c.text.indexOf('<!--'));
    for (const kept of ['%%{init: {"theme": "forest"}}%%', 'accTitle: Accessible title', 'over several lines', 'axisFormat %d %b', 'tickInterval 1week', 'todayMarker off', 'click a1 href "https://example.com"', 'click a2 call show("a2")', 'includes 2027-03-13']) {
      assert.ok(comment.includes(kept), `${kept} is kept`);
    }
    assert.ok(!comment.includes('dateFormat'), 'the dates are written ISO: dateFormat is not needed');
    assert.ok(c.notes.some((n) => n.severity === 'warning' && n.message.includes('includes 2027-03-13')));
  });

  it('does not convert a chart mermaid cannot draw', () => {
    const c = convertGanttChart('p.md', chart('dateFormat YYYY-MM-DD\nA :a, 2027-03-01, 2d\nnot a task'), 0, { config, mode: 'document' });
    assert.match(c.failure ?? '', /^mermaid cannot draw this chart/);
    assert.equal(c.text, '');
  });

  it('replaces the fence in place, adding the calendar to the front matter or a new one', () => {
    const body = 'dateFormat YYYY-MM-DD\nsection Work\nA :a, 2027-03-05, 3d\nB :b, after a, 1d';
    const bare = chart(body, '# Plan\n\nIntro.\n\n');
    const c = convertGanttChart('p.md', bare, 0, { config, mode: 'replace' });
    assert.equal(c.edits.length, 2);
    assert.ok(c.text.startsWith('---\ncalendar: { workdays: [sun, mon, tue, wed, thu, fri, sat] }\n---\n\n# Plan\n\nIntro.\n\n## Work\n\n| ID |'), c.text);
    assert.ok(!c.text.includes('```'));
    assert.deepEqual(checkConversion('p.md', c, config).problems, []);

    const withFm = chart(body, '---\nstart: 2027-03-01\n---\n\n# Plan\n\n');
    const d = convertGanttChart('p.md', withFm, 0, { config, mode: 'replace' });
    assert.ok(d.text.startsWith('---\nstart: 2027-03-01\ncalendar: { workdays: [sun, mon, tue, wed, thu, fri, sat] }\n---\n'), d.text);

    // A file with tasks of its own keeps its calendar: the chart's days are written out instead.
    const mixed = chart(body, '# Plan\n\n- [ ] T-9 Existing\n  - start: 2027-03-01\n  - duration: 5d\n\n');
    const e = convertGanttChart('p.md', mixed, 0, { config, mode: 'replace', taken: ['T-9'] });
    assert.equal(e.edits.length, 1);
    assert.ok(e.notes.some((n) => n.severity === 'warning' && n.message.startsWith('this file has other tasks')));
    const r = checkConversion('p.md', e, config);
    assert.equal(r.problems.length + r.excused, 1, 'A runs over a weekend, which the file\'s calendar does not work');
    assert.equal(cellOf(e.text, 'T-10', 'Start'), '2027-03-05');
  });

  it('works with CRLF line ends and the project calendar of .specline.yml', () => {
    const { config: project } = parseConfig('calendar:\n  workdays: [mon, tue, wed, thu, fri]\n  holidays: [2027-03-09]\n', '.specline.yml');
    const text = chart('dateFormat YYYY-MM-DD\nexcludes weekends, 2027-03-09\nA :a, 2027-03-08, 3d').replace(/\n/g, '\r\n');
    const c = convertGanttChart('p.md', text, 0, { config: project, mode: 'replace' });
    assert.equal(c.edits.length, 1, 'the project calendar already excludes 9 March');
    assert.ok(c.edits[0]!.newText.includes('\r\n') && !/[^\r]\n/.test(c.edits[0]!.newText));
    assert.deepEqual([formatDate(c.tasks[0]!.plan.start!), formatDate(c.tasks[0]!.plan.end!)], ['2027-03-08', '2027-03-11']);
  });
});
