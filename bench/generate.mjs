#!/usr/bin/env node
// Generates a realistic Specline workspace for benchmarks: roadmaps, persona files, feature
// specs (prose-heavy, like real ones), project plans (tables and task lists) and risk
// registers, all linked by valid IDs, with a small, fixed rate of deliberate problems.
//
// Deterministic: the same `docs` and `seed` always write the same bytes (seeded PRNG, no
// clock, no Math.random), so timings from different machines and runs compare.
// Node built-ins only.
//
//   node bench/generate.mjs DIR N [--seed S]
//   import { generateWorkspace } from './bench/generate.mjs';

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped whenever the output changes, so `bench/run.mjs` regenerates cached workspaces. */
export const GENERATOR_VERSION = 3;

/**
 * Workspace shapes: `mixed` (the default: plans as tables or task lists, prose-light specs,
 * roadmaps, risk registers) and `specs` (mostly feature specs of about 2 KB, each with
 * about eight requirement sections of prose with inline code and links, and task-list
 * acceptance criteria; plans as tables; no risk registers).
 */
export const SHAPES = ['mixed', 'specs'];

/** Files per folder: real repositories group documents, and huge folders distort timings. */
const FOLDER_SIZE = 250;
/** Share of documents that carry one deliberate problem. */
const PROBLEM_RATE = 0.01;

const DAY_MS = 86_400_000;
const PROJECT_START = Date.UTC(2027, 0, 4) / DAY_MS; // Monday 2027-01-04

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
function createRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    sample(list, n) {
      const copy = list.slice();
      const out = [];
      for (let i = 0; i < n && copy.length > 0; i++) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}

