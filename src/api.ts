/**
 * The programmatic API, bundled as `dist/core.js` for scripts and benchmarks. The CLI and
 * the extension use the same modules.
 */
export { createWorkspace } from './core/workspace/createWorkspace.js';
export type { Workspace, WorkspaceFileSystem, WorkspaceOptions } from './core/workspace/types.js';
export { analyze } from './core/analyzer/analyze.js';
export type { Analysis, FeatureInfo, GoalInfo } from './core/analysis/types.js';
export { parseFile } from './core/parse/parseFile.js';
export { parseConfig, defaultConfig, ConfigError } from './core/config/loadConfig.js';
export { schedule } from './core/schedule/scheduler.js';
export { WorkCalendar } from './core/schedule/calendar.js';
export { RULES } from './core/check/ruleCatalog.js';
export { parseIsoDate, formatDate } from './core/model/dates.js';
export { createNodeWorkspace } from './node/nodeWorkspace.js';
