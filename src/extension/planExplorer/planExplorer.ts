import * as vscode from 'vscode';
import type { Analysis } from '../../core/analysis/types.js';
import type { PlanNode, PlanNodeState } from '../../core/views/planTree.js';
import { planTreeSteps } from '../../core/views/planTree.js';
import { runInSlices } from '../../core/live/slices.js';
import { HOST_CLOCK } from '../hostClock.js';
import { withPlanCost } from '../../core/views/planCost.js';
import type { IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { markSlip, slipMarksByFolder } from './planSlips.js';
import type { FolderSlipMarks } from './planSlips.js';
import { registerStarterFilesCommand } from './starterFilesCommand.js';
import { PLAN_VIEW, VIEW_COMMANDS } from './viewIds.js';

/** Quiet time after an analysis before the tree is rebuilt (typing publishes often). */
const REFRESH_DEBOUNCE_MS = 150;

/** The setting that adds planned cost, budget and CPI to the rows (off: most plans are not priced). */
export const SHOW_COST_SETTING = 'planExplorer.showCost';

const showCost = (): boolean => vscode.workspace.getConfiguration('specline').get<boolean>(SHOW_COST_SETTING, false) === true;

/** A folder row (only with several folders), or a node of one folder's tree. */
type Element =
  | { type: 'folder'; folder: vscode.WorkspaceFolder; nodes: PlanNode[]; problems: number }
  | { type: 'node'; folder: vscode.WorkspaceFolder; node: PlanNode };

/** The view as plain data, for tests (`api.planTree()`). */
export interface PlanTreeSnapshot {
  /** The problem count on the view's badge (undefined: no badge). */
  badge?: number;
  rows: PlanTreeRow[];
}

/** A tree row as plain data. */
export interface PlanTreeRow {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon?: string;
  color?: string;
  contextValue?: string;
  expanded?: boolean;
  command?: { command: string; arguments: unknown[] };
  children: PlanTreeRow[];
}

const STATE_COLOR: Readonly<Record<PlanNodeState, string | undefined>> = {
  late: 'list.errorForeground',
  'at-risk': 'list.warningForeground',
  blocked: 'list.errorForeground',
  'in-progress': 'charts.blue',
  todo: undefined,
  done: 'charts.green',
  dropped: 'disabledForeground',
};

const TASK_ICON: Readonly<Record<PlanNodeState, string>> = {
  late: 'clock',
  'at-risk': 'warning',
  blocked: 'circle-slash',
  'in-progress': 'play-circle',
  todo: 'circle-large-outline',
  done: 'pass-filled',
  dropped: 'close',
};

const KIND_ICON = { goal: 'target', feature: 'package', milestone: 'milestone' } as const;
const GROUP_ICON = { untraced: 'debug-disconnect', 'no-feature': 'question', unscheduled: 'calendar', milestones: 'milestone' } as const;

/**
 * The Plan Explorer: goals → features → tasks and milestones of every indexed folder,
 * rebuilt (debounced) whenever a folder publishes a new analysis. The tree model comes from
 * the core (`buildPlanTree`); this class only maps it to `TreeItem`s, keeps the context
 * keys that pick the welcome view, and the view's problem badge.
 */
export class PlanExplorer implements vscode.TreeDataProvider<Element>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Element | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private serviceSubscriptions: vscode.Disposable | undefined;
  private attached: IndexService | undefined;
  private roots: Element[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private view: vscode.TreeView<Element> | undefined;
  /** Rebuilds started; a rebuild whose number is no longer the latest stops. */
  private builds = 0;
  /** Each folder's items compared with its configured baseline (empty without one). */
  private slips: FolderSlipMarks = new Map();

  constructor(private readonly service: () => IndexService | undefined) {
    this.disposables.push(
      // The service is replaced when `specline.enable` is switched; follow it.
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('specline.enable')) this.schedule(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(`specline.${SHOW_COST_SETTING}`)) this.schedule(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    );
  }

  /** Shows the view; called once with the TreeView created for this provider. */
  attachView(view: vscode.TreeView<Element>): void {
    this.view = view;
    void this.rebuild();
  }

  /** Rebuilds soon, coalescing bursts of analyses. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, REFRESH_DEBOUNCE_MS);
  }

  /**
   * Rebuilds now from each folder's latest analysis, in slices that give the extension host
   * its turn back every few milliseconds (a tree of thousands of tasks is built in hundreds
   * of milliseconds). A newer rebuild makes an older one stop without showing its tree.
   */
  async rebuild(): Promise<void> {
    const run = ++this.builds;
    this.follow();
    const s = this.service();
    const folders = s?.all() ?? [];
    const built = folders
      .filter((f) => f.analysis !== undefined)
      .map((f) => ({ folder: f.folder, analysis: f.analysis as Analysis }))
      .sort((a, b) => a.folder.index - b.folder.index);
    const cost = showCost();
    const trees: Array<{ folder: vscode.WorkspaceFolder; nodes: PlanNode[]; problems: number }> = [];
    for (const b of built) {
      const nodes = await runInSlices(planTreeSteps(b.analysis), HOST_CLOCK);
      if (run !== this.builds) return;
      trees.push({ folder: b.folder, nodes: cost ? withPlanCost(b.analysis, nodes) : nodes, problems: b.analysis.diagnostics.length });
    }
    this.slips = slipMarksByFolder(built);
    this.roots = trees.length === 1
      ? trees[0]!.nodes.map((node) => ({ type: 'node' as const, folder: trees[0]!.folder, node }))
      : trees.map((t) => ({ type: 'folder' as const, ...t }));

    const hasItems = built.some((b) => b.analysis.items.size > 0);
    const indexed = s !== undefined && !folders.some((f) => f.state === 'loading' && f.analysis === undefined);
    void vscode.commands.executeCommand('setContext', 'specline.hasItems', hasItems);
    void vscode.commands.executeCommand('setContext', 'specline.indexed', indexed);
    // Without items the tree is empty, so the welcome view shows; keep them in step.
    if (!hasItems) this.roots = [];
    const problems = trees.reduce((n, t) => n + t.problems, 0);
    if (this.view) {
      this.view.badge = problems > 0 ? { value: problems, tooltip: `${problems} problem${problems === 1 ? '' : 's'} in the plan` } : undefined;
    }
    this.changed.fire(undefined);
  }

  getChildren(element?: Element): Element[] {
    if (!element) {
      this.follow();
      return this.roots;
    }
    const nodes = element.type === 'folder' ? element.nodes : element.node.children;
    return nodes.map((node) => ({ type: 'node', folder: element.folder, node }));
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.type === 'folder') {
      const item = new vscode.TreeItem(element.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.folder.uri.toString();
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.description = element.problems > 0 ? `⚠ ${element.problems}` : '';
      item.tooltip = `${element.folder.name}: ${element.nodes.length} top-level entries, ${element.problems} problems`;
      item.contextValue = 'specline.folder';
      return item;
    }
    const { node, folder } = element;
    const collapsible = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'goal' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = `${folder.uri.toString()}#${node.key}`;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip);
    tooltip.supportThemeIcons = false;
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.iconPath = iconOf(node);
    item.contextValue = `specline.${node.kind}`;
    markSlip(item, node, this.slips.get(folder.uri.toString()));
    item.accessibilityInformation = { label: `${node.label}, ${item.description}` };
    if (node.location) {
      item.command = {
        command: VIEW_COMMANDS.revealItem,
        title: 'Go to Definition',
        arguments: [uriFor(folder, node.location.file).toString(), node.location.line, node.id],
      };
    }
    return item;
  }

  /** The whole tree as the view would draw it, expanded, as plain data. */
  snapshot(): PlanTreeSnapshot {
    const walk = (elements: Element[]): PlanTreeRow[] => elements.map((e) => {
      const item = this.getTreeItem(e);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
      const tip = item.tooltip;
      return {
        id: item.id ?? '',
        label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
        description: typeof item.description === 'string' ? item.description : '',
        tooltip: typeof tip === 'string' ? tip : tip?.value ?? '',
        ...(icon ? { icon: icon.id } : {}),
        ...(icon?.color ? { color: icon.color.id } : {}),
        ...(item.contextValue ? { contextValue: item.contextValue } : {}),
        expanded: item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded,
        ...(item.command ? { command: { command: item.command.command, arguments: item.command.arguments ?? [] } } : {}),
        children: walk(this.getChildren(e)),
      };
    });
    const badge = this.view?.badge?.value;
    return { ...(badge === undefined ? {} : { badge }), rows: walk(this.getChildren()) };
  }

  /** Subscribes to the current index service (a new one after `specline.enable` is switched). */
  private follow(): void {
    const s = this.service();
    if (s === this.attached) return;
    this.serviceSubscriptions?.dispose();
    this.attached = s;
    this.serviceSubscriptions = s
      ? vscode.Disposable.from(
        s.onDidAnalyze(() => this.schedule()),
        s.onDidChangeState(() => this.schedule()),
        s.onDidRemoveFolder(() => this.schedule()),
      )
      : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.serviceSubscriptions?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function iconOf(node: PlanNode): vscode.ThemeIcon {
  const state = node.state ?? 'todo';
  const colorId = node.kind === 'group'
    ? (node.problems.worst === 'error' ? 'list.errorForeground' : node.problems.worst === 'warning' ? 'list.warningForeground' : undefined)
    : STATE_COLOR[state];
  const color = colorId ? new vscode.ThemeColor(colorId) : undefined;
  let id: string;
  if (node.kind === 'group') id = GROUP_ICON[node.group ?? 'untraced'];
  else if (node.kind === 'task') id = TASK_ICON[state];
  else id = KIND_ICON[node.kind];
  return new vscode.ThemeIcon(id, color);
}

/**
 * Registers the Plan Explorer view and its commands (reveal, refresh, and the welcome
 * view's "create a starter plan"). `service` is asked each time, since
 * switching `specline.enable` replaces (or removes) the index service.
 */
export function registerPlanExplorer(service: () => IndexService | undefined, context: vscode.ExtensionContext): PlanExplorer {
  const explorer = new PlanExplorer(service);
  const view = vscode.window.createTreeView(PLAN_VIEW, { treeDataProvider: explorer, showCollapseAll: true });
  explorer.attachView(view);
  context.subscriptions.push(
    explorer,
    view,
    vscode.commands.registerCommand(VIEW_COMMANDS.revealItem, revealItem),
    registerStarterFilesCommand(),
    vscode.commands.registerCommand(VIEW_COMMANDS.refreshPlanExplorer, async () => {
      const s = service();
      if (s) await s.reloadAll();
      await explorer.rebuild();
    }),
    vscode.commands.registerCommand(VIEW_COMMANDS.showCostInPlanExplorer, () => setShowCost(true)),
    vscode.commands.registerCommand(VIEW_COMMANDS.hideCostInPlanExplorer, () => setShowCost(false)),
  );
  return explorer;
}

/**
 * Switches the cost on or off where the setting is in force: the workspace's settings
 * when they set it (else that value would win over the user's), the user's otherwise.
 */
async function setShowCost(on: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration('specline');
  const target = config.inspect<boolean>(SHOW_COST_SETTING)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(SHOW_COST_SETTING, on, target);
}

/**
 * Opens the document and selects the ID on `line` (0-based), or puts the cursor at the
 * start of the line when the ID is not there any more (the file changed since the tree
 * was built).
 */
export async function revealItem(uri: string, line: number, id?: string): Promise<void> {
  if (typeof uri !== 'string' || !Number.isInteger(line) || line < 0) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const at = Math.min(line, doc.lineCount - 1);
  const text = doc.lineAt(at).text;
  const column = typeof id === 'string' && id ? findId(text, id) : -1;
  const range = column >= 0 ? new vscode.Range(at, column, at, column + id!.length) : new vscode.Range(at, 0, at, 0);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The column of `id` as a whole ID on the line (not `T-1` inside `T-12`), or -1. */
function findId(text: string, id: string): number {
  for (let i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
    const before = text[i - 1];
    const after = text[i + id.length];
    if ((before === undefined || !/[A-Za-z0-9_-]/.test(before)) && (after === undefined || !/[A-Za-z0-9_.]/.test(after) || (after === '.' && !/\d/.test(text[i + id.length + 1] ?? '')))) return i;
  }
  return -1;
}
