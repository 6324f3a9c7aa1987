import type { Item } from '../model/types.js';
import { escapeXml } from '../render/xml.js';

/** `data-id` / `data-file` / `data-line` of an item, so a click reveals it and the cursor highlights it. */
export function itemData(id: string, item: Item | undefined): string {
  return item ? ` data-id="${escapeXml(id)}" data-file="${escapeXml(item.file)}" data-line="${item.idRange.start.line}"` : ` data-id="${escapeXml(id)}"`;
}

/** A goal's or the workspace's coverage as a bar; nothing when there is no feature to cover. */
export function coverageBar(p: number | null): string {
  if (p === null) return '';
  return `<progress class="sl-coverage-bar" max="100" value="${p}">${p}%</progress>`;
}
