import type { RuleMeta } from './ruleMeta.js';
import { budgetExceededMeta } from './rules/budgetExceeded.js';
import { budgetNoRateMeta } from './rules/budgetNoRate.js';
import { budgetOverspentMeta } from './rules/budgetOverspent.js';
import { metricMissedMeta } from './rules/metricMissed.js';
import {
  mermaidColonInTitleMeta, mermaidDateFormatMismatchMeta, mermaidDateFormatTwiceMeta, mermaidExcludedOnlyMeta, mermaidHashCommentMeta, mermaidSyntaxMeta,
} from './rules/mermaidCodes.js';
import { priorityInvertedMeta } from './rules/priorityInverted.js';
import { scheduleGoalLateMeta, scheduleMilestoneMissedMeta, scheduleOverdueMeta } from './rules/dateRules.js';
import { idDuplicateMeta } from './rules/idDuplicate.js';
import { personaUnusedMeta, riskUnmitigatedMeta, statusInconsistentMeta } from './rules/itemRules.js';
import { fileSkippedMeta, schemaInvalidMeta, schemaYamlMeta } from './rules/parseCodes.js';
import { scheduleSlippedMeta } from './rules/scheduleSlipped.js';
import { refUnknownMeta, refWrongKindMeta } from './rules/refLinks.js';
import {
  resourceOverallocatedMeta, scheduleCycleMeta, scheduleDependencyViolatedMeta, scheduleNoDurationMeta, scheduleOverspecifiedMeta, scheduleUnscheduledMeta,
} from './rules/scheduleRules.js';
import {
  traceFeatureNoGoalMeta, traceFeatureNoTaskMeta, traceFeatureUnscheduledMeta, traceGoalNoFeatureMeta, traceTaskNoFeatureMeta,
} from './rules/traceRules.js';

/** A diagnostic code as callers see it: the rule's own metadata (ruleMeta.ts). */
export type RuleInfo = RuleMeta;

/**
 * Every diagnostic code with its default severity and documentation, in the order of
 * docs/diagnostics.md (which `npm run docs` generates from this list). Adding a code is
 * writing one `RuleMeta` beside its check and listing it here.
 */
export const RULES: readonly RuleInfo[] = [
  idDuplicateMeta,
  refUnknownMeta,
  refWrongKindMeta,
  schemaYamlMeta,
  schemaInvalidMeta,
  traceFeatureNoGoalMeta,
  traceFeatureNoTaskMeta,
  traceFeatureUnscheduledMeta,
  traceGoalNoFeatureMeta,
  traceTaskNoFeatureMeta,
  scheduleCycleMeta,
  scheduleUnscheduledMeta,
  scheduleNoDurationMeta,
  scheduleDependencyViolatedMeta,
  scheduleOverspecifiedMeta,
  scheduleMilestoneMissedMeta,
  scheduleGoalLateMeta,
  scheduleOverdueMeta,
  resourceOverallocatedMeta,
  statusInconsistentMeta,
  riskUnmitigatedMeta,
  personaUnusedMeta,
  budgetExceededMeta,
  budgetOverspentMeta,
  budgetNoRateMeta,
  metricMissedMeta,
  priorityInvertedMeta,
  fileSkippedMeta,
  mermaidSyntaxMeta,
  mermaidDateFormatMismatchMeta,
  mermaidDateFormatTwiceMeta,
  mermaidExcludedOnlyMeta,
  mermaidHashCommentMeta,
  mermaidColonInTitleMeta,
  scheduleSlippedMeta,
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));

/** Where each code is documented; the extension links diagnostics here (`code.target`). */
export const DOCS_BASE = 'https://github.com/specline/specline/blob/main/docs/diagnostics.md';
/** The heading anchor of a code in docs/diagnostics.md: GitHub drops the dots of `## id.duplicate`. */
export function ruleDocsUrl(code: string): string {
  return `${DOCS_BASE}#${code.replace(/\./g, '')}`;
}
