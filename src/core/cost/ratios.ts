import type { CostFigures, CostRatios } from '../model/costTypes.js';

/** Rounded to 2 decimals, as every output prints money and ratios. `-0` prints as 0. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

/**
 * SPI = EV ÷ PV; CPI = EV ÷ AC over the tasks that have `spent`; EAC = BAC ÷ CPI, or BAC
 * when there is no CPI. A ratio whose divisor is 0 is null (so EAC is null when CPI is 0).
 * Unrounded: round for output.
 */
export function costRatios(f: CostFigures): CostRatios {
  const spi = f.pv === 0 ? null : f.ev / f.pv;
  const cpi = f.spentTasks === 0 || f.ac === 0 ? null : f.evSpent / f.ac;
  const eac = cpi === null ? f.cost : cpi === 0 ? null : f.cost / cpi;
  return { spi, cpi, eac };
}

export function emptyFigures(): CostFigures {
  return { cost: 0, pv: 0, ev: 0, ac: 0, evSpent: 0, spentTasks: 0, personDays: 0 };
}

/** Adds `share` × `from` into `into` (a task's share of a feature, a feature's of a goal). */
export function addShare(into: CostFigures, from: CostFigures, share: number): void {
  into.cost += from.cost * share;
  into.pv += from.pv * share;
  into.ev += from.ev * share;
  into.ac += from.ac * share;
  into.evSpent += from.evSpent * share;
  into.spentTasks += from.spentTasks * share;
  into.personDays += from.personDays * share;
}
