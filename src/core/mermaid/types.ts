/** A mermaid gantt chart as read from Markdown: statements and task lines with their exact places. */

/** Where a piece of text sits: zero-based document line and UTF-16 characters, end exclusive. */
export interface Span {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** A task line: `title :tags, id, start, end`. */
export interface GanttTaskLine {
  title: Span;
  /** The section the line is in ('' before the first `section`). */
  section: string;
  /** The comma-separated items after the colon, each trimmed, with their spans (tags first). */
  items: Span[];
  /** The tags found at the front of the items, in mermaid's way (only leading items are tags). */
  tags: Set<string>;
  /** The items after the tags: [end], [start, end] or [id, start, end]; more means mermaid cannot draw the chart. */
  data: Span[];
  /** The whole line (for diagnostics about the line). */
  line: Span;
}

/** A statement line other than a task (`dateFormat`, `excludes`, `section`, …). */
export interface GanttStatement {
  keyword: string;
  value: Span;
  line: Span;
}

export interface GanttChart {
  /** Line of the `gantt` keyword. */
  ganttLine: number;
  /** Lines of the chart's content (after `gantt`) up to the closing fence, exclusive. */
  endLine: number;
  statements: GanttStatement[];
  tasks: GanttTaskLine[];
  /** Lines mermaid's parser rejects: the chart is not drawn at all. */
  syntaxErrors: Array<{ span: Span; message: string }>;
  /** Lines mermaid reads as task text but that look meant as something else (`# comment`). */
  hashLines: Span[];
}
