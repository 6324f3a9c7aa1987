import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../model/limits.js';

/** A YAML problem with offsets relative to the YAML text. */
export interface YamlProblem {
  start: number;
  end: number;
  message: string;
}

export interface SafeYaml {
  doc?: Document.Parsed;
  problems: YamlProblem[];
}


/**
 * Parses YAML without ever throwing: syntax errors, duplicate keys, alias bombs and
 * absurd nesting become problems with offsets. Values are read from the node tree, not
 * through `toJS()`, so positions survive and `__proto__` is just a key.
 */
export function parseYamlSafe(text: string): SafeYaml {
  if (exceedsDepth(text)) {
    return { problems: [{ start: 0, end: Math.min(text.length, 1), message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels` }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch {
    return { problems: [{ start: 0, end: Math.min(text.length, 1), message: 'YAML could not be read: internal error in the YAML reader; please report it' }] };
  }
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0] + 1),
    message: firstLine(e.message),
  }));
  if (problems.length === 0 && hasAliases(text)) {
    // Aliases are legal YAML but expand exponentially; resolve them once under a limit.
    try {
      doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch {
      problems.push({ start: 0, end: Math.min(text.length, 1), message: `YAML aliases expand too far (more than ${MAX_YAML_ALIASES} aliases)` });
    }
  }
  return { doc, problems };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function hasAliases(text: string): boolean {
  return /(^|[\s[{,:-])\*[^\s,\]}]/.test(text);
}

/** A cheap bracket/indent depth scan before handing text to a recursive parser. */
function exceedsDepth(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_YAML_DEPTH) return true;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  let maxIndent = 0;
  for (const m of text.matchAll(/^( *)(?:- )*/gm)) maxIndent = Math.max(maxIndent, m[0].length);
  return maxIndent > MAX_YAML_DEPTH * 4;
}

export type { YamlNode, Pair };

/** The JS value of a scalar or a flat sequence of scalars; undefined for anything else. */
export function plainValue(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((i) => (isScalar(i) ? i.value : i === null ? null : Symbol.for('complex')));
  if (isMap(node)) return Symbol.for('mapping');
  return undefined;
}

/** [start, end) offsets of a node's value in the YAML text. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}
