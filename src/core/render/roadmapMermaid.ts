import { mermaidLineStart, mermaidText } from './mermaidText.js';
import { cardTitle, laneTitle } from './roadmapLabels.js';
import type { RoadmapModel } from './roadmapModel.js';
import { cardsByColumn } from './roadmapModel.js';
import { percent } from './text.js';

/**
 * Mermaid `timeline`: one section per column, one period per lane with features in it,
 * the features as events. Every line starts with a keyword we write (`timeline`, `title`,
 * `section`) or with an item ID / "Untraced", and all user text goes through
 * `mermaidText` (see mermaidText.ts for what it neutralises).
 */
export function roadmapMermaid(model: RoadmapModel, title: string | undefined): string {
  const lines = ['timeline'];
  const t = mermaidText(title, 80, '');
  lines.push(`    title ${t || 'Roadmap'}`);
  const grouped = model.lanes.map(cardsByColumn);
  for (const col of model.columns) {
    const periods: string[] = [];
    for (const [i, lane] of model.lanes.entries()) {
      const cards = grouped[i].get(col.key) ?? [];
      if (cards.length === 0 && lane.column !== col.key) continue;
      const period = mermaidLineStart(laneTitle(lane), 60);
      const events = cards.map((c) => {
        const facts = [c.health.label.toLowerCase()];
        if (c.progress !== undefined) facts.push(`${percent(c.progress)}٪`);
        return mermaidText(`${c.id} ${cardTitle(c)}`, 60) + ` (${facts.join(', ')})`;
      });
      periods.push(`        ${[period, ...events].join(' : ')}`);
    }
    if (periods.length === 0) continue;
    lines.push(`    section ${mermaidText(col.label, 40)}`);
    lines.push(...periods);
  }
  return lines.join('\n') + '\n';
}
