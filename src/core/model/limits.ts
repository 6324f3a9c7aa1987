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

/**
 * Deepest nesting of lists and block quotes read as Markdown. Nothing a planner writes nests
 * this deep; the CommonMark parser's cost and stack grow with the depth (a one-line list
 * `- - - …` 10,000 deep overflowed the stack after minutes). The line where the nesting goes
 * deeper gets `schema.invalid`, and what lies beyond that depth on it is not read as
 * Markdown (IDs in it are still found as mentions); the rest of the file is read as usual.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * Most characters of one line read as Markdown. Longer lines get `schema.invalid` and their
 * rest is not read as Markdown (IDs in it are still found as mentions): the parser's work on
 * a line grows with its length times the brackets and angle brackets in it.
 */
export const MAX_LINE_MARKDOWN_CHARS = 10_000;

/**
 * Most characters on one line that may open inline Markdown (`< [ ] ( ) ! \` * _ ~ &`) read as
 * Markdown. Each unclosed one makes the parser scan the rest of the line, so a line of
 * 200,000 `<` took minutes. Beyond this count the line gets `schema.invalid` and its rest is
 * not read as Markdown (IDs in it are still found as mentions).
 */
export const MAX_LINE_INLINE_MARKS = 500;

// ---------------------------------------------------------------------------------------
// Diagnostics and other output lists

