import type { Position, Range } from './types.js';

/**
 * Offset ↔ position conversion for one text. Lines break at `\n`, `\r\n` or `\r`, as in
 * VS Code; characters are UTF-16 code units, as in JS strings, LSP and SARIF's default.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual case, found with indexOf (native and vectorised) instead of a loop over every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset just past the line's text, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Every line's text, without line breaks: `lineText` of each line, in one pass. */
  lineTexts(): string[] {
    if (!this.text.includes('\r')) return this.text.split('\n');
    const out: string[] = new Array(this.starts.length);
    for (let i = 0; i < this.starts.length; i++) out[i] = this.lineText(i);
    return out;
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line]! };
  }

  range(start: number, end: number): Range {
    const from = this.position(start);
    // Most ranges end on the line they start on: look there before searching again.
    const e = Math.max(0, Math.min(end, this.text.length));
    const next = this.starts[from.line + 1];
    if (e >= this.starts[from.line]! && (next === undefined || e < next)) return { start: from, end: { line: from.line, character: e - this.starts[from.line]! } };
    return { start: from, end: this.position(end) };
  }

  offset(position: Position): number {
    return Math.min(this.lineStart(position.line) + position.character, this.lineEnd(position.line));
  }
}
