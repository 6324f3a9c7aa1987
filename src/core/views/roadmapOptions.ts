import type { RoadmapColumns, RoadmapOrder } from '../render/roadmapModel.js';
import type { ChoiceSchema } from './optionSchema.js';

/** Roadmap columns: `--columns`, block `columns`, toolbar `columns`. */
export const ROADMAP_COLUMNS_OPTION: ChoiceSchema<RoadmapColumns> = {
  key: 'columns',
  flag: 'columns',
  placeholder: 'KIND',
  block: ['columns'],
  label: 'Columns',
  help: '',
  values: {
    auto: { label: 'Auto' },
    horizon: { label: 'Now / Next / Later', note: 'now/next/later' },
    quarter: { label: 'Quarters' },
    half: { label: 'Halves' },
  },
  default: 'auto',
};

/** Card order in a roadmap cell: `--order`, block `order`, toolbar `order`. */
export const ROADMAP_ORDER_OPTION: ChoiceSchema<RoadmapOrder> = {
  key: 'order',
  flag: 'order',
  placeholder: 'BY',
  block: ['order'],
  label: 'Order features by',
  help: 'features in each column by',
  values: { priority: { label: 'By priority' }, score: { label: 'By RICE score', note: 'RICE, highest first' } },
  default: 'priority',
};

/** Every roadmap option with a fixed set of values. */
export const ROADMAP_CHOICES = [ROADMAP_COLUMNS_OPTION, ROADMAP_ORDER_OPTION] as const;
