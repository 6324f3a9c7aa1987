import type { AttributeKey, ItemKind } from '../model/types.js';

/** What a key means, for hovers and completions: docs/format.md#attributes in a planner's words. */
export interface AttributeDoc {
  key: AttributeKey;
  /** The key as users write it, when that differs from `key` (`metric baseline`). */
  written?: string;
  /** How a table header would name it. */
  label: string;
  /** Other spellings the parser accepts (docs/format.md#attributes, in brackets). */
  aliases: readonly string[];
  /** Item kinds the key applies to. */
  appliesTo: readonly ItemKind[];
  /** The value's form. */
  value: string;
  /** One or two sentences. */
  doc: string;
}

const ALL: readonly ItemKind[] = ['goal', 'feature', 'task', 'milestone', 'risk', 'persona'];

/** Every attribute key of docs/format.md#attributes, in the contract's order. */
export const ATTRIBUTE_DOCS: readonly AttributeDoc[] = [
  { key: 'title', label: 'Title', aliases: ['name', 'task', 'risk', 'summary'], appliesTo: ALL, value: 'text', doc: 'The item\'s title; by default the text after the ID.' },
  { key: 'goals', label: 'Goals', aliases: ['goal'], appliesTo: ['feature'], value: 'ID list → goals', doc: 'The goals this feature serves: the goal ← feature link of the traceability chain.' },
  { key: 'features', label: 'Features', aliases: ['feature', 'implements', 'delivers'], appliesTo: ['task', 'milestone'], value: 'ID list → features', doc: 'The features this task (or milestone) delivers: the feature ← task link of the traceability chain.' },
  { key: 'after', label: 'After', aliases: ['depends', 'depends on', 'predecessors'], appliesTo: ['task', 'milestone'], value: 'ID list → tasks/milestones', doc: 'Predecessors, finish-to-start: the task starts on the first working day after the latest of them ends.' },
  { key: 'milestone', label: 'Milestone', aliases: [], appliesTo: ['task', 'feature'], value: 'ID → milestone', doc: 'The milestone this must be finished by.' },
  { key: 'start', label: 'Start', aliases: [], appliesTo: ['task'], value: 'date YYYY-MM-DD', doc: 'An explicit start (moved to the next working day). In a plan\'s front matter: the default start of its tasks.' },
  { key: 'end', label: 'End', aliases: ['due', 'finish'], appliesTo: ['task'], value: 'date YYYY-MM-DD', doc: 'The last working day of the task (inclusive). With a duration and no start, the task is placed to end then.' },
  { key: 'date', label: 'Date', aliases: [], appliesTo: ['milestone'], value: 'date YYYY-MM-DD', doc: 'The milestone\'s date. Without it, the milestone falls on the latest end of its predecessors.' },
  { key: 'duration', label: 'Duration', aliases: ['estimate', 'length'], appliesTo: ['task'], value: '`Nd` working days, `Nw` weeks; `N` alone means days', doc: 'How many working days the task occupies (at least 1).' },
  { key: 'owner', label: 'Owner', aliases: ['owners', 'assignee'], appliesTo: ALL, value: '@handle list', doc: 'Who is responsible. Owners\' loads are summed per working day to find over-allocation.' },
  { key: 'allocation', label: 'Allocation', aliases: [], appliesTo: ['task'], value: '`N%` of the owner\'s day (default 100%)', doc: 'How much of each owner\'s day the task takes.' },
  { key: 'status', label: 'Status', aliases: [], appliesTo: ALL, value: 'draft, proposed, approved, todo, in-progress, blocked, done, dropped', doc: 'Where the item stands. A checked box `[x]` means done unless status says otherwise.' },
  { key: 'progress', label: 'Progress', aliases: [], appliesTo: ['task'], value: '0%–100%', doc: 'How much of the task is done; rolls up into its features\' progress.' },
  { key: 'priority', label: 'Priority', aliases: [], appliesTo: ['feature', 'goal'], value: 'must/should/could/wont or P0–P3', doc: 'MoSCoW or P0–P3 priority.' },
  { key: 'horizon', label: 'Horizon', aliases: [], appliesTo: ['goal'], value: 'now, next, later, YYYY, YYYY-Hn, YYYY-Qn', doc: 'When the goal should be met. A dated horizon ends on the last day of its year, half or quarter; now/next/later carry no date.' },
  { key: 'target', label: 'Target', aliases: [], appliesTo: ['goal', 'feature'], value: 'date YYYY-MM-DD', doc: 'The date it must be met by; a feature ending later is reported.' },
  { key: 'metric', label: 'Metric', aliases: [], appliesTo: ['goal'], value: 'text', doc: 'How the goal is measured.' },
  { key: 'personas', label: 'Personas', aliases: ['persona'], appliesTo: ['feature'], value: 'ID list → personas', doc: 'The personas this feature is for.' },
  { key: 'probability', label: 'Probability', aliases: [], appliesTo: ['risk'], value: 'low, medium, high', doc: 'How likely the risk is.' },
  { key: 'impact', label: 'Impact', aliases: [], appliesTo: ['risk', 'feature'], value: 'risk: low, medium, high · feature: massive, high, medium, low, minimal or a number', doc: 'On a risk, how bad it would be (a high-impact risk needs a mitigation). On a feature, the RICE impact: massive 3, high 2, medium 1, low 0.5, minimal 0.25.' },
  { key: 'mitigation', label: 'Mitigation', aliases: [], appliesTo: ['risk'], value: 'ID list → tasks, or text', doc: 'The tasks (or the plan, in words) that reduce the risk.' },
  { key: 'affects', label: 'Affects', aliases: [], appliesTo: ['risk'], value: 'ID list → any item', doc: 'The items the risk threatens.' },
  { key: 'budget', label: 'Budget', aliases: [], appliesTo: ['feature', 'goal'], value: 'money: 12,500, 12.5k, 1.2m, EUR 900, €900', doc: 'What the feature or goal may cost; its planned cost (from the day rates) and spent money above it are reported. A plan sets it in its front matter.' },
  { key: 'cost', label: 'Cost', aliases: [], appliesTo: ['task'], value: 'money', doc: 'A fixed cost on top of labour (licences, travel, fees).' },
  { key: 'spent', label: 'Spent', aliases: ['actual cost'], appliesTo: ['task'], value: 'money', doc: 'The actual cost to date: the AC of earned value, compared with the budget.' },
  { key: 'metricBaseline', written: 'metric baseline', label: 'Metric baseline', aliases: [], appliesTo: ['goal', 'feature'], value: 'a number with an optional unit: 40%, 3d, 120 users', doc: 'Where the metric stood when the goal was set; progress is measured from here.' },
  { key: 'metricTarget', written: 'metric target', label: 'Metric target', aliases: [], appliesTo: ['goal', 'feature'], value: 'a number with the same unit', doc: 'Where the metric must get to (it may be below the baseline for metrics that must fall).' },
  { key: 'metricCurrent', written: 'metric current', label: 'Metric current', aliases: [], appliesTo: ['goal', 'feature'], value: 'a number with the same unit', doc: 'Where the metric stands now; a goal past its date short of its target is reported.' },
  { key: 'reach', label: 'Reach', aliases: [], appliesTo: ['feature'], value: 'a number', doc: 'RICE: how many people or events the feature reaches in a period.' },
  { key: 'confidence', label: 'Confidence', aliases: [], appliesTo: ['feature'], value: '0%–100%', doc: 'RICE: how sure the estimates are.' },
  { key: 'effort', label: 'Effort', aliases: [], appliesTo: ['feature'], value: 'person-weeks: 3, 2.5w', doc: 'RICE: the work it takes; without it, the feature\'s share of planned person-days ÷ 5.' },
];

