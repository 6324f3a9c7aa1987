import type { Analysis } from '../analysis/types.js';
import type { Item } from '../model/types.js';
import type { ViewBlock } from '../render/blocks.js';
import { blockAttr } from '../render/blocks.js';
import { cleanLine } from '../render/text.js';
import type { TraceGoal, TraceTask } from '../render/traceMatrix.js';
import { escapeXml } from '../render/xml.js';
import { coverageBar, itemData } from './matrixMarkup.js';
import type { MatrixGroup, MatrixRow } from './matrixRows.js';
import { featureGaps } from './matrixRows.js';

/** A row that reveals its item: reachable with Tab, Enter reveals (the webview script handles both). */
function rowData(id: string, item: Item | undefined): string {
  return item ? `${itemData(id, item)} tabindex="0"` : itemData(id, item);
}

const STATUS_CLASS = (s: string | undefined): string => (s ? ` sl-st-${s}` : '');

/** Fixed column widths, repeated in every table so that the header and the bands line up. */
const MATRIX_COLUMNS = '<colgroup><col class="sl-col-goal"><col class="sl-col-feature"><col class="sl-col-tasks"><col class="sl-col-traced"><col class="sl-col-scheduled"></colgroup>';
/**
 * Group height estimates (for groups not laid out yet) go up to this many rows: matrixView.css
 * sizes each `data-rows` value from 2 to this one (a test checks both agree).
 */
export const MAX_ESTIMATED_GROUP_ROWS = 16;

/**
 * The summary's blocks after it: a sticky header table (`head`), then each goal's rows as
 * their own table (`group/<goal id>`, `group/none`, `group/orphans`) in a
 * `content-visibility: auto` band, so that the browser lays out only the groups on screen
 * (one table of 1,400 rows took 450–600 ms of layout) and an edit replaces only the groups
 * it changed. Fixed table layout with the same `<colgroup>` keeps the columns aligned.
 */
export function matrixTableBlocks(shown: MatrixGroup[], analysis: Analysis): ViewBlock[] {
  const out: ViewBlock[] = [{
    key: 'head',
    html: `<table class="sl-matrix sl-matrix-head"${blockAttr('head')}>${MATRIX_COLUMNS}<thead><tr>` +
      '<th scope="col" class="sl-col-goal">Goal</th><th scope="col" class="sl-col-feature">Feature</th><th scope="col" class="sl-col-tasks">Tasks</th>' +
      '<th scope="col" class="sl-col-traced">Traced</th><th scope="col" class="sl-col-scheduled">Scheduled</th></tr></thead></table>',
  }];
  for (const group of shown) {
    const key = `group/${group.key}`;
    const rows = group.rows.map((row, i) => rowHtml(row, i === 0 ? goalCell(group, analysis) : '', analysis, group.goal));
    out.push({
      key,
      html: `<div class="sl-matrix-band" data-rows="${Math.min(group.rows.length, MAX_ESTIMATED_GROUP_ROWS)}"${blockAttr(key)}><table class="sl-matrix">${MATRIX_COLUMNS}` +
        `<tbody class="sl-group-${group.goal ? 'goal' : group.key}">${rows.join('')}</tbody></table></div>`,
    });
  }
  return out;
}

function goalCell(group: MatrixGroup, analysis: Analysis): string {
  const span = group.rows.length > 1 ? ` rowspan="${group.rows.length}"` : '';
  const goal = group.goal;
  if (!goal) {
    const label = group.key === 'none' ? 'No goal' : 'No feature';
    const hint = group.key === 'none' ? 'Features that serve no goal: add goals: to their spec.' : 'Tasks that deliver no feature: add features: to them.';
    return `<th scope="rowgroup"${span} class="sl-goal-cell sl-gap"><div class="sl-goal-name"><span class="sl-gap-icon" aria-hidden="true">⚠</span>${label}</div><div class="sl-hint">${escapeXml(hint)}</div></th>`;
  }
  const item = analysis.items.get(goal.id);
  const coverage = goal.coverage === null
    ? '<div class="sl-hint">No feature serves it</div>'
    : `<div class="sl-goal-coverage">${coverageBar(goal.coverage)}<span>${goal.covered} of ${goal.total} · ${goal.coverage}%</span></div>`;
  const dropped = goal.status === 'dropped' ? ' sl-dropped' : '';
  return `<th scope="rowgroup"${span} class="sl-goal-cell${dropped}"${itemData(goal.id, item)}><div class="sl-goal-name"><span class="sl-id">${escapeXml(goal.id)}</span> ${escapeXml(cleanLine(goal.title))}</div>${coverage}</th>`;
}

function flag(ok: boolean, yes: string, no: string): string {
  return ok
    ? `<span class="sl-flag sl-ok"><span aria-hidden="true">✓</span> ${escapeXml(yes)}</span>`
    : `<span class="sl-flag sl-no"><span aria-hidden="true">✗</span> ${escapeXml(no)}</span>`;
}

