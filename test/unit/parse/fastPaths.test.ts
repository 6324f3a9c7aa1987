import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { prng as rng } from '../../support/prng.js';

/**
 * The fast paths (one-line-per-item lists, plain tables, ATX headings, front matter)
 * must give exactly what remark gives. Random documents from a grammar of the shapes
 * plans use, plus the shapes that must fall back, are parsed both ways and compared.
 */
const config = defaultConfig();


const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const CONTENT = [
  'T-1 Build the thing', 'T-2: Second task', '**T-3** Bold id', 'duration: 2d', 'after: T-1, T-2', 'features: FEAT-1',
  'status: done', 'owner: @ana', 'plain words', 'note: FEAT-9 mention', 'G-1 Goal in a list', 'M-1 Milestone',
  '# not a heading?', '> quoted', '```', '<!-- c -->', '| a | b |', '[ref]: http://x', '- nested on one line',
  '---', 'estimate: 1w', 'T-4.1 Sub task', '`T-5` code id', 'progress: 50%', 'key: value: more', '=====',
];
const MARKERS = ['-', '-', '-', '*', '+', '1.', '2)'];
const INDENTS = [0, 0, 0, 1, 2, 2, 2, 3, 4, 4, 5, 6, 8];

function randomList(r: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const indent = i === 0 ? pick(r, [0, 0, 1, 3]) : pick(r, INDENTS);
    const box = r() < 0.3 ? pick(r, ['[ ] ', '[x] ', '[X] ', '[ ]', '[y] ']) : '';
    const gap = r() < 0.9 ? ' ' : pick(r, ['  ', '     ', '']);
    // Loose lists: blank lines between items, sometimes followed by a continuation paragraph (which must fall back).
    if (i > 0 && r() < 0.15) lines.push(r() < 0.5 ? '' : '   ');
    lines.push(`${' '.repeat(indent)}${pick(r, MARKERS)}${gap}${box}${pick(r, CONTENT)}${r() < 0.1 ? '  ' : ''}`);
    if (r() < 0.04) lines.push('', `${' '.repeat(indent + 2)}${pick(r, ['continued paragraph', 'T-7 in a second paragraph', '- deeper item'])}`);
  }
  return lines.join('\n');
}

function randomTable(r: () => number): string {
  const cols = 2 + Math.floor(r() * 4);
  const headers = ['ID', 'Task', 'Owner', 'Duration', 'After', 'Status', 'Notes'].slice(0, cols);
  const row = (cells: string[]): string => {
    const lead = r() < 0.8 ? '| ' : '';
    const trail = r() < 0.8 ? ' |' : '';
    return `${lead}${cells.join(pick(r, [' | ', '|', '  |  ']))}${trail}`;
  };
  const lines = [row(headers), row(headers.map(() => pick(r, ['---', ':--', '--:', ':-:', '-'])))];
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const cells = headers.map((h, j) => (j === 0 ? pick(r, ['T-1', 'T-2', '', 'X-1', 'T-3 \\| x', '`T-4`']) : pick(r, ['2d', '@bo', 'T-1', 'a \\| b', '', 'done', h])));
    lines.push(row(r() < 0.2 ? cells.slice(0, 1) : r() < 0.1 ? [...cells, 'extra'] : cells));
  }
  if (r() < 0.1) lines.push('not a row');
  return lines.join('\n');
}

function randomDoc(r: () => number): string {
  const parts: string[] = [];
  if (r() < 0.3) parts.push('---\nid: FEAT-1\ngoals: [G-1]\n---');
  const n = 1 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const kind = r();
    if (kind < 0.2) parts.push(`${pick(r, ['#', '##', '###'])} ${pick(r, ['G-1 Goal', 'Plan', 'FEAT-2: Feature', 'M-2 Beta ##', 'T-9'])}`);
    else if (kind < 0.6) parts.push(randomList(r));
    else if (kind < 0.8) parts.push(randomTable(r));
    else parts.push(pick(r, ['Prose with T-1 in it.', 'Setext G-3 heading\n===', 'Para\n- list after para', '    indented code T-1']));
  }
  return parts.join(r() < 0.8 ? '\n\n' : '\n');
}

describe('fast parse paths agree with remark', () => {
  it('on 1,500 random plan-shaped documents (20,000 checked when the fast paths were written)', function () {
    // About 5 s of CPU; the default timeout is a hang detector and too tight with both cores busy.
    this.timeout(180_000);
    for (let seed = 1; seed <= Number(process.env.FUZZ_SEEDS ?? 1500); seed++) {
      const text = randomDoc(rng(seed));
      const fast = parseFile('doc.md', text, config);
      const whole = parseFile('doc.md', text, config, undefined, { wholeDocument: true });
      const show = (x: typeof fast) => JSON.stringify({ items: x.items, diagnostics: x.diagnostics, references: x.references, headings: x.headings, title: x.title });
      assert.equal(show(fast), show(whole), `seed ${seed}:\n${text}`);
    }
  });
});
