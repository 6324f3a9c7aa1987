import type { Analysis } from '../../src/core/analysis/types.js';
import { formatDate } from '../../src/core/model/dates.js';

/** Everything an analysis reports, as one comparable string: incremental and cold analyses must give the same. */
export function analysisSummary(a: Analysis): string {
  const tasks = [...a.schedule.tasks.values()].map((t) => `${t.id} ${t.start === undefined ? '-' : formatDate(t.start)} ${t.end === undefined ? '-' : formatDate(t.end)} ${t.float} ${t.critical}`).sort();
  const features = [...a.features.values()].map((f) => JSON.stringify(f)).sort();
  const goals = [...a.goals.values()].map((g) => JSON.stringify(g)).sort();
  const load = [...a.schedule.load].map(([owner, runs]) => `${owner} ${JSON.stringify(runs)}`).sort();
  const order = [...a.items.keys()].join(' ');
  const cost = a.cost ? [...a.cost.tasks, ...a.cost.features, ...a.cost.goals, ...a.cost.plans].map(([id, f]) => `${id} ${JSON.stringify(f)}`).sort() : [];
  // The order of the cost maps is what outputs list (plans by path, the rest as the items).
  const costOrder = a.cost ? [a.cost.tasks, a.cost.features, a.cost.goals, a.cost.plans].map((m) => [...m.keys()].join(' ')) : [];
  return JSON.stringify({ diagnostics: a.diagnostics, tasks, features, goals, issues: a.schedule.issues, load, order, cost, costOrder });
}

