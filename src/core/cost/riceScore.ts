import type { Item } from '../model/types.js';
import { round2 } from './ratios.js';
import type { CostFigures } from '../model/costTypes.js';

/** Working days in a person-week, for RICE effort from planned person-days. */
const DAYS_PER_WEEK = 5;

/**
 * RICE score = reach × impact × confidence ÷ effort (confidence as a fraction), 2 decimals.
 * Effort is the feature's `effort` in person-weeks, else its share of planned person-days
 * ÷ 5. Null without reach, impact and confidence, or when effort is 0.
 */
export function riceScore(feature: Item, figures: CostFigures | undefined): number | null {
  const { reach, riceImpact, confidence } = feature;
  if (reach === undefined || riceImpact === undefined || confidence === undefined) return null;
  const effort = riceEffort(feature, figures);
  if (effort === 0) return null;
  return round2((reach * riceImpact * (confidence / 100)) / effort);
}

/** Effort in person-weeks: written, or planned person-days ÷ 5. */
export function riceEffort(feature: Item, figures: CostFigures | undefined): number {
  return feature.effort ?? (figures?.personDays ?? 0) / DAYS_PER_WEEK;
}
