/**
 * The outline an editor shows beside a plan: its parts, their sub-parts and the measures, named as
 * the document numbers them, each pointing at its place in the YAML. Pure.
 */
import type { Span } from '../diagnostic.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';
import { isSpeechFile, type Measure, type Section, unitsOf } from '../plan/model.js';
import { toChineseNumeral } from '../text/numerals.js';

export interface OutlineEntry {
  name: string;
  /** What the editor prints beside the name: the numbering and, for a measure, its 牵头单位. */
  detail: string;
  kind: 'part' | 'measure';
  /** The whole entry (its mapping in the YAML) and the part to select (its title). */
  range: Span;
  selection: Span;
  children: OutlineEntry[];
}

export function outlinePlan(loaded: LoadedPlan): OutlineEntry[] {
  const plan = loaded.plan;
  const entry = (name: string, detail: string, kind: OutlineEntry['kind'], path: PlanPath, children: OutlineEntry[] = []): OutlineEntry => ({
    name,
    detail,
    kind,
    range: loaded.locate(path),
    selection: loaded.locate([...path, 'title']),
    children,
  });
  const measures = (list: readonly Measure[] | undefined, path: PlanPath): OutlineEntry[] =>
    (list ?? []).map((m, j) => entry(m.title, `${j + 1}. ${unitsOf(m.lead).join('、')}`.trim(), 'measure', [...path, j]));
  if (isSpeechFile(plan)) {
    return plan.sections.map((s, i) =>
      entry(
        s.title,
        `${toChineseNumeral(i + 1)}、`,
        'part',
        ['sections', i],
        (s.sections ?? []).map((sub, j) => entry(sub.title, `（${toChineseNumeral(j + 1)}）`, 'part', ['sections', i, 'sections', j])),
      ),
    );
  }
  // Parts are numbered 一、 and their sub-parts （一）, as the opinion prints them.
  const parts = (list: readonly Section[], path: PlanPath, depth: number): OutlineEntry[] =>
    list.map((s, i) => {
      const at = [...path, i];
      const number = depth === 0 ? `${toChineseNumeral(i + 1)}、` : `（${toChineseNumeral(i + 1)}）`;
      return entry(s.title, number, 'part', at, [...parts(s.sections ?? [], [...at, 'sections'], depth + 1), ...measures(s.measures, [...at, 'measures'])]);
    });
  return [...parts(plan.sections ?? [], ['sections'], 0), ...measures(plan.measures, ['measures'])];
}
