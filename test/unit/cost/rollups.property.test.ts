import assert from 'node:assert/strict';
import { analysisCost } from '../../../src/core/cost/computeCost.js';
import type { CostFigures } from '../../../src/core/model/costTypes.js';
import { prng } from '../../support/prng.js';
import { analyzeFiles } from './workspace.js';

/** A random workspace: plans of tasks with random owners, allocations, durations, fixed costs, progress and links. */
function randomWorkspace(seed: number): Record<string, string> {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const goals = 1 + Math.floor(r() * 4);
  const features = 1 + Math.floor(r() * 6);
  const files: Record<string, string> = {
    '.specline.yml': `start: 2027-01-04\ncurrency: EUR\nrates: { ${r() < 0.7 ? 'default: 500, ' : ''}"@ana": 800, "@bo": 350.5 }\n`,
  };
  const roadmap: string[] = [];
  for (let g = 1; g <= goals; g++) roadmap.push(`## G-${g} Goal ${g}`, `- budget: ${Math.floor(r() * 50)}k`, '');
  for (let f = 1; f <= features; f++) {
    const served = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => `G-${1 + Math.floor(r() * goals)}`))];
    roadmap.push(`## FEAT-${f} Feature ${f}`, `- goals: ${served.join(', ') || 'none'}`, `- budget: ${Math.floor(r() * 30)}k`, '');
  }
  files['roadmap.md'] = roadmap.join('\n');
  let task = 0;
  for (let p = 1; p <= 1 + Math.floor(r() * 3); p++) {
    const lines = ['---', `title: Plan ${p}`, `budget: ${Math.floor(r() * 80)}k`, '---', ''];
    for (let i = 0; i < 3 + Math.floor(r() * 12); i++) {
      task++;
      const delivered = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => `FEAT-${1 + Math.floor(r() * features)}`))];
      lines.push(`- [${r() < 0.2 ? 'x' : ' '}] T-${task} Task ${task}`);
      if (r() < 0.9) lines.push(`  - duration: ${1 + Math.floor(r() * 15)}d`);
      if (task > 1 && r() < 0.5) lines.push(`  - after: T-${1 + Math.floor(r() * (task - 1))}`);
      const owners = pick([[], ['@ana'], ['@bo'], ['@ana', '@bo'], ['@cy'], ['@ana', '@cy']]);
      if (owners.length) lines.push(`  - owner: ${owners.join(', ')}`);
      if (r() < 0.5) lines.push(`  - allocation: ${pick([25, 50, 75, 100, 150])}%`);
      if (r() < 0.3) lines.push(`  - cost: ${Math.floor(r() * 5000)}`);
      if (r() < 0.4) lines.push(`  - progress: ${Math.floor(r() * 101)}%`);
      if (r() < 0.4) lines.push(`  - spent: ${Math.floor(r() * 9000)}`);
      if (delivered.length) lines.push(`  - features: ${delivered.join(', ')}`);
    }
    files[`plan-${p}.md`] = lines.join('\n');
  }
  return files;
}

const KEYS = ['cost', 'pv', 'ev', 'ac'] as const;
function sum(list: Iterable<CostFigures>): Record<(typeof KEYS)[number], number> {
  const out = { cost: 0, pv: 0, ev: 0, ac: 0 };
  for (const f of list) for (const k of KEYS) out[k] += f[k];
  return out;
}
function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: ${a} ≠ ${b}`);
}

describe('cost roll-ups (property)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`random workspace ${seed}: roll-ups keep the totals, shares add up, EV ≤ BAC`, async () => {
      const analysis = await analyzeFiles(randomWorkspace(seed), '2027-01-20');
      const cost = analysisCost(analysis);
      const tasks = [...cost.tasks.values()];
      // Plans: every task is in exactly one plan.
      const plans = sum(cost.plans.values());
      const all = sum(tasks);
      for (const k of KEYS) close(plans[k], all[k], `plans ${k}`);
      // Features: the tasks that deliver at least one feature, each shared among its features.
      const delivering = sum(tasks.filter((t) => t.featureCount > 0));
      const features = sum(cost.features.values());
      for (const k of KEYS) close(features[k], delivering[k], `features ${k}`);
      // Goals: the features that serve at least one goal.
      const serving = sum([...cost.features].filter(([id]) => (analysis.features.get(id)?.goals.length ?? 0) > 0).map(([, f]) => f));
      const goals = sum(cost.goals.values());
      for (const k of KEYS) close(goals[k], serving[k], `goals ${k}`);
      // A task's shares over its features add up to its cost.
      for (const t of tasks) {
        if (t.featureCount === 0) continue;
        const shares = [...analysis.features.values()].filter((f) => f.tasks.includes(t.id)).map(() => t.cost / t.featureCount);
        close(shares.reduce((a, b) => a + b, 0), t.cost, `${t.id} shares`);
      }
      // Progress never exceeds 100%: EV ≤ BAC and PV ≤ BAC everywhere.
      for (const f of [...tasks, ...cost.features.values(), ...cost.goals.values(), ...cost.plans.values()]) {
        assert.ok(f.ev <= f.cost + 1e-6, `EV ${f.ev} > BAC ${f.cost}`);
        assert.ok(f.pv <= f.cost + 1e-6, `PV ${f.pv} > BAC ${f.cost}`);
      }
      assert.ok(tasks.length >= 3);
    });
  }
});
