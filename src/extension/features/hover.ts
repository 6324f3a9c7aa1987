import * as vscode from 'vscode';
import { getHover } from '../../core/language/index.js';
import { fromPosition, toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { indexed } from './context.js';

/** An item's card on its ID (trace, dates, problems), or what an attribute key means. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: IndexService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = indexed(this.service, document, false);
    if (!entry) return undefined;
    const hover = getHover(entry.analysis, entry.path, document.getText(), fromPosition(position));
    if (!hover) return undefined;
    // Untrusted Markdown: the core escapes user text; no command links, no HTML.
    const markdown = new vscode.MarkdownString(hover.markdown, false);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(hover.range));
  }
}
