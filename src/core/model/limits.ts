// Every bound Specline puts on the work one input can cause, in one place.
//
// A plan is a small thing written by people; anything far beyond these bounds is broken or
// hostile, and the answer is a plain diagnostic on it, never a stall of the editor or an
// output that grows faster than the input. Each constant's doc comment is its documentation:
// `scripts/docs/reliability.mjs` copies them into docs/reliability.md, and a test per bound
// feeds an input just beyond it.

// ---------------------------------------------------------------------------------------
// Files and configuration

/** Largest Markdown file read, in bytes. Larger files get `file.skipped`: no plan is this big, and parsing it would stall. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Largest `.specline.yml`, in bytes. A larger one (or one that never ends, like `/dev/zero`) is a configuration error. */
export const MAX_CONFIG_BYTES = 256 * 1024;

// ---------------------------------------------------------------------------------------
// Front matter and YAML

/** Deepest YAML nesting in front matter or the config; deeper is a `schema.yaml` problem, not a stack overflow. */
export const MAX_YAML_DEPTH = 64;

/** Most YAML aliases in one document, which keeps alias expansion ("billion laughs") out of reach. */
export const MAX_YAML_ALIASES = 100;

// ---------------------------------------------------------------------------------------
// Values

/** Longest duration accepted, in calendar days; longer is `schema.invalid` ("implausibly long"). */
export const MAX_DURATION_DAYS = 10_000;

// ---------------------------------------------------------------------------------------
// Markdown structure

// ---------------------------------------------------------------------------------------
// Diagnostics and other output lists


// ---------------------------------------------------------------------------------------
// Mermaid gantt charts

/** Passes over a mermaid gantt chart's tasks when computing dates: mermaid's own count (one, then up to ten more while some task has no dates yet), so that references to later lines settle exactly as far as mermaid lets them. */
export const MAX_GANTT_PASSES = 11;

/** Longest bar, in days, whose excluded days are walked one by one (mermaid walks any length). Beyond it a bar keeps the end written, without the days `excludes` would add. */
export const MAX_GANTT_SPAN_DAYS = 100_000;

/** Most days walked for `excludes` in one mermaid gantt chart, over all its bars and passes. Past it, later ends ignore `excludes`, and the `excludes` line says so (`schema.invalid`); a real chart walks a few thousand. */
export const MAX_GANTT_EXCLUDE_WALK = 200_000;

/** Days searched from each end of a mermaid bar for its first and last day that `excludes` leaves (a bar further out is "only excluded days"). */
export const MAX_GANTT_EDGE_SEARCH_DAYS = 1_000;
