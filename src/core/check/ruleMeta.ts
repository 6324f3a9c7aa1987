import type { Severity } from '../model/types.js';

/**
 * A rule's documentation, kept beside its check so that code, default level, docs and
 * config schema can never disagree: `npm run docs` generates docs/diagnostics.md, the
 * `rules` block of the config schema and the README's code list from these fields.
 * Each field is Markdown.
 */
export interface RuleDocs {
  /** What the code means: when exactly it is reported, and where (on which range). */
  meaning: string;
  /** Why it matters to the people who plan. */
  why: string;
  /** How to make it go away by fixing the plan. */
  fix: string;
  /** When silencing it is reasonable; the generated page adds the comment syntax itself. */
  suppress: string;
  /** False when no comment can reach the code's range (front matter): the page then shows only the config way. */
  suppressInline?: boolean;
  /** A small Markdown plan that reports the code (shown in a fenced block). */
  example: string;
  /**
   * For codes that compare with a baseline: the plan as committed at the baseline revision
   * `v1.0`. The example is then checked with `baseline: v1.0` against a git repository
   * holding this text at that tag.
   */
  baselineExample?: string;
  /** A `.specline.yml` the example needs (shown as a comment in it, written beside it when the example is run). */
  exampleConfig?: string;
  /** The example is saved as Latin-1, not UTF-8 (it shows a file that cannot be read as text). */
  exampleLatin1?: boolean;
}

/** One diagnostic code with everything the docs, the schema, SARIF and the editor say about it. */
export interface RuleMeta {
  /** Stable code, e.g. `id.duplicate`: never renamed once released. */
  code: string;
  defaultSeverity: Severity;
  /** One sentence, shown in the editor, in SARIF and in the config schema. */
  description: string;
  docs: RuleDocs;
}
