/**
 * The plan as the recognizer builds it, before it is written out: 部分 and 举措 with their text as
 * paragraphs, units as lists; `sectionOut` and `measureOut` give them in the format's key order.
 * Shared by the recognizer's phases (recognize-plan.ts, recognize-task-table.ts).
 */
import type { OwnersStyle, readTarget } from './import-text.js';

export interface MeasureDraft {
  title: string;
  text: string[];
  items: string[];
  lead?: string[];
  responsible?: string[];
  due?: string;
  targets?: ReturnType<typeof readTarget>[];
  style?: OwnersStyle | 'lines';
  /** The text began in the lead's own paragraph (a run-in), rather than under it. */
  inline?: boolean;
  /** The plan's own 分工表 columns, by header. */
  columns?: Record<string, string | number>;
  /** The number the source typed (2 for “2.”), to see a gap the build would renumber away. */
  number?: number;
}

export interface SectionDraft {
  title: string;
  intro: string[];
  sections: SectionDraft[];
  measures: MeasureDraft[];
}

export function sectionOut(s: SectionDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { title: s.title };
  if (s.intro.length) out['intro'] = s.intro.join('\n');
  if (s.sections.length) out['sections'] = s.sections.map(sectionOut);
  if (s.measures.length) out['measures'] = s.measures.map(measureOut);
  return out;
}

export function measureOut(m: MeasureDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { title: m.title };
  if (m.text.length) out['text'] = m.text.join('\n');
  if (m.items.length) out['items'] = m.items;
  if (m.lead?.length) out['lead'] = m.lead.length === 1 ? m.lead[0] : m.lead;
  if (m.responsible?.length) out['responsible'] = m.responsible;
  if (m.due) out['due'] = m.due;
  if (m.targets?.length) out['targets'] = m.targets;
  if (m.columns) out['columns'] = m.columns;
  return out;
}
