import fc from 'fast-check';

/**
 * Random plan-like Markdown: headings with IDs, tables with ID columns and broken rows,
 * task lists, nested lists, front matter (valid and broken YAML), code fences, HTML and
 * suppression comments, and random unicode, control characters and lone surrogates.
 * Small on purpose: many small documents find more than a few large ones.
 */
const ids = fc.constantFrom('G-1', 'G-2', 'FEAT-1', 'FEAT-2', 'F-3', 'T-1', 'T-2', 'T-3', 'T-1.1', 'M-1', 'R-1', 'P-1', 'X-9', 'T-', 'g-1', 'T-01');
const keys = fc.constantFrom('after', 'duration', 'start', 'end', 'owner', 'allocation', 'status', 'progress', 'features', 'goals', 'milestone', 'date', 'horizon', 'priority', 'budget', 'cost', 'title', 'Depends on', 'x');
const values = fc.oneof(
  fc.constantFrom('2d', '1w', '0d', '3', '2027-01-04', '2027-02-30', '1899-01-01', '@ana', '@bo, @cy', 'ana bo', '50%', '300%', 'done', 'in progress', 'blocked', 'must', 'P0', '2027-Q2', 'now', '12.5k', 'EUR 900', 'none', 'TBD', '[T-1](plan.md#t-1)', '<!-- c -->', '`T-2`'),
  ids,
  fc.array(ids, { maxLength: 4 }).map((xs) => xs.join(', ')),
);
/** Characters that break things: controls, BOM, RTL and zero-width marks, CR, tabs, surrogates. */
const hostileChar = fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\ufeff', '\u200b', '\u200d', '\u202e', '\u2066', '\u05d0', '\u0627', '\r', '\t', '\ud800', '\udc00', '\ud83d\ude00', '\u0301', '\u00a0', '\u2028', '|', '\\', '`', '<', '[', ']', '(', ')', '*', '_', '~', '#', '>', '-', ':');
const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Build', 'the', 'thing', 'SSO', 'login', 'T-1', 'FEAT-1', 'G-1', '**bold**', '_em_', '[link](x.md)', '<b>', '&amp;', 'a|b', '\\|', '@ana') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: hostileChar, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const text = fc.array(word, { maxLength: 5 }).map((ws) => ws.join(' '));

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), ids, fc.constantFrom(' ', ': ', ' — ', ' - ', ''), text).map(([d, id, sep, t]) => `${'#'.repeat(d)} ${id}${sep}${t}`);
const keyValue = fc.tuple(keys, values).map(([k, v]) => `${k}: ${v}`);
const listLine = fc.tuple(fc.constantFrom('', '  ', '    ', ' ', '      '), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '-'), fc.constantFrom('', '[ ] ', '[x] ', '[X] ', '[y] '), fc.oneof(fc.tuple(ids, text).map(([i, t]) => `${i} ${t}`), keyValue, text))
  .map(([indent, marker, box, rest]) => `${indent}${marker}${box}${rest}`);
const list = fc.array(listLine, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'));
const cell = fc.oneof(ids, values, text, fc.constant(''));
const table = fc.tuple(
  fc.shuffledSubarray(['ID', 'Title', 'After', 'Duration', 'Owner', 'Status', 'Start', 'Notes'], { minLength: 1, maxLength: 5 }),
  fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }),
  fc.boolean(),
).map(([headers, rows, broken]) => {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const delimiter = broken ? '|---|' : row(headers.map(() => '---'));
  return [row(headers), delimiter, ...rows.map(row)].join('\n');
});
const yamlValue = fc.oneof(values, fc.constantFrom('[G-1, G-2', '{a: 1', '&a [1]', '*a', '*b', '"unterminated', '|\n  block', '- x', '!!binary x', '2027-01-04T10:00', '~', 'yes', '0x1F'));
const frontMatter = fc.tuple(fc.option(ids, { nil: undefined }), fc.array(fc.tuple(fc.oneof(keys, fc.constantFrom('calendar', 'id', 'title', '__proto__', 'a b')), yamlValue), { maxLength: 5 }), fc.boolean())
  .map(([id, pairs, closed]) => ['---', ...(id ? [`id: ${id}`] : []), ...pairs.map(([k, v]) => `${k}: ${v}`), ...(closed ? ['---'] : [])].join('\n'));
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````', '```mermaid', '```specline-gantt'), text, fc.boolean()).map(([f, t, closed]) => `${f}\n${t}\n- T-1 in code${closed ? `\n${f.replace(/[a-z-]+$/, '')}` : ''}`);
const comment = fc.tuple(fc.constantFrom('specline-disable-next-line', 'specline-disable-line', 'specline-disable', 'specline-enable', 'note'), fc.constantFrom('', ' schema.invalid', ' ref.unknown, id.duplicate', ' *'), fc.boolean())
  .map(([k, codes, closed]) => `<!-- ${k}${codes}${closed ? ' -->' : ''}`);
const block = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 4, arbitrary: list },
  { weight: 3, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 2, arbitrary: comment },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom('> - T-9 quoted', '---', '===', 'Setext G-3\n===', '    indented T-4', '[ref]: http://x', '<div>\n- T-5\n</div>') },
);

/** A random plan-like Markdown document, front matter optional, blocks joined by random line breaks. */
export const markdownDocument: fc.Arbitrary<string> = fc.tuple(
  fc.option(frontMatter, { nil: undefined }),
  fc.array(block, { maxLength: 8 }),
  fc.array(fc.constantFrom('\n\n', '\n', '\r\n', '\r', '\n\n\n'), { minLength: 8, maxLength: 8 }),
  fc.boolean(),
).map(([fm, blocks, breaks, bom]) => `${bom ? '\ufeff' : ''}${[...(fm ? [fm] : []), ...blocks].map((b, i) => (i ? breaks[i % breaks.length] : '') + b).join('')}`);
