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

/** Largest amount of money accepted (a budget, cost, spent figure or day rate): one quadrillion. Larger is `schema.invalid`: no plan is that big, and beyond it sums lose whole cents. */
export const MAX_MONEY = 1e15;

/** Largest absolute value of a goal metric (`metric baseline`, `target`, `current`) and of a RICE `reach` or `impact`; larger is `schema.invalid`. */
export const MAX_MEASURE = 1e15;

/** Largest RICE `effort`, in person-weeks; larger is `schema.invalid` (a thousand people for a year is not one feature). */
export const MAX_EFFORT_WEEKS = 100_000;

// ---------------------------------------------------------------------------------------
// Markdown structure

// ---------------------------------------------------------------------------------------
// Diagnostics and other output lists

/** Most related locations on a `budget.exceeded` or `budget.overspent` diagnostic: the tasks that cost (or spent) most. More would bury the message. */
export const MAX_BUDGET_RELATED = 5;

/** Most related locations on a `priority.inverted` diagnostic (the lower-priority features that end earlier); the message gives the total. */
export const MAX_PRIORITY_RELATED = 5;

/** Most overruns listed in the status report's budget section (plans, features and goals over budget, largest first). */
export const MAX_REPORT_OVERRUNS = 10;

