import type { SpeclineConfig } from '../model/configTypes.js';
import { idRegexGlobal, isIdShape } from '../model/ids.js';
import { MAX_GANTT_EXCLUDE_WALK } from '../model/limits.js';
import type { Diagnostic, FilePath, Item, Range, Reference, Severity } from '../model/types.js';
import { findGanttBlocks } from './ganttBlocks.js';
import { barDays, computeGanttDates } from './ganttDates.js';
import type { GanttDates } from './ganttDates.js';
import { lintGantt } from './lintGantt.js';
import { readGantt } from './readGantt.js';
import { chartKey, chartLocalId } from './localId.js';
import type { GanttChart, Span } from './types.js';

const DAY_MS = 86_400_000;

/** What the mermaid gantt charts of one Markdown file contribute. */
export interface ChartContribution {
  items: Item[];
  references: Reference[];
  diagnostics: Diagnostic[];
}

export function spanRange(s: Span): Range {
  return { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } };
}

/**
 * Reads every mermaid gantt chart of a file as a plan: each task line is an item with
 * mermaid's dates (`today` NaN leaves open the dates mermaid takes from the day it draws),
 * plus the diagnostics for what mermaid rejects or silently gets wrong.
 */
export function chartContribution(file: FilePath, lines: readonly string[], firstLine: number, config: SpeclineConfig, today: number): ChartContribution {
  const out: ChartContribution = { items: [], references: [], diagnostics: [] };
  for (const block of findGanttBlocks(lines, firstLine)) {
    const chart = readGantt(lines, block);
    const dates = computeGanttDates(chart, today);
    addChart(out, file, chart, dates, config);
  }
  return out;
}

function addChart(out: ChartContribution, file: FilePath, chart: GanttChart, dates: GanttDates, config: SpeclineConfig): void {
  const diag = (code: string, severity: Severity, span: Span, message: string, data?: Diagnostic['data']): void => {
    out.diagnostics.push({ file, range: spanRange(span), severity, code, message, related: [], ...(data ? { data } : {}) });
  };
  for (const e of chart.syntaxErrors) diag('mermaid.syntax', 'error', e.span, `mermaid rejects this line, so the chart is not drawn: ${e.message}`);
  if (dates.failure && chart.syntaxErrors.length === 0) {
    const line = chart.tasks[dates.failure.task]?.line;
    if (line) diag('mermaid.syntax', 'error', line, `mermaid cannot draw this chart: ${dates.failure.message}`);
  }
  const drawn = chart.syntaxErrors.length === 0 && !dates.failure;
  const known = new Set(dates.ids);
  const scoped = (mermaidId: string): string => {
    const kind = isIdShape(mermaidId) ? config.prefixes.get(mermaidId.slice(0, mermaidId.indexOf('-'))) : undefined;
    return kind === 'task' || kind === 'milestone' ? mermaidId : chartLocalId(mermaidId, file, chart.ganttLine);
  };
  for (const f of dates.findings) {
    if (f.kind === 'unknown-id') diag('ref.unknown', 'error', f.span, `No task of this chart has the id ${f.id}: ${f.today ? `mermaid ${f.keyword === 'after' ? 'starts' : 'ends'} this task on the day it draws the chart` : 'mermaid ignores it'}`, { id: f.id });
    else if (f.kind === 'bad-duration') {
      const noFormat = dates.settings.dateFormat === '' && /^\d{4}-\d{2}-\d{2}$/.test(f.span.text);
      diag('schema.invalid', 'error', f.span, noFormat
        ? `"${f.span.text}" is an end date, but without a dateFormat mermaid reads end dates as nothing and gives the task no length: add \`dateFormat YYYY-MM-DD\``
        : `"${f.span.text}" is neither a date in dateFormat ${dates.settings.dateFormat || '(none)'} nor a duration (a number and one of ms, s, m, h, d, w, M, y): mermaid gives the task no length`);
    }
    else if (f.kind === 'bad-date') diag('schema.invalid', 'error', f.span, f.reason);
    else {
      const line = chart.tasks[f.task]!.line;
      diag('schedule.cycle', 'error', line, `after/until ids form a cycle among ${f.ids.join(', ')}: mermaid leaves these tasks without dates`);
    }
  }
  if (dates.walkExhausted) {
    const excludes = chart.statements.find((st) => st.keyword === 'excludes');
    if (excludes) diag('schema.invalid', 'error', excludes.value, `this chart has more excluded days to step over than Specline walks (${MAX_GANTT_EXCLUDE_WALK.toLocaleString('en-US')}); later bars ignore excludes here, while mermaid keeps walking`);
  }
  lintGantt(chart, dates, (code, span, message) => diag(code, 'warning', span, message));

  for (const [i, line] of chart.tasks.entries()) {
    const mermaidId = dates.ids[i];
    if (mermaidId === undefined || mermaidId === '' && line.data.length !== 3) continue;
    if (line.data.length === 0 || line.data.length > 3) continue;
    const id = scoped(mermaidId);
    const local = id !== mermaidId;
    const milestone = line.tags.has('milestone');
    const kind = local ? (milestone ? 'milestone' : 'task') : config.prefixes.get(id.slice(0, id.indexOf('-')))!;
    const idSpan = line.data.length === 3 ? line.data[0]! : line.title;
    const item: Item = {
      id, kind, form: 'mermaid', file, idRange: spanRange(idSpan), range: spanRange(line.line),
      title: line.title.text, section: line.section ? [line.section] : [],
      attributes: {}, custom: {}, links: {}, owners: [],
      source: 'mermaid', chart: chartKey(file, chart.ganttLine),
    };
    if (line.tags.size) item.custom.tags = [...line.tags].join(', ');
    if (line.tags.has('done')) item.status = 'done';
    else if (line.tags.has('active')) item.status = 'in-progress';
    const s = dates.start[i];
    const e = dates.end[i];
    if (drawn && s !== undefined && e !== undefined && Number.isFinite(s) && Number.isFinite(e)) {
      const days = barDays(s, e, dates.settings);
      if (kind === 'milestone') item.date = Math.floor(s / DAY_MS);
      else {
        item.start = days.first;
        item.end = Math.max(days.first, days.last);
      }
    }
    // A feature ID in the title links the task to that feature (traceability).
    const features: Reference[] = [];
    for (const m of line.title.text.matchAll(idRegexGlobal())) {
      if (config.prefixes.get(m[0].slice(0, m[0].indexOf('-'))) !== 'feature') continue;
      const at = line.title.start + m.index;
      features.push({ id: m[0], file, range: spanRange({ line: line.line.line, start: at, end: at + m[0].length, text: m[0] }), key: 'features', from: id });
    }
    if (features.length) item.links.features = features;
    out.items.push(item);
    // Ids named in `after`/`until`: references, so navigation and rename find them.
    for (const span of [line.data.length > 1 ? line.data[line.data.length - 2] : undefined, line.data[line.data.length - 1]]) {
      const m = span && /^(?:after|until)\s+([\d\w\- ]+)/.exec(span.text);
      if (!span || !m) continue;
      const base = span.start + m[0].length - m[1]!.length;
      for (const x of m[1]!.matchAll(/[^ ]+/g)) {
        if (!known.has(x[0])) continue;
        const at = base + x.index;
        out.references.push({ id: scoped(x[0]), file, range: spanRange({ line: span.line, start: at, end: at + x[0].length, text: x[0] }), from: id });
      }
    }
  }
}
