import type { Analysis } from '../analysis/types.js';
import { formatDate } from '../model/dates.js';
import type { GanttModelOptions, GanttRow } from './ganttModel.js';
import { buildGanttModel, safeIds } from './ganttModel.js';
import { mermaidLineStart, mermaidText } from './mermaidText.js';
import { displayId } from '../mermaid/localId.js';

/** Options of {@link renderMermaidGantt}. */
export interface MermaidGanttOptions extends GanttModelOptions {
  /** Chart title (user text: sanitised like every other label). */
  title?: string;
}

/** Longest task label, in code points: mermaid does not wrap gantt labels. */
const LABEL_MAX = 80;
const SECTION_MAX = 80;
const INDENT = '    ';

/**
 * A mermaid `gantt` diagram of the scheduled tasks and milestones.
 *
 * Date logic never goes to mermaid: every bar gets an explicit start *and* end date,
 * never `after x` or a duration, because mermaid's own scheduler silently turns unknown
 * references into "today" and knows nothing of our calendar. Mermaid treats the end date
 * as exclusive (mermaid-js/mermaid#868: a task from June 1 to June 3 must be written
 * `2019-06-01, 2019-06-04`; `inclusiveEndDates` changes that but is a global switch older
 * renderers ignore), while docs/format.md#scheduling makes a task's end the last day it occupies. So the
 * end we write is the day after our end: a Mon–Wed task is written `Mon, Thu`. A milestone
 * on day D is written `D, D+1`, which makes mermaid centre the diamond inside day D, the
 * same way our own SVG draws it.
 *
 * `excludes weekends` is never emitted: with explicit end dates it adds nothing but
 * shading, several mermaid versions extend such bars by the excluded days (e.g.
 * mermaid-js/mermaid#5946, #6794), and it cannot express custom workdays or holidays. A
 * task spanning a weekend is drawn across it, which is what it occupies on the calendar.
 *
 * Security: user text only ever appears after a statement keyword (`title`, `section`) or
 * as a task label that starts with the item's ID; it is passed through `mermaidText`,
 * which removes everything mermaid's lexer reacts to (see `mermaidText.ts`). Task ids are
 * generated (`t0`, `t1`…), never user text. No `click`, `call` or `href` is ever written.
 * Unscheduled items are listed in a trailing comment by ID only, and only IDs that match
 * the ID grammar (`[A-Z][A-Z0-9]*-\d+(\.\d+)*`) are printed.
 */
export function renderMermaidGantt(analysis: Analysis, options: MermaidGanttOptions = {}): string {
  const model = buildGanttModel(analysis, options);
  const lines: string[] = ['gantt', `${INDENT}dateFormat YYYY-MM-DD`];
  if (options.title !== undefined) {
    const title = mermaidText(options.title, LABEL_MAX, '');
    if (title) lines.push(`${INDENT}title ${title}`);
  }

  let next = 0;
  for (const section of model.sections) {
    lines.push(`${INDENT}section ${mermaidText(section.label, SECTION_MAX)}`);
    for (const row of section.rows) lines.push(`${INDENT}${INDENT}${taskLine(row, `t${next++}`)}`);
  }

  const unscheduled = safeIds(model.unscheduled.map((u) => u.id));
  if (unscheduled.length > 0) lines.push(`${INDENT}%% unscheduled: ${unscheduled.join(', ')}`);
  return lines.join('\n') + '\n';
}

function taskLine(row: GanttRow, mermaidId: string): string {
  const label = mermaidLineStart(`${displayId(row.id)} ${row.item.title}`, LABEL_MAX, displayId(row.id));
  const tags: string[] = [];
  if (row.critical) tags.push('crit');
  if (row.status === 'done') tags.push('done');
  else if (row.status === 'in-progress') tags.push('active');
  if (row.kind === 'milestone') tags.push('milestone');
  const data = [...tags, mermaidId, formatDate(row.start), formatDate(row.end + 1)];
  return `${label} :${data.join(', ')}`;
}
