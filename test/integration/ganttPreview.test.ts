/**
 * The Gantt preview in a real extension host, over a copy of examples/acme: the panel
 * opened by its command counts the tasks the core schedules for the active plan (computed
 * here from the files on disk with the core's own workspace, not with the view code),
 * options passed to the command switch what it shows (and invalid ones are ignored), an
 * unsaved edit adds a bar, and the Markdown preview's fence hook draws ```specline-gantt
 * blocks while leaving other fences to markdown-it. Every wait polls with a bounded timeout.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem.js';
import type { Analysis } from '../../src/core/analysis/types.js';
import { parseIsoDate } from '../../src/core/model/dates.js';
import { createWorkspace } from '../../src/core/workspace/createWorkspace.js';
import type { SpeclineApi } from '../../src/extension/extension.js';
import type { PreviewSnapshot } from '../../src/extension/preview/previewPanel.js';
import { EXTENSION_ID, poll } from './support.js';

const TODAY = '2027-02-15';
const PLAN = 'plans/q1-core.md';
const OPEN = 'specline.openGanttPreview';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder (a copy of examples/acme)');
  return folder.uri;
}
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));

/** The workspace on disk, analysed by the core directly (as the CLI does). */
async function analyseFromDisk(): Promise<Analysis> {
  const workspace = createWorkspace({ fs: createNodeFileSystem(root().fsPath), today: () => parseIsoDate(TODAY)! });
  await workspace.load();
  return workspace.analyze();
}

/**
 * Tasks the scheduler gave a start and an end, optionally in one file; dropped tasks are
 * not planned work. (A task with a start but no duration has no bar: it is listed as
 * unscheduled.)
 */
function scheduledTasks(analysis: Analysis, file?: string): string[] {
  return [...analysis.items.values()]
    .filter((i) => i.kind === 'task' && i.status !== 'dropped' && (file === undefined || i.file === file))
    .filter((i) => analysis.schedule.tasks.get(i.id)?.start !== undefined && analysis.schedule.tasks.get(i.id)?.end !== undefined)
    .map((i) => i.id);
}

let api: SpeclineApi;
const gantt = (): PreviewSnapshot | undefined => api.previews().find((p) => p.kind === 'gantt');

describe('Gantt preview panel', () => {
  let disk: Analysis;
  let planTasks: string[];

  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    api = await extension.activate();
    disk = await analyseFromDisk();
    planTasks = scheduledTasks(disk, PLAN);
    assert.ok(planTasks.length >= 10, `the plan has scheduled tasks (${planTasks.length})`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at(PLAN)));
    await api.whenReady();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens on the active plan and draws one bar per scheduled task', async () => {
    const opened = await vscode.commands.executeCommand<PreviewSnapshot>(OPEN);
    assert.equal(opened?.kind, 'gantt', 'the command returns the panel snapshot');
    const shown = await poll(`${planTasks.length} bars`, () => {
      const s = gantt();
      return s?.counts.bars === planTasks.length && s.activePath === PLAN && s;
    }).catch(() => assert.fail(`the panel shows ${JSON.stringify(gantt()?.counts)} for ${gantt()?.activePath}; the core schedules ${planTasks.length} tasks in ${PLAN}`));
    assert.equal(shown.visible, true);
    assert.equal(shown.title, `Gantt: ${PLAN}`);
    assert.ok(shown.generation >= 1, 'the webview was sent a render');
    const milestones = [...disk.items.values()].filter((i) => i.kind === 'milestone' && i.file === PLAN && disk.schedule.milestones.get(i.id)?.date !== undefined);
    assert.equal(shown.counts.milestones, milestones.length);
    // The preview opens beside the editor, which keeps the focus.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), at(PLAN).toString());
  });

  it('switches to every plan, and back, through the command’s options argument', async () => {
    const all = scheduledTasks(disk);
    assert.ok(all.length > planTasks.length, 'other plans have tasks too');
    await vscode.commands.executeCommand(OPEN, { options: { plan: '*' } });
    const wide = await poll(`${all.length} bars for every plan`, () => gantt()?.counts.bars === all.length && gantt());
    assert.equal((wide.options as { plan: string }).plan, '*');
    assert.equal(wide.title, 'Gantt: All plans');

    await vscode.commands.executeCommand(OPEN, { options: { plan: '*', owner: '@mei', zoom: 'month' } });
    const mei = [...disk.items.values()].filter((i) => all.includes(i.id) && i.owners.some((o) => o.toLowerCase() === '@mei'));
    await poll(`${mei.length} bars owned by @mei`, () => gantt()?.counts.bars === mei.length);

    // Hostile or malformed options are ignored field by field; the valid rest applies.
    await vscode.commands.executeCommand(OPEN, { options: { plan: '', owner: '', zoom: 'decade', groupBy: { evil: true }, collapsed: 'x'.repeat(10_000) } });
    const back = await poll('the active plan again', () => gantt()?.counts.bars === planTasks.length && gantt());
    assert.deepEqual(back.options, { plan: '', feature: '', goal: '', owner: '', milestone: '', groupBy: 'section', zoom: 'week', collapsed: [], renderer: 'specline', baseline: '' });
  });

  it('adds a bar when a task row is typed into the plan (unsaved)', async () => {
    const document = await vscode.workspace.openTextDocument(at(PLAN));
    await vscode.window.showTextDocument(document);
    const before = gantt()?.counts.bars ?? 0;
    assert.equal(before, planTasks.length);
    const row = document.getText().split('\n').findIndex((l) => l.startsWith('| T-19 |'));
    assert.ok(row > 0, 'T-19 has a row in the Delivery table');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(row + 1, 0), '| T-90 | Launch checklist review | @ruth | 2d | T-19 | FEAT-1 | todo | 0% |\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    try {
      await poll('one more bar', () => gantt()?.counts.bars === before + 1)
        .catch(() => assert.fail(`the panel shows ${gantt()?.counts.bars} bars after the edit, expected ${before + 1}`));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await poll('the bar count back after the revert', () => gantt()?.counts.bars === before);
  });
});

