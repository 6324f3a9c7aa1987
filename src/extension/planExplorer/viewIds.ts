/** The Plan Explorer's view, as contributed in package.json. */
export const PLAN_VIEW = 'specline.planExplorer';

/** Commands of the views and reports, as contributed in package.json (category "Specline"). */
export const VIEW_COMMANDS = {
  /** Internal (hidden from the palette): run by a click on a tree item with (uri, line, id?). */
  revealItem: 'specline.revealItem',
  refreshPlanExplorer: 'specline.planExplorer.refresh',
  /** Turn `specline.planExplorer.showCost` on / off (the Plan Explorer's "…" menu). */
  showCostInPlanExplorer: 'specline.planExplorer.showCost',
  hideCostInPlanExplorer: 'specline.planExplorer.hideCost',
  createStarterFiles: 'specline.createStarterFiles',
  generateStatusReport: 'specline.generateStatusReport',
  generateStatusReportSince: 'specline.generateStatusReportSince',
} as const;
