import type { DayNumber } from '../model/types.js';
import type { GanttRow } from './ganttModel.js';

/** Width of the label column, left of the time axis. */
export const LABEL_WIDTH = 300;
/** A row label's length in characters (ID and title). */
export const LABEL_CHARS = 42;
/** Height of the axis header (two bands of labels). */
export const HEADER = 44;
export const ROW = 24;
export const BAR = 14;
/** Half the width of a milestone's diamond. */
export const DIAMOND = 7;
export const PAD_RIGHT = 40;

/** The x of a day's left edge. */
export type XOf = (day: DayNumber) => number;

/** A row with the y of its top. */
export interface PlacedRow {
  row: GanttRow;
  y: number;
}

/** A section header's place and what its summary bar spans. */
export interface SectionLayout {
  label: string;
  y: number;
  toggle: string;
  closed: boolean;
  first: DayNumber;
  last: DayNumber;
  count: number;
}

/** Horizontal extent of a row's shape: a bar, or a diamond centred inside its day. */
export function extent(row: GanttRow, xOf: XOf): { left: number; right: number; centre: number } {
  if (row.kind === 'milestone') {
    const centre = (xOf(row.start) + xOf(row.start + 1)) / 2;
    return { left: centre - DIAMOND, right: centre + DIAMOND, centre };
  }
  const left = xOf(row.start);
  const right = Math.max(left + 2, xOf(row.end + 1));
  return { left, right, centre: (left + right) / 2 };
}
