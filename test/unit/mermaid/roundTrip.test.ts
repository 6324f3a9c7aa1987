import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyzer/analyze.js';
import type { Analysis } from '../../../src/core/analysis/types.js';
import { defaultConfig } from '../../../src/core/config/loadConfig.js';
import { formatDate, parseIsoDate } from '../../../src/core/model/dates.js';
import { convertGanttChart } from '../../../src/core/convert/toPlan.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';
import { buildGanttModel } from '../../../src/core/render/ganttModel.js';
import { renderMermaidGantt } from '../../../src/core/render/mermaidGantt.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem, readFixture } from '../../support/memoryFileSystem.js';

/**
 * plan → mermaid (`specline gantt --format mermaid`) → plan (`specline convert`): the
 * converted plan, scheduled by Specline on its own, gives every task and milestone of the
 * chart the start and end the original plan had.
 */
function roundTrip(analysis: Analysis): { compared: number; problems: string[]; ids: string[] } {
  const chart = renderMermaidGantt(analysis);
  const markdown = `# Round trip\n\n\`\`\`mermaid\n${chart}\`\`\`\n`;
  const conversion = convertGanttChart('round-trip.md', markdown, 0, { config: analysis.config, mode: 'document' });
  assert.equal(conversion.failure, undefined);
  const back = analyze({ config: analysis.config, configDiagnostics: [], files: [parseFile('round-trip.md', conversion.text, analysis.config)], today: analysis.today });
  const rows = buildGanttModel(analysis).sections.flatMap((s) => s.rows);
  assert.equal(conversion.tasks.length, rows.length, 'one converted row per bar');
  const problems: string[] = [];
  for (const [k, row] of rows.entries()) {
    const t = conversion.tasks[k]!;
    const got = row.kind === 'milestone'
      ? [back.schedule.milestones.get(t.id)?.date, back.schedule.milestones.get(t.id)?.date]
      : [back.schedule.tasks.get(t.id)?.start, back.schedule.tasks.get(t.id)?.end];
    if (t.kind !== row.kind || got[0] !== row.start || got[1] !== row.end) {
      problems.push(`${row.id} → ${t.id}: ${row.kind} ${formatDate(row.start)}…${formatDate(row.end)}, after the round trip ${t.kind} ${got.map((d) => (d === undefined ? '-' : formatDate(d))).join('…')}`);
    }
  }
  return { compared: rows.length, problems, ids: conversion.tasks.map((t) => t.id) };
}

describe('round trip: plan → mermaid → plan', () => {
  it('keeps the schedule of examples/acme, task by task and milestone by milestone, and its IDs', async () => {
    const ws = createWorkspace({ fs: memoryFileSystem(readFixture(join(process.cwd(), 'examples', 'acme'))), today: () => parseIsoDate('2027-02-01')! });
    await ws.load();
    const analysis = ws.analyze();
    const r = roundTrip(analysis);
    assert.deepEqual(r.problems, []);
    assert.ok(r.compared >= 40, `only ${r.compared} bars`);
    const specline = buildGanttModel(analysis).sections.flatMap((s) => s.rows).map((row) => row.id).filter((id) => !id.includes('@'));
    for (const id of specline) assert.ok(r.ids.includes(id), `${id} keeps its ID`);
  });

  it('keeps the schedule of generated plans (property)', () => {
    const config = defaultConfig();
    const plan = fc.record({
      start: fc.integer({ min: 0, max: 30 }),
      workdays: fc.constantFrom('', 'mon, tue, wed, thu, fri', 'sun, mon, tue, wed, thu', 'mon, tue, wed, thu, fri, sat, sun'),
      holidays: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
      tasks: fc.array(fc.record({
        duration: fc.integer({ min: 1, max: 12 }),
        after: fc.array(fc.nat(), { maxLength: 2 }),
        start: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined, freq: 4 }),
        status: fc.constantFrom('', 'done', 'in-progress', 'todo'),
        milestone: fc.boolean(),
      }), { minLength: 1, maxLength: 12 }),
    });
    const base = parseIsoDate('2027-03-01')!;
    fc.assert(fc.property(plan, (p) => {
      const calendar = [p.workdays ? `workdays: [${p.workdays}]` : '', p.holidays.length ? `holidays: [${p.holidays.map((h) => formatDate(base + h)).join(', ')}]` : ''].filter(Boolean).join(', ');
      const lines = ['---', `start: ${formatDate(base + p.start)}`, ...(calendar ? [`calendar: { ${calendar} }`] : []), '---', '', '# Plan', '', '| ID | Task | Duration | After | Start | Status |', '|---|---|---|---|---|---|'];
      const ids: string[] = [];
      for (const [i, t] of p.tasks.entries()) {
        const id = t.milestone && i > 0 ? `M-${i + 1}` : `T-${i + 1}`;
        const after = i === 0 ? [] : [...new Set(t.after.map((a) => ids[a % i]!))];
        const isMilestone = id.startsWith('M');
        lines.push(`| ${id} | Step ${i + 1} | ${isMilestone ? '' : `${t.duration}d`} | ${(isMilestone && after.length === 0 ? [ids[i - 1]!] : after).join(', ')} | ${t.start !== undefined && !isMilestone ? formatDate(base + t.start) : ''} | ${t.status} |`);
        ids.push(id);
      }
      const analysis = analyze({ config, configDiagnostics: [], files: [parseFile('plan.md', `${lines.join('\n')}\n`, config)], today: base });
      const r = roundTrip(analysis);
      assert.deepEqual(r.problems, [], lines.join('\n'));
    }), { numRuns: 60, seed: 20270301 });
  });
});
