/**
 * The 进展填报表's columns, shared by the side that makes the forms (progress-forms.ts) and the
 * side that reads them back (import-progress.ts), and the hidden record of what a form is for.
 */
export type FormColumnId = 'key' | 'seq' | 'title' | 'lead' | 'responsible' | 'role' | 'due' | 'target' | 'goal' | 'unit' | 'state' | 'value' | 'result' | 'problems' | 'next' | 'date';

export interface FormColumnSpec {
  id: FormColumnId;
  /** The header in 简体 (the tool's words). */
  header: string;
  fill: boolean;
  /** Filled once per measure (on the row of its first target), not once per target. */
  perMeasure?: boolean;
  width: number;
}

/** The sheet the table is on, and the hidden sheet holding the form's record. */
export const FORM_SHEET = '进展填报';
export const INFO_SHEET = 'workplan';
/** The record's version: a form of another version is read by the code that made it, not guessed at. */
export const FORM_VERSION = 1;

/** What the hidden sheet says: which plan, year, unit and day the form was made for. */
export interface FormInfo {
  v: number;
  plan: string;
  year: number;
  unit: string;
  asOf: string;
}

/** The record as ASCII JSON (everything beyond ASCII escaped), so that no script conversion changes it. */
export function encodeFormInfo(info: FormInfo): string {
  return JSON.stringify(info).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function decodeFormInfo(text: string): FormInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<FormInfo>;
    if (
      value.v !== FORM_VERSION ||
      typeof value.plan !== 'string' ||
      typeof value.year !== 'number' ||
      typeof value.unit !== 'string' ||
      typeof value.asOf !== 'string'
    ) {
      return undefined;
    }
    return value as FormInfo;
  } catch {
    return undefined;
  }
}

/**
 * The columns, in order: the hidden key, the plan's own, then the ones to fill. A measure takes one
 * row per numeric target (its 完成值 on that row, the unit beside it), and its state, 成效, 问题,
 * 打算 and date once, on the row of its first target: a sheet a column per target would be as wide
 * as the plan has targets, unreadable on A4 for the unit that leads most measures.
 */
export const FORM_COLUMNS: readonly FormColumnSpec[] = [
  { id: 'key', header: '编号', fill: false, width: 8 },
  { id: 'seq', header: '序号', fill: false, width: 6 },
  { id: 'title', header: '工作任务', fill: false, width: 30 },
  { id: 'lead', header: '牵头单位', fill: false, width: 14 },
  { id: 'responsible', header: '责任单位', fill: false, width: 16 },
  { id: 'role', header: '本单位职责', fill: false, width: 11 },
  { id: 'due', header: '完成时限', fill: false, width: 12 },
  { id: 'target', header: '指标', fill: false, width: 20 },
  { id: 'goal', header: '目标值', fill: false, width: 10 },
  { id: 'state', header: '进展状态', fill: true, perMeasure: true, width: 10 },
  { id: 'value', header: '完成值', fill: true, width: 10 },
  { id: 'unit', header: '计量单位', fill: false, width: 8 },
  { id: 'result', header: '工作成效', fill: true, perMeasure: true, width: 26 },
  { id: 'problems', header: '存在问题', fill: true, perMeasure: true, width: 20 },
  { id: 'next', header: '下步打算', fill: true, perMeasure: true, width: 20 },
  { id: 'date', header: '填报日期', fill: true, perMeasure: true, width: 12 },
];

/** The key of one row: the measure's key, and the target's name after `#` for a row of a target. */
export function rowKey(measureKey: string, target?: string): string {
  return target === undefined ? measureKey : `${measureKey}#${encodeURIComponent(target)}`;
}

export function parseRowKey(key: string): { measure: string; target?: string } {
  const hash = key.indexOf('#');
  if (hash === -1) return { measure: key };
  try {
    return { measure: key.slice(0, hash), target: decodeURIComponent(key.slice(hash + 1)) };
  } catch {
    return { measure: key };
  }
}
