import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { DayNumber } from '../model/types.js';
import type { Baseline } from './baseline.js';
import { SlipCalculator } from './baseline.js';

/** One task, milestone or feature compared with the configured baseline. */
export interface SlipMark {
  /** Working days later than the baseline end (negative: earlier); null when not comparable. */
  slip: number | null;
  /** The baseline has no item with this ID: added (or renamed) since. */
  added: boolean;
  baselineEnd?: DayNumber;
  /** The slip exceeds `slip-tolerance` (for milestones and features, what `schedule.slipped` reports). */
  beyondTolerance: boolean;
  /** "+3d" for a slip, "−1d" ahead; undefined on the baseline date, added, or not comparable. */
  short?: string;
  /** The revision as configured (user text: escape it for Markdown). */
  ref: string;
  /** "ends 2027-03-01 · slipped +3 working days": plain text of ours, nothing to escape. */
  detail: string;
}

const days = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;

/**
 * Every task, milestone and feature of `analysis` compared with `analysis.baseline` (the
 * configured `baseline:`), for the hover and the Plan Explorer. Empty without a baseline.
 * Linear in items: one `SlipCalculator` for all.
 */
export function slipMarks(analysis: Analysis): Map<string, SlipMark> {
  const marks = new Map<string, SlipMark>();
  const baseline = analysis.baseline;
  if (!baseline) return marks;
  const slips = new SlipCalculator(analysis);
  for (const item of analysis.items.values()) {
    if (item.kind !== 'task' && item.kind !== 'milestone' && item.kind !== 'feature') continue;
    marks.set(item.id, slipMark(analysis, baseline, slips, item.kind, item.id));
  }
  return marks;
}

/** The comparison of one item with the configured baseline, or undefined without one. */
export function slipMarkOf(analysis: Analysis, kind: 'task' | 'milestone' | 'feature', id: string): SlipMark | undefined {
  return analysis.baseline ? slipMark(analysis, analysis.baseline, new SlipCalculator(analysis), kind, id) : undefined;
}

function slipMark(analysis: Analysis, baseline: Baseline, slips: SlipCalculator, kind: 'task' | 'milestone' | 'feature', id: string): SlipMark {
  const entries = kind === 'task' ? baseline.tasks : kind === 'milestone' ? baseline.milestones : baseline.features;
  const added = !entries.has(id);
  const c = slips.compare(kind, id, baseline);
  const tolerance = analysis.config.slipTolerance ?? 0;
  let detail: string;
  if (added) detail = 'not in it (added since)';
  else if (c.baselineEnd === undefined) detail = 'not scheduled then';
  else {
    const when = `${kind === 'milestone' ? 'due' : 'ends'} ${formatDate(c.baselineEnd)}`;
    const moved = c.slip === null ? 'not scheduled now'
      : c.slip > 0 ? `slipped +${days(c.slip)}` : c.slip < 0 ? `ahead by ${days(-c.slip)}` : 'on the baseline date';
    detail = `${when} · ${moved}`;
  }
  return {
    slip: c.slip,
    added,
    ...(c.baselineEnd === undefined ? {} : { baselineEnd: c.baselineEnd }),
    beyondTolerance: c.slip !== null && c.slip > tolerance,
    ...(c.slip !== null && c.slip !== 0 ? { short: c.slip > 0 ? `+${c.slip}d` : `−${-c.slip}d` } : {}),
    ref: baseline.ref,
    detail,
  };
}
