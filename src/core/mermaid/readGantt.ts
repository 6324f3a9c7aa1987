import type { GanttBlock } from './ganttBlocks.js';
import type { GanttChart, GanttStatement, GanttTaskLine, Span } from './types.js';

/** mermaid's tags: only items at the front of a task's data are tags, in any order. */
export const GANTT_TAGS = ['active', 'done', 'crit', 'milestone', 'vert'] as const;

/**
 * Statements in the order mermaid's lexer tries them (case-insensitive, first match wins).
 * The value is what follows the keyword, cut where mermaid cuts it (`#` and `;` end most
 * values, `title` and `section` run to the end of the line).
 */
const STATEMENTS: Array<{ keyword: string; re: RegExp }> = [
  { keyword: 'dateFormat', re: /^dateFormat\s([^#\n;]+)/i },
  { keyword: 'inclusiveEndDates', re: /^inclusiveEndDates\b()/i },
  { keyword: 'topAxis', re: /^topAxis\b()/i },
  { keyword: 'axisFormat', re: /^axisFormat\s([^#\n;]+)/i },
  { keyword: 'tickInterval', re: /^tickInterval\s([^#\n;]+)/i },
  { keyword: 'includes', re: /^includes\s([^#\n;]+)/i },
  { keyword: 'excludes', re: /^excludes\s([^#\n;]+)/i },
  { keyword: 'todayMarker', re: /^todayMarker\s([^\n;]+)/i },
  { keyword: 'weekday', re: /^weekday\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i },
  { keyword: 'weekend', re: /^weekend\s+(friday|saturday)\b/i },
  { keyword: 'date', re: /^(\d\d\d\d-\d\d-\d\d)\b/i },
  { keyword: 'title', re: /^title\s([^\n]+)/i },
  { keyword: 'accDescription', re: /^accDescription\s([^#\n;]+)/i },
  { keyword: 'section', re: /^section\s([^\n]+)/i },
];

function span(line: number, text: string, start: number, end: number): Span {
  return { line, start, end, text: text.slice(start, end) };
}

/** The span of `text[start, end)` without the spaces around it. */
function trimmed(line: number, text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return span(line, text, start, end);
}

/**
 * Reads one chart line by line, the way mermaid's lexer and grammar read it: comment lines,
 * statements, `click`, accessibility text (also `accDescr { … }` over several lines), and
 * task lines (text up to the first colon, data up to `#` or `;`). Lines mermaid's grammar
 * rejects are collected as syntax errors; mermaid then draws nothing.
 */
export function readGantt(lines: readonly string[], block: GanttBlock): GanttChart {
  const chart: GanttChart = { ganttLine: block.ganttLine, endLine: block.endLine, statements: [], tasks: [], syntaxErrors: [], hashLines: [] };
  let section = '';
  let inAccDescr = false;
  for (let n = block.ganttLine + 1; n < block.endLine; n++) {
    const text = lines[n]!;
    const whole = trimmed(n, text, 0, text.length);
    if (inAccDescr) {
      if (text.includes('}')) inAccDescr = false;
      continue;
    }
    if (whole.text === '' || whole.text.startsWith('%%')) continue;
    const body = text.slice(whole.start);
    const at = whole.start;
    if (/^accTitle\s*:/i.test(body) || /^accDescr\s*:/i.test(body)) continue;
    if (/^accDescr\s*\{/i.test(body)) {
      inAccDescr = !body.includes('}');
      continue;
    }
    if (/^click\s/i.test(body)) {
      chart.statements.push({ keyword: 'click', value: trimmed(n, text, at + 5, text.length), line: whole });
      continue;
    }
    readLine(chart, n, text, at, whole, section, (name) => { section = name; });
  }
  return chart;
}

/**
 * One line from `at`: a statement or a task, then whatever mermaid's lexer reads after the
 * place where it cut the value (at `#` or `;`): nothing, a `%%` comment, or another task.
 */
function readLine(chart: GanttChart, n: number, text: string, at: number, whole: Span, section: string, setSection: (name: string) => void): void {
  let pos = at;
  for (let guard = 0; pos < text.length && guard < text.length; guard++) {
    let next: number;
    const statement = guard === 0 ? readStatement(n, text, pos) : undefined;
    if (statement) {
      if (statement.keyword === 'date' || statement.keyword === 'topAxis') {
        // mermaid's grammar has no place for a bare date; `topAxis` calls a function its
        // gantt database does not have. Both stop the chart.
        chart.syntaxErrors.push({ span: whole, message: statement.keyword === 'date' ? 'a date alone is not a statement or a task' : '`topAxis` makes mermaid fail (its gantt database has no such function)' });
        return;
      }
      if (statement.keyword === 'section') {
        section = statement.value.text;
        setSection(section);
      }
      chart.statements.push(statement.statement);
      next = statement.end;
    } else {
      const task = readTask(n, text, pos, section, whole);
      if (typeof task === 'string') {
        chart.syntaxErrors.push({ span: whole, message: task });
        return;
      }
      chart.tasks.push(task.task);
      if (task.task.title.text.startsWith('#')) chart.hashLines.push(whole);
      next = task.end;
    }
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next >= text.length || text.startsWith('%%', next)) return;
    if (!text.includes(':', next)) {
      chart.syntaxErrors.push({ span: whole, message: `mermaid cannot read "${text.slice(next).trim()}" here (it ends the value at \`#\` or \`;\`; write comments on their own line with \`%%\`)` });
      return;
    }
    pos = next;
  }
}

function readStatement(n: number, text: string, at: number): { keyword: string; value: Span; statement: GanttStatement; end: number } | undefined {
  const body = text.slice(at);
  for (const { keyword, re } of STATEMENTS) {
    const m = re.exec(body);
    if (!m) continue;
    const valueEnd = at + m[0].length;
    const value = trimmed(n, text, valueEnd - m[1]!.length, valueEnd);
    return { keyword, value, statement: { keyword, value, line: trimmed(n, text, at, text.length) }, end: valueEnd };
  }
  return undefined;
}

function readTask(n: number, text: string, at: number, section: string, whole: Span): { task: GanttTaskLine; end: number } | string {
  const colon = text.indexOf(':', at);
  if (colon < 0) return 'a line without a colon is neither a statement nor a task';
  let dataEnd = colon + 1;
  while (dataEnd < text.length && text[dataEnd] !== '#' && text[dataEnd] !== ';') dataEnd++;
  if (dataEnd === colon + 1) return 'a task needs data after its colon (a duration, dates or ids)';
  const items: Span[] = [];
  let from = colon + 1;
  for (let i = colon + 1; i <= dataEnd; i++) {
    if (i === dataEnd || text[i] === ',') {
      items.push(trimmed(n, text, from, i));
      from = i + 1;
    }
  }
  const tags = new Set<string>();
  let k = 0;
  for (let found = true; found && k < items.length;) {
    found = false;
    for (const tag of GANTT_TAGS) {
      if (k < items.length && items[k]!.text === tag) {
        tags.add(tag);
        k++;
        found = true;
      }
    }
  }
  const data = items.slice(k);
  return { task: { title: trimmed(n, text, at, colon), section, items, tags, data, line: whole }, end: dataEnd };
}
