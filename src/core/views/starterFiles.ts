import { formatDate, weekday } from '../model/dates.js';
import type { DayNumber, FilePath } from '../model/types.js';

/** One file of the starter set. */
export interface StarterFile {
  path: FilePath;
  text: string;
}

/** The file the editor opens after creating the starter set. */
export const STARTER_PLAN: FilePath = 'plans/plan.md';

/**
 * A first roadmap, feature spec and project plan that show each definition form Specline
 * reads (heading item, document item, table rows, task-list items) and check clean: one
 * goal, one feature serving it, tasks delivering it with durations and a milestone after
 * them. The plan starts on the first Monday on or after `today`, so nothing is overdue on
 * the day the files are made (and for the three weeks the work takes).
 */
export function starterFiles(today: DayNumber): StarterFile[] {
  const start = nextMonday(today);
  return [
    {
      path: 'roadmap.md',
      text: `# Roadmap

Goals are outcomes, not features. Each feature spec in [specs/](specs/) names the goals it
serves; each task in [plans/](plans/) names the features it delivers. Specline checks that
the chain holds and that the dates add up.

## G-1 Describe the outcome you want

- horizon: next
- priority: must
- metric: how you will know it worked, from today's value to the target
- owner: @you

Why this goal matters, for whom, and how it will be measured.
`,
    },
    {
      path: 'specs/FEAT-1.md',
      text: `---
id: FEAT-1
title: First feature
goals: [G-1]
status: draft
priority: must
owner: "@you"
---

# First feature

## Problem

Who has the problem, and what it costs them today.

## Proposal

What we will build, and what we will not build in this release.

## Acceptance

- The first thing a reviewer will check.
`,
    },
    {
      path: STARTER_PLAN,
      text: `---
title: Project plan
start: ${formatDate(start)}
---

# Project plan

Tasks with no \`start\` and no predecessor begin with the plan on ${formatDate(start)}.
Durations are in working days (\`d\`) or weeks (\`w\`).

| ID | Task | Owner | Duration | After | Features | Status |
|---|---|---|---|---|---|---|
| T-1 | Write and review the spec | @you | 3d | | FEAT-1 | todo |
| T-2 | Build the first version | @you | 2w | T-1 | FEAT-1 | todo |

## Release

- [ ] T-3 Try it with two customers
  - owner: @you
  - duration: 2d
  - after: T-2
  - features: FEAT-1
- M-1 First release
  - after: T-3
  - features: FEAT-1
`,
    },
  ];
}

/** The first Monday on or after `day`. */
function nextMonday(day: DayNumber): DayNumber {
  return day + ((8 - weekday(day)) % 7);
}
