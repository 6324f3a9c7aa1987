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
    meaning: 'A value cannot be read as what its key requires: a date that is not `YYYY-MM-DD` or out of range, a duration that is not whole days or weeks, an unknown status, a percentage out of range, a link value with no ID, a key set twice on one item, a table ID cell that is no ID, or an unknown key or code in `.specline.yml`. Reported on the value.',
    why: 'A value that cannot be read is never silently ignored or guessed: the item behaves as if the attribute were missing, so its dates or status may be wrong until it is fixed.',
    fix: 'Write the value in the form the message names; the editor completes valid values for most keys.',
    suppress: 'Rarely right: the value stays unread.',
    example: '- [ ] T-1 SAML handshake\n  - start: next monday\n  - duration: 3 days',
  },
};
