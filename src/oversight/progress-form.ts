/**
 * 督办 by form: what each unit's 进展填报表 asks of it (its measures, led and shared, with the
 * plan's own cells and the cells to fill), and the stable key that brings a filled row back to its
 * measure. Pure: the pipeline lays it out as a sheet and reads it back.
 */
import type { PlanPath } from '../plan/load-plan.js';
import { type Measure, type Plan, type Progress, type Target, planYear, targetText } from '../plan/model.js';
import { type MeasureAt, allMeasures } from '../plan/plan-walk.js';
import { formatDue, periodOf } from '../text/dates.js';

/** The states a unit may report, as the drop-down offers them (the plan format's `status`). */
export const FORM_STATES: readonly { status: Progress['status']; label: string }[] = [
  { status: 'planned', label: '未开始' },
  { status: 'ongoing', label: '推进中' },
  { status: 'done', label: '已完成' },
  { status: 'delayed', label: '滞后' },
];

export interface FormRow {
  /** The measure's key (`measureKey`), in the hidden column. */
  key: string;
  seq: number;
  title: string;
  lead: string[];
  responsible: string[];
  due?: string;
  targets: Target[];
  /** Whether the unit leads the measure or shares it. */
  role: 'lead' | 'shared';
}

export interface ProgressForm {
  planTitle: string;
  year: number;
  unit: string;
  asOf: string;
  /** 第三季度, 上半年…: the period the form reports on. */
  period: string;
  rows: FormRow[];
}

/**
 * The key of a measure: its `id` when it has one (it survives the plan being reordered), else its
 * path. ASCII only (percent-encoded), so that no script conversion of the form can touch it.
 */
export function measureKey(measure: Measure, path: PlanPath): string {
  return measure.id !== undefined ? `id:${encodeURIComponent(measure.id)}` : `at:${path.join('.')}`;
}

/** The measure a key names, if the plan still has it. */
export function measureOfKey(plan: Plan, key: string): MeasureAt | undefined {
  return allMeasures(plan).find((m) => measureKey(m.measure, m.path) === key);
}

export interface FormOptions {
  asOf: string;
  /** Only this unit's form (any name the registry knows). */
  unit?: string | undefined;
  /** Canonical unit names by every name (workplan.config.yaml). */
  units?: Map<string, string> | undefined;
}

/** One form per unit that leads or shares a measure, in the order the units first appear in the plan. */
export function progressForms(plan: Plan, options: FormOptions): ProgressForm[] {
  const canon = (name: string) => options.units?.get(name) ?? name;
  const only = options.unit === undefined ? undefined : canon(options.unit);
  const byUnit = new Map<string, FormRow[]>();
  allMeasures(plan).forEach(({ measure, path, owners }, i) => {
    const lead = [...new Set(owners.lead.map(canon))];
    const responsible = [...new Set(owners.responsible.map(canon))].filter((u) => !lead.includes(u));
    const row = (role: FormRow['role']): FormRow => ({
      key: measureKey(measure, path),
      seq: i + 1,
      title: measure.title,
      lead,
      responsible,
      ...(owners.due !== undefined ? { due: owners.due } : {}),
      targets: measure.targets ?? [],
      role,
    });
    for (const u of lead) push(byUnit, u, row('lead'));
    for (const u of responsible) push(byUnit, u, row('shared'));
  });
  return [...byUnit]
    .filter(([unit]) => only === undefined || unit === only)
    .map(([unit, rows]) => ({
      planTitle: plan.title,
      year: planYear(plan),
      unit,
      asOf: options.asOf,
      period: periodOf(options.asOf),
      rows,
    }));
}

function push(map: Map<string, FormRow[]>, unit: string, row: FormRow): void {
  const list = map.get(unit);
  if (list) list.push(row);
  else map.set(unit, [row]);
}

/** The plan's own cells of a measure, as the form prints them (read-only). */
export function rowCells(row: FormRow): { seq: string; title: string; lead: string; responsible: string; due: string } {
  return {
    seq: String(row.seq),
    title: row.title,
    lead: row.lead.join('、'),
    responsible: row.responsible.join('、'),
    due: row.due === undefined ? '' : formatDue(row.due),
  };
}

/** A target's goal as the form prints it beside its 完成值: 12场, 95%以上. */
export function goalText(target: Target): string {
  return targetText({ ...target, name: '' });
}
