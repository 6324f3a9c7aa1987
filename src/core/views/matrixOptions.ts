import type { ChoiceSchema } from './optionSchema.js';

/** How feature rows are ordered within each goal group. */
export type MatrixOrder = 'source' | 'priority' | 'score';

/**
 * Feature row order in the traceability matrix (toolbar `order`). `specline trace` prints
 * rows as written and fenced blocks have no matrix, so neither has a spelling yet.
 */
export const MATRIX_ORDER: ChoiceSchema<MatrixOrder> = {
  key: 'order',
  label: 'Order',
  help: 'feature rows in each goal',
  values: { source: { label: 'As written' }, priority: { label: 'By priority' }, score: { label: 'By RICE score' } },
  default: 'source',
};

/** Which rows the matrix shows (toolbar `show`; kept as `gapsOnly` in the panel's state). */
export const MATRIX_ROWS: ChoiceSchema<'all' | 'gaps'> = {
  key: 'show',
  label: 'Rows',
  help: 'rows to show:',
  values: { all: { label: 'All rows' }, gaps: { label: 'Gaps only' } },
  default: 'all',
};

/** Every matrix option with a fixed set of values. */
export const MATRIX_CHOICES = [MATRIX_ROWS, MATRIX_ORDER] as const;
