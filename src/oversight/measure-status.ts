/**
 * 督办: where each measure of a plan stands on a given day. Its deadline comes from its `due` (own
 * or inherited) in the plan year; its progress is the report that applied on that day.
 */
import type { PlanPath } from '../plan/load-plan.js';
import { type Measure, type Plan, type Progress, type Section, type Target, currentProgress, planYear, progressReports } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { daysBetween, dueDeadline } from '../text/dates.js';

export const MEASURE_STATES = ['done', 'on-track', 'due-soon', 'overdue', 'no-report'] as const;
export type MeasureState = (typeof MEASURE_STATES)[number];

export const STATE_LABELS: Record<MeasureState, string> = {
  done: '已完成',
  'on-track': '正常推进',
  'due-soon': '临期',
  overdue: '逾期',
  'no-report': '未报进展',
};

/** How many days before its deadline an unfinished measure counts as due soon, unless the config says otherwise. */
export const DEFAULT_DUE_SOON_DAYS = 30;

export interface TargetProgress extends Target {
  /** The reported value, when there is one. */
  actual?: number;
  /** How far the target is met, 0–100, qualifiers respected. */
  percent: number;
}

export interface MeasureStatus {
  /** 第二部分第 3 项. */
  label: string;
  path: PlanPath;
  /** Where its `due` is written (its own, or the section's it inherits), for annotations. */
  duePath?: PlanPath;
  title: string;
  lead: string[];
  responsible: string[];
  due?: string;
  /** The last day the due allows (YYYY-MM-DD); none for 长期坚持, 持续推进 or no due. */
  deadline?: string;
  state: MeasureState;
  /** Days past the deadline (overdue) or left before it (due soon). */
  days?: number;
  /** The status of the report that applied, and its date (undated for a v1 single progress). */
  status?: Progress['status'];
  reportDate?: string;
  targets: TargetProgress[];
  /** Mean of the targets' percents; undefined without targets. */
  completion?: number;
}

export interface StatusOptions {
  asOf: string;
  dueSoonDays?: number;
  /** Canonical unit names by every name (workplan.config.yaml). */
  units?: Map<string, string> | undefined;
}

/**
 * How much of a target a value meets, 0–1. 以上 and plain targets are floors; 以内 and 以下 are
 * ceilings (at or under is met, over is met in proportion); 左右 is met within 5 % below.
 */
export function targetScore(target: Target, actual: number): number {
  if (target.qualifier === '以内' || target.qualifier === '以下') {
    if (actual <= target.value) return 1;
    return actual === 0 ? 1 : Math.max(0, target.value / actual);
  }
  if (target.value <= 0) return 1;
  const ratio = actual / target.value;
  if (target.qualifier === '左右' && ratio >= 0.95) return 1;
  return Math.max(0, Math.min(1, ratio));
}

/** The state of a measure: done first, then past its deadline, then close to it, then silent, else on track. */
function stateOf(progress: Progress | undefined, deadline: string | undefined, asOf: string, dueSoonDays: number): { state: MeasureState; days?: number } {
  if (progress?.status === 'done') return { state: 'done' };
  if (deadline !== undefined) {
    const left = daysBetween(asOf, deadline);
    if (left < 0) return { state: 'overdue', days: -left };
    if (left <= dueSoonDays) return { state: 'due-soon', days: left };
  }
  if (progress === undefined || progress.status === 'planned') return { state: 'no-report' };
  return { state: 'on-track' };
}

/** Where the due a measure goes by is written: its own key, or the nearest section above that has one. */
function duePathOf(plan: Plan, measure: Measure, path: PlanPath): PlanPath | undefined {
  if (measure.due !== undefined) return [...path, 'due'];
  // path is sections, i, (sections, k,)… measures, j: try each enclosing section, innermost first.
  for (let end = path.length - 2; end >= 2; end -= 2) {
    const sectionPath = path.slice(0, end);
    let node: unknown = plan;
    for (const key of sectionPath) node = (node as Record<string | number, unknown>)[key];
    if ((node as Section | undefined)?.due !== undefined) return [...sectionPath, 'due'];
  }
  return undefined;
}

export function measureStatuses(plan: Plan, options: StatusOptions): MeasureStatus[] {
  const canon = (name: string) => options.units?.get(name) ?? name;
  const year = planYear(plan);
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  return allMeasures(plan).map(({ measure, path, label, owners }) => {
    const progress = currentProgress(measure, options.asOf);
    const reportDate = progressReports(measure)
      .filter((r) => r.date <= options.asOf)
      .at(-1)?.date;
    const deadline = owners.due === undefined ? undefined : dueDeadline(owners.due, year);
    const { state, days } = stateOf(progress, deadline, options.asOf, dueSoonDays);
    const targets = (measure.targets ?? []).map((target): TargetProgress => {
      const actual = progress?.values?.[target.name];
      const score = actual === undefined ? (state === 'done' ? 1 : 0) : targetScore(target, actual);
      return { ...target, ...(actual !== undefined ? { actual } : {}), percent: Math.round(score * 100) };
    });
    const duePath = duePathOf(plan, measure, path);
    return {
      label,
      path,
      ...(duePath ? { duePath } : {}),
      title: measure.title,
      lead: [...new Set(owners.lead.map(canon))],
      responsible: [...new Set(owners.responsible.map(canon))],
      ...(owners.due !== undefined ? { due: owners.due } : {}),
      ...(deadline !== undefined ? { deadline } : {}),
      state,
      ...(days !== undefined ? { days } : {}),
      ...(progress ? { status: progress.status } : {}),
      ...(reportDate ? { reportDate } : {}),
      targets,
      ...(targets.length ? { completion: Math.round(targets.reduce((sum, t) => sum + t.percent, 0) / targets.length) } : {}),
    };
  });
}
