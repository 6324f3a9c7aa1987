/** The Plan Explorer's view, as contributed in package.json. */
export const PLAN_VIEW = 'specline.planExplorer';

/** Commands of the views and reports, as contributed in package.json (category "Specline"). */
export const VIEW_COMMANDS = {
  /** Internal (hidden from the palette): run by a click on a tree item with (uri, line, id?). */
  revealItem: 'specline.revealItem',
  refreshPlanExplorer: 'specline.planExplorer.refresh',
  createStarterFiles: 'specline.createStarterFiles',
  generateStatusReport: 'specline.generateStatusReport',
  generateStatusReportSince: 'specline.generateStatusReportSince',
} as const;
