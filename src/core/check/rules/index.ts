import type { Rule } from '../checkContext.js';
import { budgetExceeded } from './budgetExceeded.js';
import { budgetNoRate } from './budgetNoRate.js';
import { budgetOverspent } from './budgetOverspent.js';
import { metricMissed } from './metricMissed.js';
import { priorityInverted } from './priorityInverted.js';
import { scheduleGoalLate, scheduleMilestoneMissed, scheduleOverdue } from './dateRules.js';
import { idDuplicate } from './idDuplicate.js';
import { personaUnused, riskUnmitigated, statusInconsistent } from './itemRules.js';
import { refUnknown, refWrongKind } from './refLinks.js';
import { scheduleSlipped } from './scheduleSlipped.js';
import { resourceOverallocated, scheduleCycle, scheduleDependencyViolated, scheduleNoDuration, scheduleOverspecified, scheduleUnscheduled } from './scheduleRules.js';
import { traceFeatureNoGoal, traceFeatureNoTask, traceFeatureUnscheduled, traceGoalNoFeature, traceTaskNoFeature } from './traceRules.js';

/** Every cross-file rule. `schema.yaml` and `schema.invalid` come from parsing each file. */
export const ALL_RULES: readonly Rule[] = [
  idDuplicate,
  refUnknown,
  refWrongKind,
  traceFeatureNoGoal,
  traceFeatureNoTask,
  traceFeatureUnscheduled,
  traceGoalNoFeature,
  traceTaskNoFeature,
  scheduleCycle,
  scheduleUnscheduled,
  scheduleNoDuration,
  scheduleDependencyViolated,
  scheduleOverspecified,
  scheduleMilestoneMissed,
  scheduleGoalLate,
  scheduleOverdue,
  resourceOverallocated,
  statusInconsistent,
  riskUnmitigated,
  personaUnused,
  scheduleSlipped,
  budgetExceeded,
  budgetOverspent,
  budgetNoRate,
  metricMissed,
  priorityInverted,
];
