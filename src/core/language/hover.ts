import type { Analysis } from '../analysis/types.js';
import { analysisCost } from '../cost/computeCost.js';
import { formatMoney, formatRatio } from '../cost/formatMoney.js';
import { metricSummary } from '../cost/metricProgress.js';
import { costRatios } from '../cost/ratios.js';
import { riceScore } from '../cost/riceScore.js';
import { formatDate } from '../model/dates.js';
import { LineIndex } from '../model/lineIndex.js';
import type { AttributeKey, Diagnostic, FilePath, Item, ItemKind, Position, Range } from '../model/types.js';
import { attributeKey } from '../parse/attributeKeys.js';
import { plainInline } from '../parse/inlineText.js';
import { WorkCalendar } from '../schedule/calendar.js';
import { diagnosticsOf, featuresOfPersona, milestoneTasks, referencesTo } from './analysisIndex.js';
import { attributeDoc, attributeMarkdown, KIND_LABEL, PLAN_KEYS } from './attributeDocs.js';
import { chartIdAt } from './chartIdAt.js';
import { idAtPosition } from './idAtPosition.js';
import { escapeMarkdown } from './markdownEscape.js';
import { count, goalRollup, taskProgress } from './rollups.js';
import { frontMatterEnd, keyValueOf, listEntryOf, splitTableRow, tableAt } from './textStructure.js';
import { displayId } from '../mermaid/localId.js';
import { slipMarkOf } from '../baseline/slipMarks.js';

export interface HoverResult {
  /** The hovered token: an ID or an attribute key. */
  range: Range;
  /** Markdown; every piece of user text in it is escaped (see `escapeMarkdown`). */
  markdown: string;
}

/** Longest ID list written out in full; the rest is counted. */
const MAX_LISTED = 8;

/**
 * The hover at a position of a (possibly unsaved) document:
 * - on an ID: kind, title, status, priority, owners, dates from the schedule (start → end,
 *   working days, float, critical path), progress, the trace (goals ← feature ← tasks),
 *   the problems reported on the item, and where it is defined (all places when duplicated);
 *   an ID that nothing defines says so;
 * - on an attribute key (front matter, `- key:` entries, table headers): what the key means.
 *
 * Titles, owners and messages are user text and are escaped, so a hostile title can never
 * become a link, an image or HTML in the hover.
 */
export function getHover(analysis: Analysis, file: FilePath, text: string, position: Position): HoverResult | undefined {
  const lines = new LineIndex(text);
  const at = idAtPosition(text, position, analysis.config.prefixes, lines) ?? chartIdAt(analysis, file, text, position);
  if (at) return { range: at.range, markdown: itemMarkdown(analysis, at.id, at.kind) };
  const key = keyAt(lines, position);
  if (key) return { range: key.range, markdown: key.markdown };
  return undefined;
}

/** The hover text of an ID, as `getHover` shows it. */
export function itemMarkdown(analysis: Analysis, id: string, kind: ItemKind): string {
  const defs = analysis.definitions.get(id);
  if (!defs?.length) {
    const mentions = referencesTo(analysis, id).length;
    return `**${KIND_LABEL[kind]} \`${id}\`** is not defined anywhere in the workspace` +
      (mentions > 0 ? ` (named ${mentions === 1 ? 'once' : `${mentions} times`}).` : '.');
  }
  const item = defs[0]!;
  const parts: string[] = [];
  parts.push(`**${KIND_LABEL[item.kind]} \`${displayId(item.id)}\`**${item.title ? ` — ${escapeMarkdown(item.title)}` : ''}${item.chart ? ` (mermaid chart, ${item.id.includes('@') ? 'local id' : 'workspace ID'})` : ''}`);
  const facts = factsOf(item);
  if (facts.length) parts.push(facts.join(' · '));
  const when = datesOf(analysis, item);
  if (when) parts.push(when);
  const baseline = baselineOf(analysis, item);
  if (baseline) parts.push(baseline);
  const progress = progressOf(analysis, item);
  if (progress !== undefined) parts.push(`**Progress:** ${formatPercent(progress)}`);
  const money = costOf(analysis, item);
  if (money) parts.push(money);
  const metric = metricOf(item);
  if (metric) parts.push(metric);
  const trace = traceOf(analysis, item);
  if (trace) parts.push(`**Trace:** ${trace}`);
  const problems = problemsOf(diagnosticsOf(analysis, id));
  if (problems) parts.push(problems);
  parts.push(defs.length === 1
    ? `Defined in ${place(defs[0]!)}`
    : `Defined ${defs.length} times: ${defs.map(place).join(', ')}`);
  return parts.join('\n\n');
}

