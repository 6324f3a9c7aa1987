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

/** Largest amount of money accepted (a budget, cost, spent figure or day rate): one quadrillion. Larger is `schema.invalid`: no plan is that big, and beyond it sums lose whole cents. */
export const MAX_MONEY = 1e15;

/** Largest absolute value of a goal metric (`metric baseline`, `target`, `current`) and of a RICE `reach` or `impact`; larger is `schema.invalid`. */
export const MAX_MEASURE = 1e15;

/** Largest RICE `effort`, in person-weeks; larger is `schema.invalid` (a thousand people for a year is not one feature). */
export const MAX_EFFORT_WEEKS = 100_000;

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

/**
 * Most other locations attached to one diagnostic as related information: the other
 * definitions of a duplicated ID, the other members of a dependency cycle, the other tasks
 * of an over-allocated owner. The closest ones come first (for over-allocation, the tasks
 * that overlap this task's over-allocated days); the message gives the full count.
 */
export const MAX_RELATED = 5;

/**
 * Most IDs, locations or days named in one diagnostic message. Beyond it the message
 * names the first ones and ends with the rest as a count: "also at a.md:3, b.md:9 and
 * 3,990 more", "… (3,000 tasks in the cycle)". Every message stays a line long, however
 * hostile the plan, so output grows linearly with the input.
 */
export const MAX_NAMED_IN_MESSAGE = 6;

/**
 * Most IDs read from one link list (`after:`, `features:`, `goals:`, …). The rest of a
 * longer list is ignored and the value gets `schema.invalid` ("lists 100,000 IDs; only
 * the first 1,000 are read"): no plan links one item to more, and every ID kept costs
 * work in scheduling, checks and the editor.
 */
export const MAX_IDS_PER_LIST = 1_000;
/**
 * Most problems the editor is given for one file (errors first, then warnings, then the
 * rest, each in the order found); one more line in the Problems panel says how many
 * further problems that file has and that `specline check` lists them all. VS Code shows
 * at most a thousand per file anyway, and handing it thousands at once holds the shared
 * extension host for hundreds of milliseconds while they are copied to the window.
 */
export const MAX_EDITOR_PROBLEMS_PER_FILE = 500;
/** Most related locations on a `budget.exceeded` or `budget.overspent` diagnostic: the tasks that cost (or spent) most. More would bury the message. */
export const MAX_BUDGET_RELATED = 5;

/** Most related locations on a `priority.inverted` diagnostic (the lower-priority features that end earlier); the message gives the total. */
export const MAX_PRIORITY_RELATED = 5;

/** Most overruns listed in the status report's budget section (plans, features and goals over budget, largest first). */
export const MAX_REPORT_OVERRUNS = 10;

/**
 * Most items whose new dates a drag's live ghost on the Gantt chart shows (the dragged one
 * first, then the rest by their new start); the label on the dragged bar counts the others
 * ("and 740 more move"). Outlines of a whole plan re-flowing tell no more than the first
 * couple of hundred, and each one is drawn again at every snapped step of the drag.
 */
export const MAX_GHOST_MOVES = 200;

/** Most warnings a drag's ghost names ("M-1 would be missed", "T-4 would start before T-3 ends"); the rest are counted. */
export const MAX_GHOST_WARNINGS = 3;


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
