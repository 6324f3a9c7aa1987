import * as vscode from 'vscode';
import { getDefinitions, getReferencesAt } from '../../core/language/index.js';
import { fromPosition, toRange } from '../convert.js';
import type { IndexService } from '../indexService.js';
import { uriFor } from '../workspaceBridge.js';
import { indexed } from './context.js';

/** Go to Definition: every place that defines the ID under the cursor (several when duplicated). */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly service: IndexService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.LocationLink[] {
    const entry = indexed(this.service, document, false);
    if (!entry) return [];
    return getDefinitions(entry.analysis, entry.path, document.getText(), fromPosition(position)).map((d) => ({
      originSelectionRange: toRange(d.originRange),
      targetUri: uriFor(entry.index.folder, d.file),
      targetRange: toRange(d.targetRange),
      targetSelectionRange: toRange(d.range),
    }));
  }
}

/** Find All References: links and prose mentions of the ID in every file of the folder. */
export class ReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly service: IndexService) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const entry = indexed(this.service, document, false);
    if (!entry) return [];
    return getReferencesAt(entry.analysis, entry.path, document.getText(), fromPosition(position), { includeDeclaration: context.includeDeclaration })
      .map((r) => new vscode.Location(uriFor(entry.index.folder, r.file), toRange(r.range)));
  }
}
