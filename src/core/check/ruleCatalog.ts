import type { Severity } from '../model/types.js';

export interface RuleInfo {
  code: string;
  defaultSeverity: Severity;
  description: string;
}

/** Every diagnostic code of FORMAT §7 with its default severity. The order is the documentation's. */
export const RULES: readonly RuleInfo[] = [
  { code: 'id.duplicate', defaultSeverity: 'error', description: 'The same ID is defined twice.' },
  { code: 'ref.unknown', defaultSeverity: 'error', description: 'A link names an ID that no item defines.' },
  { code: 'ref.wrong-kind', defaultSeverity: 'error', description: 'A link names an item of the wrong kind.' },
  { code: 'schema.yaml', defaultSeverity: 'error', description: 'Front matter is not valid YAML.' },
  { code: 'schema.invalid', defaultSeverity: 'error', description: 'A value does not fit its key (date, duration, status, …).' },
  { code: 'trace.feature-no-goal', defaultSeverity: 'warning', description: 'A feature traces to no goal: an untraced requirement.' },
  { code: 'trace.feature-no-task', defaultSeverity: 'warning', description: 'No task delivers the feature.' },
  { code: 'trace.feature-unscheduled', defaultSeverity: 'warning', description: 'The feature has tasks but none can be scheduled.' },
  { code: 'trace.goal-no-feature', defaultSeverity: 'info', description: 'No feature serves the goal.' },
  { code: 'trace.task-no-feature', defaultSeverity: 'info', description: 'The task delivers no feature.' },
  { code: 'schedule.cycle', defaultSeverity: 'error', description: 'Dependencies form a cycle.' },
  { code: 'schedule.unscheduled', defaultSeverity: 'warning', description: 'The task has no start, predecessor or default start.' },
  { code: 'schedule.no-duration', defaultSeverity: 'warning', description: 'The task has neither duration nor end.' },
  { code: 'schedule.dependency-violated', defaultSeverity: 'warning', description: 'An explicit start is before a predecessor ends.' },
  { code: 'schedule.overspecified', defaultSeverity: 'warning', description: 'Start, end and duration disagree.' },
  { code: 'schedule.milestone-missed', defaultSeverity: 'warning', description: 'A task or feature of a milestone ends after its date.' },
  { code: 'schedule.goal-late', defaultSeverity: 'warning', description: "A feature ends after its goal's horizon or target, or its own target." },
  { code: 'schedule.overdue', defaultSeverity: 'warning', description: 'A task that is not done has an end before today.' },
  { code: 'resource.overallocated', defaultSeverity: 'warning', description: 'An owner is over capacity on some days.' },
  { code: 'status.inconsistent', defaultSeverity: 'warning', description: 'Statuses contradict each other (e.g. a feature is done while its tasks are not).' },
  { code: 'risk.unmitigated', defaultSeverity: 'warning', description: 'A high-impact risk has no mitigation.' },
  { code: 'persona.unused', defaultSeverity: 'info', description: 'No feature names the persona.' },
  { code: 'mermaid.syntax', defaultSeverity: 'error', description: 'A line of a mermaid gantt chart that mermaid rejects: the chart is not drawn.' },
  { code: 'mermaid.date-format-mismatch', defaultSeverity: 'warning', description: "Dates of a mermaid gantt chart do not follow its dateFormat." },
  { code: 'mermaid.date-format-twice', defaultSeverity: 'warning', description: 'A mermaid gantt chart gives dateFormat more than once; the last one wins.' },
  { code: 'mermaid.excluded-only', defaultSeverity: 'warning', description: 'A bar of a mermaid gantt chart covers only excluded days.' },
  { code: 'mermaid.hash-comment', defaultSeverity: 'warning', description: 'A mermaid gantt line starting with # is drawn as a task, not read as a comment.' },
  { code: 'mermaid.colon-in-title', defaultSeverity: 'warning', description: "A colon inside a mermaid task's title shifts its fields." },
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));

/** Where each code is documented; the extension links diagnostics here (`code.target`). */
export const DOCS_BASE = 'https://github.com/specline/specline/blob/main/docs/diagnostics.md';
export function ruleDocsUrl(code: string): string {
  return `${DOCS_BASE}#${code.replace(/\./g, '')}`;
}
