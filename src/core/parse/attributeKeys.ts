import type { AttributeKey, ItemKind, LinkKey } from '../model/types.js';

/** Written key (normalised) → canonical key. docs/format.md#attributes, aliases included. */
const ALIASES: Record<string, AttributeKey> = {
  title: 'title', name: 'title', task: 'title', risk: 'title', summary: 'title',
  goals: 'goals', goal: 'goals',
  features: 'features', feature: 'features', implements: 'features', delivers: 'features',
  after: 'after', depends: 'after', 'depends on': 'after', predecessors: 'after',
  milestone: 'milestone',
  start: 'start',
  end: 'end', due: 'end', finish: 'end',
  date: 'date',
  duration: 'duration', estimate: 'duration', length: 'duration',
  owner: 'owner', owners: 'owner', assignee: 'owner',
  allocation: 'allocation',
  status: 'status',
  progress: 'progress',
  priority: 'priority',
  horizon: 'horizon',
  target: 'target',
  metric: 'metric',
  personas: 'personas', persona: 'personas',
  probability: 'probability',
  impact: 'impact',
  mitigation: 'mitigation',
  affects: 'affects',
  budget: 'budget',
  cost: 'cost',
  spent: 'spent', 'actual cost': 'spent',
  'metric baseline': 'metricBaseline',
  'metric target': 'metricTarget',
  'metric current': 'metricCurrent',
  reach: 'reach',
  confidence: 'confidence',
  effort: 'effort',
};

/** Keys are case-insensitive and `-`, `_` and spaces are equivalent (docs/format.md#attributes). */
export function normalizeKey(written: string): string {
  return written.trim().toLowerCase().replace(/[-_\s]+/g, ' ');
}

/** The canonical attribute for a written key, or undefined for a custom field. */
export function attributeKey(written: string): AttributeKey | undefined {
  // A workspace writes a handful of keys thousands of times: remember each spelling's answer.
  const known = KEY_OF.get(written);
  if (known !== undefined || KEY_OF.has(written)) return known;
  const key = normalizeKey(written);
  const result = Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
  if (written.length <= MAX_REMEMBERED_KEY) {
    if (KEY_OF.size >= MAX_REMEMBERED_KEYS) KEY_OF.clear();
    KEY_OF.set(written, result);
  }
  return result;
}

/** Spellings remembered by attributeKey: bounded, so a file of random keys cannot grow it without end. */
const KEY_OF = new Map<string, AttributeKey | undefined>();
const MAX_REMEMBERED_KEYS = 1024;
const MAX_REMEMBERED_KEY = 64;

/** Which kinds a link may point at; undefined: any kind. */
export const LINK_TARGETS: Record<LinkKey, readonly ItemKind[] | undefined> = {
  goals: ['goal'],
  features: ['feature'],
  after: ['task', 'milestone'],
  milestone: ['milestone'],
  personas: ['persona'],
  mitigation: ['task'],
  affects: undefined,
};

export const LINK_KEYS: readonly LinkKey[] = ['goals', 'features', 'after', 'milestone', 'personas', 'mitigation', 'affects'];

export function isLinkKey(key: AttributeKey): key is LinkKey {
  return (LINK_KEYS as readonly string[]).includes(key);
}
