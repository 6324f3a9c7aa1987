import type { MatrixOrder } from './matrixOptions.js';
import { MATRIX_ORDER, MATRIX_ROWS } from './matrixOptions.js';
import { parseChoice, restoreChoice } from './optionSchema.js';

/** What the traceability matrix shows; persisted with the panel. */
export interface MatrixViewOptions {
  /** Only rows with a gap: untraced, taskless or unscheduled features, goals without features, tasks without a feature. */
  gapsOnly: boolean;
  /** One goal's rows (`''`: all; `'-'`: only the rows without a goal). */
  goal: string;
  /** Feature rows within a goal: as written, by priority then score, or by score then priority. */
  order: MatrixOrder;
}

export const DEFAULT_MATRIX_OPTIONS: Readonly<MatrixViewOptions> = { gapsOnly: MATRIX_ROWS.default === 'gaps', goal: '', order: MATRIX_ORDER.default };

/** The goal choice that shows only what has no goal (untraced features, tasks without a feature). */
export const NO_GOAL = '-';

/** Options from persisted or posted state: anything unknown falls back to the default. */
export function restoreMatrixOptions(raw: unknown): MatrixViewOptions {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    gapsOnly: o.gapsOnly === true,
    goal: typeof o.goal === 'string' && o.goal.length <= 200 ? o.goal : '',
    order: restoreChoice(MATRIX_ORDER, o.order),
  };
}

/** Applies one toolbar change; undefined for keys or values the toolbar cannot produce. */
export function setMatrixOption(options: MatrixViewOptions, key: string, value: string): MatrixViewOptions | undefined {
  switch (key) {
    case MATRIX_ROWS.key: {
      const rows = parseChoice(MATRIX_ROWS, value);
      return rows ? { ...options, gapsOnly: rows === 'gaps' } : undefined;
    }
    case 'goal':
      return value.length <= 200 ? { ...options, goal: value } : undefined;
    case MATRIX_ORDER.key: {
      const order = parseChoice(MATRIX_ORDER, value);
      return order ? { ...options, order } : undefined;
    }
    default:
      return undefined;
  }
}
