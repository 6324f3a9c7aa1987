import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import type { ItemKind } from '../../../src/core/model/types.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { analyzeFiles } from '../language/helpers.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets: Array<{ language: string; path: string }> };
};
const snippetFile = path.join(REPO_ROOT, manifest.contributes.snippets[0]!.path);
const snippets = JSON.parse(readFileSync(snippetFile, 'utf8')) as Record<string, Snippet>;

/**
 * The text VS Code inserts when every placeholder keeps its default: `${1:text}` → text,
 * `${1|a,b|}` → a (the first choice), `$1`, `${1}` and `$0` → nothing.
 */
function expandSnippet(body: readonly string[]): string {
  const text = body.join('\n')
    .replace(/\$\{\d+:([^}$]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
  assert.doesNotMatch(text, /\$[{\d]/, 'every placeholder is expanded (no nested or variable placeholders)');
  return `${text}\n`;
}

/**
 * What each snippet defines: the item and its attributes as written, by their canonical
 * keys (a table's title column and empty cells are not attributes).
 */
const EXPECTED: Record<string, { id: string; kind: ItemKind; title: string; attributes: Record<string, string> } | 'chart'> = {
  'specline-goal': { id: 'G-1', kind: 'goal', title: 'Describe the outcome you want', attributes: { horizon: 'next', priority: 'must', metric: 'how you will know it worked', owner: '@you' } },
  'specline-feature': { id: 'FEAT-1', kind: 'feature', title: 'Feature title', attributes: { title: 'Feature title', goals: 'G-1', status: 'draft', priority: 'must', owner: '@you' } },
  'specline-task-table': { id: 'T-1', kind: 'task', title: 'Task title', attributes: { owner: '@you', duration: '3d', features: 'FEAT-1', status: 'todo' } },
  'specline-task': { id: 'T-2', kind: 'task', title: 'Task title', attributes: { owner: '@you', duration: '2d', after: 'T-1', features: 'FEAT-1' } },
  'specline-milestone': { id: 'M-1', kind: 'milestone', title: 'First release', attributes: { after: 'T-2', features: 'FEAT-1' } },
  'specline-risk': { id: 'R-1', kind: 'risk', title: 'What could go wrong', attributes: { probability: 'medium', impact: 'medium', mitigation: 'T-1', owner: '@you' } },
  'specline-gantt': 'chart',
};

describe('snippets (contributes.snippets)', () => {
  it('are contributed for Markdown, one per planning shape', () => {
    assert.deepEqual(manifest.contributes.snippets.map((s) => s.language), ['markdown']);
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).sort(), Object.keys(EXPECTED).sort());
    for (const s of Object.values(snippets)) assert.ok(s.description.length > 20, `${s.prefix} is described`);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) defines what it says with its default values`, () => {
      const text = expandSnippet(snippet.body);
      const expected = EXPECTED[snippet.prefix];
      assert.ok(expected, `no expectation for ${snippet.prefix}`);
      const result = parseFile('snippet.md', text, defaultConfig());
      assert.deepEqual(result.diagnostics.map((d) => `${d.code} ${d.message}`), [], text);
      if (expected === 'chart') {
        // A chart: its tasks are read as plan items with ids local to the chart (the reader
        // of mermaid gantt charts); every `after` must name a task of the chart, since mermaid
        // silently starts a task with an unknown predecessor today.
        assert.deepEqual(result.items.map((i) => `${i.kind} ${i.id.split('@')[0]} ${i.source}`), ['task design mermaid', 'task build mermaid', 'milestone release mermaid']);
        assert.match(text, /^```mermaid\ngantt\n/);
        const ids = [...text.matchAll(/:\s*(?:milestone,\s*)?([a-z][\w-]*),/g)].map((m) => m[1]);
        const afters = [...text.matchAll(/after ([\w-]+)/g)].map((m) => m[1]);
        assert.deepEqual(ids, ['design', 'build', 'release']);
        assert.ok(afters.length > 0 && afters.every((a) => ids.indexOf(a) >= 0), `after ${afters.join(', ')} within ${ids.join(', ')}`);
        return;
      }
      assert.deepEqual(result.items.map((i) => i.id), [expected.id], text);
      const item = result.items[0]!;
      assert.equal(item.kind, expected.kind);
      assert.equal(item.title, expected.title);
      const attributes = Object.fromEntries(Object.entries(item.attributes).map(([key, raw]) => [key, raw.text]));
      assert.deepEqual(attributes, expected.attributes);
    });
  }

  it('together make a workspace whose only problems are the expected trace ones', async () => {
    const files = Object.fromEntries(Object.values(snippets).map((s) => [`${s.prefix}.md`, expandSnippet(s.body)]));
    const analysis = await analyzeFiles(files);
    // The goal, the feature, two tasks, a milestone and a risk link into each other; the
    // feature is traced. Nothing is scheduled, as no snippet carries a plan start: T-1 says
    // so, and the feature's tasks (T-2 after T-1) cannot be dated.
    // The chart's two tasks name no feature in their titles (an info each).
    assert.deepEqual(analysis.diagnostics.map((d) => `${d.file} ${d.code}`).sort(), [
      'specline-feature.md trace.feature-unscheduled',
      'specline-gantt.md trace.task-no-feature',
      'specline-gantt.md trace.task-no-feature',
      'specline-task-table.md schedule.unscheduled',
    ]);
    assert.equal(analysis.features.get('FEAT-1')?.traced, true);
  });
});
