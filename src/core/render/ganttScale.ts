import { dateParts, dayNumber } from '../model/dates.js';
import type { DayNumber } from '../model/types.js';

/** Horizontal scale of the chart. */
export type GanttZoom = 'day' | 'week' | 'month' | 'quarter';

/** Pixels per calendar day for each zoom level. */
export const PX_PER_DAY: Readonly<Record<GanttZoom, number>> = { day: 24, week: 10, month: 3, quarter: 1.2 };
/** Zoom levels from fine to coarse, in {@link PX_PER_DAY}'s order (which must name every level). */
const ZOOMS = Object.keys(PX_PER_DAY) as GanttZoom[];
/**
 * Beyond this width a plan spanning decades (often a typo'd year) would produce an SVG
 * of millions of pixels and tick marks; the zoom steps out until it fits or is `quarter`.
 */
const MAX_CHART_WIDTH = 60_000;

/** The requested zoom, or the first coarser one whose chart stays under MAX_CHART_WIDTH. */
export function fitZoom(requested: GanttZoom, first: DayNumber, last: DayNumber): GanttZoom {
  let i = ZOOMS.indexOf(requested);
  if (i < 0) i = 1;
  while (i < ZOOMS.length - 1 && (last - first + 1) * PX_PER_DAY[ZOOMS[i]] > MAX_CHART_WIDTH) i++;
  return ZOOMS[i];
}

/** Start of the axis: a Monday for day/week zoom, the 1st of the month or quarter otherwise. */
export function unitStart(zoom: GanttZoom, day: DayNumber): DayNumber {
  const { year, month } = dateParts(day);
  switch (zoom) {
    case 'day':
    case 'week':
      return day - ((dayOfWeek(day) + 6) % 7);
    case 'month':
      return dayNumber(year, month, 1);
    case 'quarter':
      return dayNumber(year, month - ((month - 1) % 3), 1);
  }
}

/** End of the axis, exclusive: the Monday after, or the first day of the next month/quarter. */
export function unitEnd(zoom: GanttZoom, day: DayNumber): DayNumber {
  const { year, month } = dateParts(day);
  switch (zoom) {
    case 'day':
    case 'week':
      return day + 7 - ((dayOfWeek(day) + 6) % 7);
    case 'month':
      return dayNumber(year, month + 1, 1);
    case 'quarter':
      return dayNumber(year, month - ((month - 1) % 3) + 3, 1);
  }
}

/** 0 for Sunday … 6 for Saturday. */
export function dayOfWeek(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}
