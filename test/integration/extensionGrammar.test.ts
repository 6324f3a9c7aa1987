/**
 * The TextMate injection grammars, tokenized with the running VS Code's own vscode-textmate,
 * oniguruma and Markdown/YAML grammars (from `vscode.env.appRoot`), so the test sees the
 * scopes the editor will paint.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vscode from 'vscode';

interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown } }

const SAMPLE = [
  '---',
  'id: FEAT-1',
  'goals: [G-2]',
  'owner: "@omar"',
  'target: 2027-03-12',
  '---',
  '',
  '# FEAT-1 SSO, see T-3 and `T-9` in code',
  '',
  '- [ ] T-7 Okta certification',
  '  - owner: @omar',
  '  - allocation: 20%',
  '  - duration: 10d',
  '  - Depends on: T-5, T-6',
  '',
  '| ID | Task | Owner | Duration | Start |',
  '|---|---|---|---|---|',
  '| T-1 | Data model | @kofi | 2w | 2027-01-04 |',
  '',
  'Status: prose, mail ana@example.com, XYZ-1 has an unknown prefix.',
  '',
  '```md',
  '- duration: 3d T-2',
  '```',
  '<!-- specline-disable-next-line ref.unknown T-4 -->',
];

async function tokenize(): Promise<Array<{ line: number; text: string; scopes: string[] }>> {
  const appRoot = vscode.env.appRoot;
  const load = createRequire(join(appRoot, 'package.json'));
  const textmate = load('vscode-textmate') as {
    Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
    parseRawGrammar(content: string, path: string): unknown;
    INITIAL: unknown;
  };
  const oniguruma = load('vscode-oniguruma') as {
    loadWASM(data: ArrayBuffer): Promise<void>;
    OnigScanner: new (patterns: string[]) => unknown;
    OnigString: new (text: string) => unknown;
  };
  const wasm = readFileSync(load.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  const extension = vscode.extensions.getExtension('specline.specline');
  assert.ok(extension);
  const files = new Map<string, string>([
    ['text.html.markdown', join(appRoot, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json')],
    ['specline.injection', join(extension.extensionPath, 'syntaxes', 'specline.injection.tmLanguage.json')],
    ['specline.frontmatter.injection', join(extension.extensionPath, 'syntaxes', 'specline.frontmatter.injection.tmLanguage.json')],
  ]);
  const yamlDir = join(appRoot, 'extensions', 'yaml', 'syntaxes');
  if (existsSync(yamlDir)) {
    for (const f of readdirSync(yamlDir)) {
      const scope = (JSON.parse(readFileSync(join(yamlDir, f), 'utf8')) as { scopeName?: string }).scopeName;
      if (scope) files.set(scope, join(yamlDir, f));
    }
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['specline.injection', 'specline.frontmatter.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the Markdown grammar loads');
  const out: Array<{ line: number; text: string; scopes: string[] }> = [];
  let state = textmate.INITIAL;
  SAMPLE.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: i + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

describe('Specline highlighting (TextMate injection)', () => {
  let tokens: Array<{ line: number; text: string; scopes: string[] }>;
  const scopeOf = (line: number, text: string): string[] => tokens.find((t) => t.line === line && t.text === text)?.scopes ?? [];
  const ours = (line: number): string[] => tokens.filter((t) => t.line === line && t.scopes.some((s) => s.endsWith('.specline'))).map((t) => t.text);

  before(async function () {
    this.timeout(30_000);
    tokens = await tokenize();
  });

  it('highlights IDs by kind in headings, prose, lists, tables and front matter', () => {
    assert.ok(scopeOf(2, 'FEAT-1').includes('entity.name.type.id.feature.specline'));
    assert.ok(scopeOf(3, 'G-2').includes('entity.name.type.id.goal.specline'));
    assert.ok(scopeOf(8, 'T-3').includes('entity.name.type.id.task.specline'));
    assert.ok(scopeOf(10, 'T-7').includes('entity.name.type.id.task.specline'));
    assert.ok(scopeOf(18, 'T-1').includes('entity.name.type.id.task.specline'));
  });

  it('highlights attribute keys, dates, durations, percentages and owners', () => {
    assert.ok(scopeOf(2, 'id').includes('support.type.property-name.specline'), 'front-matter key');
    assert.ok(scopeOf(11, 'owner').includes('support.type.property-name.specline'), 'list attribute key');
    assert.ok(scopeOf(14, 'Depends on').includes('support.type.property-name.specline'), 'aliased key with a space');
    assert.ok(scopeOf(11, '@omar').includes('variable.other.owner.specline'));
    assert.ok(scopeOf(12, '20%').includes('constant.numeric.percentage.specline'));
    assert.ok(scopeOf(13, '10d').includes('constant.numeric.duration.specline'));
    assert.ok(scopeOf(18, '2w').includes('constant.numeric.duration.specline'));
    assert.ok(scopeOf(18, '2027-01-04').includes('constant.numeric.date.specline'));
    assert.ok(scopeOf(5, '2027-03-12').includes('constant.numeric.date.specline'));
  });

  it('leaves code, comments, e-mail addresses, unknown prefixes and body prose keys alone', () => {
    assert.deepEqual(ours(20), [], 'prose line with "Status:", an e-mail and XYZ-1');
    assert.ok(!ours(8).includes('T-9'), 'code span');
    assert.deepEqual(ours(23), [], 'fenced code');
    assert.deepEqual(ours(25), [], 'HTML comment');
  });

  it('keeps Markdown structure scopes (lists stay lists)', () => {
    assert.ok(scopeOf(11, 'owner').some((s) => s.startsWith('markup.list')));
    assert.ok(scopeOf(2, 'FEAT-1').some((s) => s.startsWith('meta.embedded.block.frontmatter')));
  });
});
