/**
 * Nothing skipped in silence, in the real extension host over a copy of examples/acme: a
 * file that is not UTF-8 shows `file.skipped` in the Problems panel for that file's URI,
 * and a `.specline.yml` that is a folder is one clear error on the config. Every wait
 * polls a condition with a bounded timeout; the workspace is restored afterwards.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { poll } from './support.js';

const EXTENSION_ID = 'specline.specline';

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specline');

describe('file.skipped in the Problems panel', () => {
  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<{ whenReady(): Promise<void> }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    await (await extension.activate()).whenReady();
  });

  it('shows file.skipped at 1:1 for a Latin-1 file, with the reason', async function () {
    this.timeout(30_000);
    // The example ships one (a wiki export saved as Latin-1)…
    const shipped = await poll('file.skipped on the Latin-1 export', () => ours(at('notes/2026-11-30-vendor-export.md')).find((d) => codeOf(d) === 'file.skipped'));
    assert.equal(shipped.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([shipped.range.start.line, shipped.range.start.character], [0, 0]);
    assert.match(shipped.message, /not UTF-8 \(invalid byte 0xE9 at offset \d+\)/);
    // …and one written now is picked up by the watcher.
    const name = `latin1-${Date.now()}.md`;
    const file = join(root().fsPath, name);
    try {
      writeFileSync(file, Buffer.from('# R\xe9sum\xe9\n\n- T-5000 Unread\n', 'latin1'));
      const fresh = await poll(`file.skipped on ${name}`, () => ours(at(name)).find((d) => codeOf(d) === 'file.skipped'));
      assert.match(fresh.message, /invalid byte 0xE9 at offset 3/);
      assert.deepEqual(ours(at(name)).map(codeOf), ['file.skipped']);
    } finally {
      rmSync(file, { force: true });
    }
    await poll(`${name} to leave the Problems panel`, () => ours(at(name)).length === 0);
  });

  it('a .specline.yml that is a folder is one clear error on it, and goes when the file is back', async function () {
    this.timeout(60_000);
    const config = join(root().fsPath, '.specline.yml');
    const original = readFileSync(config);
    rmSync(config);
    mkdirSync(config);
    try {
      const error = await poll('an error on the .specline.yml folder', () => ours(at('.specline.yml')).find((d) => codeOf(d) === 'file.skipped'), 30_000);
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      assert.match(error.message, /\.specline\.yml was not read: a folder, not a file/);
      assert.equal(ours(at('.specline.yml')).length, 1, 'one error, not one per file');
    } finally {
      rmSync(config, { recursive: true, force: true });
      writeFileSync(config, original);
    }
    await poll('the config error to go', () => ours(at('.specline.yml')).length === 0, 30_000);
    // The restored config applies again: README.md is excluded, so it has no problems.
    await poll('README.md excluded again', () => ours(at('README.md')).length === 0, 30_000);
  });
});
