/**
 * Specline's language features: pure functions over an `Analysis` and a document's text,
 * returning plain data with 0-based ranges. Nothing here imports `vscode`; the extension's
 * providers are thin adapters over these (the shape of vscode-markdown-languageservice; see docs/architecture.md#layers).
 */
export type { TextEdit, LanguageError } from './types.js';
export { idAtPosition } from './idAtPosition.js';
export type { IdAtPosition } from './idAtPosition.js';
export { getCompletionContext } from './completionContext.js';
export type { CompletionContext, CompletionWhere, IdCompletionContext, KeyCompletionContext, ValueCompletionContext } from './completionContext.js';
export { completionsFor, getCompletions, MAX_ID_COMPLETIONS } from './completions.js';
export type { CompletionItem, CompletionResult } from './completions.js';
export { getHover, itemMarkdown } from './hover.js';
export type { HoverResult } from './hover.js';
export { getDefinitions } from './definition.js';
export type { DefinitionLink } from './definition.js';
export { getReferences, getReferencesAt } from './references.js';
export type { ReferenceLocation } from './references.js';
export { getRenameEdits, prepareRename } from './rename.js';
export { getDocumentSymbols, getWorkspaceSymbols, MAX_WORKSPACE_SYMBOLS } from './symbols.js';
export type { DocumentSymbol, WorkspaceSymbol } from './symbols.js';
export { getCodeLenses } from './codeLens.js';
export type { CodeLens } from './codeLens.js';
export * from './quickFixes.js';
export { ATTRIBUTE_DOCS, attributeDoc } from './attributeDocs.js';
export type { AttributeDoc } from './attributeDocs.js';
export { escapeMarkdown } from './markdownEscape.js';
