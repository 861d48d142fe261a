/**
 * How the 分工表's 序号 column counts. Its own light file: the command line offers these as choices
 * without loading the plan model.
 * - `sequence`: 1…N down the table, as real 分工表 number their rows (the default);
 * - `sections`: a row for each goal section (一、…) above its measures, which still count 1…N;
 * - `outline`: the opinion's own labels (一、1, 一（二）1), for readers who cross-reference.
 */
export const TASK_NUMBERINGS = ['sequence', 'sections', 'outline'] as const;
export type TaskNumbering = (typeof TASK_NUMBERINGS)[number];
