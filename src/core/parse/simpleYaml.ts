import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The node tree of the YAML most front matter is written in, built without the YAML
 * reader: one `key: value` per line, the value a plain word or phrase, a decimal integer,
 * a quoted string without escapes, or a flow list of plain words (`goals: [G-1, G-2]`).
 * Anything else — comments, nesting, block lists, escapes, duplicate keys, tabs, CR, values
 * that YAML reads as null, booleans or non-decimal numbers — gives undefined, and the
 * caller uses the YAML reader. For the text it accepts, the tree is the one the reader
 * builds (same values, node types and ranges; a test compares them), at a fraction of the
 * cost: the reader was 40% of parsing a workspace of feature specs.
 */
export function parseSimpleYaml(text: string): YAMLMap | undefined {
  if (text.length === 0 || text.length > MAX_SIMPLE || text.includes('\r') || text.includes('\t')) return undefined;
  const map = new YAMLMap();
  const keys = new Set<string>();
  let offset = 0;
  let last = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (keys.has(key)) return undefined;
    keys.add(key);
    const valueStart = start + m[0].length;
    const value = simpleValue(line.slice(m[0].length), valueStart);
    if (!value) return undefined;
    const keyNode = new Scalar(key);
    keyNode.type = 'PLAIN';
    keyNode.range = [start, start + key.length, start + key.length];
    map.items.push(new Pair(keyNode, value));
    last = start + line.length;
  }
  if (map.items.length === 0) return undefined;
  const end = Math.min(text.length, last + 1);
  map.range = [0, end, end];
  return map;
}

/** Longer front matter is rare and goes through the YAML reader. */
const MAX_SIMPLE = 4096;

/** A key at the start of the line, `:`, then one or more spaces before a value. */
const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*): +(?=\S)/;
/** A plain scalar in block context that cannot start or contain YAML syntax. */
const PLAIN = /^[A-Za-z0-9(][A-Za-z0-9 _.,/()&+'%-]*$/;
/** The same inside a flow list, where commas and brackets are syntax. */
const FLOW_PLAIN = /^[A-Za-z0-9(][A-Za-z0-9 _./()&+'%-]*$/;
const INTEGER = /^[0-9]+$/;
/** Plain scalars YAML's core schema reads as something other than a string or a decimal integer. */
const SPECIAL = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0[xo]/;

function simpleValue(raw: string, at: number): Scalar | YAMLSeq | undefined {
  if (raw.endsWith(' ')) return undefined;
  if (raw.startsWith('"') || raw.startsWith("'")) {
    const q = raw[0]!;
    if (raw.length < 2 || !raw.endsWith(q) || raw.slice(1, -1).includes(q) || raw.includes('\\')) return undefined;
    const node = new Scalar(raw.slice(1, -1));
    node.type = q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    node.range = [at, at + raw.length, at + raw.length + 1];
    return node;
  }
  if (raw.startsWith('[')) {
    if (!raw.endsWith(']')) return undefined;
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [at, at + raw.length, at + raw.length + 1];
    const inner = raw.slice(1, -1);
    if (inner.trim() !== '') {
      let pos = at + 1;
      for (const part of inner.split(',')) {
        const lead = part.length - part.trimStart().length;
        const word = part.trim();
        const item = word && FLOW_PLAIN.test(word) ? plainScalar(word, pos + lead) : undefined;
        if (!item) return undefined;
        seq.items.push(item);
        pos += part.length + 1;
      }
    }
    return seq;
  }
  if (!PLAIN.test(raw)) return undefined;
  const node = plainScalar(raw, at);
  if (node) node.range = [at, at + raw.length, at + raw.length + 1];
  return node;
}

function plainScalar(word: string, at: number): Scalar | undefined {
  if (SPECIAL.test(word) && !INTEGER.test(word)) return undefined;
  const node = new Scalar(INTEGER.test(word) ? Number(word) : word);
  node.type = 'PLAIN';
  node.range = [at, at + word.length, at + word.length];
  return node;
}
