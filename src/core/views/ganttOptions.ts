import type { GanttGroupBy } from '../render/ganttModel.js';
import type { GanttZoom } from '../render/ganttSvg.js';
import type { ChoiceSchema } from './optionSchema.js';

export type { GanttGroupBy } from '../render/ganttModel.js';

/** Gantt grouping: `--group-by`, block `group` (alias `groupby`), toolbar `groupBy`. */
export const GANTT_GROUP_BY: ChoiceSchema<GanttGroupBy> = {
  key: 'groupBy',
  flag: 'group-by',
  placeholder: 'KEY',
  block: ['group', 'groupby'],
  label: 'Group by',
  help: 'group bars by',
  values: { section: { label: 'By section' }, feature: { label: 'By feature' } },
  default: 'section',
};

/** Gantt time scale: `--zoom`, block `zoom`, toolbar `zoom`. */
export const GANTT_ZOOM: ChoiceSchema<GanttZoom> = {
  key: 'zoom',
  flag: 'zoom',
  placeholder: 'SCALE',
  block: ['zoom'],
  label: 'Zoom',
  help: 'svg/html scale:',
  values: { day: { label: 'Day' }, week: { label: 'Week' }, month: { label: 'Month' }, quarter: { label: 'Qtr' } },
  default: 'week',
};

/** Every Gantt option with a fixed set of values. */
export const GANTT_CHOICES = [GANTT_GROUP_BY, GANTT_ZOOM] as const;
