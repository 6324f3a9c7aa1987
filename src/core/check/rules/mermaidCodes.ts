import type { RuleMeta } from '../ruleMeta.js';

// The codes the mermaid gantt reader reports while parsing (src/core/mermaid/lintGantt.ts
// and readGantt.ts); their checks live there, their documentation here with the others.
// What mermaid accepts but gets wrong is reported with the usual codes on the offending
// value: an `after`/`until` id no task of the chart defines (`ref.unknown`), a date that
// does not match `dateFormat` or a duration mermaid cannot read (`schema.invalid`), an id
// defined twice (`id.duplicate`), a loop of `after`/`until` ids (`schedule.cycle`).

const chart = (...lines: string[]): string => ['~~~mermaid', 'gantt', ...lines.map((l) => `    ${l}`), '~~~'].join('\n');

/** Documentation of `mermaid.syntax`; see ruleMeta.ts. */
export const mermaidSyntaxMeta: RuleMeta = {
  code: 'mermaid.syntax',
  defaultSeverity: 'error',
  description: 'A line of a mermaid gantt chart that mermaid rejects: the chart is not drawn.',
  docs: {
    meaning: 'A line of a mermaid gantt chart that mermaid rejects, so the chart is not drawn at all: a line without a colon that is no statement (`Orders by Producer`), text after a value that mermaid cut at `#` or `;` (`excludes weekends # no Saturdays`), a task whose first line has only a duration (nothing to follow), a task with more than three items after its tags (a misspelled tag such as `avtive` becomes one), `topAxis`, or a mermaid front matter whose `---` is indented. Reported on the line.',
    why: 'A chart that does not render shows an error box on GitHub and in every preview; the schedule it holds is lost to everyone who reads it.',
    fix: 'Write the line as mermaid expects: `Title :id, start, duration` for tasks, a known keyword for statements, `%%` for comments.',
    suppress: 'Never: the chart is broken for everyone who views it.',
    example: chart('dateFormat YYYY-MM-DD', 'Orders by Producer', 'Build :a1, 2027-01-04, 3d'),
  },
};

/** Documentation of `mermaid.date-format-mismatch`; see ruleMeta.ts. */
export const mermaidDateFormatMismatchMeta: RuleMeta = {
  code: 'mermaid.date-format-mismatch',
  defaultSeverity: 'warning',
  description: 'Dates of a mermaid gantt chart do not follow its dateFormat.',
  docs: {
    meaning: 'Dates written in a mermaid gantt chart do not follow its `dateFormat` (`dateFormat DD-MM-YYYY` with `2027-01-04`). mermaid then falls back to the browser\'s date parser for start dates and reads end dates as no length at all; each such value is also `schema.invalid`. Reported on the `dateFormat` value.',
    why: 'The chart draws, but its bars sit on other days than the ones written, and nobody is told.',
    fix: 'Make `dateFormat` say how the dates are written (usually `YYYY-MM-DD`), or rewrite the dates.',
    suppress: 'Rarely right: the bars are where mermaid guessed, not where you wrote.',
    example: chart('dateFormat DD-MM-YYYY', 'Build :a1, 2027-01-04, 3d'),
  },
};

/** Documentation of `mermaid.date-format-twice`; see ruleMeta.ts. */
export const mermaidDateFormatTwiceMeta: RuleMeta = {
  code: 'mermaid.date-format-twice',
  defaultSeverity: 'warning',
  description: 'A mermaid gantt chart gives dateFormat more than once; the last one wins.',
  docs: {
    meaning: 'A mermaid gantt chart gives `dateFormat` more than once. mermaid uses the last one for every date of the chart, also those written above it. Reported on each later `dateFormat`.',
    why: 'The first `dateFormat` looks as if it applied to the dates under it, and it does not.',
    fix: 'Keep one `dateFormat` line, at the top of the chart.',
    suppress: 'When both lines say the same; deleting one is simpler.',
    example: chart('dateFormat YYYY-MM-DD', 'Build :a1, 2027-01-04, 3d', 'dateFormat YYYY-MM-DD', 'Test :a2, after a1, 2d'),
  },
};

/** Documentation of `mermaid.excluded-only`; see ruleMeta.ts. */
export const mermaidExcludedOnlyMeta: RuleMeta = {
  code: 'mermaid.excluded-only',
  defaultSeverity: 'warning',
  description: 'A bar of a mermaid gantt chart covers only excluded days.',
  docs: {
    meaning: 'Every day of a bar of a mermaid gantt chart is excluded (`excludes` weekends, weekday names or dates): the task is drawn but has no working day. Reported on the task\'s line.',
    why: 'A task scheduled on a weekend or holiday only is almost always a wrong date.',
    fix: 'Move the task to working days, or remove the day from `excludes` if the team does work then.',
    suppress: 'For work that really happens on excluded days, such as a weekend cut-over.',
    example: chart('dateFormat YYYY-MM-DD', 'excludes weekends', 'Cut-over :a1, 2027-01-09, 2027-01-10'),
  },
};

/** Documentation of `mermaid.hash-comment`; see ruleMeta.ts. */
export const mermaidHashCommentMeta: RuleMeta = {
  code: 'mermaid.hash-comment',
  defaultSeverity: 'warning',
  description: 'A mermaid gantt line starting with # is drawn as a task, not read as a comment.',
  docs: {
    meaning: 'A line of a mermaid gantt chart starts with `#`. mermaid has no `#` comments: the line is drawn as a task whose title starts with `#`. Reported on the line.',
    why: 'Work meant to be commented out shows up in the chart and in the schedule.',
    fix: 'Comment the line out with `%%`.',
    suppress: 'When a title really starts with `#` (an issue number, say); `No. 12` reads better.',
    example: chart('dateFormat YYYY-MM-DD', 'Build :a1, 2027-01-04, 3d', '# Old plan :a2, 2027-01-04, 5d'),
  },
};

/** Documentation of `mermaid.colon-in-title`; see ruleMeta.ts. */
export const mermaidColonInTitleMeta: RuleMeta = {
  code: 'mermaid.colon-in-title',
  defaultSeverity: 'warning',
  description: "A colon inside a mermaid task's title shifts its fields.",
  docs: {
    meaning: 'A task title of a mermaid gantt chart contains a colon (`CRITICAL FREEZE: NO EDITS :crit, 2027-01-04, 3d`). The title ends at the first colon, so the rest of it becomes the task\'s id, start or end and shifts the real ones. Reported on the field that holds the moved text.',
    why: 'The bar is drawn with a cut title and wrong dates, silently.',
    fix: 'Take the colon out of the title (a dash reads as well).',
    suppress: 'Never: the fields are read wrongly.',
    example: chart('dateFormat YYYY-MM-DD', 'CRITICAL FREEZE: NO EDITS :crit, 2027-01-04, 3d'),
  },
};
