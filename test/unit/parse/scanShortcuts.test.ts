import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { MAX_LINE_INLINE_MARKS, MAX_NESTING_DEPTH } from '../../../src/core/model/limits.js';
import { LineIndex } from '../../../src/core/model/lineIndex.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { findStructureProblems } from '../../../src/core/parse/structureBounds.js';
import { prng } from '../../support/prng.js';

/**
 * The shortcuts every file's scan takes (line starts found with indexOf, lines split in one
 * call, plain lines passed over by the structure pre-scan, files without the word "mermaid"
 * not searched for charts) must give what the full scans give, on random text.
 */
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Line starts the slow way: every character, `\r\n`, `\r` and `\n` each one break. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

describe('scan shortcuts agree with the full scans', () => {
  it('LineIndex: positions, line texts and line ends, with and without carriage returns', () => {
    const r = prng(20261205);
    const pieces = ['a', 'bc ', 'T-1', '\n', '\n', '\n\n', '\r\n', '\r', 'é', '', '  '];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = Math.floor(r() * 30); k > 0; k--) text += pick(r, n % 2 === 0 ? pieces.filter((p) => !p.includes('\r')) : pieces);
      const index = new LineIndex(text);
      const starts = referenceStarts(text);
      assert.equal(index.lineCount, starts.length, JSON.stringify(text));
      const texts = index.lineTexts();
      assert.equal(texts.length, starts.length);
      for (let line = 0; line < starts.length; line++) {
        assert.equal(index.lineStart(line), starts[line]);
        assert.equal(texts[line], index.lineText(line));
        assert.ok(!/[\r\n]/.test(texts[line]!), JSON.stringify(text));
      }
      for (let offset = 0; offset <= text.length; offset++) {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
        assert.deepEqual(index.position(offset), { line, character: offset - starts[line]! }, `${JSON.stringify(text)} @${offset}`);
      }
    }
  });

  it('findStructureProblems: the same problems with the plain-line shortcuts as line by line in full', () => {
    const r = prng(7);
    const long = (mark: string): string => `Text ${mark.repeat(MAX_LINE_INLINE_MARKS + 2)}`;
    const shapes = [
      () => 'Plain words', () => '| T-1 | a |', () => '# Heading', () => '', () => '   ', () => '---', () => '***', () => '> quoted',
      () => '`code` first', () => '[link](x) first', () => '___', () => '_ _ _', () => '\f- form feed', () => 'é first', () => '(aside)', () => '\u00a0- nbsp', () => '=== ',
      () => `${' '.repeat(Math.floor(r() * 9))}${pick(r, ['-', '*', '+', '1.', '2)', '>'])} ${pick(r, ['item', '- nested', '> - deep', ''])}`,
      () => '- '.repeat(Math.floor(r() * (MAX_NESTING_DEPTH + 4))) + 'x',
      () => long('['), () => `| ${'`'.repeat(MAX_LINE_INLINE_MARKS)} |`, () => '```', () => '~~~', () => `# ${'*'.repeat(MAX_LINE_INLINE_MARKS + 1)}`,
    ];
    let problems = 0;
    for (let n = 0; n < 3000; n++) {
      const lines: string[] = [];
      // Lists indented step by step, cut by plain lines now and then.
      for (let k = Math.floor(r() * 60); k > 0; k--) lines.push(r() < 0.3 ? `${'  '.repeat(lines.length % (MAX_NESTING_DEPTH + 3))}- step` : pick(r, shapes)());
      const fast = findStructureProblems(lines, 0);
      assert.deepEqual(fast, findStructureProblems(lines, 0, true), JSON.stringify(lines));
      problems += fast.length;
    }
    assert.ok(problems > 100, `the random documents hit the bounds (${problems} problems)`);
  });

  it('a gantt chart is read whatever the case of "mermaid" in its fence, and a file without the word has no chart', () => {
    const config = defaultConfig();
    for (const info of ['mermaid', 'Mermaid', 'MERMAID', 'MeRmAiD']) {
      const text = `# Plan\n\n\`\`\`${info}\ngantt\n  dateFormat YYYY-MM-DD\n  section A\n  Design :a1, 2027-01-04, 3d\n\`\`\`\n`;
      const result = parseFile('plan.md', text, config, undefined, { today: 20_000 });
      assert.equal(result.items.length, 1, info);
    }
    const plain = parseFile('plan.md', '# Plan\n\n```merm aid\ngantt\n  Design :a1, 2027-01-04, 3d\n```\n', config);
    assert.equal(plain.items.length, 0);
  });
});
