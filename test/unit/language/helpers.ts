import type { Node as MdNode, Parent } from 'mdast';
import { parseMarkdown } from '../../../src/core/parse/markdownProcessor.js';
/**
 * Shared helpers for the language-feature tests: a realistic multi-file workspace, a
 * cursor marker, and an edit applier that re-parses the result.
 */
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { LineIndex } from '../../../src/core/model/lineIndex.js';
import type { Position, Range } from '../../../src/core/model/types.js';
import type { TextEdit } from '../../../src/core/language/types.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';

export const TODAY = '2027-01-04';

/** Analyses a set of files (paths relative to the workspace root). */
export async function analyzeFiles(files: Record<string, string>, today = TODAY): Promise<Analysis> {
  const ws = createWorkspace({ fs: memoryFileSystem({ ...files }), today: () => parseIsoDate(today)! });
  await ws.load();
  return ws.analyze();
}

/** The cursor marker in test texts. */
export const CURSOR = '‸';

/** Removes the cursor marker and returns the text and the position it marked. */
export function cursorAt(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor marker in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return { text, position: new LineIndex(text).position(offset) };
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(range.start), lines.offset(range.end));
}

/**
 * Applies edits to one file's text. Edits are applied from the end of the document to its
 * start whatever their order, and must not overlap.
 */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const lines = new LineIndex(text);
  const withOffsets = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < withOffsets.length; i++) assert.ok(withOffsets[i]!.end <= withOffsets[i - 1]!.start, 'edits overlap');
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies edits spread over several files. */
export function applyWorkspaceEdits(files: Record<string, string>, edits: readonly TextEdit[]): Record<string, string> {
  const out = { ...files };
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    assert.ok(out[file] !== undefined, `edit for a file that does not exist: ${file}`);
    out[file] = applyEdits(out[file]!, list);
  }
  return out;
}

/** Diagnostics of some codes, as `file:line code` strings (1-based lines) for readable asserts. */
export function problems(analysis: Analysis, ...codes: string[]): string[] {
  return analysis.diagnostics.filter((d) => codes.length === 0 || codes.includes(d.code)).map((d) => `${d.file}:${d.range.start.line + 1} ${d.code}`);
}

export const ROADMAP = `# Roadmap 2027

## G-1 Halve onboarding time
- horizon: 2027-Q1
- metric: days from sign-up to first commit
- owner: @ana

## G-2: Grow self-serve revenue
- horizon: 2027-H2
- priority: P1

## G-3 Reduce support tickets
- horizon: later
`;

export const SSO_SPEC = `---
id: FEAT-1
title: Single sign-on
goals: [G-1]
personas: [P-1]
status: approved
priority: must
owner: "@ana"
---
# Single sign-on

Admins configure SAML once; see T-2 for the handshake and G-2 for why it pays.
`;

export const FEATURES = `# Features

## FEAT-2 Guided onboarding checklist
- goals: G-1, G-3
- priority: should

## FEAT-3 Usage-based billing

Bill customers by usage, to grow self-serve revenue.

| ID | Title | Goals | Priority |
|---|---|---|---|
| FEAT-4 | Invoice export | G-2 | could |
| FEAT-5 | Tax \\| VAT rules |  | could |
`;

export const PLAN = `---
title: Q1 plan
start: 2027-01-04
---
# Q1 plan

## Milestones

- M-1 Beta
  - date: 2027-01-15
  - after: T-2

## Tasks

- [x] T-1 Design the SSO flow
  - features: FEAT-1
  - duration: 3d
  - owner: @ana
- [ ] T-2 SAML handshake
  - features: FEAT-1
  - after: T-1
  - duration: 5d
  - owner: @bo
- [ ] T-3 Checklist UI
  - features: FEAT-2
  - after: T-1
  - duration: 2w
  - owner: @ana
`;

export const BILLING_PLAN = `# Billing plan

| ID | Task | Features | Depends on | Duration | Owner |
|---|---|---|---|---|---|
| T-10 | Usage meter | FEAT-4 |  | 4d | @cy |
| T-11 | Invoice PDF | FEAT-4 | T-10 | 3d | @cy |
`;

export const PERSONAS = `# Personas

- P-1 Admin Alice
- P-2 Developer Dan
`;

/** The standard workspace: a roadmap, two spec files, a list plan, a table plan and personas. */
export function workspaceFiles(): Record<string, string> {
  return {
    '.specline.yml': 'start: 2027-01-04\n',
    'roadmap.md': ROADMAP,
    'specs/sso.md': SSO_SPEC,
    'specs/features.md': FEATURES,
    'plan.md': PLAN,
    'billing-plan.md': BILLING_PLAN,
    'personas.md': PERSONAS,
  };
}

/** Every node type in a Markdown tree, and the text a reader would see. */
export function renderedMarkdown(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  let text = '';
  const walk = (node: MdNode): void => {
    types.add(node.type);
    if ('value' in node && typeof node.value === 'string') text += node.value;
    for (const child of (node as Parent).children ?? []) walk(child);
  };
  walk(parseMarkdown(markdown));
  return { types, text };
}
