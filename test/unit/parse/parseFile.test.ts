import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { formatDate } from '../../../src/core/model/dates.js';
import type { FileResult, Item } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

const config = defaultConfig();
const parse = (text: string, file = 'doc.md'): FileResult => parseFile(file, text, config);
const byId = (r: FileResult, id: string): Item => {
  const item = r.items.find((i) => i.id === id);
  assert.ok(item, `${id} not found; items: ${r.items.map((i) => i.id).join(', ')}`);
  return item;
};
/** The source text a range covers. */
const at = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string => {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]!.slice(0, range.end.character)].join('\n');
};

describe('parseFile: the four item forms (docs/format.md#defining-items)', () => {
  it('document item: front matter id, title from front matter, attributes from the other keys', () => {
    const text = '---\nid: FEAT-12\ntitle: Single sign-on\ngoals: [G-1, G-2]\nstatus: approved\npriority: must\ntarget: 2027-06-30\nowner: "@ana"\nteam: platform\n---\n# Ignored heading\n';
    const r = parse(text);
    const f = byId(r, 'FEAT-12');
    assert.equal(f.kind, 'feature');
    assert.equal(f.form, 'document');
    assert.equal(f.title, 'Single sign-on');
    assert.equal(at(text, f.idRange), 'FEAT-12');
    assert.deepEqual(f.links.goals?.map((l) => l.id), ['G-1', 'G-2']);
    assert.deepEqual(f.links.goals?.map((l) => at(text, l.range)), ['G-1', 'G-2']);
    assert.equal(f.status, 'approved');
    assert.equal(f.priority?.rank, 0);
    assert.equal(formatDate(f.target!), '2027-06-30');
    assert.deepEqual(f.owners, ['@ana']);
    assert.equal(f.custom.team, 'platform');
    assert.equal(at(text, f.attributes.status!.range), 'approved');
    assert.deepEqual(r.diagnostics, []);
  });

  it('document item: title falls back to the first H1', () => {
    const r = parse('---\nid: G-3\n---\nIntro\n\n# The real title\n\n## Not this\n');
    assert.equal(byId(r, 'G-3').title, 'The real title');
  });

  it('heading items with both separators and their attribute list', () => {
    const text = '# Roadmap\n\n## G-1 Halve onboarding time\n- horizon: 2027-Q1\n- metric: days to first commit\n\n## G-2: Grow revenue\n\n- target: 2027-12-31\n- priority: P1\n';
    const r = parse(text);
    const g1 = byId(r, 'G-1');
    assert.equal(g1.form, 'heading');
    assert.equal(g1.title, 'Halve onboarding time');
    assert.equal(g1.horizon?.text, '2027-Q1');
    assert.equal(formatDate(g1.horizon!.end!), '2027-03-31');
    assert.equal(g1.metric, 'days to first commit');
    assert.equal(at(text, g1.idRange), 'G-1');
    const g2 = byId(r, 'G-2');
    assert.equal(g2.title, 'Grow revenue');
    assert.equal(formatDate(g2.target!), '2027-12-31');
    assert.equal(g2.priority?.text, 'P1');
    assert.deepEqual(g2.section, ['Roadmap']);
  });

  it('a heading item list with a non key:value entry is not its attribute list', () => {
    const r = parse('## FEAT-1 Search\n- status: done\n- users can search\n');
    assert.equal(byId(r, 'FEAT-1').status, undefined);
  });

  it('a heading item spans to the next heading of the same level', () => {
    const text = '## G-1 One\ntext\n### detail\nmore\n## G-2 Two\n';
    const g1 = byId(parse(text), 'G-1');
    assert.equal(g1.range.start.line, 0);
    assert.equal(g1.range.end.line, 3);
  });

  it('list items: checkbox, nested key: value, sub-items with a parent', () => {
    const text = '- [ ] T-3 SAML handshake\n  - duration: 4d\n  - after: T-1, T-2\n  - [x] T-3.1 Metadata parser\n    - estimate: 1w\n- [x] T-4 Docs\n- [X] T-5 Closed but dropped\n  - status: dropped\n';
    const r = parse(text);
    const t3 = byId(r, 'T-3');
    assert.equal(t3.form, 'list');
    assert.equal(t3.checked, false);
    assert.equal(t3.status, undefined);
    assert.equal(t3.title, 'SAML handshake');
    assert.deepEqual(t3.duration, { amount: 4, unit: 'd' });
    assert.deepEqual(t3.links.after?.map((l) => at(text, l.range)), ['T-1', 'T-2']);
    assert.equal(at(text, t3.idRange), 'T-3');
    const sub = byId(r, 'T-3.1');
    assert.equal(sub.parent, 'T-3');
    assert.equal(sub.status, 'done');
    assert.deepEqual(sub.duration, { amount: 1, unit: 'w' });
    assert.equal(byId(r, 'T-4').status, 'done');
    assert.equal(byId(r, 'T-5').status, 'dropped');
  });

  it('list items in ordered lists, with emphasis around the ID, inside other lists', () => {
    const r = parse('1. **T-1** First\n2. `T-2`: Second\n\n- Phase one\n  - T-3 Nested without a parent item\n');
    assert.equal(byId(r, 'T-1').title, 'First');
    assert.equal(byId(r, 'T-2').title, 'Second');
    assert.equal(byId(r, 'T-3').parent, undefined);
  });

  it('table rows: ID column, attributes by header with aliases, custom columns kept', () => {
    const text = '| ID | Task | Owner | Estimate | Depends on | Implements | Status | Progress | Allocation | Risk level |\n|---|---|---|---|---|---|---|---|---|---|\n| T-1 | Design | @ana | 3d | | FEAT-1 | done | 100% | 50% | low |\n| [T-2](#t-2) | Build \\| ship | @bo, @ana | 2w | T-1 | FEAT-1 | In Progress | 40% | | |\n';
    const r = parse(text);
    const t1 = byId(r, 'T-1');
    assert.equal(t1.form, 'table');
    assert.equal(t1.title, 'Design');
    assert.deepEqual(t1.owners, ['@ana']);
    assert.equal(t1.allocation, 50);
    assert.equal(t1.progress, 100);
    assert.equal(t1.custom['Risk level'], 'low');
    const t2 = byId(r, 'T-2');
    assert.equal(at(text, t2.idRange), 'T-2');
    assert.equal(t2.title, 'Build | ship');
    assert.equal(t2.status, 'in-progress');
    assert.deepEqual(t2.owners, ['@bo', '@ana']);
    assert.deepEqual(t2.links.after?.map((l) => l.id), ['T-1']);
    assert.deepEqual(t2.links.features?.map((l) => l.id), ['FEAT-1']);
    assert.equal(at(text, t2.attributes.duration!.range), '2w');
    assert.deepEqual(r.diagnostics, []);
  });

  it('a table without an ID column defines nothing', () => {
    assert.equal(parse('| Task | Owner |\n|---|---|\n| T-1 | @a |\n').items.length, 0);
  });

  it('tables inside block quotes and headings with closing hashes', () => {
    const r = parse('> | ID | Name |\n> |---|---|\n> | P-1 | Ines |\n\n## M-1 Beta ##\n- date: 2027-03-01\n');
    assert.equal(byId(r, 'P-1').title, 'Ines');
    assert.equal(byId(r, 'M-1').title, 'Beta');
    assert.equal(formatDate(byId(r, 'M-1').date!), '2027-03-01');
  });
});

