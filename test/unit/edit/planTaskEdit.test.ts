import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { applyTextEdits, planTaskEdit } from '../../../src/core/edit/planTaskEdit.js';
import type { TaskEditRequest } from '../../../src/core/edit/taskEditRequest.js';
import { formatDate } from '../../../src/core/model/dates.js';
import type { Item } from '../../../src/core/model/types.js';
import { contentHash } from '../../../src/core/parse/contentHash.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

const config = defaultConfig();

function plan(text: string, request: TaskEditRequest): ReturnType<typeof planTaskEdit> {
  return planTaskEdit({ text, file: parseFile('plan.md', text, config), config }, request);
}

/** The item as the parser reads it back, in the request's own terms. */
function readBack(item: Item): Record<string, unknown> {
  const d = (n: number | undefined): string | undefined => (n === undefined ? undefined : formatDate(n));
  return {
    start: d(item.kind === 'milestone' ? item.date : item.start), end: d(item.kind === 'milestone' ? item.date : item.end),
    duration: item.duration ? `${item.duration.amount}${item.duration.unit}` : undefined,
    after: item.links.after?.map((r) => r.id) ?? [], progress: item.progress === undefined ? undefined : `${item.progress}%`,
    status: item.status ?? 'todo', title: item.title,
  };
}

/**
 * Applies the edit and checks the exact text after; then parses that text again and checks
 * the item now says what was asked (for native forms; a mermaid chart's dates are checked by
 * the caller) and that no new problem appeared.
 */
function expectText(before: string, request: TaskEditRequest, after: string): void {
  const r = plan(before, request);
  assert.ok(r.ok, r.ok ? '' : r.message);
  for (const e of r.edits) assert.equal(e.file, 'plan.md');
  const text = applyTextEdits(before, r.edits);
  assert.equal(text, after);
  const was = parseFile('plan.md', before, config).diagnostics.map((d) => d.message);
  const parsed = parseFile('plan.md', text, config);
  assert.deepEqual(parsed.diagnostics.map((d) => d.message).filter((m) => !was.includes(m)), []);
  const item = parsed.items.find((i) => i.id === request.id)!;
  const got = readBack(item);
  for (const key of ['start', 'end', 'duration', 'progress', 'status', 'title', 'after'] as const) {
    if (request[key] === undefined) continue;
    // A chart's lengths are mermaid's calendar days, and its after ids are references, not links.
    if (item.form === 'mermaid' && (key === 'duration' || key === 'after')) continue;
    assert.deepEqual(got[key], request[key], `${key} reads back`);
  }
}

function expectRefusal(text: string, request: TaskEditRequest, reason: string, message: RegExp): void {
  const r = plan(text, request);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.reason, reason);
    assert.match(r.message, message);
  }
}

const TABLE = `| ID  | Task   | Start      | Duration | After |
|-----|--------|------------|----------|-------|
| T-1 | Alpha  | 2027-01-04 | 5d       |       |
| T-2 | Beta   |            | 3d       | T-1   |
`;

