/** Walking the measures and titles of a plan, with their paths. */
import type { PlanPath } from './load-plan.js';
import { type Measure, type PlanFile, type Section, isSpeechFile } from './model.js';
import { toChineseNumeral } from '../text/numerals.js';

export interface MeasureAt {
  measure: Measure;
  path: PlanPath;
  /** Human position: 第二部分第 3 项, 第一部分（二）第 1 项. */
  label: string;
}

export function allMeasures(plan: PlanFile): MeasureAt[] {
  if (isSpeechFile(plan)) return [];
  const out: MeasureAt[] = [];
  const walk = (sections: Section[], path: PlanPath, prefix: string) => {
    sections.forEach((s, i) => {
      // As the document numbers them: 第一部分, then （二） inside it.
      const here = prefix ? `${prefix}（${toChineseNumeral(i + 1)}）` : `第${toChineseNumeral(i + 1)}部分`;
      (s.measures ?? []).forEach((m, j) => out.push({ measure: m, path: [...path, i, 'measures', j], label: `${here}第 ${j + 1} 项` }));
      walk(s.sections ?? [], [...path, i, 'sections'], here);
    });
  };
  walk(plan.sections, ['sections'], '');
  return out;
}

/** Every title-like string that the tool numbers itself. */
export function numberedTitles(plan: PlanFile): { path: PlanPath; value: string }[] {
  const out: { path: PlanPath; value: string }[] = [];
  if (isSpeechFile(plan)) {
    plan.sections.forEach((s, i) => {
      out.push({ path: ['sections', i, 'title'], value: s.title });
      s.points.forEach((p, j) => out.push({ path: ['sections', i, 'points', j], value: p }));
    });
    return out;
  }
  const walk = (sections: Section[], path: PlanPath) => {
    sections.forEach((s, i) => {
      out.push({ path: [...path, i, 'title'], value: s.title });
      if (s.speechTitle) out.push({ path: [...path, i, 'speechTitle'], value: s.speechTitle });
      (s.measures ?? []).forEach((m, j) => {
        out.push({ path: [...path, i, 'measures', j, 'title'], value: m.title });
        if (m.speech) out.push({ path: [...path, i, 'measures', j, 'speech'], value: m.speech });
      });
      walk(s.sections ?? [], [...path, i, 'sections']);
    });
  };
  walk(plan.sections, ['sections']);
  return out;
}
