import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { analyze } from '../../../src/core/analyzer/analyze.js';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import type { FileResult } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { assertNoInternalError, assertRangesInside } from '../fuzz/documentChecks.js';

/**
 * Public corpora through the parser and the checker: the CommonMark specification's examples
 * (the `commonmark-spec` package) and GFM's table, task-list and strikethrough examples. No
 * npm package ships the GFM specification's examples, so those below are taken from its
 * extension sections. Each example must parse without an internal error, keep its ranges
 * inside the document, and give the same result on the fast paths as through remark.
 */
const require = createRequire(import.meta.url);
const commonmark = (require('commonmark-spec') as { tests: Array<{ markdown: string; number: number; section: string }> }).tests;

const GFM_EXAMPLES: string[] = [
  '| foo | bar |\n| --- | --- |\n| baz | bim |\n',
  '| abc | defghi |\n:-: | -----------:\nbar | baz\n',
  '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n',
  '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n',
  '| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n',
  '| abc | def |\n| --- |\n| bar |\n',
  '| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n',
  '| abc | def |\n| --- | --- |\n',
  '- [ ] foo\n- [x] bar\n',
  '- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim\n',
  '~~Hi~~ Hello, ~there~ world!\n',
  'This ~~has a\n\nnew paragraph~~.\n',
  'This will ~~~not~~~ strike.\n',
  '| ID | Title |\n| --- | --- |\n| T-1 | ~~old~~ new |\n| T-2 | [x] not a box |\n',
  '- [ ] T-1 Task\n  - [x] T-1.1 Sub\n- [X] T-2 Done\n',
];

const config = defaultConfig();
const shown = (r: FileResult): string => JSON.stringify({ items: r.items, diagnostics: r.diagnostics, references: r.references, headings: r.headings, title: r.title });

function check(name: string, text: string): FileResult {
  const fast = parseFile(name, text, config);
  assertNoInternalError(fast.diagnostics);
  assertRangesInside(fast.diagnostics, new Map([[name, text]]));
  const whole = parseFile(name, text, config, undefined, { wholeDocument: true });
  assert.equal(shown(fast), shown(whole), `${name}: the fast paths and remark disagree on\n${text}`);
  return fast;
}

describe('corpora: CommonMark and GFM examples', () => {
  it(`all ${commonmark.length} CommonMark spec examples parse, keep ranges inside and agree with remark`, () => {
    assert.ok(commonmark.length > 600, `only ${commonmark.length} examples`);
    for (const ex of commonmark) check(`example-${ex.number}.md`, ex.markdown.replace(/→/g, '\t'));
  });

  it(`the ${GFM_EXAMPLES.length} GFM extension examples parse, keep ranges inside and agree with remark`, () => {
    GFM_EXAMPLES.forEach((text, i) => check(`gfm-${i + 1}.md`, text));
    // Plan meaning survives GFM syntax: the table rows and the boxes are items.
    const table = check('gfm-table.md', GFM_EXAMPLES[13]!);
    assert.deepEqual(table.items.map((i) => i.title), ['old new', '[x] not a box']);
    assert.deepEqual(check('gfm-tasks.md', GFM_EXAMPLES[14]!).items.map((i) => `${i.id}:${i.checked}`), ['T-1:false', 'T-1.1:true', 'T-2:true']);
  });

  it('the checker reads every example as one workspace without an internal error, ranges inside', () => {
    const texts = new Map<string, string>();
    for (const ex of commonmark) texts.set(`example-${ex.number}.md`, ex.markdown.replace(/→/g, '\t'));
    GFM_EXAMPLES.forEach((text, i) => texts.set(`gfm-${i + 1}.md`, text));
    const files = [...texts].map(([name, text]) => parseFile(name, text, config));
    const a = analyze({ config, configDiagnostics: [], files, today: parseIsoDate('2027-02-15')! });
    assertNoInternalError(a.diagnostics);
    assertRangesInside(a.diagnostics, texts);
    assert.equal(a.files.size, texts.size);
  });
});