describe('planTaskEdit', () => {
  describe('table rows', () => {
    it('start: the cell content, the pipe kept in place', () => {
      expectText(TABLE, { id: 'T-1', start: '2027-01-11' }, TABLE.replace('2027-01-04', '2027-01-11'));
      expectText(TABLE, { id: 'T-2', start: '2027-02-01' }, TABLE.replace('| Beta   |            |', '| Beta   | 2027-02-01 |'));
    });
    it('end: a new End column in the header, the separator and every row', () => {
      expectText(TABLE, { id: 'T-2', end: '2027-02-05' }, `| ID  | Task   | Start      | Duration | After | End |
|-----|--------|------------|----------|-------| --- |
| T-1 | Alpha  | 2027-01-04 | 5d       |       |  |
| T-2 | Beta   |            | 3d       | T-1   | 2027-02-05 |
`);
    });
    it('duration: shorter and longer values keep the column aligned', () => {
      expectText(TABLE, { id: 'T-1', duration: '12d' }, TABLE.replace('| 5d       |', '| 12d      |'));
      expectText(TABLE, { id: 'T-2', duration: '2w' }, TABLE.replace('| 3d       |', '| 2w       |'));
    });
    it('after: set in an empty cell, replaced in a full one, a long list keeps one space', () => {
      expectText(TABLE, { id: 'T-1', after: ['T-2'] }, TABLE.replace('| 5d       |       |', '| 5d       | T-2   |'));
      expectText(TABLE, { id: 'T-2', after: ['T-1', 'T-3'] }, TABLE.replace('| T-1   |', '| T-1, T-3 |'));
      expectText(TABLE, { id: 'T-2', after: [] }, TABLE.replace('| T-1   |', '|       |'));
    });
    it('progress and status: new columns', () => {
      expectText(TABLE, { id: 'T-1', progress: '50%' }, `| ID  | Task   | Start      | Duration | After | Progress |
|-----|--------|------------|----------|-------| --- |
| T-1 | Alpha  | 2027-01-04 | 5d       |       | 50% |
| T-2 | Beta   |            | 3d       | T-1   |  |
`);
      expectText(TABLE, { id: 'T-2', status: 'in-progress' }, `| ID  | Task   | Start      | Duration | After | Status |
|-----|--------|------------|----------|-------| --- |
| T-1 | Alpha  | 2027-01-04 | 5d       |       |  |
| T-2 | Beta   |            | 3d       | T-1   | in-progress |
`);
    });
    it('two new columns at once: one after the other, each line touched only where it grows', () => {
      const r = plan(TABLE, { id: 'T-1', progress: '50%', status: 'done' });
      assert.ok(r.ok);
      assert.ok(r.edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character >= 45), 'only row ends change');
      expectText(TABLE, { id: 'T-1', progress: '50%', status: 'done' }, `| ID  | Task   | Start      | Duration | After | Status | Progress |
|-----|--------|------------|----------|-------| --- | --- |
| T-1 | Alpha  | 2027-01-04 | 5d       |       | done | 50% |
| T-2 | Beta   |            | 3d       | T-1   |  |  |
`);
    });
    it('title: the title cell, a pipe escaped', () => {
      expectText(TABLE, { id: 'T-1', title: 'Gamma | x' }, TABLE.replace('| Alpha  |', '| Gamma \\| x |'));
    });
    it('title in an aligned table: the cell keeps its width where the title fits; a longer one grows that row only', () => {
      // Shorter or as long as the column: padded, so every pipe stays where it was.
      expectText(TABLE, { id: 'T-2', title: 'B' }, TABLE.replace('| Beta   |', '| B      |'));
      expectText(TABLE, { id: 'T-2', title: 'Betamax' }, TABLE.replace('| Beta   |', '| Betamax |'));
      expectText(TABLE, { id: 'T-1', title: 'Alpha1' }, TABLE.replace('| Alpha  |', '| Alpha1 |'));
      // Longer: one space before the pipe, and no other row is re-padded (the smallest diff).
      const r = plan(TABLE, { id: 'T-1', title: 'Alpha release' });
      assert.ok(r.ok);
      assert.ok(r.edits.every((e) => e.range.start.line === 2 && e.range.end.line === 2), 'only the renamed row changes');
      expectText(TABLE, { id: 'T-1', title: 'Alpha release' }, TABLE.replace('| Alpha  |', '| Alpha release |'));
      // A compact table stays compact where the title fits in the cell's characters.
      const compact = '|ID|Task|Duration|\n|-|-|-|\n|T-1|Alpha|5d|\n';
      expectText(compact, { id: 'T-1', title: 'Al' }, compact.replace('|Alpha|', '|Al   |'));
      expectText(compact, { id: 'T-1', title: 'Alphabet' }, compact.replace('|Alpha|', '|Alphabet|'));
    });
    it('a move: start and end together', () => {
      const t = TABLE.replace('Duration', 'End     ').replace('5d      ', '2027-01-08');
      expectText(t, { id: 'T-1', start: '2027-01-11', end: '2027-01-15' }, t.replace('2027-01-04 | 2027-01-08', '2027-01-11 | 2027-01-15'));
    });
  });

  describe('list items', () => {
    const LIST = `- [ ] T-1 Alpha
  - start: 2027-01-04
  - duration: 5d
- [x] T-2 Beta <!-- reviewed -->
  - after: T-1
- T-3 Gamma
`;
    it('start: the value only', () => {
      expectText(LIST, { id: 'T-1', start: '2027-01-11' }, LIST.replace('2027-01-04', '2027-01-11'));
    });
    it('end: a new entry after the other attributes', () => {
      expectText(LIST, { id: 'T-1', end: '2027-01-20' }, LIST.replace('  - duration: 5d\n', '  - duration: 5d\n  - end: 2027-01-20\n'));
    });
    it('duration: replaced, or a nested list where there is none', () => {
      expectText(LIST, { id: 'T-1', duration: '2w' }, LIST.replace('5d', '2w'));
      expectText(LIST, { id: 'T-3', duration: '4d' }, LIST.replace('- T-3 Gamma', '- T-3 Gamma\n  - duration: 4d'));
    });
    it('after: replaced, emptied, added', () => {
      expectText(LIST, { id: 'T-2', after: ['T-1', 'T-3'] }, LIST.replace('after: T-1', 'after: T-1, T-3'));
      expectText(LIST, { id: 'T-2', after: [] }, LIST.replace('after: T-1', 'after: none'));
      expectText(LIST, { id: 'T-3', after: ['T-2'] }, LIST.replace('- T-3 Gamma', '- T-3 Gamma\n  - after: T-2'));
    });
    it('progress: a new entry', () => {
      expectText(LIST, { id: 'T-2', progress: '30%' }, LIST.replace('after: T-1', 'after: T-1\n  - progress: 30%'));
    });
    it('status: the checkbox when it can say it, else a status entry', () => {
      expectText(LIST, { id: 'T-1', status: 'done' }, LIST.replace('- [ ] T-1', '- [x] T-1'));
      expectText(LIST, { id: 'T-2', status: 'todo' }, LIST.replace('- [x] T-2', '- [ ] T-2'));
      expectText(LIST, { id: 'T-2', status: 'blocked' }, LIST.replace('- [x] T-2', '- [ ] T-2').replace('after: T-1', 'after: T-1\n  - status: blocked'));
      expectText(LIST, { id: 'T-3', status: 'done' }, LIST.replace('- T-3 Gamma', '- T-3 Gamma\n  - status: done'));
    });
    it('title: the text after the ID, a trailing comment kept', () => {
      expectText(LIST, { id: 'T-2', title: 'Beta two' }, LIST.replace('T-2 Beta <!--', 'T-2 Beta two <!--'));
      expectText(LIST, { id: 'T-1', title: 'A' }, LIST.replace('T-1 Alpha', 'T-1 A'));
    });
    it('two new entries at one place: in request order', () => {
      expectText(LIST, { id: 'T-1', progress: '10%', end: '2027-01-20' }, LIST.replace('  - duration: 5d\n', '  - duration: 5d\n  - progress: 10%\n  - end: 2027-01-20\n'));
    });
  });

  describe('headings', () => {
    const HEADINGS = `## T-1: Alpha ##

Some prose.

- duration: 5d

## T-2 Beta

## M-1 Launch

- after: T-1
`;
    it('start and end: entries in the attribute list', () => {
      expectText(HEADINGS, { id: 'T-1', start: '2027-01-11' }, HEADINGS.replace('- duration: 5d\n', '- duration: 5d\n- start: 2027-01-11\n'));
      expectText(HEADINGS, { id: 'T-1', start: '2027-01-11', end: '2027-01-15' }, HEADINGS.replace('- duration: 5d\n', '- duration: 5d\n- start: 2027-01-11\n- end: 2027-01-15\n'));
    });
    it('duration: the value; a new list under a heading without one', () => {
      expectText(HEADINGS, { id: 'T-1', duration: '8d' }, HEADINGS.replace('5d', '8d'));
      expectText(HEADINGS, { id: 'T-2', duration: '2d' }, HEADINGS.replace('## T-2 Beta\n', '## T-2 Beta\n\n- duration: 2d\n'));
    });
    it('after, progress, status', () => {
      expectText(HEADINGS, { id: 'M-1', after: ['T-1', 'T-2'] }, HEADINGS.replace('after: T-1', 'after: T-1, T-2'));
      expectText(HEADINGS, { id: 'T-1', progress: '40%' }, HEADINGS.replace('- duration: 5d\n', '- duration: 5d\n- progress: 40%\n'));
      expectText(HEADINGS, { id: 'T-1', status: 'blocked' }, HEADINGS.replace('- duration: 5d\n', '- duration: 5d\n- status: blocked\n'));
    });
    it('a milestone moves by its date', () => {
      expectText(HEADINGS, { id: 'M-1', start: '2027-02-01' }, HEADINGS.replace('- after: T-1\n', '- after: T-1\n- date: 2027-02-01\n'));
    });
    it('title: between the separator and the closing hashes', () => {
      expectText(HEADINGS, { id: 'T-1', title: 'Alpha, renamed' }, HEADINGS.replace('## T-1: Alpha ##', '## T-1: Alpha, renamed ##'));
      expectText(HEADINGS, { id: 'T-2', title: 'B' }, HEADINGS.replace('## T-2 Beta', '## T-2 B'));
    });
  });

  describe('front matter', () => {
    const DOC = `---
id: T-1
start: 2027-01-04
after:
  - T-2
  - T-3
---

# Alpha
`;
    it('start: the value', () => {
      expectText(DOC, { id: 'T-1', start: '2027-01-11' }, DOC.replace('2027-01-04', '2027-01-11'));
    });
    it('end, duration, progress, status: keys before the closing line', () => {
      expectText(DOC, { id: 'T-1', end: '2027-01-08' }, DOC.replace('  - T-3\n---', '  - T-3\nend: 2027-01-08\n---'));
      expectText(DOC, { id: 'T-1', duration: '3d' }, DOC.replace('  - T-3\n---', '  - T-3\nduration: 3d\n---'));
      expectText(DOC, { id: 'T-1', progress: '5%', status: 'in-progress' }, DOC.replace('  - T-3\n---', '  - T-3\nstatus: in-progress\nprogress: 5%\n---'));
    });
    it('after: a block list becomes a flow list; a flow list is replaced', () => {
      expectText(DOC, { id: 'T-1', after: ['T-9'] }, DOC.replace('after:\n  - T-2\n  - T-3', 'after: [T-9]'));
      const flow = DOC.replace('after:\n  - T-2\n  - T-3', 'after: [T-2]');
      expectText(flow, { id: 'T-1', after: ['T-2', 'T-4'] }, flow.replace('[T-2]', '[T-2, T-4]'));
      expectText(flow, { id: 'T-1', after: [] }, flow.replace('[T-2]', '[]'));
    });
    it('title: the first H1, or the title key, quoted when YAML needs it', () => {
      expectText(DOC, { id: 'T-1', title: 'Beta: two' }, DOC.replace('# Alpha', '# Beta: two'));
      const keyed = DOC.replace('start:', 'title: Alpha\nstart:');
      expectText(keyed, { id: 'T-1', title: 'Beta: two' }, keyed.replace('title: Alpha', 'title: "Beta: two"'));
      expectText(keyed, { id: 'T-1', title: 'Beta' }, keyed.replace('title: Alpha', 'title: Beta'));
    });
  });

  describe('mermaid gantt charts', () => {
    const CHART = `# Plan

\`\`\`mermaid
gantt
  dateFormat YYYY-MM-DD
  section S
  Alpha :T-30, 2027-01-04, 5d
  Beta  :active, T-31, after T-30, 2027-01-20
  Gamma :T-32, after T-31, 2d
  Go    :milestone, M-30, after T-32, 0d
\`\`\`
`;
    it('start: the start date in dateFormat; after: replaces it', () => {
      expectText(CHART, { id: 'T-30', start: '2027-01-11' }, CHART.replace('T-30, 2027-01-04', 'T-30, 2027-01-11'));
      expectText(CHART, { id: 'T-32', start: '2027-02-01' }, CHART.replace('T-32, after T-31', 'T-32, 2027-02-01'));
      expectText(CHART, { id: 'T-32', after: ['T-30'] }, CHART.replace('T-32, after T-31', 'T-32, after T-30'));
      const other = CHART.replace('YYYY-MM-DD', 'DD.MM.YYYY').replace('2027-01-04', '04.01.2027').replace('2027-01-20', '20.01.2027');
      expectText(other, { id: 'T-30', start: '2027-01-11' }, other.replace('04.01.2027', '11.01.2027'));
    });
    it('end: an end date stays a date (exclusive), a length stays a length', () => {
      expectText(CHART, { id: 'T-31', end: '2027-01-25' }, CHART.replace('2027-01-20', '2027-01-26'));
      expectText(CHART, { id: 'T-30', end: '2027-01-12' }, CHART.replace('2027-01-04, 5d', '2027-01-04, 9d'));
      const inclusive = CHART.replace('  dateFormat YYYY-MM-DD\n', '  dateFormat YYYY-MM-DD\n  inclusiveEndDates\n');
      expectText(inclusive, { id: 'T-31', end: '2027-01-25' }, inclusive.replace('2027-01-20', '2027-01-25'));
      const weekends = CHART.replace('  dateFormat YYYY-MM-DD\n', '  dateFormat YYYY-MM-DD\n  excludes weekends\n');
      // Mon 4 to Tue 12 January: seven working days, the weekend between is mermaid's to add.
      expectText(weekends, { id: 'T-30', end: '2027-01-12' }, weekends.replace('2027-01-04, 5d', '2027-01-04, 7d'));
    });
    it('duration: the length as given', () => {
      expectText(CHART, { id: 'T-32', duration: '4d' }, CHART.replace('after T-31, 2d', 'after T-31, 4d'));
    });
    it('status: the done and active tags', () => {
      expectText(CHART, { id: 'T-31', status: 'done' }, CHART.replace(':active, T-31', ':done, T-31'));
      expectText(CHART, { id: 'T-31', status: 'todo' }, CHART.replace(':active, T-31', ':T-31'));
      expectText(CHART, { id: 'T-30', status: 'in-progress' }, CHART.replace(':T-30', ':active, T-30'));
    });
    it('a milestone moves by its start', () => {
      expectText(CHART, { id: 'M-30', start: '2027-02-01' }, CHART.replace('M-30, after T-32', 'M-30, 2027-02-01'));
    });
    it('title: the text before the colon', () => {
      expectText(CHART, { id: 'T-30', title: 'Alpha one' }, CHART.replace('Alpha :T-30', 'Alpha one :T-30'));
    });
    it('a task known only inside its chart, by its local id', () => {
      const local = '```mermaid\ngantt\n  dateFormat YYYY-MM-DD\n  First  :a1, 2027-01-04, 3d\n  Second :a2, after a1, 2d\n```\n';
      const r = plan(local, { id: 'a2@plan.md#L2', start: '2027-01-12' });
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.equal(applyTextEdits(local, r.edits), local.replace('a2, after a1', 'a2, 2027-01-12'));
      const back = plan(local.replace('a2, after a1', 'a2, 2027-01-12'), { id: 'a2@plan.md#L2', after: ['a1@plan.md#L2'] });
      assert.ok(back.ok, back.ok ? '' : back.message);
      assert.equal(applyTextEdits(local.replace('a2, after a1', 'a2, 2027-01-12'), back.edits), local);
    });
    it('refuses what a chart cannot hold', () => {
      expectRefusal(CHART, { id: 'T-30', progress: '10%' }, 'unsupported', /no place for progress/);
      expectRefusal(CHART, { id: 'T-30', title: 'a: b' }, 'invalid', /cannot hold/);
      expectRefusal(CHART, { id: 'T-30', status: 'blocked' }, 'unsupported', /done, in-progress/);
    });
  });

  describe('refusals', () => {
    it('a stale chart: the file changed since the caller read it', () => {
      expectRefusal(TABLE, { id: 'T-1', start: '2027-01-11', expectedHash: contentHash(TABLE.replace('Alpha', 'Alpha2')) }, 'stale', /changed since the chart was drawn/);
      const r = plan(TABLE, { id: 'T-1', start: '2027-01-11', expectedHash: contentHash(TABLE) });
      assert.ok(r.ok);
      const parsedElsewhere = parseFile('plan.md', TABLE.replace('Alpha', 'Alpha2'), config);
      const stale = planTaskEdit({ text: TABLE, file: parsedElsewhere, config }, { id: 'T-1', start: '2027-01-11' });
      assert.equal(stale.ok ? 'ok' : stale.reason, 'stale');
    });
    it('unknown IDs, other kinds, bad values, unknown fields', () => {
      expectRefusal(TABLE, { id: 'T-9', start: '2027-01-11' }, 'unknown-id', /T-9 is not defined/);
      expectRefusal('## G-1 Goal\n', { id: 'G-1', start: '2027-01-11' }, 'invalid', /only tasks and milestones/);
      expectRefusal(TABLE, { id: 'T-1', start: '2027-13-01' }, 'invalid', /not a date/);
      expectRefusal(TABLE, { id: 'T-1', duration: 'soon' }, 'invalid', /not a duration/);
      expectRefusal(TABLE, { id: 'T-1', progress: '120%' }, 'invalid', /percentage/);
      expectRefusal(TABLE, { id: 'T-1', status: 'finished' }, 'invalid', /not one of/);
      expectRefusal(TABLE, { id: 'T-1', title: 'two\nlines' }, 'invalid', /one line/);
      expectRefusal(TABLE, { id: 'T-1', after: ['not an id'] }, 'invalid', /not an ID/);
      expectRefusal(TABLE, { id: 'T-1' }, 'invalid', /nothing to change/);
      expectRefusal(TABLE, { id: 'T-1', colour: 'red' } as unknown as TaskEditRequest, 'invalid', /does not know the field "colour"/);
      expectRefusal('- M-1 Launch\n', { id: 'M-1', duration: '2d' }, 'invalid', /milestone/);
      assert.equal(planTaskEdit({ text: TABLE, file: parseFile('plan.md', TABLE, config), config }, 'T-1').ok, false);
    });
    it('CRLF files keep their line breaks', () => {
      const crlf = TABLE.replace(/\n/g, '\r\n');
      expectText(crlf, { id: 'T-1', progress: '50%' }, `| ID  | Task   | Start      | Duration | After | Progress |\r
|-----|--------|------------|----------|-------| --- |\r
| T-1 | Alpha  | 2027-01-04 | 5d       |       | 50% |\r
| T-2 | Beta   |            | 3d       | T-1   |  |\r
`);
    });
  });
});
