/** Command IDs, as contributed in package.json. */
export const COMMANDS = {
  refreshIndex: 'specline.refreshIndex',
  showProblems: 'specline.showProblems',
  openDocumentation: 'specline.openDocumentation',
  showLog: 'specline.showLog',
  /** Internal (hidden from the palette): run by quick fixes that need a choice from the user. */
  createTaskStub: 'specline.createTaskStub',
  /** Internal: picks a goal for an untraced feature (quick fix and CodeLens). */
  linkGoal: 'specline.linkGoal',
  /** Internal: run by CodeLenses to list the items that link to one. */
  showLinked: 'specline.showLinked',
  /** Internal: sets a task's dates, duration, after, progress, status or title (the Gantt preview's edits; an API for other extensions). */
  editTask: 'specline.editTask',
} as const;
