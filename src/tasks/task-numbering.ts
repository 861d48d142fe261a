/**
 * How the 分工表's 序号 column counts (sequence, sections, outline): the constants live with the
 * plan model's other table keys (plan/task-table-keys.ts), light enough for the command line.
 */
export { TASK_NUMBERINGS, type TaskNumbering } from '../plan/task-table-keys.js';
