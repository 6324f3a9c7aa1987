import type { Analysis } from '../analysis/types.js';
import { goalDate, metricSummary } from '../cost/metricProgress.js';
import { formatDate } from '../model/dates.js';
import { mdText } from '../render/markdown.js';

/** The status report's "Goal metrics" section: each goal that states a metric, with its values, progress and date. */
export function metricSection(analysis: Analysis): string[] {
  const rows: string[] = [];
  for (const goal of analysis.items.values()) {
    if (goal.kind !== 'goal') continue;
    const m = metricSummary(goal);
    if (!m) continue;
    const show = (v: number | null): string => (v === null ? '—' : `${v}${m.unit === '%' ? '%' : m.unit ? ` ${mdText(m.unit, 20)}` : ''}`);
    const date = goalDate(goal);
    rows.push(`| **${mdText(goal.id)}** ${mdText(goal.title, 80)} | ${m.name === null ? '—' : mdText(m.name, 80)} | ${show(m.baseline)} | ${show(m.target)} | ${show(m.current)} | ${m.progress === null ? '—' : `${m.progress}%`} | ${date === undefined ? '—' : formatDate(date)} |`);
  }
  if (rows.length === 0) return ['None. No goal states a metric.'];
  return ['| Goal | Metric | Baseline | Target | Current | Progress | Due |', '|---|---|---:|---:|---:|---:|---|', ...rows];
}