describe('parseFile: attributes and aliases (docs/format.md#attributes)', () => {
  const cases: Array<[string, string, (i: Item) => unknown, unknown]> = [
    ['name', 'Alpha', (i) => i.title, 'Alpha'],
    ['summary', 'Beta', (i) => i.title, 'Beta'],
    ['goal', 'G-1', (i) => i.links.goals?.[0]?.id, 'G-1'],
    ['feature', 'FEAT-1', (i) => i.links.features?.[0]?.id, 'FEAT-1'],
    ['implements', 'FEAT-1', (i) => i.links.features?.[0]?.id, 'FEAT-1'],
    ['delivers', 'FEAT-1', (i) => i.links.features?.[0]?.id, 'FEAT-1'],
    ['depends', 'T-9', (i) => i.links.after?.[0]?.id, 'T-9'],
    ['Depends On', 'T-9', (i) => i.links.after?.[0]?.id, 'T-9'],
    ['depends_on', 'T-9', (i) => i.links.after?.[0]?.id, 'T-9'],
    ['depends-on', 'T-9', (i) => i.links.after?.[0]?.id, 'T-9'],
    ['predecessors', 'T-9 T-8', (i) => i.links.after?.map((l) => l.id), ['T-9', 'T-8']],
    ['milestone', 'M-1', (i) => i.links.milestone?.[0]?.id, 'M-1'],
    ['due', '2027-01-08', (i) => formatDate(i.end!), '2027-01-08'],
    ['finish', '2027-01-08', (i) => formatDate(i.end!), '2027-01-08'],
    ['date', '2027-01-08', (i) => formatDate(i.date!), '2027-01-08'],
    ['estimate', '2w', (i) => i.duration, { amount: 2, unit: 'w' }],
    ['length', '5', (i) => i.duration, { amount: 5, unit: 'd' }],
    ['owners', '@a, @b', (i) => i.owners, ['@a', '@b']],
    ['assignee', 'ana', (i) => i.owners, ['@ana']],
    ['allocation', '25%', (i) => i.allocation, 25],
    ['progress', '40%', (i) => i.progress, 40],
    ['priority', 'could', (i) => i.priority?.rank, 2],
    ['priority', 'P3', (i) => i.priority?.rank, 3],
    ['horizon', '2027-H2', (i) => formatDate(i.horizon!.end!), '2027-12-31'],
    ['horizon', '2028', (i) => formatDate(i.horizon!.end!), '2028-12-31'],
    ['horizon', 'next', (i) => i.horizon?.end, undefined],
    ['persona', 'P-2', (i) => i.links.personas?.[0]?.id, 'P-2'],
    ['probability', 'Medium', (i) => i.probability, 'medium'],
    ['impact', 'HIGH', (i) => i.impact, 'high'],
    ['mitigation', 'T-4', (i) => i.links.mitigation?.[0]?.id, 'T-4'],
    ['mitigation', 'buy insurance', (i) => i.mitigationText, 'buy insurance'],
    ['affects', 'FEAT-1, M-1', (i) => i.links.affects?.map((l) => l.id), ['FEAT-1', 'M-1']],
    ['status', 'In_Progress', (i) => i.status, 'in-progress'],
    ['metric', 'NPS > 40', (i) => i.metric, 'NPS > 40'],
  ];
  for (const [key, value, get, expected] of cases) {
    it(`${key}: ${value}`, () => {
      const r = parse(`- T-1 Title\n  - ${key}: ${value}\n`);
      assert.deepEqual(r.diagnostics, []);
      assert.deepEqual(get(byId(r, 'T-1')), expected);
    });
  }

  it('YAML lists, numbers and quoted strings in front matter', () => {
    const r = parse('---\nid: T-1\nduration: 3\nowner: ["@a", "@b"]\nafter:\n  - T-2\n  - "T-3"\nprogress: 50\n---\n');
    const t = byId(r, 'T-1');
    assert.deepEqual(t.duration, { amount: 3, unit: 'd' });
    assert.deepEqual(t.owners, ['@a', '@b']);
    assert.deepEqual(t.links.after?.map((l) => l.id), ['T-2', 'T-3']);
    assert.equal(t.progress, 50);
  });

  it('a plan document: front-matter start and calendar without an id', () => {
    const r = parse('---\nstart: 2027-01-04\ncalendar:\n  workdays: [sun, mon, tue, wed, thu]\n  holidays: [2027-01-06]\n---\n- T-1 Task\n');
    assert.equal(formatDate(r.planStart!), '2027-01-04');
    assert.deepEqual(r.planCalendar?.workdays, [0, 1, 2, 3, 4]);
    assert.equal(r.planCalendar?.holidays?.length, 1);
  });

  it('a key set twice is reported and the first value kept', () => {
    const r = parse('- T-1 Title\n  - duration: 2d\n  - estimate: 3d\n');
    assert.deepEqual(byId(r, 'T-1').duration, { amount: 2, unit: 'd' });
    assert.equal(r.diagnostics[0]?.code, 'schema.invalid');
  });

  it('unknown prefixes are plain text (docs/format.md#ids-and-kinds)', () => {
    const r = parse('- ABC-1 Not an item\n- T-1 Mentions ISO-8601 and ABC-1\n');
    assert.deepEqual(r.items.map((i) => i.id), ['T-1']);
    assert.deepEqual(r.references.map((x) => x.id), []);
  });

  it('prose mentions are references without a key; link values carry their key', () => {
    const text = 'See FEAT-1 for context.\n\n- T-1 Build\n  - features: FEAT-1\n';
    const r = parse(text);
    const mentions = r.references.filter((x) => x.key === undefined);
    assert.deepEqual(mentions.map((m) => [m.id, m.range.start.line]), [['FEAT-1', 0]]);
    assert.deepEqual(r.references.filter((x) => x.key === 'features').map((m) => [m.id, m.from]), [['FEAT-1', 'T-1']]);
  });

  it('custom configured prefixes decide the kind', () => {
    const cfg = defaultConfig();
    cfg.prefixes = new Map([['US', 'feature'], ['WI', 'task']]);
    const r = parseFile('x.md', '- US-1 Story\n- WI-2 Work\n- T-3 Plain text now\n', cfg);
    assert.deepEqual(r.items.map((i) => [i.id, i.kind]), [['US-1', 'feature'], ['WI-2', 'task']]);
  });
});

