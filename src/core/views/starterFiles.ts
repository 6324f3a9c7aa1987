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

/** Where the starter configuration goes: the workspace root, where both adapters look. */
export const STARTER_CONFIG: FilePath = '.specline.yml';

/**
 * A `.specline.yml` that documents itself: every setting with a one-line comment and its
 * default value, so deleting any line changes nothing and a newcomer sees what can be set.
 * `start` has no default; it is shown commented out with the starter plan's start.
 */
export function starterConfig(today: DayNumber): StarterFile {
  return {
    path: STARTER_CONFIG,
    text: `# Specline project settings, read alike by the editor and by \`specline check\`.
# Every setting is optional and every value below is the default: delete any line and
# nothing changes. The folder holding this file is the workspace root.

# Which ID prefixes make which kind of item (a kind left out keeps its defaults).
kinds:
  goal: [G, GOAL, OKR]           # roadmap goals: the outcomes
  feature: [FEAT, F, EPIC]       # feature specs: each names the goals it serves
  task: [T, TASK]                # plan tasks: each names the features it delivers
  milestone: [M, MS]             # milestones: dates that tasks and features must meet
  risk: [R, RISK]                # risks of a risk register
  persona: [P, PERSONA]          # personas that features are for

# The files to read, as globs relative to this folder.
include: ["**/*.md", "**/*.markdown"]

# The files to leave out (this list replaces the default; node_modules and .git are always out).
exclude: ["**/node_modules/**", "**/.git/**"]

# Where tasks with no start, no predecessor and no plan start begin (YYYY-MM-DD; no default).
# start: ${formatDate(nextMonday(today))}

# The working calendar; a plan's front matter may set its own.
calendar:
  workdays: [mon, tue, wed, thu, fri]   # the working weekdays
  holidays: []                          # non-working dates, such as 2027-01-01

# How much of a working day each owner can give: "default" for everyone, "@handle" for one person.
capacity:
  default: 100%

# The severity of each problem code: off, info, warning or error (e.g. trace.goal-no-feature: off).
rules: {}

# The currency every amount of money is in (display only; no default).
# currency: EUR

# The cost of one working day at 100% allocation: "default" for everyone, "@handle" for one person (no default).
# rates: { default: 640, "@you": 720 }

# A git tag, branch or commit holding the agreed plan, to report what slipped since (no default).
# baseline: kickoff

# Working days a milestone or feature may slip past the baseline before it is reported.
slip-tolerance: 0

# Read files that symbolic links lead to outside this folder (off: such links are reported, not read).
follow-links: false
`,
  };
}

/**
 * Everything a new workspace gets, in the order it is written: the three starter
 * documents, then the configuration. The editor's "Create Starter Plan" and
 * `specline init` both write exactly this set.
 */
export function starterSet(today: DayNumber): StarterFile[] {
  return [...starterFiles(today), starterConfig(today)];
}

/** The first Monday on or after `day`. */
function nextMonday(day: DayNumber): DayNumber {
  return day + ((8 - weekday(day)) % 7);
}
