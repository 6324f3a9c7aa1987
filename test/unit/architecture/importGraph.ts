import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** The imports between the files of a source folder; paths are relative to it, with `/`. */
export interface ImportGraph {
  files: string[];
  /** File → the files it imports (value, type-only, re-export and dynamic imports alike). */
  edges: Map<string, string[]>;
  /** File → the packages and built-in modules it imports. */
  packages: Map<string, string[]>;
  /** `file: specifier` for every relative import that names no file. */
  unresolved: string[];
}

/**
 * Reads every `.ts` file under `dir` with the TypeScript compiler's pre-processor, which
 * sees `import type`, `export … from` and `import()` too: a type-only import still ties
 * two modules together, so it counts.
 */
export function buildImportGraph(dir: string): ImportGraph {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(path.join(dir, file), 'utf8'), true, true);
    const targets: string[] = [];
    const external: string[] = [];
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) { external.push(spec); continue; }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      // Sources import `./x.js` for `./x.ts` (NodeNext); other assets keep their own name.
      const source = target.replace(/\.js$/, '.ts');
      if (existsSync(path.join(dir, source))) targets.push(source);
      else if (existsSync(path.join(dir, target))) targets.push(target);
      else unresolved.push(`${file}: ${spec}`);
    }
    edges.set(file, targets);
    packages.set(file, external);
  }
  return { files, edges, packages, unresolved };
}

/** The strongly connected components with more than one node, or a node importing itself: every cycle. */
export function cycles(nodes: readonly string[], next: (node: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  // Tarjan's algorithm, iterative so that a long import chain cannot overflow the stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; targets: readonly string[]; at: number }> = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, targets: next(node), at: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.at < frame.targets.length) {
        const target = frame.targets[frame.at++];
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || next(frame.node).includes(frame.node)) found.push(component.sort());
    }
  }
  return found;
}
