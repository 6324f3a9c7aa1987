import type { Analysis } from '../../core/analysis/types.js';
import type { Baseline, BaselineComparison } from '../../core/baseline/baseline.js';
import { SlipCalculator } from '../../core/baseline/baseline.js';
import { formatDate } from '../../core/model/dates.js';
import type { DayNumber } from '../../core/model/types.js';
import type { Command } from '../command.js';
import { textOption } from '../command.js';
import { UsageError } from '../io.js';
import { analysisCost } from '../../core/cost/computeCost.js';
import { round2 } from '../../core/cost/ratios.js';
import { itemsInSourceOrder } from '../scope.js';

export interface ScheduleJson {
  version: 1;
  tasks: Array<{
    id: string;
    title: string;
    start: string | null;
    end: string | null;
    /** Working days occupied. */
    duration: number | null;
    critical: boolean;
    /** Total float in working days. */
    float: number | null;
    /** Owner handles joined with ", " (the core's list separator). */
    owner: string | null;
    /** Planned cost (labour at the day rates plus fixed cost), 2 decimals. */
    cost: number;
    /** `"mermaid"` for a task of a mermaid gantt chart (dates as mermaid draws them); absent for Specline's own tasks. */
    source?: 'mermaid';
  } & Partial<BaselineFields>>;
  milestones: Array<{ id: string; title: string; date: string | null; source?: 'mermaid' } & Partial<MilestoneBaselineFields>>;
  features: Array<{ id: string; start: string | null; end: string | null; traced: boolean; scheduled: boolean } & Partial<BaselineFields>>;
}

/** With `--baseline REF`: the item's dates at REF and its slip in working days (null when it did not exist at REF). */
export interface BaselineFields {
  baselineStart: string | null;
  baselineEnd: string | null;
  slip: number | null;
}

export interface MilestoneBaselineFields {
  baselineDate: string | null;
  slip: number | null;
}

/** `specline schedule`: the computed dates of every task, milestone and feature in scope, in source order. */
export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'print the computed schedule',
  description: 'Prints the computed start and end of every task, the date of every milestone and the span of every feature.',
  formats: ['text', 'json'],
  options: {
    baseline: { type: 'string', value: 'REF', description: 'compare with the plan at a git revision (tag, branch or commit): each item gains its baseline dates and its slip in working days' },
  },
  validate(values) {
    const ref = textOption(values, 'baseline');
    if (ref !== undefined && (ref.trim() === '' || ref.trim().startsWith('-'))) {
      throw new UsageError(`--baseline needs a git revision, not "${ref}"`, 'for example --baseline v1.0 or --baseline HEAD~5.');
    }
  },
  async run({ analysis, format, values, root, env, full }) {
    const ref = textOption(values, 'baseline')?.trim();
    let baseline: Baseline | undefined;
    if (ref !== undefined) {
      const { readBaseline } = await import('../../node/baseline.js');
      const { GitError } = await import('../../node/git.js');
      const { revisionUsageError } = await import('../revisionUsageError.js');
      try {
        // Files unchanged since the revision keep the parse they have now.
        baseline = await readBaseline(root, ref, analysis.today, env, { files: full.files, config: full.config });
      } catch (error) {
        if (!(error instanceof GitError)) throw error;
        throw revisionUsageError('--baseline', ref, error);
      }
    }
    const data = scheduleJson(analysis, baseline);
    return { output: format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : scheduleText(data, baseline), exitCode: 0 };
  },
};

