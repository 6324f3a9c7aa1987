// @fixture test/integration/fixtures/costWorkspace.mjs
/**
 * Cost figures in a real VS Code: hovers on a task, a feature and a goal, CodeLenses on
 * budgets (a goal's, a feature's and a plan's), the Plan Explorer's "show cost", and the
 * roadmap panel's card order kept as an option. The
 * expected figures are worked out here by hand from the fixture, with `specline.today`
 * fixed to Friday 2027-01-08:
 *
 * - Day rate 500 EUR, work from Monday 2027-01-04.
 * - T-1: 4 days (Mon–Thu) × 500 = 2,000. Every day is on or before today: PV = 2,000.
 *   50% done: EV = 1,000. Spent 1,200: CPI = 1,000 ÷ 1,200 = 0.83, SPI = 1,000 ÷ 2,000 = 0.50.
 * - T-2: 2 days × 500 = 1,000 (PV 1,000, EV 0), delivering FEAT-1 and FEAT-2: 500 each.
 * - FEAT-1 = 2,000 + 500 = 2,500 (budget 2,000: over); PV 2,500, EV 1,000 → SPI 0.40;
 *   CPI 0.83; forecast 2,500 ÷ (1,000 ÷ 1,200) = 3,000.
 * - G-1 = FEAT-1 + FEAT-2 = 2,500 + 500 = 3,000 (budget 5,000); PV 3,000 → SPI 0.33;
 *   forecast 3,000 × 1.2 = 3,600.
 * - The plan = T-1 + T-2 = 3,000 (budget 4,000); CPI 0.83.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, poll } from './support.js';

const TODAY = '2027-01-08';

interface Row {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  children: Row[];
}
interface Api {
  whenReady(): Promise<void>;
  planTree(): { rows: Row[] };
  previews(): { kind: string; options: Record<string, unknown> }[];
}

const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
const at = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));

/** The position of the first `needle` in a document, plus `offset` characters. */
function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = doc.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(index + offset);
}

/** The hover text at the first `needle` of a file. */
async function hoverText(path: string, needle: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(at(path));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle, 1));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The CodeLens titles of a file, by zero-based line. */
async function lensesByLine(path: string): Promise<Map<number, string[]>> {
  const doc = await vscode.workspace.openTextDocument(at(path));
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
  const out = new Map<number, string[]>();
  for (const l of lenses) out.set(l.range.start.line, [...(out.get(l.range.start.line) ?? []), l.command?.title ?? '']);
  return out;
}

/** The line (zero-based) of the first line of a file that starts with `prefix`. */
async function lineOf(path: string, prefix: string): Promise<number> {
  const doc = await vscode.workspace.openTextDocument(at(path));
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  assert.fail(`no line starting with "${prefix}" in ${path}`);
}

