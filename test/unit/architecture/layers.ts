/**
 * The direction every import in `src/` may take, in one place. docs/architecture.md#layers
 * explains it and `imports.test.ts` enforces it (and that the document lists the same order).
 */

/**
 * The folders of `src/core`, lowest first. A core file may import files of its own folder and
 * of the folders listed before it, never after: so the folders can form no cycle, and a
 * shared type or helper lives in the lowest folder that needs it.
 */
export const CORE_LAYERS: readonly string[] = [
  'model', // shared types (items, diagnostics, config, costs), limits, dates, IDs, value schemas
  'yaml', // bounded YAML reading, and the readers config and front matter share
  'schedule', // the scheduler: a plain task graph in, dates out
  'mermaid', // mermaid Gantt blocks read as plan items
  'parse', // one file's text → its items, references and suppressions
  'analysis', // the Analysis type: the finished snapshot every consumer reads
  'cost', // cost roll-ups, money and metric progress
  'baseline', // the baseline a schedule is compared against
  'check', // the rules, their metas and the catalog
  'config', // `.specline.yml`: read and validated (rule codes against the catalog)
  'analyzer', // files → index → schedule → cost → checks: produces an Analysis
  'convert', // a mermaid chart as a plan table (schedules its result with the analyzer)
  'workspace', // a folder of files, its config and its (incremental) analysis
  'live', // the live index: debounce, generations, disk reconcile, analysis in slices
  'render', // an analysis as text, Markdown, CSV, SVG and HTML
  'report', // the status report
  'language', // language features (hover, completion, rename, …) over an analysis
  'views', // the preview pages and fenced blocks
  'edit', // the smallest text edits that change a task (the Gantt chart's drag edits)
];

/**
 * The parts of `src/` and the other parts each may import. The core depends on nothing
 * outside itself; the Node adapters serve both the CLI and the extension; neither of those
 * two imports the other.
 */
export const PART_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  node: ['core'],
  cli: ['core', 'node'],
  extension: ['core', 'node'],
  webview: ['core'],
  'api.ts': ['core', 'node'],
};