function isoDate(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------
// Vocabulary. Domain words for a family of B2B SaaS products, so prose reads like specs.

const AREAS = ['billing', 'onboarding', 'identity', 'reporting', 'integrations', 'mobile', 'search', 'notifications', 'admin', 'compliance', 'workflow', 'payments'];
const OBJECTS = ['invoice', 'workspace', 'approval flow', 'audit trail', 'dashboard', 'export', 'webhook', 'user role', 'checklist', 'template', 'report', 'API token', 'calendar sync', 'data import', 'usage alert', 'custom field', 'comment thread', 'file upload', 'saved view', 'team space'];
const VERBS = ['create', 'review', 'approve', 'export', 'share', 'archive', 'filter', 'schedule', 'configure', 'import', 'audit', 'search', 'bulk-edit', 'restore', 'compare'];
const ROLES = ['an account admin', 'a finance manager', 'a team lead', 'a support agent', 'an IT administrator', 'a new user', 'an auditor', 'a sales rep', 'an operations analyst', 'a project manager'];
const BENEFITS = ['I stop copying data between tools', 'my team trusts the numbers', 'I can answer the customer in one reply', 'nothing falls through the cracks at month end', 'security reviews go faster', 'I see problems before customers do', 'I spend less time on manual checks', 'new colleagues find their way without asking', 'we pass the audit without a scramble', 'I can plan the next sprint with real data'];
const PAINS = ['Customers tell us this is the slowest part of their week.', 'Support handles dozens of tickets a month about it.', 'Three of the last ten lost deals named it in the loss review.', 'Admins build workarounds in spreadsheets and they drift out of date.', 'The current flow needs an engineer for every change.', 'Usage data shows most people give up halfway through.', 'Large accounts hit limits that small ones never see.', 'Nobody can tell who changed what, or when.'];
const SENTENCES = [
  'We interviewed twelve customers across three segments and the pattern was consistent.',
  'The first release covers the common case; edge cases are listed under open questions.',
  'Performance matters here: the largest accounts have more than fifty thousand records.',
  'We keep the existing behaviour behind a setting for one release, then remove it.',
  'The design reuses components from the settings area so that it feels familiar.',
  'Analytics events are added for every step so that we can measure adoption.',
  'Permissions follow the existing role model; no new roles are introduced.',
  'Error messages say what happened and what to do next, in plain language.',
  'The API mirrors the UI one to one, so that integrations can automate the same flow.',
  'Legal reviewed the data handling and asked for a retention limit of ninety days.',
  'We ship behind a feature flag and enable it for design partners first.',
  'Accessibility is part of done: keyboard navigation and screen reader labels included.',
  'Documentation and a short video go out with the release.',
  'We will revisit pricing once we see how usage grows in the first quarter.',
  'Mobile gets a read-only view first; editing follows when the web version settles.',
];
const CRITERIA = [
  'The action completes in under two seconds for an account with ten thousand records.',
  'An admin can undo the change within thirty days.',
  'Every change is written to the audit log with the actor and the time.',
  'The flow works with a keyboard alone.',
  'Errors are shown next to the field that caused them.',
  'The API returns the same result as the UI for the same input.',
  'The feature is off by default for existing accounts until an admin turns it on.',
  'Exports open without warnings in common spreadsheet tools.',
  'Notifications respect the recipient’s time zone and quiet hours.',
  'Nothing is lost when two people edit at the same time.',
];
const TASK_VERBS = ['Design', 'Build', 'Implement', 'Write', 'Test', 'Migrate', 'Document', 'Review', 'Prototype', 'Instrument', 'Harden', 'Roll out'];
const TASK_THINGS = ['data model', 'API endpoints', 'settings page', 'background job', 'permission checks', 'empty states', 'email templates', 'import parser', 'export format', 'search index', 'load tests', 'help-centre article', 'feature flag', 'audit events', 'mobile view', 'webhook retries'];
const FIRST_NAMES = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jin', 'kai', 'lea', 'max', 'nia', 'oli', 'pia', 'quin', 'rui', 'sia', 'tom', 'uma', 'vic', 'wes', 'xin', 'yara', 'zoe'];
const RISK_TEXTS = ['A third-party API changes its rate limits', 'Key engineer on leave during the critical weeks', 'Customer data needs a migration that takes longer than planned', 'Security review finds issues late', 'Design partner drops out of the beta', 'Performance degrades on the largest accounts', 'Legal requires a data processing change', 'The vendor contract is not signed in time'];
const MITIGATION_TEXTS = ['Agree a fallback with the vendor and keep the old path for one release', 'Pair a second engineer on the work from the start', 'Run the migration on a copy of production data first', 'Book the review two weeks earlier than usual'];

const objectPhrase = (rng) => `${rng.pick(VERBS)} ${rng.pick(OBJECTS)}s`;
const CODE_WORDS = ['account_id', 'retryAfter', 'POST /v2/exports', 'status = "pending"', 'max_items', 'X-Request-Id', 'webhook.sent', 'tenant.settings', 'null', 'ISO 8601'];

/** One requirement section of a `specs`-shaped spec: prose with inline code and a link to a sibling spec. */
function requirement(rng, n, sibling) {
  const sentences = [`The system must ${objectPhrase(rng)} using \`${rng.pick(CODE_WORDS)}\`, as in [the related spec](${sibling}).`, rng.pick(SENTENCES)];
  if (rng.chance(0.3)) sentences.push(`See the [API guide](https://docs.example.com/${rng.pick(AREAS)}) for \`${rng.pick(CODE_WORDS)}\`.`);
  return [`### Requirement ${n}: ${title(objectPhrase(rng))}`, '', wrap(sentences.join(' ')), ''];
}
function paragraph(rng, n) {
  const out = rng.sample(SENTENCES, n);
  if (rng.chance(0.5)) out[0] = rng.pick(PAINS);
  return wrap(out.join(' '));
}
/** Wraps prose at 80 columns, as most editors and linters expect. */
function wrap(text) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length + 1 > 80 && line) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
const title = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------

/**
 * Writes a workspace of about `docs` Markdown documents into `dir` (wiped first).
 * @param {string} dir
 * @param {{ docs?: number, seed?: number, shape?: 'mixed' | 'specs' }} [options]
 * @returns {{ files: number, bytes: number, items: Record<string, number>, problems: Array<{ file: string, id: string, code: string }> }}
 */
