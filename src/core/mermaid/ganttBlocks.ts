/** A fenced `mermaid` block whose diagram is a gantt chart. */
export interface GanttBlock {
  /** The line of the `gantt` keyword. */
  ganttLine: number;
  /** The line of the closing fence, or the line count when the fence never closes. */
  endLine: number;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const PRELUDE = /^\s*(?:%%.*)?$/;

/**
 * Finds the gantt charts in Markdown: fences of backticks or tildes whose info string is
 * `mermaid`, whose first line that is not blank, a `%%` comment or a `%%{…}%%` directive
 * is `gantt` (indented or not). A mermaid front matter block (`---` … `---`, mermaid's
 * own configuration, indented or not as mermaid 12 accepts) may come first; it is skipped. A fence that never closes runs to the
 * end of the file, as in CommonMark. Only top-level fences count; one line scan.
 */
export function findGanttBlocks(lines: readonly string[], firstLine = 0): GanttBlock[] {
  const out: GanttBlock[] = [];
  for (let i = firstLine; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const isMermaid = open[3]!.toLowerCase() === 'mermaid' && !(fence[0] === '`' && lines[i]!.slice(open[0].length).includes('`'));
    let close = lines.length;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!;
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(t);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) {
        close = j;
        break;
      }
    }
    if (isMermaid) {
      let k = i + 1;
      while (k < close && PRELUDE.test(lines[k]!)) k++;
      if (k < close && lines[k]!.trim() === '---') {
        k++;
        while (k < close && lines[k]!.trim() !== '---') k++;
        k++;
        while (k < close && PRELUDE.test(lines[k]!)) k++;
      }
      if (k < close && /^\s*gantt\b/i.test(lines[k]!)) out.push({ ganttLine: k, endLine: close });
    }
    i = close;
  }
  return out;
}
