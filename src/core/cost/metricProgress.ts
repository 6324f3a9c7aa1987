import type { DayNumber, Item } from '../model/types.js';
import { round2 } from './ratios.js';

/** A goal's (or feature's) metric as outputs show it; null fields where nothing is written. */
export interface MetricSummary {
  name: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  /** The unit the three values share; null when they have none. */
  unit: string | null;
  /** 0–100, 2 decimals; null without baseline, target and current, or when target equals baseline. */
  progress: number | null;
}

/**
 * The metric of an item, or null when it states none (no `metric` and no metric value).
 * Progress = (current − baseline) ÷ (target − baseline), clamped to 0–100%, so metrics that
 * must fall work too.
 */
export function metricSummary(item: Item): MetricSummary | null {
  const { metric, metricBaseline: b, metricTarget: t, metricCurrent: c } = item;
  if (metric === undefined && !b && !t && !c) return null;
  const unit = b?.unit || t?.unit || c?.unit || null;
  return {
    name: metric ?? null,
    baseline: b?.value ?? null,
    target: t?.value ?? null,
    current: c?.value ?? null,
    unit,
    progress: metricProgress(item),
  };
}

/** Unrounded progress 0–100 and rounded for output; null as in `MetricSummary`. */
export function metricProgress(item: Item): number | null {
  const b = item.metricBaseline?.value;
  const t = item.metricTarget?.value;
  const c = item.metricCurrent?.value;
  if (b === undefined || t === undefined || c === undefined || t === b) return null;
  const p = ((c - b) / (t - b)) * 100;
  return round2(Math.min(100, Math.max(0, p)));
}

/**
 * Whether the current value has reached the target: in the direction from baseline to
 * target; without a baseline (or when it equals the target) a metric is taken to rise.
 */
export function metricReached(item: Item): boolean | undefined {
  const t = item.metricTarget?.value;
  const c = item.metricCurrent?.value;
  if (t === undefined || c === undefined) return undefined;
  const b = item.metricBaseline?.value;
  return b !== undefined && t < b ? c <= t : c >= t;
}

/** The date a goal is judged on: its `target`, else the end of its dated horizon. */
export function goalDate(goal: Item): DayNumber | undefined {
  return goal.target ?? goal.horizon?.end;
}
