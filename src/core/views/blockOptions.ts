import { cleanLine } from '../render/text.js';
import { escapeXml } from '../render/xml.js';

/** A block's options: `key: value` lines (YAML-like, one level, no nesting). */
export type BlockOptions = Map<string, string>;

/**
 * Reads `key: value` lines. Comments (`#`) and blank lines are skipped; anything else is
 * reported, never thrown, so a typo shows under the chart instead of breaking the preview.
 */
export function parseBlockOptions(text: string): { options: BlockOptions; errors: string[] } {
  const options: BlockOptions = new Map();
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      errors.push(`line ${i + 1}: expected "key: value"`);
      return;
    }
    const value = m[2].replace(/\s+#.*$/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
    options.set(m[1].toLowerCase(), value);
  });
  return { options, errors };
}

/** Block option problems, listed under the chart as escaped text. */
export function blockErrors(errors: readonly string[]): string {
  if (errors.length === 0) return '';
  const items = errors.slice(0, 20).map((e) => `<li>${escapeXml(cleanLine(e, 300))}</li>`).join('');
  return `<ul class="specline-block-errors">${items}</ul>`;
}
