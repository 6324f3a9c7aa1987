import type { Analysis } from '../analysis/types.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney } from '../cost/formatMoney.js';
import { displayId } from '../mermaid/localId.js';
import { formatDate } from '../model/dates.js';
import type { Diagnostic } from '../model/types.js';
import type { GanttRow } from './ganttModel.js';
import { cleanLine } from './text.js';

/** Problems listed in a bar's tooltip before "… and N more". */
const TOOLTIP_PROBLEMS = 5;

/** One cleaned line per diagnostic, computed once: many rows share one diagnostic. */
const problemLines = new WeakMap<Diagnostic, string>();
function problemLine(d: Diagnostic): string {
  let line = problemLines.get(d);
  if (line === undefined) {
    line = `${d.severity}: ${d.code}: ${cleanLine(d.message, 200)}`;
    problemLines.set(d, line);
  }
  return line;
}

/** Plain text (escaped by the caller) shown on hover over a row. */
export function ganttTooltip(analysis: Analysis, row: GanttRow, problems: Diagnostic[] | undefined): string {
  const lines: string[] = [`${displayId(row.id)} ${cleanLine(row.item.title, 200)}`];
  if (row.kind === 'milestone') {
    lines.push(`Milestone: ${formatDate(row.start)}`);
  } else {
    lines.push(`${formatDate(row.start)} → ${formatDate(row.end)} (${row.duration} working day${row.duration === 1 ? '' : 's'})`);
  }
  const status = [row.status ? `Status: ${row.status}` : '', row.kind === 'task' ? `Progress: ${Math.round(row.progress)}%` : ''].filter(Boolean);
  if (status.length > 0) lines.push(status.join(' · '));
  if (row.item.owners.length > 0) lines.push(`Owner: ${row.item.owners.map((o) => cleanLine(o, 60)).join(', ')}`);
  const cost = row.kind === 'task' ? analysisCost(analysis).tasks.get(row.id) : undefined;
  if (cost && (cost.cost > 0 || cost.spentTasks > 0)) {
    lines.push(`Cost: ${formatMoney(cost.cost, analysis.config.currency)} planned${cost.spentTasks > 0 ? ` · ${formatMoney(cost.ac)} spent` : ''}`);
  }
  if (row.float !== undefined) lines.push(`Float: ${row.float} working day${Math.abs(row.float) === 1 ? '' : 's'}${row.critical ? ' (critical path)' : ''}`);
  else if (row.critical) lines.push('On the critical path');
  const goals = new Set<string>();
  for (const f of row.features) {
    lines.push(`Feature: ${f} ${cleanLine(analysis.items.get(f)?.title, 120)}`.trimEnd());
    for (const g of analysis.features.get(f)?.goals ?? []) goals.add(g);
  }
  for (const g of goals) lines.push(`Goal: ${g} ${cleanLine(analysis.items.get(g)?.title, 120)}`.trimEnd());
  // A few problems, then a count: an over-allocated owner's finding names every task of a
  // busy period, and a tooltip of hundreds of lines helps nobody (and costs a page load).
  // Identical lines (one finding reported for several periods or files) are shown once.
  const seen = new Set<string>();
  let more = 0;
  for (const d of problems ?? []) {
    const line = problemLine(d);
    if (seen.has(line)) continue;
    if (seen.size >= TOOLTIP_PROBLEMS) more++;
    else {
      seen.add(line);
      lines.push(line);
    }
  }
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? '' : 's'} (see the Problems panel)`);
  return lines.join('\n');
}
