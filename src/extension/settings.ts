import * as vscode from 'vscode';
import { parseIsoDate, systemToday } from '../core/model/dates.js';
import type { DayNumber } from '../core/model/types.js';

/** The `specline.*` settings, read fresh each time: VS Code caches them cheaply. */
export interface Settings {
  enable: boolean;
  debounceMs: number;
  /** The fixed "today" (`specline.today`), undefined when the system date is used. */
  today: DayNumber | undefined;
  codeLens: boolean;
  statusBar: boolean;
}

export const SECTION = 'specline';

/**
 * The settings in force for a resource. `enable` and `statusBar.enable` are window
 * settings (one extension, one status bar); the others may differ per folder of a
 * multi-root workspace (package.json declares them `resource`).
 */
export function readSettings(scope?: vscode.ConfigurationScope | null): Settings {
  const window = vscode.workspace.getConfiguration(SECTION);
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const debounce = c.get<number>('debounceMs', 250);
  const todayText = (c.get<string>('today', '') ?? '').trim();
  return {
    enable: window.get<boolean>('enable', true),
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(Math.round(debounce), 0), 5000) : 250,
    today: todayText ? parseIsoDate(todayText) : undefined,
    codeLens: c.get<boolean>('codeLens.enable', true),
    statusBar: window.get<boolean>('statusBar.enable', true),
  };
}

/** "Today" for the checker: the setting when it is a valid date, else the local system date. */
export function todayFor(scope?: vscode.ConfigurationScope): DayNumber {
  return readSettings(scope).today ?? systemToday();
}
