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

/**
 * Bytes of a skipped file (not UTF-8, a NUL, too large) kept as Latin-1 text, so a
 * `ref.unknown` elsewhere can say "T-5 may be defined in notes.md, which was skipped".
 * IDs near the start are what such a hint needs; the rest of a huge file is never kept.
 */
export const MAX_SKIPPED_SCAN_BYTES = 2 * 1024 * 1024;

/** Skipped files named by one `ref.unknown` hint (message and related information); more add nothing to act on. */
export const MAX_SKIPPED_HINTS = 3;

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

