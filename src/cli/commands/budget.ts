import type { Command } from '../command.js';

/** `specline budget`: budget, planned cost and earned value of plans, features, goals and tasks. */
export const budgetCommand: Command = {
  name: 'budget',
  summary: 'print budgets, planned cost and earned value (JSON, Markdown or CSV)',
  description: 'Prints, as of --today, the budget, planned cost (BAC), planned value, earned value, actual cost, SPI, CPI and forecast (EAC) of every plan, feature and goal, and the cost, PV, EV and AC of every task. Day rates and the currency come from .specline.yml.',
  formats: ['json', 'markdown', 'csv'],
  async run({ analysis, format }) {
    const { budgetData } = await import('../../core/cost/budgetData.js');
    const data = budgetData(analysis);
    if (format === 'json') return { output: `${JSON.stringify(data, null, 2)}\n`, exitCode: 0 };
    const { budgetCsv, budgetMarkdown } = await import('../../core/render/budgetText.js');
    return { output: format === 'csv' ? budgetCsv(data) : budgetMarkdown(data), exitCode: 0 };
  },
};
