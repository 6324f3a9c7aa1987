import type { Analysis } from '../../core/analysis/types.js';
import { formatDate } from '../../core/model/dates.js';
import type { DayNumber } from '../../core/model/types.js';
import type { Command } from '../command.js';
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
    /** `"mermaid"` for a task of a mermaid gantt chart (dates as mermaid draws them); absent for Specline's own tasks. */
    source?: 'mermaid';
  }>;
  milestones: Array<{ id: string; title: string; date: string | null; source?: 'mermaid' }>;
  features: Array<{ id: string; start: string | null; end: string | null; traced: boolean; scheduled: boolean }>;
}

/** `specline schedule`: the computed dates of every task, milestone and feature in scope, in source order. */
export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'print the computed schedule',
  description: 'Prints the computed start and end of every task, the date of every milestone and the span of every feature.',
  formats: ['text', 'json'],
  async run({ analysis, format }) {
    const data = scheduleJson(analysis);
    return { output: format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : scheduleText(data), exitCode: 0 };
  },
};

export function scheduleJson(analysis: Analysis): ScheduleJson {
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
      };
    }),
    milestones: itemsInSourceOrder(analysis, 'milestone').map((item) => ({
      id: item.id,
      title: item.title,
      date: date(analysis.schedule.milestones.get(item.id)?.date),
      ...(item.source ? { source: item.source } : {}),
    })),
    features: itemsInSourceOrder(analysis, 'feature').map((item) => {
      const info = analysis.features.get(item.id);
      return {
        id: item.id,
        start: date(info?.start),
        end: date(info?.end),
        traced: info?.traced ?? false,
        scheduled: info?.scheduled ?? false,
      };
    }),
  };
}

function date(day: DayNumber | undefined): string | null {
  return day === undefined ? null : formatDate(day);
}

/** A readable table; `*` marks the critical path. */
function scheduleText(data: ScheduleJson): string {
  const dash = (value: string | number | null): string => (value === null ? '—' : String(value));
  const sections: string[] = [];
  if (data.tasks.length > 0) {
    sections.push(`Tasks (* critical path)\n${table(
      ['', 'ID', 'Title', 'Start', 'End', 'Days', 'Float', 'Owner'],
      data.tasks.map((t) => [t.critical ? '*' : '', t.id, t.title, dash(t.start), dash(t.end), dash(t.duration), dash(t.float), dash(t.owner)]),
      new Set([5, 6]),
    )}`);
  }
  if (data.milestones.length > 0) {
    sections.push(`Milestones\n${table(['ID', 'Date'], data.milestones.map((m) => [m.id, dash(m.date)]))}`);
  }
  if (data.features.length > 0) {
    sections.push(`Features\n${table(
      ['ID', 'Start', 'End', 'Traced', 'Scheduled'],
      data.features.map((f) => [f.id, dash(f.start), dash(f.end), f.traced ? 'yes' : 'no', f.scheduled ? 'yes' : 'no']),
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
