/** Walking the measures and titles of a plan, with their paths. */
import type { PlanPath } from './load-plan.js';
import { type Measure, type PlanFile, type Section, isSpeechFile, unitsOf } from './model.js';
import { toChineseNumeral } from '../text/numerals.js';

/** Who does a measure and by when: its own units and due, or those of the nearest section that gives them. */
export interface Owners {
  lead: string[];
  responsible: string[];
  due: string | undefined;
}

export interface MeasureAt {
  measure: Measure;
  path: PlanPath;
  /** Human position: 第二部分第 3 项, 第一部分（二）第 1 项. */
  label: string;
  owners: Owners;
}

const NOBODY: Owners = { lead: [], responsible: [], due: undefined };

/** A measure's or section's own owners over the inherited ones, field by field. */
function ownersOf(item: Pick<Section, 'lead' | 'responsible' | 'due'>, inherited: Owners): Owners {
  return {
    lead: item.lead !== undefined ? unitsOf(item.lead) : inherited.lead,
    responsible: item.responsible ?? inherited.responsible,
    due: item.due ?? inherited.due,
  };
}

export function allMeasures(plan: PlanFile): MeasureAt[] {
  if (isSpeechFile(plan)) return [];
  const out: MeasureAt[] = [];
  const walk = (sections: Section[], path: PlanPath, prefix: string, inherited: Owners) => {
    sections.forEach((s, i) => {
      // As the document numbers them: 第一部分, then （二） inside it.
      const here = prefix ? `${prefix}（${toChineseNumeral(i + 1)}）` : `第${toChineseNumeral(i + 1)}部分`;
      const shared = ownersOf(s, inherited);
      (s.measures ?? []).forEach((m, j) =>
        out.push({ measure: m, path: [...path, i, 'measures', j], label: `${here}第 ${j + 1} 项`, owners: ownersOf(m, shared) }),
      );
      walk(s.sections ?? [], [...path, i, 'sections'], here, shared);
    });
  };
  walk(plan.sections ?? [], ['sections'], '', NOBODY);
  // Measures of a plan that has no sections (要点 run in at the top level).
  (plan.measures ?? []).forEach((m, j) => out.push({ measure: m, path: ['measures', j], label: `第 ${j + 1} 项`, owners: ownersOf(m, NOBODY) }));
  return out;
}

/** Every title-like string that the tool numbers itself. */
export function numberedTitles(plan: PlanFile): { path: PlanPath; value: string }[] {
  const out: { path: PlanPath; value: string }[] = [];
  if (isSpeechFile(plan)) {
    plan.sections.forEach((s, i) => {
      out.push({ path: ['sections', i, 'title'], value: s.title });
      (s.points ?? []).forEach((p, j) => out.push({ path: ['sections', i, 'points', j], value: p }));
      // The （一） level inside a section: its titles and points are numbered by the tool too.
      (s.sections ?? []).forEach((sub, j) => {
        out.push({ path: ['sections', i, 'sections', j, 'title'], value: sub.title });
        (sub.points ?? []).forEach((p, k) => out.push({ path: ['sections', i, 'sections', j, 'points', k], value: p }));
      });
    });
    return out;
  }
  const measures = (list: Measure[], path: PlanPath) =>
    list.forEach((m, j) => {
      out.push({ path: [...path, j, 'title'], value: m.title });
      if (m.speech) out.push({ path: [...path, j, 'speech'], value: m.speech });
      (m.items ?? []).forEach((item, k) => out.push({ path: [...path, j, 'items', k], value: item }));
    });
  const walk = (sections: Section[], path: PlanPath) => {
    sections.forEach((s, i) => {
      out.push({ path: [...path, i, 'title'], value: s.title });
      if (s.speechTitle) out.push({ path: [...path, i, 'speechTitle'], value: s.speechTitle });
      (s.points ?? []).forEach((p, k) => out.push({ path: [...path, i, 'points', k], value: p }));
      measures(s.measures ?? [], [...path, i, 'measures']);
      walk(s.sections ?? [], [...path, i, 'sections']);
    });
  };
  walk(plan.sections ?? [], ['sections']);
  measures(plan.measures ?? [], ['measures']);
  return out;
}
