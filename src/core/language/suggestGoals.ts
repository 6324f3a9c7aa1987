import type { Analysis } from '../analysis/types.js';
import { LineIndex } from '../model/lineIndex.js';
import type { Item } from '../model/types.js';
import { itemsOfKind } from './analysisIndex.js';

export interface GoalSuggestion {
  id: string;
  title: string;
  /** Overlap score: shared words, those in the feature's title counting double. 0: no overlap. */
  score: number;
  /** The shared words (stemmed), for the quick pick's detail. */
  shared: string[];
}

/**
 * Goals a feature probably serves, for "Add a goal" on `trace.feature-no-goal`: ranked by
 * how many words of the goal's title and metric appear in the feature's title (double
 * weight) or prose, then by horizon (now, dated horizons by their end, next, later, none),
 * then by ID. Goals with no overlap follow the others, so the list still offers a choice;
 * dropped goals and goals the feature already names are left out.
 *
 * @param text the feature's document text, to read its prose (its title is used without it)
 */
export function suggestGoals(analysis: Analysis, featureId: string, max = 5, text?: string): GoalSuggestion[] {
  const feature = analysis.items.get(featureId);
  if (!feature || feature.kind !== 'feature') return [];
  const titleWords = words(feature.title);
  const proseWords = new Set([...words(text !== undefined ? itemText(feature, text) : ''), ...words(Object.values(feature.custom).join(' '))]);
  const linked = new Set((feature.links.goals ?? []).map((r) => r.id));
  const ranked = itemsOfKind(analysis, 'goal')
    .filter((g) => !linked.has(g.id) && g.status !== 'dropped')
    .map((g, order) => {
      const shared: string[] = [];
      let score = 0;
      for (const w of words(`${g.title} ${g.metric ?? ''}`)) {
        const weight = titleWords.has(w) ? 2 : proseWords.has(w) ? 1 : 0;
        if (weight) { score += weight; shared.push(w); }
      }
      return { goal: g, score, shared, order };
    });
  ranked.sort((a, b) => b.score - a.score || horizonKey(a.goal) - horizonKey(b.goal) || a.order - b.order);
  return ranked.slice(0, Math.max(0, max)).map((r) => ({ id: r.goal.id, title: r.goal.title, score: r.score, shared: r.shared }));
}

/** now first, then dated horizons by their last day, then next, later, and goals without one. */
function horizonKey(goal: Item): number {
  const h = goal.horizon;
  if (!h) return 4e9;
  if (h.bucket === 'now') return -1;
  if (h.bucket === 'next') return 1e9;
  if (h.bucket === 'later') return 2e9;
  return h.end ?? 3e9;
}

/** The source text of an item (its whole document for a document item), without front matter. */
function itemText(item: Item, text: string): string {
  const lines = new LineIndex(text);
  const body = text.slice(lines.offset(item.range.start), lines.offset(item.range.end));
  return body.replace(/^---[\s\S]*?\n---/, '');
}

/** Words too common to say anything about what a goal or feature is about. */
const STOP_WORDS = new Set(('the and for with from into that this these those our your their its are was were will can could should would must '
  + 'not but all any per via use using have has had more less than then when what which who how why where out off over under '
  + 'new get set make made goal goals feature features task tasks user users').split(' '));

/** Lower-case word stems of 3+ letters, without stop words: `Onboarding times` → onboard, time. */
export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 3 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) continue;
    out.add(stem(raw));
  }
  return out;
}

/** A light suffix stripper: enough for "sign-ins"/"sign-in", "onboarding"/"onboard", "processes"/"process". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
