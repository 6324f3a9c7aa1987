import { formatMoney } from '../cost/formatMoney.js';
import type { RoadmapCard, RoadmapLane, RoadmapModel } from './roadmapModel.js';
import { cleanLine } from './text.js';

/** A lane's name in plain text: the goal's ID and title, or "Untraced". */
export function laneTitle(lane: RoadmapLane): string {
  return lane.goal ? `${lane.goal.id} ${cleanLine(lane.goal.title)}`.trimEnd() : 'Untraced';
}

/** The label of the column with this key; empty when there is none. */
export function columnLabel(model: RoadmapModel, key: string | undefined): string {
  return model.columns.find((c) => c.key === key)?.label ?? '';
}

/** A RICE score as written on a card: thousands separated, at most 2 decimals. */
export function formatScore(score: number): string {
  return formatMoney(score);
}

/** A card's title in plain text (one line). */
export function cardTitle(card: RoadmapCard): string {
  return cleanLine(card.item?.title);
}