/** "**Baseline (v1.0):** ends 2027-03-01 · slipped +3 working days", with `baseline:` configured. */
function baselineOf(analysis: Analysis, item: Item): string | undefined {
  if (item.kind !== 'task' && item.kind !== 'milestone' && item.kind !== 'feature') return undefined;
  const mark = slipMarkOf(analysis, item.kind, item.id);
  return mark ? `**Baseline (${escapeMarkdown(mark.ref, 60)}):** ${mark.detail}` : undefined;
}

/**
 * "**Cost:** planned 4,750 EUR of budget 4,000 EUR (over) · earned 3,100 · spent 2,000 · CPI 0.91"
 * for tasks, features and goals, when anything is costed, budgeted or spent.
 */
function costOf(analysis: Analysis, item: Item): string | undefined {
  if (item.kind !== 'task' && item.kind !== 'feature' && item.kind !== 'goal') return undefined;
  const cost = analysisCost(analysis);
  const figures = item.kind === 'task' ? cost.tasks.get(item.id) : item.kind === 'feature' ? cost.features.get(item.id) : cost.goals.get(item.id);
  if (!figures || (figures.cost === 0 && figures.ac === 0 && item.budget === undefined)) return undefined;
  const currency = analysis.config.currency;
  const parts = [`planned ${formatMoney(figures.cost, currency)}`];
  if (item.budget !== undefined) {
    parts[0] += ` of budget ${formatMoney(item.budget, currency)}${Math.round(figures.cost * 100) > Math.round(item.budget * 100) ? ' (over)' : ''}`;
  }
  parts.push(`earned ${formatMoney(figures.ev)}`);
  if (figures.spentTasks > 0) parts.push(`spent ${formatMoney(figures.ac)}`);
  const { spi, cpi, eac } = costRatios(figures);
  if (spi !== null) parts.push(`SPI ${formatRatio(spi)}`);
  if (cpi !== null) parts.push(`CPI ${formatRatio(cpi)}`);
  if (item.kind !== 'task' && cpi !== null && eac !== null) parts.push(`forecast ${formatMoney(eac, currency)}`);
  if (item.kind === 'feature') {
    const score = riceScore(item, cost.features.get(item.id));
    if (score !== null) parts.push(`RICE ${score}`);
  }
  return `**Cost:** ${parts.join(' · ')}`;
}

/** "**Metric:** activation: 30% → target 60% (from 20%) · 25% of the way". */
function metricOf(item: Item): string | undefined {
  if (item.kind !== 'goal' && item.kind !== 'feature') return undefined;
  const m = metricSummary(item);
  if (!m || (m.current === null && m.target === null)) return undefined;
  const show = (v: number | null): string => (v === null ? '—' : `${v}${m.unit === '%' ? '%' : m.unit ? ` ${escapeMarkdown(m.unit, 40)}` : ''}`);
  const parts = [`${m.name ? `${escapeMarkdown(m.name, 120)}: ` : ''}${show(m.current)} → target ${show(m.target)}${m.baseline !== null ? ` (from ${show(m.baseline)})` : ''}`];
  if (m.progress !== null) parts.push(`${m.progress}% of the way`);
  return `**Metric:** ${parts.join(' · ')}`;
}

function place(item: Item): string {
  return `${escapeMarkdown(item.file, 300)}, line ${item.idRange.start.line + 1}`;
}

function factsOf(item: Item): string[] {
  const out: string[] = [];
  if (item.status) out.push(`**Status:** ${item.status}`);
  if (item.priority) out.push(`**Priority:** ${escapeMarkdown(item.priority.text)}`);
  if (item.owners.length) out.push(`**Owner:** ${item.owners.map((o) => escapeMarkdown(o, 60)).join(', ')}`);
  if (item.kind === 'goal') {
    if (item.horizon) out.push(`**Horizon:** ${escapeMarkdown(item.horizon.text)}${item.horizon.end !== undefined ? ` (ends ${formatDate(item.horizon.end)})` : ''}`);
    if (item.metric) out.push(`**Metric:** ${escapeMarkdown(item.metric)}`);
  }
  if (item.target !== undefined) out.push(`**Target:** ${formatDate(item.target)}`);
  if (item.kind === 'risk') {
    if (item.probability) out.push(`**Probability:** ${item.probability}`);
    if (item.impact) out.push(`**Impact:** ${item.impact}`);
    if (item.mitigationText) out.push(`**Mitigation:** ${escapeMarkdown(item.mitigationText)}`);
  }
  return out;
}

