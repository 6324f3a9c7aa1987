import { csvField, csvRecord, CSV_EOL } from './csv.js';
import { mdText } from './markdown.js';
import type { BudgetFigures, BudgetJson } from '../cost/budgetData.js';
import { formatMoney, formatRatio } from '../cost/formatMoney.js';

const FIGURE_HEADER = ['Budget', 'Planned', 'PV', 'EV', 'AC', 'SPI', 'CPI', 'EAC'];

function figureCells(f: BudgetFigures, currency: string | undefined): string[] {
  const money = (n: number | null): string => (n === null ? '—' : formatMoney(n, currency));
  return [money(f.budget), money(f.cost), money(f.pv), money(f.ev), money(f.ac), formatRatio(f.spi), formatRatio(f.cpi), money(f.eac)];
}

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The budget as Markdown: one table each for plans, features, goals and tasks (empty ones left out). */
export function budgetMarkdown(data: BudgetJson): string {
  const currency = data.currency ?? undefined;
  const parts = [`# Budget as of ${data.today}`, '', `Money in ${data.currency ?? 'the workspace currency (none set)'}. PV, EV and AC are planned value, earned value and actual cost to date; SPI = EV ÷ PV, CPI = EV ÷ AC, EAC = budget at completion ÷ CPI.`];
  if (data.plans.length) parts.push('', '## Plans', '', table(['Plan', ...FIGURE_HEADER], data.plans.map((p) => [mdText(p.title ?? p.file), ...figureCells(p, currency)])));
  if (data.features.length) parts.push('', '## Features', '', table(['Feature', ...FIGURE_HEADER], data.features.map((f) => [f.id, ...figureCells(f, currency)])));
  if (data.goals.length) parts.push('', '## Goals', '', table(['Goal', ...FIGURE_HEADER], data.goals.map((g) => [g.id, ...figureCells(g, currency)])));
  if (data.tasks.length) {
    parts.push('', '## Tasks', '', table(['Task', 'Planned', 'PV', 'EV', 'AC'], data.tasks.map((t) => [t.id, ...[t.cost, t.pv, t.ev, t.ac].map((n) => formatMoney(n, currency))])));
  }
  if (!data.plans.length && !data.features.length && !data.goals.length && !data.tasks.length) parts.push('', 'Nothing to cost: no plans, features, goals or tasks found.');
  return `${parts.join('\n')}\n`;
}

const CSV_HEADER = ['kind', 'id', 'file', 'title', 'budget', 'cost', 'pv', 'ev', 'ac', 'spi', 'cpi', 'eac'];

/** The budget as CSV (RFC 4180): one record per plan, feature, goal and task; plain numbers, empty cells for null. */
export function budgetCsv(data: BudgetJson): string {
  const records = [csvRecord(CSV_HEADER)];
  const figures = (f: BudgetFigures): string[] => [f.budget, f.cost, f.pv, f.ev, f.ac, f.spi, f.cpi, f.eac].map((n) => csvField(n));
  for (const p of data.plans) records.push(csvRecord(['plan', '', csvField(p.file, true), csvField(p.title, true), ...figures(p)]));
  for (const f of data.features) records.push(csvRecord(['feature', f.id, '', '', ...figures(f)]));
  for (const g of data.goals) records.push(csvRecord(['goal', g.id, '', '', ...figures(g)]));
  for (const t of data.tasks) records.push(csvRecord(['task', t.id, '', '', '', csvField(t.cost), csvField(t.pv), csvField(t.ev), csvField(t.ac), '', '', '']));
  return records.join(CSV_EOL) + CSV_EOL;
}
