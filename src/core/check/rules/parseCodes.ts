import type { RuleMeta } from '../ruleMeta.js';

// Codes reported while parsing a file or the config, not by a cross-file rule: their
// checks live in core/parse and core/config, their documentation here with the others.

/** Documentation of `schema.yaml`, reported while parsing a file; see ruleMeta.ts. */
export const schemaYamlMeta: RuleMeta = {
  code: 'schema.yaml',
  defaultSeverity: 'error',
  description: 'Front matter is not valid YAML.',
  docs: {
    meaning: 'The front matter between the `---` lines does not parse as YAML, is not a mapping, repeats a key, or nests or aliases beyond the limits. Only the first syntax error is reported: later ones are usually its echoes.',
    why: 'The front matter is where a document item keeps its ID and attributes, and where a plan keeps its start and calendar. Broken front matter means the item or the plan settings are lost until it is fixed.',
    fix: 'Correct the YAML at the position shown: a missing space after `:`, a tab, an unclosed quote or bracket, or a key written twice.',
    suppress: 'A comment cannot stand before front matter, so this code can only be turned off for the whole workspace, which also hides real breakage.',
    suppressInline: false,
    example: '---\nid: FEAT-1\ngoals: [G-1\n---\n\n# Single sign-on',
  },
};

/** Documentation of `schema.invalid`, reported while parsing a file or the config; see ruleMeta.ts. */
export const schemaInvalidMeta: RuleMeta = {
  code: 'schema.invalid',
  defaultSeverity: 'error',
  description: 'A value does not fit its key (date, duration, status, …).',
  docs: {
    meaning: 'A value cannot be read as what its key requires: a date that is not `YYYY-MM-DD` or out of range, a duration that is not whole days or weeks, an unknown status, a percentage out of range, a link value with no ID, a key set twice on one item, a table ID cell that is no ID, or an unknown key or code in `.specline.yml`. Reported on the value. Also reported on a line the Markdown parser reads only in part: lists and block quotes nested deeper than 32 levels, a line longer than 10,000 characters, or a line with more than 500 inline marks (`< > [ ] ( ) ! \\` * _ ~ &`). The range starts where reading stops; the rest of the file is read as usual, and IDs on that line are still found for navigation.',
    why: 'A value that cannot be read is never silently ignored or guessed: the item behaves as if the attribute were missing, so its dates or status may be wrong until it is fixed.',
    fix: 'Write the value in the form the message names; the editor completes valid values for most keys.',
    suppress: 'Rarely right: the value stays unread.',
    example: '- [ ] T-1 SAML handshake\n  - start: next monday\n  - duration: 3 days',
  },
};

/** Documentation of `file.skipped`, reported while reading the workspace; see ruleMeta.ts. */
export const fileSkippedMeta: RuleMeta = {
  code: 'file.skipped',
  defaultSeverity: 'warning',
  description: 'A file in scope could not be read (encoding, size, permissions, not a regular file); the message says why.',
  docs: {
    meaning: 'A file that include/exclude take in was not read, and the message says why: `not UTF-8 (invalid byte 0xE9 at offset 12)` (UTF-16 is named by its byte order mark), `contains a NUL byte`, `larger than 2 MB (3,412 KB)`, `not a regular file (FIFO)` (or socket, device), `broken symbolic link`, `symbolic link to a file outside the workspace` (unless `follow-links: true`), `permission denied`, or `folder not listed` for a folder that could not be read (reported on the folder\'s path). It sits at 1:1 of the file, and the file still counts in `summary.files`. When another file links to an ID that appears in the skipped file\'s bytes, that `ref.unknown` says so and points at the skipped file. On `.specline.yml` itself the same problems are a configuration error instead: the CLI exits 2 with the reason, and the editor shows it on the file.',
    why: 'A file that is silently left out makes its items vanish: links to them turn into misleading `ref.unknown` problems, and a check that says "no problems" has not looked at everything.',
    fix: 'Save the file as UTF-8, split or shrink it, fix its permissions or the link, or exclude it in `.specline.yml` when it is not a plan.',
    suppress: 'Exclude the file (`exclude:` in `.specline.yml`) rather than silencing the code; the file was not read, so a comment in it cannot reach this code.',
    suppressInline: false,
    example: '# Café notes\n\n- [ ] T-1 Order beans',
    exampleLatin1: true,
  },
};
