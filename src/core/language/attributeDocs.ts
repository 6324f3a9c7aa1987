import type { AttributeKey, ItemKind } from '../model/types.js';

/** What a key means, for hovers and completions: docs/format.md#attributes in a planner's words. */
export interface AttributeDoc {
  key: AttributeKey;
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
  { key: 'impact', label: 'Impact', aliases: [], appliesTo: ['risk'], value: 'low, medium, high', doc: 'How bad it would be. A high-impact risk needs a mitigation.' },
  { key: 'mitigation', label: 'Mitigation', aliases: [], appliesTo: ['risk'], value: 'ID list → tasks, or text', doc: 'The tasks (or the plan, in words) that reduce the risk.' },
  { key: 'affects', label: 'Affects', aliases: [], appliesTo: ['risk'], value: 'ID list → any item', doc: 'The items the risk threatens.' },
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
];

/** An item kind with its article, for messages: "a goal". */
export const KIND_LABEL: Readonly<Record<ItemKind, string>> = {
  goal: 'Goal', feature: 'Feature', task: 'Task', milestone: 'Milestone', risk: 'Risk', persona: 'Persona',
};

/** The Markdown documentation of a key, as shown in a hover or a completion. */
export function attributeMarkdown(doc: AttributeDoc): string {
  const aliases = doc.aliases.length ? ` (also: ${doc.aliases.map((a) => `\`${a}\``).join(', ')})` : '';
  const applies = doc.appliesTo.length === ALL.length ? 'all items' : doc.appliesTo.map((k) => `${k}s`).join(', ');
  return `**\`${doc.key}\`**${aliases}\n\n${doc.doc}\n\n*Value:* ${doc.value} · *Applies to:* ${applies}`;
}
