/**
 * The 重点任务分工表 as rows: one per measure, units in their canonical names, optionally only the
 * measures one unit leads or shares, numbered as task-numbering.ts describes.
 */
import { type Measure, type Plan, type Section, targetText } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatDue } from '../text/dates.js';
import { formatLevelNumber, toChineseNumeral } from '../text/numerals.js';
import { endSentence } from '../text/paragraphs.js';
import type { TaskNumbering } from '../plan/task-table-keys.js';

export interface TaskRow {
  /**
   * 序号: 1…N, or the opinion's label (一、1). A section row carries its heading here (一、坚持……)
   * and nothing in the other cells, which is how emitters know to span it across the table.
   */
  seq: string;
  task: string;
  /** The measure's text, its paragraphs run together (the `text` column). */
  text: string;
  lead: string;
  responsible: string;
  due: string;
  target: string;
  /** For a unit's own list: 牵头 or 参与. */
  role: string;
  /** Values of the plan's own columns (the measure's `columns`), by header. */
  columns: Record<string, string>;
  /** A section's heading across the table (numbering `sections`), not a measure. */
  section: boolean;
}

export interface TaskOptions {
  /** Put the measure's text after its title in the 工作任务 cell. */
  withText: boolean;
  /** Keep only measures this unit leads or shares (canonical or alias name). */
  unit?: string | undefined;
  units?: Map<string, string> | undefined;
  /** 序号 style; the plan's `table.numbering`, else `sequence`, when not given. */
  numbering?: TaskNumbering | undefined;
}

export function taskRows(plan: Plan, options: TaskOptions): TaskRow[] {
  const canon = (name: string) => options.units?.get(name) ?? name;
  const unit = options.unit === undefined ? undefined : canon(options.unit);
  const numbering = options.numbering ?? plan.table?.numbering ?? 'sequence';
  const rows: TaskRow[] = [];
  // Units and due as the measure has them, or inherits them from its section.
  const owners = new Map(allMeasures(plan).map((at) => [at.measure, at.owners]));
  let count = 0;
  const add = (m: Measure, label: string) => {
    const own = owners.get(m)!;
    const leads = own.lead.map(canon);
    const responsible = own.responsible.map(canon);
    const role = unit === undefined ? '' : leads.includes(unit) ? '牵头' : responsible.includes(unit) ? '参与' : undefined;
    if (role === undefined) return;
    count++;
    const text = m.text ? m.text.replace(/\s*\n\s*/g, '') : '';
    rows.push({
      seq: numbering === 'outline' ? label : String(count),
      task: options.withText && text ? `${endSentence(m.title)}${text}` : m.title,
      text,
      lead: leads.join('、'),
      responsible: responsible.join('、'),
      due: own.due ? formatDue(own.due) : '',
      target: (m.targets ?? []).map(targetText).join('；'),
      role,
      columns: Object.fromEntries(Object.entries(m.columns ?? {}).map(([key, value]) => [key, String(value)])),
      section: false,
    });
  };
  const walk = (sections: Section[], prefix: string | undefined) => {
    sections.forEach((s, i) => {
      // 一、 for a goal section, （二） inside it: the labels the opinion prints.
      const label = prefix === undefined ? toChineseNumeral(i + 1) : `${prefix}${formatLevelNumber(2, i + 1)}`;
      const before = rows.length;
      (s.measures ?? []).forEach((m, j) => add(m, `${label}${prefix === undefined ? '、' : ''}${j + 1}`));
      const heading = `${formatLevelNumber(prefix === undefined ? 1 : 2, i + 1)}${s.title}`;
      walk(s.sections ?? [], label);
      // A section row only where the section has rows of its own or below it (a unit's list skips the rest).
      if (numbering === 'sections' && rows.length > before) rows.splice(before, 0, sectionRow(heading));
    });
  };
  walk(plan.sections ?? [], undefined);
  (plan.measures ?? []).forEach((m, j) => add(m, String(j + 1)));
  return rows;
}

function sectionRow(heading: string): TaskRow {
  return { seq: heading, task: '', text: '', lead: '', responsible: '', due: '', target: '', role: '', columns: {}, section: true };
}

/** Every unit a plan names as 牵头 or 责任, with its counts, in order of first mention. */
export function unitCounts(plan: Plan, units?: Map<string, string>): { unit: string; lead: number; responsible: number }[] {
  const canon = (name: string) => units?.get(name) ?? name;
  const counts = new Map<string, { lead: number; responsible: number }>();
  const bump = (name: string, key: 'lead' | 'responsible') => {
    const c = counts.get(canon(name)) ?? { lead: 0, responsible: 0 };
    c[key]++;
    counts.set(canon(name), c);
  };
  // Each unit of a joint lead counts on its own.
  for (const { owners } of allMeasures(plan)) {
    for (const l of new Set(owners.lead)) bump(l, 'lead');
    for (const r of new Set(owners.responsible)) bump(r, 'responsible');
  }
  return [...counts].map(([unit, c]) => ({ unit, ...c }));
}
