import assert from 'node:assert/strict';
import type { Diagnostic, Range } from '../../../src/core/model/types.js';
import { LineIndex } from '../../../src/core/model/lineIndex.js';

/** Output budget per input: diagnostics JSON ≤ this many bytes per input byte, plus a constant. */
export const OUTPUT_BYTES_PER_INPUT_BYTE = 60;
export const OUTPUT_BYTES_CONSTANT = 20_000;

/** Every diagnostic's range and related range lies inside its document. */
export function assertRangesInside(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): void {
  const indexes = new Map<string, LineIndex>();
  const inside = (file: string, range: Range, what: string): void => {
    const text = texts.get(file);
    if (text === undefined) return; // the config file, or a file the test did not write
    let lines = indexes.get(file);
    if (!lines) indexes.set(file, (lines = new LineIndex(text)));
    for (const p of [range.start, range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside ${file} (${lines.lineCount} lines)`);
      const length = lines.lineText(p.line).length;
      assert.ok(p.character >= 0 && p.character <= length, `${what}: character ${p.character} outside line ${p.line} of ${file} (${length} long)`);
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: range ends before it starts`);
  };
  for (const d of diagnostics) {
    inside(d.file, d.range, `${d.code} "${d.message}"`);
    for (const r of d.related) inside(r.file, r.range, `related of ${d.code}`);
  }
}

/** No diagnostic says that the parser broke (the one parseFile gives when something threw inside it). */
export function assertNoInternalError(diagnostics: readonly Diagnostic[]): void {
  const broken = diagnostics.find((d) => d.message.startsWith('Specline could not read this file'));
  assert.equal(broken, undefined, broken?.message);
}

/** The diagnostics JSON stays within the output budget for this many input bytes. */
export function assertOutputBudget(diagnostics: readonly Diagnostic[], inputBytes: number): number {
  const size = Buffer.byteLength(JSON.stringify(diagnostics));
  assert.ok(size <= OUTPUT_BYTES_PER_INPUT_BYTE * inputBytes + OUTPUT_BYTES_CONSTANT, `${size} bytes of diagnostics for ${inputBytes} bytes of input`);
  return size;
}