function datesOf(analysis: Analysis, item: Item): string | undefined {
  switch (item.kind) {
    case 'task': {
      const s = analysis.schedule.tasks.get(item.id);
      if (s?.start === undefined) return '**Dates:** not scheduled';
      if (s.end === undefined) return `**Dates:** starts ${formatDate(s.start)}, no end (no duration)`;
      const parts = [`**Dates:** ${formatDate(s.start)} → ${formatDate(s.end)}`];
      if (s.duration !== undefined) parts.push(count(s.duration, 'working day'));
      if (s.float !== undefined) parts.push(`float ${s.float} working day${Math.abs(s.float) === 1 ? '' : 's'}`);
      if (s.critical) parts.push('**critical path**');
      return parts.join(' · ');
    }
    case 'feature': {
      const info = analysis.features.get(item.id);
      if (info?.start === undefined || info.end === undefined) return info?.tasks.length ? '**Dates:** not scheduled' : undefined;
      const days = new WorkCalendar(analysis.config.calendar).countWorkdays(info.start, info.end);
      return `**Dates:** ${formatDate(info.start)} → ${formatDate(info.end)} · ${count(days, 'working day')}`;
    }
    case 'goal': {
      const rollup = goalRollup(analysis, item.id);
      const deadline = analysis.goals.get(item.id)?.deadline;
      const parts: string[] = [];
      if (rollup.end !== undefined) parts.push(`features end ${formatDate(rollup.end)}`);
      if (deadline !== undefined) parts.push(`due ${formatDate(deadline)}${rollup.end !== undefined && rollup.end > deadline ? ' — **late**' : ''}`);
      return parts.length ? `**Dates:** ${parts.join(' · ')}` : undefined;
    }
    case 'milestone': {
      const date = analysis.schedule.milestones.get(item.id)?.date;
      const tasks = milestoneTasks(analysis, item.id);
      const late = date === undefined ? [] : tasks.filter((t) => (analysis.schedule.tasks.get(t)?.end ?? -Infinity) > date);
      const parts = [date === undefined ? '**Date:** not scheduled' : `**Date:** ${formatDate(date)}`];
      if (tasks.length) parts.push(count(tasks.length, 'task'));
      if (late.length) parts.push(`**${late.length} late:** ${idList(late)}`);
      return parts.join(' · ');
    }
    default: return undefined;
  }
}

function progressOf(analysis: Analysis, item: Item): number | undefined {
  switch (item.kind) {
    case 'task': return item.status === 'done' || item.progress !== undefined ? taskProgress(item) : undefined;
    case 'feature': return analysis.features.get(item.id)?.progress;
    case 'goal': return goalRollup(analysis, item.id).progress;
    default: return undefined;
  }
}

