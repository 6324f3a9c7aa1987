import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from './helpers.js';

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
  related: unknown[];
}

const ARGS = ['check', 'examples/acme', '--today', '2027-02-15'];

/** VS Code removes terminal escape sequences from task output before it applies a matcher. */
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

async function matcher(): Promise<{ name: string; owner: string; pattern: Pattern; fileLocation: string[] }> {
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { problemMatchers: Array<{ name: string; owner: string; pattern: Pattern; fileLocation: string[] }> };
  };
  const found = manifest.contributes.problemMatchers.find((m) => m.name === 'specline');
  assert.ok(found, 'package.json contributes the $specline problem matcher');
  return found;
}

/** What the matcher reads from each line of `text`, as VS Code applies a one-line pattern. */
function apply(pattern: Pattern, text: string): string[] {
  const regexp = new RegExp(pattern.regexp);
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const m = regexp.exec(line);
    if (m) found.push([m[pattern.file], m[pattern.line], m[pattern.column], m[pattern.severity], m[pattern.message], m[pattern.code]].join(' | '));
  }
  return found;
}

describe('the $specline problem matcher', () => {
  it('reads file, line, column, severity, message and code of every problem in specline check\'s text output', async () => {
    const { pattern, fileLocation, owner } = await matcher();
    assert.deepEqual(fileLocation, ['relative', '${workspaceFolder}']);
    // Not the extension's diagnostic collection ('specline'): a task run clears its owner's markers.
    const publisher = await readFile(path.join(REPO_ROOT, 'src', 'extension', 'diagnosticsPublisher.ts'), 'utf8');
    const collection = /createDiagnosticCollection\('([^']+)'\)/.exec(publisher)?.[1];
    assert.ok(collection);
    assert.notEqual(owner, collection);
    const json = JSON.parse((await runCli([...ARGS, '--format', 'json'])).stdout) as { diagnostics: JsonDiagnostic[] };
    const expected = json.diagnostics
      .map((d) => [d.file, d.line, d.column, d.severity, d.message.replace(/\s*[\r\n]+\s*/g, ' ').trim(), d.code].join(' | '))
      .sort();
    assert.ok(expected.length >= 20, `acme has ${expected.length} problems`);
    assert.ok(new Set(json.diagnostics.map((d) => d.severity)).size === 3, 'errors, warnings and infos are all covered');
    assert.ok(json.diagnostics.some((d) => d.related.length > 0), 'and related locations, which must not match');

    const plain = await runCli([...ARGS, '--format', 'text']);
    assert.equal(plain.code, 1);
    assert.deepEqual(apply(pattern, plain.stdout).sort(), expected);

    // In a VS Code task the terminal is a TTY, so the output is coloured.
    const coloured = await runCli([...ARGS, '--format', 'text', '--color']);
    assert.match(coloured.stdout, ESCAPES);
    assert.deepEqual(apply(pattern, coloured.stdout.replace(ESCAPES, '')).sort(), expected);
  });

  it('matches nothing in the output of a clean run', async () => {
    const { pattern } = await matcher();
    const dir = await mkdtemp(path.join(tmpdir(), 'specline-matcher-'));
    try {
      assert.equal((await runCli(['init', dir, '--today', '2027-02-15'])).code, 0);
      const run = await runCli(['check', dir, '--today', '2027-02-15', '--color']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /No problems found/);
      assert.deepEqual(apply(pattern, run.stdout.replace(ESCAPES, '')), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
