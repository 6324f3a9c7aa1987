import * as vscode from 'vscode';
import type { DocumentSymbol } from '../../core/language/index.js';
import { getDocumentSymbols, getWorkspaceSymbols, MAX_WORKSPACE_SYMBOLS } from '../../core/language/index.js';
import type { ItemKind } from '../../core/model/types.js';
import { SLICE_MS } from '../../core/live/slices.js';
import { toRange } from '../convert.js';
import { HOST_CLOCK } from '../hostClock.js';
import type { IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { indexed } from './context.js';

const KIND: Record<ItemKind, vscode.SymbolKind> = {
  goal: vscode.SymbolKind.Event,
  feature: vscode.SymbolKind.Class,
  task: vscode.SymbolKind.Method,
  milestone: vscode.SymbolKind.Constant,
  risk: vscode.SymbolKind.Boolean,
  persona: vscode.SymbolKind.Interface,
};

/**
 * The items of a document as an outline. Headings that are not items are left out: VS
 * Code's Markdown extension already lists them, and the outline shows both providers side
 * by side, so repeating them would show every heading twice. Their items move up a level.
 */
export class DocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly service: IndexService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const entry = indexed(this.service, document, false);
    if (!entry) return [];
    const result = await entry.index.fileResult(entry.path, document.getText(), entry.analysis);
    // Reading and hashing the text, building the tree and converting it are each a few
    // milliseconds on a plan of thousands of tasks: not all in one turn of the host.
    await HOST_CLOCK.yieldToHost();
    const symbols = getDocumentSymbols(result);
    await HOST_CLOCK.yieldToHost();
    return convert(symbols, { start: HOST_CLOCK.now() });
  }
}

/**
 * The outline in VS Code's types, giving the host its thread back between slices: a plan
 * of 4,000 tasks has 4,000 symbols, and converting them in one go held the host for tens
 * of milliseconds.
 */
async function convert(nodes: readonly DocumentSymbol[], slice: { start: number }): Promise<vscode.DocumentSymbol[]> {
  const out: vscode.DocumentSymbol[] = [];
  for (const node of nodes) {
    if (HOST_CLOCK.now() - slice.start >= SLICE_MS) {
      await HOST_CLOCK.yieldToHost();
      slice.start = HOST_CLOCK.now();
    }
    if (node.kind === 'section') {
      for (const child of await convert(node.children, slice)) out.push(child);
      continue;
    }
    const symbol = new vscode.DocumentSymbol(node.name, node.detail ?? '', KIND[node.kind], toRange(node.range), toRange(node.selectionRange));
    symbol.children = node.children.length ? await convert(node.children, slice) : [];
    out.push(symbol);
  }
  return out;
}

/** Go to Symbol in Workspace: items of every folder by ID or title. */
export class WorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly service: IndexService) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const out: vscode.SymbolInformation[] = [];
    for (const index of this.service.all()) {
      if (!index.analysis) continue;
      for (const s of getWorkspaceSymbols(index.analysis, query)) {
        out.push(new vscode.SymbolInformation(s.name, KIND[s.kind], s.containerName, new vscode.Location(uriFor(index.folder, s.file), toRange(s.selectionRange))));
        if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      }
    }
    return out;
  }
}
