/**
 * The 分工表's choices as plain constants: the plan model validates `table` with them, and the
 * command line offers the 序号 styles (`--task-numbers`) without loading the plan model.
 */

/**
 * How the 序号 column counts:
 * - `sequence`: 1…N down the table, as real 分工表 number their rows (the default);
 * - `sections`: a row for each goal section (一、…) across the table above its measures, which still count 1…N;
 * - `outline`: the opinion's own labels (一、1, 一（二）1), for readers who cross-reference.
 */
export const TASK_NUMBERINGS = ['sequence', 'sections', 'outline'] as const;
export type TaskNumbering = (typeof TASK_NUMBERINGS)[number];

/** The columns the tool fills from the plan itself, in their default order; any other column is the plan's own. */
export const TASK_COLUMN_KEYS = ['seq', 'task', 'text', 'lead', 'responsible', 'due', 'target'] as const;
export type TaskColumnKey = (typeof TASK_COLUMN_KEYS)[number];

/** Each built-in column's header when the plan does not rename it. */
export const TASK_COLUMN_LABELS: Record<TaskColumnKey, string> = {
  seq: '序号',
  task: '工作任务',
  text: '具体内容',
  lead: '牵头单位',
  responsible: '责任单位',
  due: '完成时限',
  target: '目标',
};
