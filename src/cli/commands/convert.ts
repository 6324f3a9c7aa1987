import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { formatDate } from '../../core/model/dates.js';
import type { DayNumber } from '../../core/model/types.js';
import { idsInUse } from '../../core/convert/proposeIds.js';
import { convertGanttChart, listGanttCharts } from '../../core/convert/toPlan.js';
import type { Command } from '../command.js';
import { textOption } from '../command.js';
import { UsageError } from '../io.js';

const HINT = 'run "specline convert --help" for usage.';

/** `specline convert --format json`. */
export interface ConvertJson {
  version: 1;
  file: string;
  /** 1-based number of the chart in the file, and the 1-based line of its `gantt` keyword. */
  chart: number;
  line: number;
  /** The plan as Markdown (what the default format prints); null when the chart could not be converted. */
  plan: string | null;
  /** Why the chart could not be converted. */
  failure: string | null;
  tasks: Array<{
    id: string;
    kind: 'task' | 'milestone';
    /** mermaid's id of the line (its own, or the `taskN` mermaid generates). */
    mermaidId: string;
    line: number;
    chartStart: string | null;
    chartEnd: string | null;
    planStart: string | null;
    planEnd: string | null;
  }>;
  notes: Array<{ severity: 'info' | 'warning'; line: number; message: string }>;
}

/** `specline convert FILE`: a mermaid gantt chart as a Specline plan, with the same dates. */
export const convertCommand: Command = {
  name: 'convert',
  summary: 'turn a mermaid gantt chart into a Specline plan table with the same dates',
  description: [
    'Turns a mermaid gantt chart of FILE into a Specline plan: one table per section, with IDs, titles,',
    'durations, `after`, dates, milestones and status. Scheduled by Specline, the plan gives every task the',
    'days mermaid draws; where Specline\'s rules would not, the day is written out and a note says so.',
    'Ids that are not Specline IDs get new ones (T-n, M-n) that nothing in the workspace uses. A calendar',
    'for the chart\'s excluded days goes into the front matter; chart lines with no equivalent (click,',
    'axisFormat, %% comments, …) are kept in an HTML comment. Notes go to stderr.',
  ].join('\n'),
  formats: ['markdown', 'json'],
  usage: {
    line: 'FILE [--chart N] [--out FILE|-] [options]',
    paths: 'FILE is a Markdown file of the workspace with a ```mermaid gantt chart; --chart N picks one of several.',
  },
  exitCodes: 'Exit codes: 0 converted, every date kept; 1 converted with warnings (a date or a meaning not kept,\nsee stderr), or not converted because mermaid cannot draw the chart; 2 bad usage or config.',
  options: {
    chart: { type: 'string', value: 'N', description: 'the N-th gantt chart of FILE (needed when it has several)' },
  },
  validate(values) {
    const chart = textOption(values, 'chart');
    if (chart !== undefined && !/^[1-9]\d*$/.test(chart)) throw new UsageError(`--chart must be a chart number (1, 2, …), not "${chart}"`, HINT);
  },
  async run({ full, format, values, root, paths, warn }) {
    if (paths.length !== 1) throw new UsageError(paths.length === 0 ? 'convert needs the Markdown FILE that holds the chart' : 'convert takes one FILE', HINT);
    const file = paths[0]!;
    if (!full.files.has(file)) throw new UsageError(`${file} is a folder or not a Markdown file in scope`, 'name the Markdown file that holds the chart.');
    const text = await readFile(path.join(root, file), 'utf8');
    const charts = listGanttCharts(text);
    const asked = textOption(values, 'chart');
    if (charts.length === 0) throw new UsageError(`${file} has no mermaid gantt chart`, 'a chart is a ```mermaid fence whose first line is gantt.');
    if (asked === undefined && charts.length > 1) {
      const list = charts.map((c, i) => `  --chart ${i + 1}  line ${c.ganttLine + 1}${c.title ? `  ${c.title}` : ''}`).join('\n');
      throw new UsageError(`${file} has ${charts.length} gantt charts; choose one:\n${list}`, HINT);
    }
    const index = asked === undefined ? 0 : Number(asked) - 1;
    if (index >= charts.length) throw new UsageError(`${file} has ${charts.length === 1 ? 'one gantt chart' : `${charts.length} gantt charts`}, not ${asked}`, HINT);

    const { ganttLine, fence } = charts[index]!;
    // What the chart itself defines and mentions is its own: only the rest of the workspace is taken.
    const taken = idsInUse(full.files.values(), file, fence.open, fence.close);
    const conversion = convertGanttChart(file, text, index, { config: full.config, taken, mode: 'document', today: full.today });
    const warnings = conversion.notes.filter((n) => n.severity === 'warning').length;
    const exitCode = conversion.failure !== undefined || warnings > 0 ? 1 : 0;
    if (format === 'json') {
      const day = (d: DayNumber | undefined): string | null => (d === undefined ? null : formatDate(d));
      const json: ConvertJson = {
        version: 1, file, chart: index + 1, line: ganttLine + 1,
        plan: conversion.failure === undefined ? conversion.text : null,
        failure: conversion.failure ?? null,
        tasks: conversion.tasks.map((t) => ({
          id: t.id, kind: t.kind, mermaidId: t.mermaidId, line: t.line + 1,
          chartStart: day(t.chart.start), chartEnd: day(t.chart.end), planStart: day(t.plan.start), planEnd: day(t.plan.end),
        })),
        notes: conversion.notes.map((n) => ({ severity: n.severity, line: n.line + 1, message: n.message })),
      };
      return { output: `${JSON.stringify(json, null, 2)}\n`, exitCode };
    }
    if (conversion.failure !== undefined) {
      warn(`${file}:${ganttLine + 1}: ${conversion.failure}; "specline check ${file}" shows where`);
      return { output: '', exitCode };
    }
    for (const n of conversion.notes) warn(`${file}:${n.line + 1}: ${n.severity}: ${n.message}`);
    const kept = conversion.tasks.filter((t) => t.chart.start !== undefined && t.chart.start === t.plan.start && t.chart.end === t.plan.end).length;
    const dated = conversion.tasks.filter((t) => t.chart.start !== undefined).length;
    warn(`${file}:${ganttLine + 1}: ${conversion.tasks.length} task${conversion.tasks.length === 1 ? '' : 's'} converted; ${kept} of ${dated} dated ones keep mermaid's days${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`);
    return { output: conversion.text, exitCode };
  },
};
