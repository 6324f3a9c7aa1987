import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';

/**
 * Toolbar markup for the preview webviews. The webview's script is generic: it reacts to
 * `data-option` (a choice, posted as an `option` message), `data-command` (a button,
 * posted as a `command` message) and `data-toggle` (a collapsible section). Views
 * describe their controls with these helpers and never write attributes by hand, so every
 * label and value is escaped in one place.
 */

export interface Choice {
  value: string;
  /** User text allowed: escaped here. */
  label: string;
}

/**
 * A labelled drop-down; `value` is selected. Choices are capped at 80 characters each.
 * `hideLabel` keeps the label for screen readers only, for filters whose first choice
 * already says what they filter ("All features").
 */
export function selectControl(key: string, label: string, value: string, choices: readonly Choice[], title?: string, display: { hideLabel?: boolean } = {}): string {
  const options = choices.map((c) =>
    `<option value="${escapeXml(c.value)}"${c.value === value ? ' selected' : ''}>${escapeXml(cleanLine(c.label, 80))}</option>`);
  const tip = title ? ` title="${escapeXml(title)}"` : '';
  const span = display.hideLabel ? '<span class="sl-visually-hidden">' : '<span>';
  return `<label class="sl-field"${tip}>${span}${escapeXml(label)}</span><select data-option="${escapeXml(key)}">${options.join('')}</select></label>`;
}

/** One entry of a {@link menuControl}: the command it posts and its label. */
export interface MenuEntry {
  command: string;
  label: string;
}

/**
 * A drop-down of commands (e.g. "Export ▾": copy, save SVG, save PNG) that takes the room
 * of one control. Choosing an entry posts a `command` message; the menu then shows its
 * label again.
 */
export function menuControl(label: string, entries: readonly MenuEntry[], title?: string): string {
  const tip = title ? ` title="${escapeXml(title)}"` : '';
  const options = entries.map((e) => `<option value="${escapeXml(e.command)}">${escapeXml(e.label)}</option>`);
  return `<select class="sl-menu" data-command-menu aria-label="${escapeXml(label)}"${tip}><option value="" selected disabled hidden>${escapeXml(label)}</option>${options.join('')}</select>`;
}

/** A row of the toolbar: views with many controls put filters on a row of their own. */
export function toolbarRow(...controls: string[]): string {
  return `<div class="sl-row">${controls.join('')}</div>`;
}

/** A row of buttons of which one is pressed (zoom levels, column modes). */
export function segmentedControl(key: string, label: string, value: string, choices: readonly Choice[]): string {
  const buttons = choices.map((c) =>
    `<button type="button" data-option="${escapeXml(key)}" data-value="${escapeXml(c.value)}" aria-pressed="${c.value === value}">${escapeXml(c.label)}</button>`);
  return `<div class="sl-segmented" role="group" aria-label="${escapeXml(label)}">${buttons.join('')}</div>`;
}

/** A command button; `icon` is a codicon-like glyph (static text of ours, not user text). */
export function commandButton(command: string, label: string, options: { title?: string; arg?: string; primary?: boolean; disabled?: boolean } = {}): string {
  const arg = options.arg === undefined ? '' : ` data-arg="${escapeXml(options.arg)}"`;
  const tip = options.title ? ` title="${escapeXml(options.title)}"` : '';
  const cls = options.primary ? ' class="sl-primary"' : '';
  // A disabled button gets no clicks, so its title is what says why.
  const disabled = options.disabled ? ' disabled aria-disabled="true"' : '';
  return `<button type="button"${cls} data-command="${escapeXml(command)}"${arg}${tip}${disabled}>${escapeXml(label)}</button>`;
}

/** Groups controls; separators between groups are drawn by CSS. */
export function toolbarGroup(...controls: string[]): string {
  return `<div class="sl-group">${controls.join('')}</div>`;
}

/** A status text at the end of the toolbar (counts, "as of"). */
export function toolbarStatus(text: string, title?: string): string {
  const tip = title ? ` title="${escapeXml(cleanLine(title, 300))}"` : '';
  return `<div class="sl-status" role="status"${tip}>${escapeXml(cleanLine(text, 300))}</div>`;
}
