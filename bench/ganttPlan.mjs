// Generated Gantt plans for bench/preview.mjs: one plan of N tasks, its features and goals.

const VERBS = ['Design', 'Build', 'Test', 'Migrate', 'Document', 'Review', 'Instrument', 'Harden', 'Roll out'];
const THINGS = ['data model', 'API endpoints', 'settings page', 'background job', 'permission checks', 'import parser', 'export format', 'search index', 'webhook retries'];
const OWNERS = ['ana', 'ben', 'chloe', 'dev', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jin', 'kai', 'lea'];

/**
 * One plan of `n` tasks in sections of 25, each section closed by a milestone; tasks chain
 * inside a section and every seventh also waits for a task of an earlier section. Features
 * (one per 20 tasks) and goals live in their own files. `duration500` lets the edit change
 * one task in the middle, which moves everything after it.
 */
export function ganttFiles(n, duration500 = 3) {
  const files = new Map();
  const features = Math.max(1, Math.ceil(n / 20));
  const goals = Math.max(1, Math.ceil(features / 8));
  const roadmap = ['# Roadmap', ''];
  for (let g = 1; g <= goals; g++) roadmap.push(`## G-${g} Goal ${g}`, '', `- horizon: ${['now', 'next', 'later'][g % 3]}`, '');
  files.set('roadmap.md', roadmap.join('\n'));
  for (let f = 1; f <= features; f++) {
    files.set(`specs/feat-${f}.md`, ['---', `id: FEAT-${f}`, `title: Feature ${f}`, `goals: [G-${1 + (f % goals)}]`, 'status: approved', '---', '', `# Feature ${f}`, '', 'Prose.', ''].join('\n'));
  }
  const lines = ['---', 'title: Bench plan', 'start: 2027-01-04', '---', '', '# Bench plan', ''];
  let m = 0;
  for (let i = 1; i <= n; i++) {
    const inSection = (i - 1) % 25;
    if (inSection === 0) lines.push(`## Phase ${Math.ceil(i / 25)}`, '');
    const done = i < n * 0.2;
    lines.push(`- [${done ? 'x' : ' '}] T-${i} ${VERBS[i % VERBS.length]} ${THINGS[(i * 7) % THINGS.length]} ${i}`);
    lines.push(`  - duration: ${i === 500 ? duration500 : 1 + (i % 5)}d`, `  - owner: @${OWNERS[i % OWNERS.length]}`, `  - features: FEAT-${1 + Math.floor((i - 1) / 20)}`);
    const after = [];
    if (inSection > 0) after.push(`T-${i - 1}`);
    if (i % 7 === 0 && i > 30) after.push(`T-${i - 30}`);
    if (after.length) lines.push(`  - after: ${after.join(', ')}`);
    if (!done && i % 3 === 0) lines.push('  - progress: 30%');
    if (inSection === 24 || i === n) lines.push('', `- M-${++m} Phase ${Math.ceil(i / 25)} done`, `  - after: T-${i}`, '');
  }
  files.set('plans/plan.md', `${lines.join('\n')}\n`);
  return files;
}

