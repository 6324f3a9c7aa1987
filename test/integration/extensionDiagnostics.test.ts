/**
 * The extension in a real extension host, over a copy of examples/acme: diagnostics for
 * files that are not open, severities from .specline.yml, unsaved buffers, the file
 * watcher, a broken config and the status bar. Every wait polls a condition with a
 * bounded timeout; nothing sleeps for a fixed time.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { poll as waitFor } from './support.js';

const EXTENSION_ID = 'specline.specline';
const TODAY = '2027-02-15';

interface SpeclineApi {
  activationMs: number;
  whenReady(): Promise<void>;
  status(): { text: string; tooltip: string; visible: boolean };
}


function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder (a copy of examples/acme)');
  return folder.uri;
}

const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const speclineDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specline');
const withCode = (uri: vscode.Uri, code: string): vscode.Diagnostic[] => speclineDiagnostics(uri).filter((d) => codeOf(d) === code);
const isOpen = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

let api: SpeclineApi;

describe('Specline diagnostics in the Problems panel', () => {
  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.fs.stat(at('plans/q1-core.md')).then(undefined, () => {
      throw new Error('the workspace is not a copy of examples/acme (plans/q1-core.md is missing)');
    });
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    api = await extension.activate();
    await api.whenReady();
    await waitFor('the overdue task under the fixed today', () => withCode(at('plans/q1-core.md'), 'schedule.overdue').length > 0);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
  });

  it('activates quickly, leaving the indexing to the background', () => {
    assert.ok(api.activationMs < 500, `activate() took ${api.activationMs} ms`);
  });

  it('reports problems of files that were never opened, with documentation links', async () => {
    const risks = at('risks.md');
    assert.equal(isOpen(risks), false, 'risks.md must not be open for this test');
    const duplicates = await waitFor('id.duplicate in risks.md', () => { const d = withCode(risks, 'id.duplicate'); return d.length === 2 && d; });
    for (const d of duplicates) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('diagnostics.md#idduplicate'), `code target: ${JSON.stringify(d.code)}`);
      assert.equal(d.relatedInformation?.length, 1, 'each duplicate points at the other');
      assert.equal(d.relatedInformation[0]!.location.uri.toString(), risks.toString());
      assert.notEqual(d.relatedInformation[0]!.location.range.start.line, d.range.start.line);
      assert.deepEqual(d.tags ?? [], []);
    }
    const integrations = at('plans/integrations.md');
    assert.equal(isOpen(integrations), false);
    const cycle = withCode(integrations, 'schedule.cycle');
    assert.equal(cycle.length, 2, 'both members of the cycle T-42 → T-43 → T-42');
    for (const d of cycle) assert.ok((d.relatedInformation?.length ?? 0) > 0, 'a cycle member relates the others');
    assert.ok(withCode(integrations, 'ref.unknown').some((d) => d.message.includes('T-29')));
    assert.ok(withCode(at('notes/2027-02-10-pricing-workshop.md'), 'schema.yaml').length === 1);
  });

  it('reports every deliberate problem of the example (README: 39, 12 errors, 22 warnings, 5 infos)', () => {
    const all = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === 'specline'));
    const count = (s: vscode.DiagnosticSeverity): number => all.filter((d) => d.severity === s).length;
    assert.deepEqual(
      { total: all.length, errors: count(vscode.DiagnosticSeverity.Error), warnings: count(vscode.DiagnosticSeverity.Warning), infos: count(vscode.DiagnosticSeverity.Information) },
      { total: 39, errors: 12, warnings: 22, infos: 5 },
      all.map((d) => `${codeOf(d)} ${d.message}`).join('\n'),
    );
    // README.md is excluded by the example's .specline.yml although it names IDs.
    assert.equal(speclineDiagnostics(at('README.md')).length, 0);
  });

  it('applies severities from .specline.yml (schedule.overdue raised to error)', () => {
    const overdue = withCode(at('plans/q1-core.md'), 'schedule.overdue');
    assert.equal(overdue.length, 1);
    assert.equal(overdue[0]!.severity, vscode.DiagnosticSeverity.Error);
    const info = withCode(at('personas.md'), 'persona.unused');
    assert.equal(info[0]?.severity, vscode.DiagnosticSeverity.Information);
  });

  it('follows an unsaved edit: an unknown predecessor appears as typed, and goes with undo', async function () {
    this.timeout(30_000);
    const uri = at('plans/q1-core.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, '\n\n- [ ] T-990 Probe task typed in the editor\n  - after: T-991\n  - duration: 1d\n  - features: FEAT-1\n'));
      assert.ok(doc.isDirty, 'the edit is not saved');
      const found = await waitFor('ref.unknown for T-991', () => withCode(uri, 'ref.unknown').find((d) => d.message.includes('T-991')));
      assert.equal(doc.getText(found.range), 'T-991');
      await vscode.commands.executeCommand('undo');
      await waitFor('ref.unknown for T-991 to go', () => !withCode(uri, 'ref.unknown').some((d) => d.message.includes('T-991')));
    } finally {
      await revertAndClose(uri);
    }
  });

  it('follows files created and deleted on disk, including a whole folder', async function () {
    this.timeout(40_000);
    const name = `probe-${Date.now()}`;
    const file = at(`${name}.md`);
    const nested = at(`${name}-dir/plan.md`);
    const text = (id: number): string => `# Probe\n\n- [ ] T-${id} Probe\n  - after: T-${id + 1}\n  - duration: 1d\n  - features: FEAT-1\n`;
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text(970)));
      await waitFor('ref.unknown in the created file', () => withCode(file, 'ref.unknown').length === 1);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text(972).replace(/- after: .*\n/, '')));
      await waitFor('the change on disk to clear the problem', () => withCode(file, 'ref.unknown').length === 0);
      await vscode.workspace.fs.writeFile(nested, new TextEncoder().encode(text(975)));
      await waitFor('ref.unknown in the nested file', () => withCode(nested, 'ref.unknown').length === 1);
      await vscode.workspace.fs.delete(file);
      await waitFor('problems of the deleted file to go', () => speclineDiagnostics(file).length === 0);
      await vscode.workspace.fs.delete(at(`${name}-dir`), { recursive: true });
      await waitFor('problems of the deleted folder to go', () => speclineDiagnostics(nested).length === 0);
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(at(`${name}-dir`), { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('reports a broken .specline.yml on the file and falls back to the defaults', async function () {
    this.timeout(30_000);
    const config = at('.specline.yml');
    const plan = at('plans/q1-core.md');
    const doc = await vscode.workspace.openTextDocument(config);
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'rules: [schedule.overdue: error\nstart: 2027-01-04\n'));
      const broken = await waitFor('schema.yaml on .specline.yml', () => withCode(config, 'schema.yaml')[0]);
      assert.equal(broken.severity, vscode.DiagnosticSeverity.Error);
      // The default severity of schedule.overdue is warning: the broken file's override is gone.
      await waitFor('schedule.overdue back at its default severity', () => withCode(plan, 'schedule.overdue')[0]?.severity === vscode.DiagnosticSeverity.Warning);
    } finally {
      await revertAndClose(config);
    }
    await waitFor('the config problem to go after revert', () => withCode(config, 'schema.yaml').length === 0);
    await waitFor('schedule.overdue raised again', () => withCode(plan, 'schedule.overdue')[0]?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('never stalls on hostile files: huge, binary, not UTF-8, node_modules, a symlink loop', async function () {
    this.timeout(60_000);
    const dir = `hostile-${Date.now()}`;
    const abs = join(root().fsPath, dir);
    const probe = (id: number): string => `- [ ] T-${id} Probe\n  - after: T-${id + 1}\n  - duration: 1d\n  - features: FEAT-1\n`;
    try {
      mkdirSync(join(abs, 'node_modules', 'pkg'), { recursive: true });
      writeFileSync(join(abs, 'huge.md'), probe(950).repeat(40_000)); // ~3.6 MB, over the 2 MB limit
      writeFileSync(join(abs, 'binary.md'), Buffer.concat([Buffer.from(probe(952)), Buffer.from([0, 1, 2, 0])]));
      writeFileSync(join(abs, 'latin1.md'), Buffer.concat([Buffer.from(probe(954)), Buffer.from([0xe9, 0xe8])]));
      writeFileSync(join(abs, 'node_modules', 'pkg', 'plan.md'), probe(956));
      symlinkSync(abs, join(abs, 'loop'), 'dir');
      writeFileSync(join(abs, 'ok.md'), probe(958));
      const started = Date.now();
      await vscode.commands.executeCommand('specline.refreshIndex');
      await api.whenReady();
      assert.ok(Date.now() - started < 20_000, `refresh took ${Date.now() - started} ms`);
      await waitFor('the good file next to the hostile ones to be checked', () => withCode(at(`${dir}/ok.md`), 'ref.unknown').length === 1);
      // Not read, and said so: one file.skipped each, nothing from their content.
      for (const f of ['huge.md', 'binary.md', 'latin1.md']) {
        await waitFor(`file.skipped on ${f}`, () => withCode(at(`${dir}/${f}`), 'file.skipped').length === 1);
        assert.deepEqual(speclineDiagnostics(at(`${dir}/${f}`)).map(codeOf), ['file.skipped'], `${f} is not checked`);
      }
      for (const f of ['node_modules/pkg/plan.md', 'loop/ok.md']) {
        assert.deepEqual(speclineDiagnostics(at(`${dir}/${f}`)).map((d) => d.message), [], `${f} is not checked`);
      }
      assert.equal(withCode(at('risks.md'), 'id.duplicate').length, 2, 'the rest of the workspace is still checked');
    } finally {
      rmSync(abs, { recursive: true, force: true });
    }
    await waitFor('the hostile folder to leave the index', () => speclineDiagnostics(at(`${dir}/ok.md`)).length === 0);
  });

  it('drops files deleted while the index is being built', async function () {
    this.timeout(60_000);
    const dir = `vanishing-${Date.now()}`;
    const abs = join(root().fsPath, dir);
    mkdirSync(abs, { recursive: true });
    for (let i = 0; i < 150; i++) writeFileSync(join(abs, `plan-${i}.md`), `- [ ] T-${2000 + i} Probe\n  - after: T-${5000 + i}\n  - duration: 1d\n`);
    const refreshing = Promise.resolve(vscode.commands.executeCommand('specline.refreshIndex'));
    // Delete one file per turn of the event loop, so deletions interleave with listing, reading and parsing.
    for (let i = 0; i < 150; i++) {
      rmSync(join(abs, `plan-${i}.md`), { force: true });
      await new Promise((resolve) => setImmediate(resolve));
    }
    rmSync(abs, { recursive: true, force: true });
    await refreshing;
    await api.whenReady();
    await waitFor('no problem left on a deleted file', () => !vscode.languages.getDiagnostics().some(([uri, list]) => uri.path.includes(`/${dir}/`) && list.some((d) => d.source === 'specline')), 30_000);
    assert.equal(withCode(at('risks.md'), 'id.duplicate').length, 2);
  });

  it('refreshes the index on command and keeps the same problems', async () => {
    const before = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'specline').length, 0);
    await vscode.commands.executeCommand('specline.refreshIndex');
    await api.whenReady();
    const after = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'specline').length, 0);
    assert.equal(after, before);
  });

  it('shows traceability coverage and problem counts in the status bar', async () => {
    const status = await waitFor('the status bar', () => { const s = api.status(); return s.visible && s; });
    assert.match(status.text, /\d+\/\d+ traced/);
    assert.match(status.text, /\$\(error\) 12\b/);
    assert.match(status.text, /\$\(warning\) 22\b/);
    assert.match(status.tooltip, /features traced/);
  });
});
