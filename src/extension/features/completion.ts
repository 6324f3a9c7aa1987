import * as vscode from 'vscode';
import type { CompletionItem } from '../../core/language/index.js';
import { getCompletions } from '../../core/language/index.js';
import { fromPosition, toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { indexed } from './context.js';

/** Characters after which Specline may have something to offer; elsewhere the core answers nothing and the list stays closed. */
export const COMPLETION_TRIGGERS = ['-', ',', ' ', '[', '@', ':'];

const KIND: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
  id: vscode.CompletionItemKind.Reference,
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
};

/** IDs of the kinds a link expects, keys that apply to the item, and enum values. */
export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: IndexService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const entry = indexed(this.service, document, false);
    if (!entry) return undefined;
    const result = getCompletions(entry.analysis, entry.path, document.getText(), fromPosition(position));
    if (!result) return undefined;
    const range = toRange(result.replaceRange);
    const items = result.items.map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, KIND[c.kind]);
      item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      item.sortText = c.sortText;
      if (c.filterText) item.filterText = c.filterText;
      item.insertText = c.insertText ?? c.label;
      item.range = range;
      // A key completion ends with ": ", where a value list may follow at once.
      if (c.kind === 'key' && c.insertText?.endsWith(': ')) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      return item;
    });
    return new vscode.CompletionList(items, result.isIncomplete);
  }
}
