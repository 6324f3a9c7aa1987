import type { Analysis } from '../analysis/types.js';
import { displayId } from '../mermaid/localId.js';
import type { Diagnostic } from '../model/types.js';
import type { GanttRow } from './ganttModel.js';
import type { SectionLayout, XOf } from './ganttLayout.js';
import { BAR, DIAMOND, extent, LABEL_CHARS, ROW } from './ganttLayout.js';
import { ganttTooltip } from './ganttTooltip.js';
import { hasCode, LATE_CODES, OVERALLOCATED_CODES } from './problems.js';
import { cleanLine } from './text.js';
import { escapeXml, num } from './xml.js';

/**
 * The `data-toggle` value of a section: a short hash of its grouping key, so no heading
 * text (however long or hostile) is repeated into an attribute. FNV-1a over UTF-16 code
 * units, twice with different seeds: a collision between two sections of one chart would
 * only make them collapse together.
 */
export function sectionToggleKey(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `s${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** A section's header row: band, twisty, label and summary bar; clicking it collapses the section. */
export function sectionHeader(s: SectionLayout, width: number, xOf: XOf): string {
  const out: string[] = [];
  const twisty = s.closed ? `M8 ${num(s.y + 7)}l6 5l-6 5z` : `M6 ${num(s.y + 9)}h10l-5 6z`;
  const label = cleanLine(s.label, 80) + (s.closed ? ` (${s.count})` : '');
  out.push(`<g class="sl-section${s.closed ? ' sl-collapsed' : ''}" data-toggle="${escapeXml(s.toggle)}" role="button" aria-expanded="${!s.closed}" tabindex="0">`);
  out.push(`<rect class="sl-section-band" x="0" y="${num(s.y)}" width="${num(width)}" height="${ROW}"/>`);
  out.push(`<path class="sl-twisty" d="${twisty}"/>`);
  out.push(`<text class="sl-section-label" x="22" y="${num(s.y + ROW / 2 + 4)}">${escapeXml(label)}</text>`);
  if (s.count > 0 && Number.isFinite(s.first)) {
    // A summary bar over the section's span, as project tools draw a summary task.
    const x1 = xOf(s.first);
    const x2 = Math.max(x1 + 2, xOf(s.last + 1));
    const by = s.y + ROW / 2 - 3;
    out.push(`<path class="sl-summary" d="M${num(x1)} ${num(by)}H${num(x2)}v8l-4 -3H${num(x1 + 4)}l-4 3z"/>`);
  }
  out.push('</g>');
  return out.join('\n');
}

/**
 * A task's or milestone's row: label, bar (with its progress) or diamond, and markers for
 * late and over-allocated work. The group carries the item's file and line for reveal, and
 * the hover text as a `<title>` or, for a webview's own tooltip, a `data-tip`.
 */
export function taskGroup(analysis: Analysis, row: GanttRow, y: number, xOf: XOf, problems: Diagnostic[] | undefined, tipsAsData: boolean): string {
  const late = hasCode(problems, LATE_CODES);
  const overallocated = hasCode(problems, OVERALLOCATED_CODES);
  const classes = ['sl-task', `sl-${row.kind}-row`];
  if (row.critical) classes.push('sl-critical');
  if (row.status === 'done') classes.push('sl-done');
  else if (row.status === 'in-progress') classes.push('sl-active');
  if (late) classes.push('sl-late');
  if (overallocated) classes.push('sl-overallocated');

  // The bar's first and last day (day numbers): the preview moves and resizes bars from them.
  const data = `data-id="${escapeXml(row.id)}" data-file="${escapeXml(row.item.file)}" data-line="${row.item.idRange.start.line}" data-start-day="${row.start}" data-end-day="${row.end}"`;
  const label = cleanLine(`${displayId(row.id)} ${cleanLine(row.item.title)}`, LABEL_CHARS);
  const mid = y + ROW / 2;
  const { left, right, centre } = extent(row, xOf);
  const parts: string[] = [];
  const tip = escapeXml(ganttTooltip(analysis, row, problems));
  parts.push(tipsAsData ? `<g class="${classes.join(' ')}" ${data} data-tip="${tip}">` : `<g class="${classes.join(' ')}" ${data}>`);
  // The group carries the file and line (a click anywhere in the row finds them with
  // closest()); the shape only names its item, which keeps large charts small.
  const shapeData = `data-id="${escapeXml(row.id)}"`;
  if (!tipsAsData) parts.push(`<title>${tip}</title>`);
  parts.push(`<text class="sl-label" x="16" y="${num(mid + 4)}">${escapeXml(label)}</text>`);
  if (row.kind === 'milestone') {
    parts.push(`<path class="sl-milestone" ${shapeData} d="M${num(centre)} ${num(mid - DIAMOND)}l${DIAMOND} ${DIAMOND}l${-DIAMOND} ${DIAMOND}l${-DIAMOND} ${-DIAMOND}z"/>`);
  } else {
    const top = mid - BAR / 2;
    parts.push(`<rect class="sl-bar" ${shapeData} x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${BAR}" rx="3"/>`);
    if (row.progress > 0) {
      parts.push(`<rect class="sl-progress" x="${num(left)}" y="${num(top)}" width="${num(((right - left) * row.progress) / 100)}" height="${BAR}" rx="3"/>`);
    }
  }
  let mx = right + 5;
  if (late) {
    parts.push(`<path class="sl-marker sl-marker-late" d="M${num(mx)} ${num(mid + 5)}l5 -10l5 10z"/>`);
    mx += 13;
  }
  if (overallocated) parts.push(`<circle class="sl-marker sl-marker-overallocated" cx="${num(mx + 5)}" cy="${num(mid)}" r="4.5"/>`);
  parts.push('</g>');
  return parts.join('');
}
