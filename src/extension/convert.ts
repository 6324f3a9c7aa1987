import * as vscode from 'vscode';
import type { Location, Range, Severity } from '../core/model/types.js';
import { uriFor } from './workspaceBridge.js';

/** Core ranges are 0-based line/UTF-16 character, exactly VS Code's. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromRange(range: vscode.Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

export function fromPosition(position: vscode.Position): { line: number; character: number } {
  return { line: position.line, character: position.character };
}

export function toLocation(folder: vscode.WorkspaceFolder, location: Location): vscode.Location {
  return new vscode.Location(uriFor(folder, location.file), toRange(location.range));
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    default: return vscode.DiagnosticSeverity.Information;
  }
}

/** Whether two ranges are the same (diagnostics from the Problems panel are copies, not our objects). */
export function sameRange(a: vscode.Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