function taskDates(tasks: TraceTask[]): { start?: string; end?: string } {
  let start: string | undefined;
  let end: string | undefined;
  for (const t of tasks) {
    if (t.status === 'dropped') continue;
    if (t.start && (!start || t.start < start)) start = t.start;
    if (t.end && (!end || t.end > end)) end = t.end;
  }
  return { start, end };
}

/**
 * A task chip's markup, by task item. Items keep their identity across analyses while
 * their file is unchanged, so after an edit nearly every chip (13,000 in a 2,000-document
 * workspace) is reused; the dates are part of the key because another file's edit can
 * move them.
 */
const chipCache = new WeakMap<Item, { dates: string; html: string }>();

function taskChips(tasks: TraceTask[], analysis: Analysis): string {
  // Joined, not `+=`: a chain of appends is a deep rope V8 must flatten later, which cost
  // more than building the chips.
  const out: string[] = [];
  for (const t of tasks) {
    const item = analysis.items.get(t.id);
    const dates = t.scheduled ? `${t.start} → ${t.end}` : 'not scheduled';
    const hit = item ? chipCache.get(item) : undefined;
    if (hit && hit.dates === dates) {
      out.push(hit.html);
      continue;
    }
    const html = taskChip(t, item, dates);
    if (item) chipCache.set(item, { dates, html });
    out.push(html);
  }
  return out.join('');
}

function taskChip(t: TraceTask, item: Item | undefined, dates: string): string {
  const cls = `${STATUS_CLASS(t.status)}${t.scheduled ? '' : ' sl-unscheduled'}`;
  const tip = [`${t.id} ${cleanLine(t.title, 100)}`, t.status ? `status: ${t.status}` : '', dates].filter(Boolean).join('\n');
  const mark = t.status === 'done' ? '<span aria-hidden="true">✓ </span>' : '';
  // Joined rather than a template: the result is cached and joined into every render, and
  // a template's pieces stay a rope that each join would walk again.
  return ['<span class="sl-chip sl-task', cls, '"', itemData(t.id, item), ' data-tip="', escapeXml(tip), '">', mark, escapeXml(t.id), '</span>'].join('');
}

function rowHtml(row: MatrixRow, head: string, analysis: Analysis, goal: TraceGoal | undefined): string {
  if (row.kind === 'goal-empty') {
    const data = goal ? rowData(goal.id, analysis.items.get(goal.id)) : '';
    return `<tr class="sl-row-gap"${data}>${head}<td class="sl-gap" colspan="4"><span class="sl-gap-icon" aria-hidden="true">⚠</span> No feature serves this goal yet</td></tr>`;
  }
  if (row.kind === 'orphan-task') {
    const t = row.task;
    const item = analysis.items.get(t.id);
    return `<tr class="sl-row-gap"${rowData(t.id, item)}>${head}<td class="sl-gap"><span class="sl-gap-icon" aria-hidden="true">⚠</span> No feature</td>` +
      `<td>${taskChips([t], analysis)} <span class="sl-task-title">${escapeXml(cleanLine(t.title, 80))}</span></td>` +
      `<td>${flag(false, '', 'No feature')}</td><td>${t.scheduled ? flag(true, `${t.start} → ${t.end}`, '') : flag(false, '', 'No')}</td></tr>`;
  }
  const f = row.feature;
  const item = analysis.items.get(f.id);
  const gaps = featureGaps(f);
  const dropped = f.status === 'dropped';
  const status = f.status ? `<span class="sl-chip sl-chip-status${STATUS_CLASS(f.status)}">${escapeXml(f.status.replace('-', ' '))}</span>` : '';
  const featureCell = `<td class="sl-feature-cell"><div><span class="sl-id">${escapeXml(f.id)}</span> ${escapeXml(cleanLine(f.title))}</div>${status}${dropped ? '<span class="sl-hint"> not counted</span>' : ''}</td>`;
  const tasksCell = f.tasks.length > 0
    ? `<td class="sl-tasks-cell"><div class="sl-chips">${taskChips(f.tasks, analysis)}</div></td>`
    : `<td class="sl-tasks-cell${dropped ? '' : ' sl-gap'}">${dropped ? '—' : '<span class="sl-gap-icon" aria-hidden="true">⚠</span> No tasks'}</td>`;
  const tracedText = f.traced ? 'Yes' : f.goals.length === 0 && f.tasks.length === 0 ? 'No goal, no tasks' : f.goals.length === 0 ? 'No goal' : 'No tasks';
  const dates = taskDates(f.tasks);
  const scheduledText = dates.start && dates.end ? `${dates.start} → ${dates.end}` : 'Yes';
  const cls = gaps.length > 0 ? ' class="sl-row-gap"' : dropped ? ' class="sl-dropped"' : '';
  return `<tr${cls}${rowData(f.id, item)}>${head}${featureCell}${tasksCell}` +
    `<td class="${!f.traced && !dropped ? 'sl-gap' : ''}">${flag(f.traced, tracedText, tracedText)}</td>` +
    `<td class="${!f.scheduled && !dropped ? 'sl-gap' : ''}">${flag(f.scheduled, scheduledText, f.tasks.length === 0 ? 'No tasks' : 'No dates')}</td></tr>`;
}