function traceOf(analysis: Analysis, item: Item): string | undefined {
  switch (item.kind) {
    case 'feature': {
      const info = analysis.features.get(item.id);
      if (!info) return undefined;
      const goals = info.goals.length ? idList(info.goals) : 'no goal';
      const tasks = info.tasks.length ? `${count(info.tasks.length, 'task')}: ${idList(info.tasks)}` : 'no task';
      const flags = [info.traced ? 'traced' : 'not traced', info.tasks.length ? (info.scheduled ? 'scheduled' : 'not scheduled') : undefined].filter(Boolean);
      const milestones = info.milestones.length ? ` · milestone ${idList(info.milestones)}` : '';
      return `${goals} ← **${item.id}** ← ${tasks} · ${flags.join(', ')}${milestones}`;
    }
    case 'goal': {
      const rollup = goalRollup(analysis, item.id);
      if (!rollup.features.length) return `**${item.id}** ← no feature yet`;
      const n = rollup.features.length;
      return `**${item.id}** ← ${count(n, 'feature')}: ${idList(rollup.features)} ← ${count(rollup.tasks.length, 'task')} · coverage: ${rollup.traced} of ${n} traced, ${rollup.scheduled} of ${n} scheduled`;
    }
    case 'task': {
      const own = (item.links.features ?? []).map((r) => r.id).filter((id) => analysis.items.get(id)?.kind === 'feature');
      let features = [...new Set(own)];
      let via = '';
      for (let p = item.parent, depth = 0; features.length === 0 && p && depth < 32; depth++) {
        const parent = analysis.items.get(p);
        features = [...new Set((parent?.links.features ?? []).map((r) => r.id).filter((id) => analysis.items.get(id)?.kind === 'feature'))];
        if (features.length) via = ` (via ${p})`;
        p = parent?.parent;
      }
      const goals = [...new Set(features.flatMap((f) => analysis.features.get(f)?.goals ?? []))];
      const after = [...new Set((item.links.after ?? []).map((r) => r.id))];
      const chain = features.length
        ? `${goals.length ? idList(goals) : 'no goal'} ← ${idList(features)}${via} ← **${item.id}**`
        : `**${item.id}** delivers no feature`;
      return `${chain}${after.length ? ` · after ${idList(after)}` : ''}`;
    }
    case 'milestone': {
      const after = (item.links.after ?? []).map((r) => r.id);
      const features = (item.links.features ?? []).map((r) => r.id);
      const parts = [features.length ? `delivers ${idList(features)}` : '', after.length ? `after ${idList(after)}` : ''].filter(Boolean);
      return parts.length ? parts.join(' · ') : undefined;
    }
    case 'risk': {
      const mitigation = (item.links.mitigation ?? []).map((r) => r.id);
      const affects = (item.links.affects ?? []).map((r) => r.id);
      const parts = [affects.length ? `affects ${idList(affects)}` : '', mitigation.length ? `mitigated by ${idList(mitigation)}` : ''].filter(Boolean);
      return parts.length ? parts.join(' · ') : undefined;
    }
    case 'persona': {
      const features = featuresOfPersona(analysis, item.id);
      return features.length ? `named by ${count(features.length, 'feature')}: ${idList(features)}` : 'no feature names this persona';
    }
  }
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function problemsOf(diagnostics: readonly Diagnostic[]): string | undefined {
  if (!diagnostics.length) return undefined;
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) bySeverity[d.severity]++;
  const counts = (['error', 'warning', 'info'] as const).filter((s) => bySeverity[s] > 0).map((s) => count(bySeverity[s], s === 'info' ? 'note' : s));
  const first = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0]!;
  return `**Problems:** ${counts.join(', ')} — ${escapeMarkdown(first.message, 240)} (\`${first.code}\`)`;
}

/** IDs written out, the tail counted. IDs are `[A-Z0-9.-]` only: nothing to escape. */
function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}

function formatPercent(p: number): string {
  return `${Math.round(p)}%`;
}

/** An attribute key under the cursor: a front-matter key, a `- key:` entry, a table header cell. */
function keyAt(lines: LineIndex, position: Position): { range: Range; markdown: string } | undefined {
  const line = lines.lineText(position.line);
  const ch = position.character;
  const range = (s: number, e: number): Range => ({ start: { line: position.line, character: s }, end: { line: position.line, character: e } });
  const docFor = (written: string): string | undefined => {
    const key: AttributeKey | undefined = attributeKey(written);
    return key ? attributeMarkdown(attributeDoc(key)) : undefined;
  };
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd !== undefined && position.line <= fmEnd) {
    if (position.line === 0 || position.line === fmEnd) return undefined;
    const m = /^([A-Za-z_][\w -]*?)[ \t]*:/.exec(line);
    if (!m || ch > m[1]!.length) return undefined;
    const plan = PLAN_KEYS.find((k) => k.key === m[1] && (k.key === 'id' || k.key === 'calendar'));
    const markdown = plan ? `**\`${plan.key}\`**\n\n${plan.doc}` : docFor(m[1]!);
    return markdown ? { range: range(0, m[1]!.length), markdown } : undefined;
  }
  const entry = listEntryOf(line);
  if (entry) {
    const kv = keyValueOf(entry.content);
    if (!kv) return undefined;
    const s = entry.contentStart + kv.keyStart;
    const e = entry.contentStart + kv.keyEnd;
    const markdown = ch >= s && ch <= e ? docFor(kv.key) : undefined;
    return markdown ? { range: range(s, e), markdown } : undefined;
  }
  if (line.includes('|')) {
    const table = tableAt(lines, position.line);
    if (!table || table.headerLine !== position.line) return undefined;
    const cell = splitTableRow(line).find((c) => ch >= c.contentStart && ch <= c.contentEnd);
    const markdown = cell ? docFor(plainInline(cell.text)) : undefined;
    return cell && markdown ? { range: range(cell.contentStart, cell.contentEnd), markdown } : undefined;
  }
  return undefined;
}