describe('```specline-gantt in the Markdown preview (markdown-it fence hook)', () => {
  interface Token { info: string; content: string }
  type Fence = (tokens: Token[], idx: number, options: unknown, env: unknown, self: unknown) => string;

  before(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<SpeclineApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.whenReady();
  });

  /** A markdown-it stand-in with only what the hook uses: `renderer.rules.fence`. */
  function fakeMarkdownIt(): { renderer: { rules: { fence?: Fence } }; calls: string[] } {
    const calls: string[] = [];
    return { calls, renderer: { rules: { fence: (tokens, idx) => { calls.push(tokens[idx]!.info); return `<pre class="fallback">${tokens[idx]!.content}</pre>`; } } } };
  }

  it('draws the block’s plan as an SVG with one data-id bar per scheduled task', async () => {
    const disk = await analyseFromDisk();
    const expected = scheduledTasks(disk, PLAN).length;
    const md = api.extendMarkdownIt(fakeMarkdownIt());
    const fence = md.renderer.rules.fence!;
    const env = { currentDocument: at('README.md') };
    const html = fence([{ info: 'specline-gantt', content: `plan: ${PLAN}\nzoom: month\n` }], 0, {}, env, {});
    assert.match(html, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sl-gantt"/);
    const bars = [...html.matchAll(/<g class="sl-task sl-task-row[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(bars.length, expected, `the block draws ${bars.length} bars; the core schedules ${expected}`);
    assert.equal(md.calls.length, 0, 'the block did not fall through');
  });

  it('leaves every other fence to markdown-it', () => {
    const md = api.extendMarkdownIt(fakeMarkdownIt());
    const fence = md.renderer.rules.fence!;
    for (const info of ['js', '', 'mermaid', 'specline', 'specline-ganttish']) {
      const html = fence([{ info, content: 'gantt' }], 0, {}, {}, {});
      assert.equal(html, '<pre class="fallback">gantt</pre>', `fence "${info}" falls through`);
    }
    assert.deepEqual(md.calls, ['js', '', 'mermaid', 'specline', 'specline-ganttish']);
  });

  it('reports block option mistakes as text under the chart', () => {
    const md = api.extendMarkdownIt(fakeMarkdownIt());
    const html = md.renderer.rules.fence!([{ info: 'specline-gantt', content: 'plan: nope.md\nfeature: <img src=x onerror=alert(1)>' }], 0, {}, {}, {});
    assert.match(html, /specline-block-errors/);
    assert.doesNotMatch(html, /<img/);
  });
});