function rowAt(rows: Row[], ...ids: string[]): Row | undefined {
  let list = rows;
  let found: Row | undefined;
  for (const id of ids) {
    found = list.find((r) => r.label.split(' ')[0] === id);
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

let api: Api;

describe('Cost figures in the editor', () => {
  before(async function () {
    this.timeout(60_000);
    await vscode.workspace.getConfiguration('specline').update('today', TODAY, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
    api = await extension.activate();
    await api.whenReady();
    // budget.exceeded on FEAT-1 once the workspace is indexed; PV needs the fixed today.
    await poll('the fixture indexed with the fixed today', async () => (await hoverText('plans/plan.md', 'T-1 Build')).includes('SPI 0.50'), 30_000);
  });

  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('specline').update('planExplorer.showCost', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('specline').update('today', undefined, vscode.ConfigurationTarget.Global);
  });

  it('hover on a task shows its planned cost, earned value, spent money, SPI and CPI', async () => {
    const text = await hoverText('plans/plan.md', 'T-1 Build');
    assert.ok(text.includes('**Cost:** planned 2,000 EUR · earned 1,000 · spent 1,200 · SPI 0.50 · CPI 0.83'), text);
    const t2 = await hoverText('plans/plan.md', 'T-2 Polish');
    // 2 days × 500; nothing done, nothing spent: EV 0, SPI 0 ÷ 1,000 = 0.00, no CPI.
    assert.ok(t2.includes('**Cost:** planned 1,000 EUR · earned 0 · SPI 0.00'), t2);
    assert.ok(!t2.includes('CPI'), t2);
  });

  it('hover on a feature shows its share of the cost against its budget, and the forecast', async () => {
    const text = await hoverText('spec.md', 'FEAT-1 Builder');
    assert.ok(text.includes('**Cost:** planned 2,500 EUR of budget 2,000 EUR (over) · earned 1,000 · spent 1,200 · SPI 0.40 · CPI 0.83 · forecast 3,000 EUR'), text);
  });

  it('hover on a goal shows the roll-up of its features against its budget', async () => {
    const text = await hoverText('roadmap.md', 'G-1 Activation');
    assert.ok(text.includes('**Cost:** planned 3,000 EUR of budget 5,000 EUR · earned 1,000 · spent 1,200 · SPI 0.33 · CPI 0.83 · forecast 3,600 EUR'), text);
  });

  it('CodeLens on each budget: "planned X of Y EUR · CPI z", on the budget line', async () => {
    const goal = await lensesByLine('roadmap.md');
    assert.deepEqual(goal.get(await lineOf('roadmap.md', '- budget:')), ['planned 3,000 of 5,000 EUR · CPI 0.83 · spent 1,200']);
    const feature = await lensesByLine('spec.md');
    assert.deepEqual(feature.get(await lineOf('spec.md', '- budget:')), ['planned 2,500 of 2,000 EUR · CPI 0.83 · spent 1,200 · over budget']);
    const plan = await lensesByLine('plans/plan.md');
    assert.deepEqual(plan.get(await lineOf('plans/plan.md', 'budget:')), ['planned 3,000 of 4,000 EUR · CPI 0.83 · spent 1,200']);
  });

  it('an unsaved edit to what was spent moves the CPI in the CodeLens and the hover', async () => {
    const doc = await vscode.workspace.openTextDocument(at('plans/plan.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(positionOf(doc, '  - spent: 1,200').line);
    await editor.edit((b) => b.replace(line.range, '  - spent: 1,000'));
    // CPI = EV ÷ AC = 1,000 ÷ 1,000 = 1.00 for the plan, FEAT-1 and G-1 alike.
    await poll('the plan lens with the new CPI', async () => {
      const lenses = await lensesByLine('plans/plan.md');
      return lenses.get(await lineOf('plans/plan.md', 'budget:'))?.[0] === 'planned 3,000 of 4,000 EUR · CPI 1.00 · spent 1,000';
    });
    const goal = await hoverText('roadmap.md', 'G-1 Activation');
    // Forecast = BAC ÷ CPI = 3,000 ÷ 1.00.
    assert.ok(goal.includes('spent 1,000 · SPI 0.33 · CPI 1.00 · forecast 3,000 EUR'), goal);
  });

  it('the roadmap panel takes its card order as an option and keeps it when opened again', async () => {
    const opened = await vscode.commands.executeCommand<{ options: Record<string, unknown> }>('specline.openRoadmap', { options: { order: 'score' } });
    assert.equal(opened?.options.order, 'score');
    await vscode.commands.executeCommand('specline.openRoadmap');
    const roadmap = await poll('the roadmap panel', () => api.previews().find((p) => p.kind === 'roadmap'));
    assert.equal(roadmap.options.order, 'score');
    const reset = await vscode.commands.executeCommand<{ options: Record<string, unknown> }>('specline.openRoadmap', { options: { order: 'alphabetical' } });
    assert.equal(reset?.options.order, 'priority', 'an order the roadmap does not know falls back to priority');
  });

  it('the Plan Explorer shows cost on goals, features and tasks once asked, and hides it again', async function () {
    this.timeout(30_000);
    // Descriptions only: a tooltip may list budget.exceeded ("… is planned to cost …").
    const descriptions = (rows: Row[]): string[] => rows.flatMap((r) => [r.description, ...descriptions(r.children)]);
    const noCost = (): boolean => !descriptions(api.planTree().rows).some((d) => d.includes('planned '));
    await poll('the tree without cost by default', () => rowAt(api.planTree().rows, 'G-1', 'FEAT-1', 'T-1') !== undefined && noCost());
    await vscode.commands.executeCommand('specline.planExplorer.showCost');
    assert.equal(vscode.workspace.getConfiguration('specline').get('planExplorer.showCost'), true);
    const t1 = await poll('cost on T-1', () => {
      const row = rowAt(api.planTree().rows, 'G-1', 'FEAT-1', 'T-1');
      return row?.description.endsWith(' · planned 2,000 EUR · CPI 0.83') ? row : undefined;
    });
    assert.ok(t1.tooltip.includes('Cost: planned 2,000 EUR · planned value to date 2,000 · earned 1,000 · spent 1,200 · SPI 0.50 · CPI 0.83'), t1.tooltip);
    const rows = api.planTree().rows;
    assert.match(rowAt(rows, 'G-1')!.description, / · planned 3,000 of 5,000 EUR · CPI 0\.83$/);
    const feat1 = rowAt(rows, 'G-1', 'FEAT-1')!;
    assert.match(feat1.description, / · planned 2,500 of 2,000 EUR · over budget · CPI 0\.83$/);
    assert.ok(feat1.tooltip.includes('forecast 3,000 EUR'), feat1.tooltip);
    // FEAT-2's share of T-2: 1,000 ÷ 2 = 500; no budget, nothing spent.
    assert.match(rowAt(rows, 'G-1', 'FEAT-2')!.description, / · planned 500 EUR$/);
    assert.match(rowAt(rows, 'G-1', 'FEAT-2', 'T-2')!.description, / · planned 1,000 EUR$/);

    await vscode.commands.executeCommand('specline.planExplorer.hideCost');
    await poll('the cost gone again', noCost);
  });
});
