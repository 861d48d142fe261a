/**
 * The visible pipeline for one document: Plan → template → Markdown → Blocks → outputs.
 * Pure apart from the template set, which the caller loads.
 */
import type { Block } from '../markdown/blocks.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import type { Plan } from '../plan/model.js';
import { renderTemplate, type TemplateSet } from '../render/render-template.js';
import { buildPlanView, type RenderOptions } from '../render/view-model.js';

export const DOCUMENTS = {
  opinion: { template: 'opinion.md.hbs', suffix: '', label: '工作安排意见' },
} as const;
export type DocumentId = keyof typeof DOCUMENTS;

export interface RenderedDocument {
  markdown: string;
  blocks: Block[];
}

export function renderDocument(plan: Plan, doc: DocumentId, templates: TemplateSet, options: RenderOptions): RenderedDocument {
  const markdown = renderTemplate(templates, DOCUMENTS[doc].template, buildPlanView(plan, options));
  return { markdown, blocks: parseMarkdown(markdown) };
}

/** Core-property date: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the plan's 成文日期. */
export function documentDate(plan: Plan, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${plan.date}T00:00:00Z`);
}
