import assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/loadConfig.js';
import { parseValue } from '../../../src/core/model/valueSchemas.js';
import { parseFile } from '../../../src/core/parse/parseFile.js';

const money = (v: unknown): unknown => { const r = parseValue('budget', v); return r.ok ? r.value : 'invalid'; };
const measure = (v: unknown): unknown => { const r = parseValue('metricCurrent', v); return r.ok ? r.value : 'invalid'; };

describe('cost values', () => {
  it('reads money with separators, k/m suffixes and a currency before or after', () => {
    assert.deepEqual(money('12,500'), { amount: 12500 });
    assert.deepEqual(money('12.5k'), { amount: 12500 });
    assert.deepEqual(money('1.2m'), { amount: 1200000 });
    assert.deepEqual(money('1.2345m'), { amount: 1234500 });
    assert.deepEqual(money('EUR 900'), { amount: 900, currency: 'EUR' });
    assert.deepEqual(money('€900'), { amount: 900, currency: 'EUR' });
    assert.deepEqual(money('900 EUR'), { amount: 900, currency: 'EUR' });
    assert.deepEqual(money('$1,234.56'), { amount: 1234.56, currency: 'USD' });
    assert.deepEqual(money(640), { amount: 640 });
    assert.deepEqual(money('0'), { amount: 0 });
  });

  it('refuses what is not money, negative amounts and absurd ones', () => {
    for (const bad of ['12,50', '1,2345', '-5', 'EUR 900 USD', 'lots', '12kk', true, 1e16, '2000000000m', 'EURO 5']) assert.equal(money(bad), 'invalid', String(bad));
    const r = parseValue('budget', '-5');
    assert.ok(!r.ok && r.message.includes('at least 0'));
  });

  it('reads measures with a unit, and normalises day and percent words', () => {
    assert.deepEqual(measure('40%'), { value: 40, unit: '%' });
    assert.deepEqual(measure('40 percent'), { value: 40, unit: '%' });
    assert.deepEqual(measure('3d'), { value: 3, unit: 'd' });
    assert.deepEqual(measure('3.5 days'), { value: 3.5, unit: 'd' });
    assert.deepEqual(measure('12,000 Users'), { value: 12000, unit: 'users' });
    assert.deepEqual(measure('-12'), { value: -12, unit: '' });
    for (const bad of ['fast', '40%%', '1e3', '5 $']) assert.equal(measure(bad), 'invalid', bad);
  });

  it('reads RICE inputs with exact ranges', () => {
    assert.deepEqual(parseValue('confidence', '80%'), { ok: true, value: 80 });
    assert.equal(parseValue('confidence', '120%').ok, false);
    assert.deepEqual(parseValue('effort', '2.5w'), { ok: true, value: 2.5 });
    assert.equal(parseValue('effort', '0').ok, false);
    assert.deepEqual(parseValue('reach', '1,500'), { ok: true, value: 1500 });
    assert.equal(parseValue('reach', '-1').ok, false);
  });
});

describe('cost values in documents', () => {
  const config = parseConfig('currency: EUR\n', '.specline.yml').config;
  const errors = (text: string, withConfig = config): string[] =>
    parseFile('f.md', text, withConfig).diagnostics.filter((d) => d.code === 'schema.invalid').map((d) => `${d.range.start.line + 1}: ${d.message}`);

  it('reports money in another currency on the value and leaves it unset', () => {
    const r = parseFile('f.md', '- T-1 A\n  - cost: USD 900\n  - spent: €100\n', config);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['schema.invalid', 1, 10]]);
    assert.match(r.diagnostics[0]!.message, /USD, but the workspace currency is EUR/);
    assert.equal(r.items[0]!.cost, undefined);
    assert.equal(r.items[0]!.spent, 100);
  });

  it('asks for a configured currency when a value names one and none is set', () => {
    const none = parseConfig('', '.specline.yml').config;
    assert.deepEqual(errors('- T-1 A\n  - cost: 900\n  - spent: EUR 5\n', none).length, 1);
    assert.match(errors('- T-1 A\n  - spent: EUR 5\n', none)[0]!, /set "currency: EUR"/);
  });

  it('requires the three metric values to share a unit', () => {
    const text = '## G-1 Goal\n- metric baseline: 10%\n- metric target: 40 users\n- metric current: 20%\n';
    assert.deepEqual(errors(text), ['3: G-1: metric target: 40 users is in "users", but metric baseline is in "%"; a metric\'s baseline, target and current use one unit']);
    const goal = parseFile('f.md', text, config).items[0]!;
    assert.deepEqual([goal.metricBaseline, goal.metricTarget, goal.metricCurrent], [{ value: 10, unit: '%' }, undefined, { value: 20, unit: '%' }]);
  });

  it('reads impact by kind: a level on a risk, a RICE input on a feature', () => {
    const r = parseFile('f.md', '## FEAT-1 F\n- impact: massive\n\n## R-1 Risk\n- impact: high\n\n## FEAT-2 G\n- impact: 1.5\n\n## R-2 Bad\n- impact: massive\n', config);
    assert.deepEqual(r.items.map((i) => [i.id, i.impact, i.riceImpact]), [['FEAT-1', undefined, 3], ['R-1', 'high', undefined], ['FEAT-2', undefined, 1.5], ['R-2', undefined, undefined]]);
    assert.deepEqual(r.diagnostics.map((d) => d.range.start.line + 1), [11]);
  });

  it('reads a plan budget from front matter and a feature budget from its own', () => {
    const plan = parseFile('p.md', '---\ntitle: Q1\nbudget: EUR 40,000\n---\n- T-1 A\n', config);
    assert.equal(plan.planBudget?.amount, 40000);
    assert.equal(plan.planBudget?.range.start.line, 2);
    const spec = parseFile('s.md', '---\nid: FEAT-1\nbudget: 12.5k\n---\n', config);
    assert.equal(spec.planBudget, undefined);
    assert.equal(spec.items[0]!.budget, 12500);
  });
});

describe('currency and rates in .specline.yml', () => {
  it('reads the currency and the rates, default and per owner', () => {
    const { config, diagnostics } = parseConfig('rates: { default: 640, "@ana": EUR 720, bo: 1.2k }\ncurrency: eur\n', '.specline.yml');
    assert.deepEqual(diagnostics, []);
    assert.equal(config.currency, 'EUR');
    assert.equal(config.rates?.default, 640);
    assert.deepEqual([...config.rates!.owners], [['@ana', 720], ['@bo', 1200]]);
  });

  it('reports a bad currency, a bad rate, a bad key and a rate in another currency, each on its node', () => {
    const text = 'currency: euros\nrates:\n  default: cheap\n  "not a handle": 5\n  "@ana": USD 700\n';
    const { diagnostics } = parseConfig(text, '.specline.yml');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line + 1]), [['schema.invalid', 1], ['schema.invalid', 3], ['schema.invalid', 4], ['schema.invalid', 5]]);
    assert.match(diagnostics[3]!.message, /set "currency: USD"/);
  });
});