export function scheduleJson(analysis: Analysis, baseline?: Baseline): ScheduleJson {
  const slips = baseline ? new SlipCalculator(analysis) : undefined;
  const compared = (kind: 'task' | 'feature', id: string): Partial<BaselineFields> => {
    if (!slips || !baseline) return {};
    const c = slips.compare(kind, id, baseline);
    return { baselineStart: date(c.baselineStart), baselineEnd: date(c.baselineEnd), slip: c.slip };
  };
  const comparedMilestone = (id: string): Partial<MilestoneBaselineFields> => {
    if (!slips || !baseline) return {};
    const c: BaselineComparison = slips.compare('milestone', id, baseline);
    return { baselineDate: date(c.baselineEnd), slip: c.slip };
  };
  const cost = analysisCost(analysis);
  return {
    version: 1,
    tasks: itemsInSourceOrder(analysis, 'task').map((item) => {
      const scheduled = analysis.schedule.tasks.get(item.id);
      return {
        id: item.id,
        title: item.title,
        start: date(scheduled?.start),
        end: date(scheduled?.end),
        duration: scheduled?.duration ?? null,
        critical: scheduled?.critical ?? false,
        float: scheduled?.float ?? null,
        owner: item.owners.length > 0 ? item.owners.join(', ') : null,
        ...(item.source ? { source: item.source } : {}),
        cost: round2(cost.tasks.get(item.id)?.cost ?? 0),
        ...compared('task', item.id),
      };
    }),
    milestones: itemsInSourceOrder(analysis, 'milestone').map((item) => ({
      id: item.id,
      title: item.title,
      date: date(analysis.schedule.milestones.get(item.id)?.date),
      ...(item.source ? { source: item.source } : {}),
      ...comparedMilestone(item.id),
    })),
    features: itemsInSourceOrder(analysis, 'feature').map((item) => {
      const info = analysis.features.get(item.id);
      return {
        id: item.id,
        start: date(info?.start),
        end: date(info?.end),
        traced: info?.traced ?? false,
        scheduled: info?.scheduled ?? false,
        ...compared('feature', item.id),
      };
    }),
  };
}

function date(day: DayNumber | undefined): string | null {
  return day === undefined ? null : formatDate(day);
}

/** A readable table; `*` marks the critical path. With a baseline, its end and the slip (`+3`, `-1`, `new`). */
function scheduleText(data: ScheduleJson, baseline?: Baseline): string {
  const dash = (value: string | number | null | undefined): string => (value === null || value === undefined ? '—' : String(value));
  const slip = (s: number | null | undefined, before: string | null | undefined): string => (s === null || s === undefined ? (before === null ? 'new' : '—') : s > 0 ? `+${s}` : String(s));
  const extra = baseline ? [`${baseline.ref} end`, 'Slip'] : [];
  const sections: string[] = [];
  if (data.tasks.length > 0) {
    sections.push(`Tasks (* critical path)\n${table(
      ['', 'ID', 'Title', 'Start', 'End', 'Days', 'Float', 'Owner', ...extra],
      data.tasks.map((t) => [t.critical ? '*' : '', t.id, t.title, dash(t.start), dash(t.end), dash(t.duration), dash(t.float), dash(t.owner),
        ...(baseline ? [dash(t.baselineEnd), slip(t.slip, t.baselineEnd)] : [])]),
      new Set([5, 6, 9]),
    )}`);
  }
  if (data.milestones.length > 0) {
    sections.push(`Milestones\n${table(['ID', 'Date', ...(baseline ? [baseline.ref, 'Slip'] : [])],
      data.milestones.map((m) => [m.id, dash(m.date), ...(baseline ? [dash(m.baselineDate), slip(m.slip, m.baselineDate)] : [])]), new Set([3]))}`);
  }
  if (data.features.length > 0) {
    sections.push(`Features\n${table(
      ['ID', 'Start', 'End', 'Traced', 'Scheduled', ...extra],
      data.features.map((f) => [f.id, dash(f.start), dash(f.end), f.traced ? 'yes' : 'no', f.scheduled ? 'yes' : 'no',
        ...(baseline ? [dash(f.baselineEnd), slip(f.slip, f.baselineEnd)] : [])]),
      new Set([6]),
    )}`);
  }
  return sections.length > 0 ? `${sections.join('\n\n')}\n` : 'Nothing to schedule: no tasks, milestones or features found.\n';
}

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}
