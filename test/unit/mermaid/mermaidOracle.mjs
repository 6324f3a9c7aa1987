// Runs the real mermaid (the devDependency) on gantt chart texts and prints what its gantt
// database computes, so tests can compare Specline's dates with mermaid's own. It runs in
// a process of its own because mermaid needs a DOM (jsdom here) and module-level state that
// must not leak into the other tests. Input on stdin: a JSON array of chart texts. Output
// on stdout: {"today": naive ms of the local midnight mermaid used, "results": [...]} with,
// per chart, either {"error"} or {"tasks": [{"id", "start", "end"}]}; times are "naive"
// (local wall-clock fields written as UTC milliseconds), as Specline computes them.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

const naive = (d) => (d instanceof Date && !Number.isNaN(d.getTime())
  ? Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds())
  : null);

let input = '';
for await (const chunk of process.stdin) input += chunk;
const texts = JSON.parse(input);
const now = new Date();
const results = [];
for (const text of texts) {
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    results.push({ tasks: diagram.db.getTasks().map((t) => ({ id: String(t.id), start: naive(t.startTime), end: naive(t.endTime) })) });
  } catch (error) {
    results.push({ error: String(error?.message ?? error).split('\n')[0].slice(0, 200) });
  }
}
const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
process.stdout.write(JSON.stringify({ today, results }));