describe('parseFile: bad input never throws', () => {
  const hostile: Array<[string, string]> = [
    ['binary', 'abc\u0000def'],
    ['only front matter fence', '---\n'],
    ['unclosed front matter', '---\nid: T-1\n# no end'],
    ['CRLF line endings', '---\r\nid: T-1\r\n---\r\n- T-2 Task\r\n  - duration: 2d\r\n'],
    ['BOM', '\ufeff---\nid: T-1\n---\n'],
    ['broken table', '| ID | Task |\n|---|\n| T-1 | a | b | c |\n| T-2\n'],
    ['table with fewer cells', '| ID | Task | Owner |\n|---|---|---|\n| T-1 |\n'],
    ['deep list nesting', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- T-${i + 1} level`).join('\n')],
    ['deep YAML nesting', `---\nid: T-1\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`],
    ['huge line', `- T-1 ${'x'.repeat(200_000)}`],
    ['unterminated fence', '```\n- T-1 in code\n\n- T-2 still code\n'],
    ['html comment with blank lines', '<!--\n\n- T-1 commented out\n\n-->\n- T-2 real\n'],
    ['lone surrogates and control characters', '- T-1 \ud800 \u0007 \u2028 title'],
    ['markdown-ish noise', '#'.repeat(10) + '\n' + '|'.repeat(100) + '\n' + '- [ ] '.repeat(100)],
  ];
  for (const [name, text] of hostile) {
    it(name, () => {
      const r = parse(text);
      assert.ok(Array.isArray(r.items));
      for (const d of r.diagnostics) assert.ok(d.message.length < 400);
    });
  }

  it('code blocks and HTML comments define nothing; the item after them does', () => {
    assert.deepEqual(parse('```\n- T-1 in code\n\n- T-2 still code\n```\n\n- T-3 real\n').items.map((i) => i.id), ['T-3']);
    assert.deepEqual(parse('<!--\n\n- T-1 commented out\n\n-->\n\n- T-2 real\n').items.map((i) => i.id), ['T-2']);
  });

  it('CRLF ranges are the same as LF ranges', () => {
    const lf = parse('---\nid: FEAT-1\n---\n- T-2 Task\n  - duration: 2d\n');
    const crlf = parse('---\r\nid: FEAT-1\r\n---\r\n- T-2 Task\r\n  - duration: 2d\r\n');
    assert.deepEqual(crlf.items.map((i) => [i.id, i.idRange]), lf.items.map((i) => [i.id, i.idRange]));
  });

  it('binary files are skipped with a note and a file.skipped diagnostic at 1:1', () => {
    const result = parse('abc\u0000');
    assert.equal(result.skipped, 'contains a NUL byte (at offset 3)');
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message]), [
      ['file.skipped', 'warning', 0, 0, 'Specline skipped this file: contains a NUL byte (at offset 3)'],
    ]);
  });
});

describe('parseFile: segmented parsing equals whole-document parsing', () => {
  const roots = ['test/fixtures', 'examples'];
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.md')) files.push(p);
    }
  };
  for (const r of roots) {
    try { walk(join(process.cwd(), r)); } catch { /* folder not present */ }
  }
  it(`the same items, references and diagnostics for ${files.length > 0 ? 'every' : 'no'} fixture file`, () => {
    assert.ok(files.length >= 10, 'expected fixture files to compare');
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const fast = parseFile(f, text, config);
      const whole = parseFile(f, text, config, undefined, { wholeDocument: true });
      assert.deepEqual(fast.items, whole.items, `items differ in ${f}`);
      assert.deepEqual(fast.diagnostics, whole.diagnostics, `diagnostics differ in ${f}`);
      assert.deepEqual(fast.references, whole.references, `references differ in ${f}`);
      assert.deepEqual(fast.headings, whole.headings, `headings differ in ${f}`);
    }
  });
});
