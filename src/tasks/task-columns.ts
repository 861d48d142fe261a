/**
 * The 分工表's columns: the five the tool has always printed (目标 when a measure has targets), or
 * the plan's `table.columns`, chosen, renamed and ordered, with columns of its own that measures
 * fill through their `columns`. A unit's own list adds 本单位职责 at the end.
 */
import type { Plan } from '../plan/model.js';
import { type TaskColumnKey, TASK_COLUMN_LABELS } from '../plan/task-table-keys.js';
import type { TaskRow } from './task-rows.js';

export interface TaskColumn {
  /** A built-in column, `role` (本单位职责), or null for a column the plan fills itself. */
  key: TaskColumnKey | 'role' | null;
  title: string;
  /** The title is the tool's own word (序号, 牵头单位): it follows the plan's script. */
  builtin: boolean;
}

const DEFAULT_KEYS: readonly TaskColumnKey[] = ['seq', 'task', 'lead', 'responsible', 'due'];

const builtin = (key: TaskColumnKey): TaskColumn => ({ key, title: TASK_COLUMN_LABELS[key], builtin: true });

/** The table's columns, in order. `hasTargets` adds 目标 to the default columns; `unit` adds 本单位职责. */
export function taskColumns(plan: Plan, options: { hasTargets: boolean; unit: boolean }): TaskColumn[] {
  const chosen = plan.table?.columns;
  const columns = chosen
    ? chosen.map((c): TaskColumn => (typeof c === 'string' ? builtin(c) : { key: c.key ?? null, title: c.title, builtin: false }))
    : [...DEFAULT_KEYS, ...(options.hasTargets ? (['target'] as const) : [])].map(builtin);
  return options.unit ? [...columns, { key: 'role', title: '本单位职责', builtin: true }] : columns;
}

/**
 * A row's cells in the columns' order. A section row keeps its heading in the first cell and
 * nothing in the others, whatever the first column is: that is how emitters know to span it.
 */
export function taskCells(row: TaskRow, columns: readonly TaskColumn[]): string[] {
  if (row.section) return columns.map((_, i) => (i === 0 ? row.seq : ''));
  return columns.map((c) => (c.key === null ? (row.columns[c.title] ?? '') : row[c.key]));
}
