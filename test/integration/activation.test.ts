// Smoke test in the real extension host: the extension loads from the working tree and
// activates on a Markdown workspace. Runs under scripts/vscode/runIntegration.mjs.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, readRunContext, waitFor } from './support.js';

describe('activation', () => {
  it('opens the fixture as the only workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder');
    const folder = folders[0]!;
    assert.equal(folder.uri.scheme, 'file');
    const context = readRunContext();
    if (context) assert.equal(folder.uri.fsPath, context.workspaceFolder);
    assert.ok(existsSync(folder.uri.fsPath), `${folder.uri.fsPath} exists on disk`);
  });

  it('is active once a Markdown file is open', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const roadmap = vscode.Uri.file(join(folder.uri.fsPath, 'roadmap.md'));
    const [uri] = existsSync(roadmap.fsPath) ? [roadmap] : await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', 1);
    assert.ok(uri, 'the fixture has a Markdown file');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`);
    assert.equal(extension.isActive, true);
    assert.equal(extension.packageJSON.main, './dist/extension.cjs');
  });

  it('registers every command it contributes', async () => {
    const commands = await vscode.commands.getCommands(true);
    // A built-in command proves the list is the workbench's real one, not an empty stub.
    assert.ok(commands.includes('workbench.action.files.save'), 'built-in commands are listed');
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.commands ?? [];
    assert.deepEqual(contributed.map((c) => c.command).filter((c) => !commands.includes(c)), [], 'contributed commands not registered');
  });
});