export function generateWorkspace(dir, options = {}) {
  const docs = Math.max(10, Math.floor(options.docs ?? 200));
  const rng = createRng(options.seed ?? 20270104);
  const specsShape = options.shape === 'specs';

  const nRoadmaps = Math.max(1, Math.round(docs * (specsShape ? 0.02 : 0.03)));
  const nPersonaDocs = Math.max(1, Math.round(docs / 250));
  const nRisks = specsShape ? 0 : Math.max(1, Math.round(docs * 0.02));
  const nPlans = Math.max(2, Math.round(docs * (specsShape ? 0.2 : 0.4)));
  const nSpecs = Math.max(2, docs - nRoadmaps - nPersonaDocs - nRisks - nPlans);

  const counters = { G: 0, FEAT: 0, T: 0, M: 0, R: 0, P: 0 };
  const nextId = (prefix) => `${prefix}-${++counters[prefix]}`;
  const problems = [];
  const files = new Map();
  const folder = (kind, index) => `${kind}/${String(Math.floor(index / FOLDER_SIZE)).padStart(3, '0')}`;
  // Decide up front which documents get a problem, so the rate is exact and stable.
  const troubled = (index, count) => {
    const every = Math.round(1 / PROBLEM_RATE);
    return count >= every && index % every === every - 1;
  };

  // Roadmaps: 6–10 goals each, mostly heading items, some in a table.
  const goals = [];
  for (let r = 0; r < nRoadmaps; r++) {
    const path = `${folder('roadmap', r)}/roadmap-${r + 1}.md`;
    const n = rng.int(6, 10);
    const ids = Array.from({ length: n }, () => nextId('G'));
    goals.push(...ids);
    const lines = [`# ${title(rng.pick(AREAS))} roadmap ${2027 + (r % 2)}`, '', paragraph(rng, 3), ''];
    const tableFrom = n - rng.int(1, 3);
    ids.forEach((id, i) => {
      if (i >= tableFrom) return;
      const horizon = rng.pick(['now', 'next', 'next', 'later', '2029', '2029-H2']);
      lines.push(`## ${id} ${title(objectPhrase(rng))} for every ${rng.pick(AREAS)} customer`, '');
      lines.push(`- horizon: ${horizon}`, `- priority: ${rng.pick(['must', 'should', 'could', 'P0', 'P1', 'P2'])}`, `- metric: ${rng.pick(['weekly active admins', 'time to first value', 'tickets per account', 'net revenue retention', 'share of accounts using it'])} from ${rng.int(10, 40)}% to ${rng.int(50, 90)}%`, `- owner: @${rng.pick(FIRST_NAMES)}`, '');
      lines.push(paragraph(rng, rng.int(3, 6)), '');
    });
    lines.push('## Further out', '', '| ID | Title | Horizon | Priority | Metric |', '|---|---|---|---|---|');
    for (const id of ids.slice(tableFrom)) lines.push(`| ${id} | ${title(objectPhrase(rng))} | later | could | adoption in ${rng.pick(AREAS)} accounts |`);
    lines.push('');
    files.set(path, lines.join('\n'));
  }

  // Personas.
  const personas = [];
  for (let p = 0; p < nPersonaDocs; p++) {
    const path = `${folder('personas', p)}/personas-${p + 1}.md`;
    const lines = ['# Personas', '', paragraph(rng, 2), ''];
    for (let k = 0; k < 4; k++) {
      const id = nextId('P');
      personas.push(id);
      lines.push(`## ${id} ${title(rng.pick(FIRST_NAMES))}, ${rng.pick(ROLES).replace(/^an? /, '')}`, '', paragraph(rng, rng.int(3, 5)), '', `> "${rng.pick(BENEFITS)}, that is all I ask."`, '');
    }
    files.set(path, lines.join('\n'));
  }

  // Feature specs: each serves one or two goals (every goal gets at least one feature) and
  // names one or two personas (every persona is used).
  const features = [];
  for (let s = 0; s < nSpecs; s++) {
    const id = nextId('FEAT');
    features.push(id);
    const path = `${folder('specs', s)}/${id.toLowerCase()}.md`;
    const featureGoals = [goals[s % goals.length]];
    if (rng.chance(0.3)) featureGoals.push(rng.pick(goals));
    const featurePersonas = [personas[s % personas.length]];
    if (rng.chance(0.4)) featurePersonas.push(rng.pick(personas));
    const name = `${title(rng.pick(VERBS))} ${rng.pick(OBJECTS)}s in ${rng.pick(AREAS)}`;
    let status = rng.pick(['approved', 'approved', 'in-progress', 'proposed']);
    let priority = rng.pick(['must', 'should', 'could', 'P1', 'P2']);
    let goalLine = `goals: [${[...new Set(featureGoals)].join(', ')}]`;
    let brokenYaml = false;
    if (troubled(s, nSpecs)) {
      const kind = Math.floor(s / 100) % 3;
      if (kind === 0) {
        goalLine = 'goals: []';
        problems.push({ file: path, id, code: 'trace.feature-no-goal' });
      } else if (kind === 1) {
        priority = 'high';
        problems.push({ file: path, id, code: 'schema.invalid' });
      } else {
        brokenYaml = true;
        problems.push({ file: path, id, code: 'schema.yaml' });
      }
    }
    if (status === 'proposed' && rng.chance(0.5)) status = 'draft';
    const lines = [
      '---',
      `id: ${id}`,
      `title: ${name}`,
      goalLine,
      `personas: [${[...new Set(featurePersonas)].join(', ')}]`,
      `status: ${status}`,
      `priority: ${priority}`,
      brokenYaml ? `owner: @${rng.pick(FIRST_NAMES)}` : `owner: "@${rng.pick(FIRST_NAMES)}"`,
      '---',
      '',
      `# ${name}`,
      '',
      '## Problem',
      '',
      paragraph(rng, rng.int(3, 6)),
      '',
      '## Proposal',
      '',
      paragraph(rng, rng.int(3, 6)),
      '',
      '## User stories',
      '',
    ];
    if (specsShape) {
      // Replace the prose-light body with requirement sections and acceptance criteria.
      lines.splice(lines.indexOf('## Problem'));
      lines.push('## Problem', '', paragraph(rng, 2), '');
      lines.push('## Requirements', '');
      const sibling = (k) => {
        const t = (s + k) % nSpecs; // spec t defines FEAT-(t + 1)
        return `../${String(Math.floor(t / FOLDER_SIZE)).padStart(3, '0')}/feat-${t + 1}.md`;
      };
      for (let k = 1; k <= rng.int(7, 9); k++) lines.push(...requirement(rng, k, sibling(k)));
      lines.push('## Acceptance criteria', '');
      for (const c of rng.sample(CRITERIA, rng.int(4, 7))) lines.push(`- [ ] ${c}`);
      lines.push('', `Serves ${featureGoals[0]}; see the roadmap for the metric.`, '');
      files.set(path, lines.join('\n'));
      continue;
    }
    for (let k = rng.int(3, 5); k > 0; k--) lines.push(wrap(`- As ${rng.pick(ROLES)}, I want to ${objectPhrase(rng)} so that ${rng.pick(BENEFITS)}.`).replace(/\n/g, '\n  '));
    lines.push('', '## Acceptance criteria', '');
    for (const c of rng.sample(CRITERIA, rng.int(3, 6))) lines.push(`- [ ] ${c}`);
    lines.push('');
    if (rng.chance(0.35)) {
      lines.push('## Example', '', '```json', '{', `  "type": "${rng.pick(OBJECTS).replace(/ /g, '_')}.${rng.pick(VERBS)}",`, `  "account": "acc_${rng.int(1000, 9999)}",`, `  "at": "2027-0${rng.int(1, 9)}-1${rng.int(0, 9)}T09:30:00Z"`, '}', '```', '');
    }
    if (rng.chance(0.5)) {
      lines.push('## Open questions', '');
      for (let k = rng.int(1, 3); k > 0; k--) lines.push(`- ${rng.pick(SENTENCES).replace(/\.$/, '?')}`);
      lines.push('');
    }
    lines.push(`Serves ${featureGoals[0]}; see the roadmap for the metric.`, '');
    files.set(path, lines.join('\n'));
  }

  // Plans: 8–18 tasks, a team of 2–4 owners that nobody else shares, each owner's tasks
  // chained (so nobody is over-allocated), dependencies mostly within the plan and ~10%
  // across plans, one dated milestone and one that closes the plan.
  const planTasks = [];
  const planFeatures = Array.from({ length: nPlans }, () => []);
  features.forEach((f, i) => planFeatures[i % nPlans].push(f));
  for (let p = 0; p < nPlans; p++) {
    if (planFeatures[p].length === 0) planFeatures[p].push(rng.pick(features));
    const path = `${folder('plans', p)}/plan-${p + 1}.md`;
    const start = PROJECT_START + 7 * (p % 40);
    const team = rng.sample(FIRST_NAMES, rng.int(2, 4)).map((n) => `@${n}${p + 1}`);
    const n = rng.int(8, 18);
    const tasks = [];
    const lastOf = new Map();
    const bad = troubled(p, nPlans) ? Math.floor(p / 100) % 4 : -1;
    for (let k = 0; k < n; k++) {
      const id = nextId('T');
      const owner = team[k % team.length];
      const after = new Set();
      if (lastOf.has(owner)) after.add(lastOf.get(owner));
      if (k > 0 && rng.chance(0.3)) after.add(tasks[rng.int(0, k - 1)].id);
      if (k === 0 && p > 0 && rng.chance(0.1)) after.add(rng.pick(planTasks[rng.int(Math.max(0, p - 20), p - 1)]));
      const task = {
        id,
        title: `${rng.pick(TASK_VERBS)} ${rng.pick(TASK_THINGS)}`,
        owner,
        duration: rng.chance(0.2) ? `${rng.int(1, 2)}w` : `${rng.int(1, 8)}d`,
        after: [...after],
        features: [planFeatures[p][k % planFeatures[p].length]],
        status: k < 2 && rng.chance(0.5) ? 'in-progress' : 'todo',
      };
      lastOf.set(owner, id);
      tasks.push(task);
    }
    if (bad === 0) {
      tasks[n - 1].after.push(`T-${counters.T + 1_000_000}`);
      problems.push({ file: path, id: tasks[n - 1].id, code: 'ref.unknown' });
    } else if (bad === 1) {
      tasks[n - 1].duration = '';
      problems.push({ file: path, id: tasks[n - 1].id, code: 'schedule.no-duration' });
    } else if (bad === 2) {
      tasks[n - 1].features = [];
      problems.push({ file: path, id: tasks[n - 1].id, code: 'trace.task-no-feature' });
    } else if (bad === 3) {
      tasks[1].after.push(tasks[n - 1].id);
      tasks[n - 1].after.push(tasks[1].id);
      problems.push({ file: path, id: `${tasks[1].id} ${tasks[n - 1].id}`, code: 'schedule.cycle' });
    }
    planTasks.push(tasks.map((t) => t.id));

    const area = rng.pick(AREAS);
    const lines = ['---', `title: ${title(area)} delivery plan ${p + 1}`, `start: ${isoDate(start)}`, '---', '', `# ${title(area)} delivery plan ${p + 1}`, '', paragraph(rng, rng.int(2, 3)), ''];
    const asTable = specsShape || rng.chance(0.6);
    const aliases = rng.chance(0.5);
    if (asTable) {
      lines.push('## Tasks', '', aliases ? '| ID | Task | Assignee | Estimate | Depends on | Implements | Status |' : '| ID | Task | Owner | Duration | After | Features | Status |', '|---|---|---|---|---|---|---|');
      for (const t of tasks) lines.push(`| ${t.id} | ${t.title} | ${t.owner} | ${t.duration} | ${t.after.join(', ')} | ${t.features.join(', ')} | ${t.status} |`);
      lines.push('');
    } else {
      lines.push('## Tasks', '');
      for (const t of tasks) {
        lines.push(`- [ ] ${t.id} ${t.title}`, `  - owner: ${t.owner}`);
        if (t.duration) lines.push(`  - ${aliases ? 'estimate' : 'duration'}: ${t.duration}`);
        if (t.after.length) lines.push(`  - ${aliases ? 'depends on' : 'after'}: ${t.after.join(', ')}`);
        if (t.features.length) lines.push(`  - features: ${t.features.join(', ')}`);
        if (t.status !== 'todo') lines.push(`  - status: ${t.status}`);
      }
      lines.push('');
    }
    const closing = nextId('M');
    const review = nextId('M');
    lines.push('## Milestones', '', `### ${closing} ${title(area)} plan ${p + 1} complete`, '', `- after: ${tasks.slice(-2).map((t) => t.id).join(', ')}`, '', paragraph(rng, 2), '');
    lines.push(`### ${review} Quarterly business review`, '', `- date: ${isoDate(start + 88)}`, '', '## Notes', '', paragraph(rng, rng.int(2, 4)), '');
    files.set(path, lines.join('\n'));
  }

  // Risk registers: mitigations name real tasks or say what we do instead.
  const allTasks = planTasks.flat();
  for (let r = 0; r < nRisks; r++) {
    const path = `${folder('risks', r)}/risks-${r + 1}.md`;
    const lines = [`# Risk register ${r + 1}`, '', paragraph(rng, 2), '', '| ID | Risk | Probability | Impact | Mitigation | Affects | Owner |', '|---|---|---|---|---|---|---|'];
    for (let k = rng.int(8, 14); k > 0; k--) {
      const id = nextId('R');
      const mitigation = rng.chance(0.6) ? rng.pick(allTasks) : rng.pick(MITIGATION_TEXTS);
      lines.push(`| ${id} | ${rng.pick(RISK_TEXTS)} | ${rng.pick(['low', 'medium', 'high'])} | ${rng.pick(['low', 'medium', 'high'])} | ${mitigation} | ${rng.pick(features)} | @${rng.pick(FIRST_NAMES)} |`);
    }
    lines.push('', paragraph(rng, 2), '');
    files.set(path, lines.join('\n'));
  }

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.specline.yml'), ['# Generated by bench/generate.mjs', 'start: 2027-01-04', 'calendar:', '  workdays: [mon, tue, wed, thu, fri]', '  holidays: [2027-01-01, 2027-05-31, 2027-07-05, 2027-12-24, 2027-12-31]', ''].join('\n'));
  let bytes = 0;
  const made = new Set();
  for (const [rel, text] of files) {
    const abs = join(dir, rel);
    const parent = abs.slice(0, abs.lastIndexOf('/'));
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
  }
  return {
    files: files.size,
    bytes,
    items: { goals: counters.G, features: counters.FEAT, tasks: counters.T, milestones: counters.M, risks: counters.R, personas: counters.P },
    problems,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, n] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!dir || !n || !/^\d+$/.test(n)) {
    console.error('usage: node bench/generate.mjs DIR N [--seed S] [--shape mixed|specs]');
    process.exit(2);
  }
  const shapeAt = process.argv.indexOf('--shape');
  const result = generateWorkspace(dir, { docs: Number(n), ...(seedAt > 0 ? { seed: Number(process.argv[seedAt + 1]) } : {}), ...(shapeAt > 0 ? { shape: process.argv[shapeAt + 1] } : {}) });
  console.log(`${result.files} documents, ${(result.bytes / 1e6).toFixed(2)} MB, ${JSON.stringify(result.items)}, ${result.problems.length} deliberate problems`);
}
