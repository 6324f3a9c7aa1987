import type { Analysis } from '../analysis/types.js';
import type { Baseline } from '../baseline/baseline.js';
import { SlipCalculator } from '../baseline/baseline.js';
import type { GanttModel } from '../render/ganttModel.js';
import { cleanLine } from '../render/text.js';
import { commandButton } from './toolbar.js';

/**
 * What the host knows of the "Compare with…" baseline: why the control is disabled, the
 * baseline once read, or what is happening meanwhile (reading it, or why it failed).
 */
export interface GanttCompareState {
  unavailable?: string;
  baseline?: Baseline;
  /** "Reading v1.0…", or why it could not be read. */
  status?: string;
  failed?: boolean;
}

/** A revision the toolbar may hold: what git accepts as one, never something read as an option. */
export function isBaselineRef(ref: string): boolean {
  return ref.length > 0 && ref.length <= 200 && !ref.startsWith('-') && !/[\s\0]/.test(ref);
}

/** "Compare with…", or the baseline shown ("Baseline: v1.0"); disabled with the reason where git may not run. */
export function compareControl(options: { readonly baseline: string }, compare: GanttCompareState): string {
  if (compare.unavailable) return commandButton('compareBaseline', 'Compare with…', { title: compare.unavailable, disabled: true });
  if (!options.baseline) return commandButton('compareBaseline', 'Compare with…', { title: 'Draw the plan as it was at a git tag or commit under the bars, with each item’s slip' });
  return commandButton('compareBaseline', `Baseline: ${cleanLine(options.baseline, 24)}`, { title: `Comparing with ${cleanLine(options.baseline, 120)}: pick another revision, or “No baseline”`, primary: true });
}

/** Rows drawn with a baseline bar, and rows ending later than in the baseline: numbers for tests and the API. */
export function baselineCounts(analysis: Analysis, model: GanttModel, baseline: Baseline): { baselineRows: number; slipped: number } {
  const slips = new SlipCalculator(analysis);
  let baselineRows = 0;
  let slipped = 0;
  for (const s of model.sections) {
    for (const r of s.rows) {
      const c = slips.compare(r.kind, r.id, baseline);
      if (c.baselineEnd !== undefined) baselineRows++;
      if ((c.slip ?? 0) > 0) slipped++;
    }
  }
  return { baselineRows, slipped };
}
