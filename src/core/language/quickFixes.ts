/**
 * The pure computations behind Specline's code actions. Each lives in its own file; this
 * module gathers them for the adapter. Every edit is a `TextEdit` (`{ file, range,
 * newText }`) computed against the text it will be applied to.
 *
 * - `closestIds`: "Change to …" for `ref.unknown` / `ref.wrong-kind`;
 * - `suggestGoals` + `addGoalEdit`: "Add a goal" for `trace.feature-no-goal`;
 * - `taskStub`: "Plan a task" for `trace.feature-no-task`;
 * - `addDurationEdit`: "Add a duration" for `schedule.no-duration`;
 * - `suppressionEdit`: "Ignore this problem here" for any code.
 */
export { closestIds, damerauLevenshtein } from './closestIds.js';
export { suggestGoals } from './suggestGoals.js';
export type { GoalSuggestion } from './suggestGoals.js';
export { taskStub } from './taskStub.js';
export type { TaskStub } from './taskStub.js';
export { addAttributeEdit, addDurationEdit, addGoalEdit } from './attributeEdit.js';
export { suppressionEdit } from './suppressionEdit.js';
export type { TextEdit } from './types.js';
