import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface OracleTask {
  id: string;
  start: number | null;
  end: number | null;
}
export interface OracleResult {
  error?: string;
  tasks?: OracleTask[];
}

/**
 * What mermaid itself computes for each chart text (see mermaidOracle.mjs). Runs one child
 * process for all texts; `today` is the naive midnight mermaid used for "today".
 */
export function runMermaid(texts: string[]): { today: number; results: OracleResult[] } {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'test', 'unit', 'mermaid', 'mermaidOracle.mjs')], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TZ: 'UTC' },
  });
  if (run.status !== 0) throw new Error(`mermaid oracle failed: ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(run.stdout) as { today: number; results: OracleResult[] };
}

/** A chart text as the single mermaid fence of a Markdown document (a fence longer than any in a chart). */
export function asMarkdown(chart: string): string {
  const fence = '`'.repeat(5);
  return `# Chart\n\n${fence}mermaid\n${chart.endsWith('\n') ? chart : `${chart}\n`}${fence}\n`;
}

/** The line of the chart's first line in `asMarkdown`'s document. */
export const CHART_FIRST_LINE = 3;