const BY_KEY: ReadonlyMap<AttributeKey, AttributeDoc> = new Map(ATTRIBUTE_DOCS.map((d) => [d.key, d]));

export function attributeDoc(key: AttributeKey): AttributeDoc {
  return BY_KEY.get(key)!;
}

/** Keys of a plan document's front matter (a document without `id`). */
export const PLAN_KEYS: ReadonlyArray<{ key: string; doc: string }> = [
  { key: 'id', doc: 'Makes the whole document one item: FEAT-1, G-1, T-1…' },
  { key: 'title', doc: 'The document\'s title.' },
  { key: 'start', doc: 'The default start of the tasks defined in this plan (YYYY-MM-DD).' },
  { key: 'calendar', doc: 'This plan\'s calendar: `workdays` replace the project\'s, `holidays` are added to them.' },
  { key: 'budget', doc: 'What the tasks defined in this plan may cost (money: 40,000, 40k, EUR 40,000).' },
];

/** An item kind with its article, for messages: "a goal". */
export const KIND_LABEL: Readonly<Record<ItemKind, string>> = {
  goal: 'Goal', feature: 'Feature', task: 'Task', milestone: 'Milestone', risk: 'Risk', persona: 'Persona',
};

/** The Markdown documentation of a key, as shown in a hover or a completion. */
export function attributeMarkdown(doc: AttributeDoc): string {
  const aliases = doc.aliases.length ? ` (also: ${doc.aliases.map((a) => `\`${a}\``).join(', ')})` : '';
  const applies = doc.appliesTo.length === ALL.length ? 'all items' : doc.appliesTo.map((k) => `${k}s`).join(', ');
  return `**\`${doc.written ?? doc.key}\`**${aliases}\n\n${doc.doc}\n\n*Value:* ${doc.value} · *Applies to:* ${applies}`;
}
