import type { PlacedRow, XOf } from './ganttLayout.js';
import { extent, ROW } from './ganttLayout.js';
import { escapeXml, num } from './xml.js';

/** A finish-to-start link between two placed rows. */
export interface GanttLink {
  from: PlacedRow;
  to: PlacedRow;
}

/** Every link whose two ends are drawn, in row order: rows of collapsed sections have no place. */
export function placedLinks(placed: readonly PlacedRow[], byId: ReadonlyMap<string, PlacedRow>): GanttLink[] {
  const links: GanttLink[] = [];
  for (const p of placed) {
    for (const predId of p.row.predecessors) {
      const pred = byId.get(predId);
      if (pred === undefined || pred === p) continue;
      links.push({ from: pred, to: p });
    }
  }
  return links;
}

/** The y range an arrow's path covers (its elbows stay between the two rows' middles and the gap it runs back in). */
export function linkSpan(link: GanttLink): { top: number; bottom: number } {
  const a = link.from.y + ROW / 2;
  const b = link.to.y + ROW / 2;
  const gap = link.to.y > link.from.y ? link.to.y : link.to.y + ROW;
  return { top: Math.min(a, b, gap), bottom: Math.max(a, b, gap) };
}

/**
 * A finish-to-start elbow from the end of the predecessor to the start of the successor.
 * When the successor starts right of the predecessor's end, one elbow suffices; otherwise
 * the line drops to the gap between rows, runs back left, and enters from the left.
 */
export function arrow({ from, to }: GanttLink, xOf: XOf): string {
  const a = extent(from.row, xOf);
  const b = extent(to.row, xOf);
  const y1 = from.y + ROW / 2;
  const y2 = to.y + ROW / 2;
  const x1 = a.right;
  const x2 = b.left;
  let d: string;
  if (x2 - x1 >= 12) {
    const xm = x1 + 6;
    d = `M${num(x1)} ${num(y1)}H${num(xm)}V${num(y2)}H${num(x2)}`;
  } else {
    const yGap = to.y > from.y ? to.y : to.y + ROW;
    d = `M${num(x1)} ${num(y1)}h6V${num(yGap)}H${num(x2 - 8)}V${num(y2)}H${num(x2)}`;
  }
  const critical = from.row.critical && to.row.critical ? ' sl-dep-critical' : '';
  return `<path class="sl-dep${critical}" data-from="${escapeXml(from.row.id)}" data-to="${escapeXml(to.row.id)}" d="${d}"/>` +
    `<path class="sl-dep-head${critical}" d="M${num(x2)} ${num(y2)}l-5 -3.5v7z"/>`;
}
