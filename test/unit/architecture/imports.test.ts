import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildImportGraph, cycles } from './importGraph.js';
import { CORE_LAYERS, PART_IMPORTS } from './layers.js';

/** The repository root: this file runs from `out/test/unit/architecture/`. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const graph = buildImportGraph(`${ROOT}src`);

/** `core`, `node`, `cli`, `extension`, `webview` or `api.ts`. */
const partOf = (file: string): string => file.split('/')[0];
/** The folder of a core file (`core/parse/x.ts` → `parse`); '' for anything else. */
const coreFolderOf = (file: string): string => {
  const parts = file.split('/');
  return parts[0] === 'core' && parts.length > 2 ? parts[1] : '';
};
const importsOf = (file: string): readonly string[] => graph.edges.get(file) ?? [];

describe('architecture: imports go one way (docs/architecture.md#layers)', () => {
  it('reads the whole source tree and resolves every relative import', () => {
    assert.ok(graph.files.length > 100, `only ${graph.files.length} files found under src/`);
    assert.ok(graph.files.includes('core/model/types.ts') && graph.files.includes('extension/extension.ts'));
    assert.deepEqual(graph.unresolved, []);
    // Type-only and dynamic imports tie modules together too, so the graph must see them.
    assert.ok(importsOf('core/analysis/types.ts').includes('core/schedule/types.ts'), 'an import type is an edge');
    assert.ok(importsOf('cli/commands/budget.ts').includes('core/render/budgetText.ts'), 'an import() is an edge');
  });

  it('the cycle finder finds a ring and a self-import, and no cycle in a chain', () => {
    const next = (edges: Record<string, string[]>) => (node: string) => edges[node] ?? [];
    assert.deepEqual(cycles(['a', 'b', 'c'], next({ a: ['b'], b: ['c'], c: ['a'] })), [['a', 'b', 'c']]);
    assert.deepEqual(cycles(['a', 'b'], next({ a: ['a'] })), [['a']]);
    assert.deepEqual(cycles(['a', 'b', 'c'], next({ a: ['b', 'c'], b: ['c'] })), []);
  });

  it('no file of src/ imports itself through a cycle', () => {
    assert.deepEqual(cycles(graph.files, importsOf).map((c) => c.join(' → ')), []);
  });

  it('every folder of src/core has a place in the layer order, and every layer exists', () => {
    const folders = new Set(graph.files.filter((f) => partOf(f) === 'core').map(coreFolderOf));
    assert.ok(!folders.has(''), 'a file directly in src/core belongs in one of its folders');
    assert.deepEqual([...folders].filter((f) => !CORE_LAYERS.includes(f)).sort(), [], 'add new core folders to CORE_LAYERS in test/unit/architecture/layers.ts');
    assert.deepEqual(CORE_LAYERS.filter((layer) => !folders.has(layer)), [], 'a layer in CORE_LAYERS has no folder (renamed or removed?)');
    assert.equal(new Set(CORE_LAYERS).size, CORE_LAYERS.length);
  });

  it('a core folder imports only itself and the layers below it', () => {
    const upward: string[] = [];
    for (const file of graph.files) {
      const from = coreFolderOf(file);
      if (!from) continue;
      for (const target of importsOf(file)) {
        const to = coreFolderOf(target);
        if (to && CORE_LAYERS.indexOf(to) > CORE_LAYERS.indexOf(from)) upward.push(`${file} → ${target} (${from} is below ${to})`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('the core folders form no cycle', () => {
    const folderEdges = new Map<string, Set<string>>();
    for (const file of graph.files) {
      const from = coreFolderOf(file);
      if (!from) continue;
      for (const target of importsOf(file)) {
        const to = coreFolderOf(target);
        if (to && to !== from) folderEdges.set(from, (folderEdges.get(from) ?? new Set()).add(to));
      }
    }
    assert.deepEqual(cycles(CORE_LAYERS, (folder) => [...(folderEdges.get(folder) ?? [])]), []);
  });

  it('the parts of src/ import only the parts allowed to them: no upward import', () => {
    const parts = new Set(graph.files.map(partOf));
    assert.deepEqual([...parts].filter((p) => !(p in PART_IMPORTS)).sort(), [], 'add new parts of src/ to PART_IMPORTS');
    const wrong: string[] = [];
    for (const file of graph.files) {
      const from = partOf(file);
      for (const target of importsOf(file)) {
        const to = partOf(target);
        if (to !== from && !PART_IMPORTS[from].includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the core imports neither vscode nor a Node built-in module', () => {
    const impure: string[] = [];
    for (const file of graph.files.filter((f) => partOf(f) === 'core')) {
      for (const spec of graph.packages.get(file) ?? []) if (spec === 'vscode' || isBuiltin(spec)) impure.push(`${file}: ${spec}`);
    }
    assert.deepEqual(impure, []);
  });

  it('docs/architecture.md lists the core layers in the same order', () => {
    const doc = readFileSync(`${ROOT}docs/architecture.md`, 'utf8');
    const section = doc.slice(doc.indexOf('\n## Layers'), doc.indexOf('\n## ', doc.indexOf('\n## Layers') + 1));
    const block = /```\n([\s\S]*?)```/.exec(section);
    assert.ok(block, 'the Layers section starts with a code block of the layers');
    const listed = [...block[1].matchAll(/^\s+core\/([a-z]+)\//gm)].map((m) => m[1]);
    assert.deepEqual(listed.reverse(), [...CORE_LAYERS], 'docs/architecture.md lists the core layers top down');
  });
});
