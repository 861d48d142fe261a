/**
 * The visible pipeline for one document: plan file → template → Markdown → Blocks → outputs.
 * Pure apart from the template set, which the caller loads.
 */
import type { PlanPath } from '../plan/load-plan.js';
import type { Block } from '../markdown/blocks.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { isSpeechFile, type PlanFile } from '../plan/model.js';
import type { BuildRuleId } from '../rule-catalog.js';
import { DOCUMENTS, type DocumentId } from './documents.js';
import { renderTemplate, type TemplateSet, templatesIn } from '../render/render-template.js';
import { buildSpeechView } from '../render/speech-view.js';
import { buildPlanView, type RenderOptions } from '../render/view-model.js';
import { composeSpeech } from '../speech/compose-speech.js';

/** A plan that cannot give the asked document: reported like any other plan problem. */
export class DocumentProblem extends Error {
  constructor(
    readonly ruleId: BuildRuleId,
    message: string,
    readonly path: PlanPath,
  ) {
    super(message);
  }
}

/** Something a build reports without stopping: the document is made, but not all as the plan says. */
export interface DocumentNotice {
  ruleId: BuildRuleId;
  message: string;
  path: PlanPath;
}

export interface RenderedDocument {
  markdown: string;
  blocks: Block[];
  /** Warnings for the build to print. */
  notices?: DocumentNotice[];
  /** Title, issuer-or-speaker and date for the document's properties. */
  meta: { title: string; creator: string; date: string };
}

/**
 * One plan's document as Blocks in the plan's script, with the tool's words in the output's
 * (the template set in `options.script`'s words). The publishing stage does the rest for every
 * command alike: the whole-document conversion, the characters no output may carry, the emitters.
 */
export function renderDocument(file: PlanFile, doc: DocumentId, templates: TemplateSet, options: RenderOptions): RenderedDocument {
  return renderBlocks(file, doc, templatesIn(templates, options.script?.words), options);
}

function renderBlocks(file: PlanFile, doc: DocumentId, templates: TemplateSet, options: RenderOptions): RenderedDocument {
  const template = DOCUMENTS[doc].template;
  if (doc === 'speech') {
    const content = composeSpeech(file, options.script?.words, options.figures);
    if (!content) {
      throw new DocumentProblem('speech-missing', '计划没有 speech 块：生成汇报发言需要 speech（至少写 meeting 或 title）', []);
    }
    if (content.sections.length === 0) {
      throw new DocumentProblem('speech-empty', '没有可以汇报的内容：给举措填写 progress（status 不为 planned）或 speech', ['sections']);
    }
    const markdown = renderTemplate(templates, template, buildSpeechView(content));
    // A speech without a date still needs one for the document's properties: the plan's, or a fixed one.
    const date = file.speech!.date ?? ('date' in file && typeof file.date === 'string' ? file.date : '1980-01-01');
    return { markdown, blocks: parseMarkdown(markdown), meta: { title: content.title, creator: content.speaker ?? 'workplan', date } };
  }
  if (isSpeechFile(file)) {
    throw new DocumentProblem('document-kind', '这是独立的汇报发言文件（kind: speech），只能生成 --doc speech', ['kind']);
  }
  const view = buildPlanView(file, options);
  if (doc === 'tasks' && view.tasks.unit !== null && view.tasks.rows.length === 0) {
    throw new DocumentProblem('unit-no-tasks', `计划里没有由“${view.tasks.unit}”牵头或参与的举措`, ['sections']);
  }
  const markdown = renderTemplate(templates, template, view);
  const title = doc === 'tasks' ? view.tasks.title : file.title;
  const notices: DocumentNotice[] = [];
  if (doc === 'opinion' && view.number && view.letterhead.length === 0) {
    // GB/T 9704 §7.2.5: the 发文字号 is part of the 版头, under the 发文机关标志. A document printed
    // without a 版头 usually goes out under another's number (an attachment to a 印发通知), so it
    // is not moved elsewhere; the user is told instead of finding it silently gone.
    const why = options.letterhead === 'none' ? '这次用了 --letterhead none，不印版头' : '计划没有 letterhead（发文机关标志），没有版头';
    notices.push({
      ruleId: 'number-unprinted',
      message: `发文字号“${view.number}”没有印出：它排在版头的发文机关标志之下（GB/T 9704 §7.2.5），${why}`,
      path: ['number'],
    });
  }
  return { markdown, blocks: parseMarkdown(markdown), meta: { title, creator: file.issuer ?? 'workplan', date: file.date }, notices };
}

/** All the text a reader sees in the document, in order. */
export function documentText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'title':
        case 'heading':
        case 'flush':
          return b.text;
        case 'paragraph':
          return b.runs.map((r) => r.text).join('');
        case 'byline':
          return b.lines.join('\n');
        case 'signature':
          return `${b.signature}\n${b.date}`;
        case 'attachments':
          return b.items.join('\n');
        case 'table':
          return [b.header, ...b.rows].map((r) => r.join('\n')).join('\n');
        case 'attachment':
          return `${b.label}\n${b.title}`;
        case 'letterhead':
          return b.mode === 'red' ? [...b.names, b.suffix].filter(Boolean).join('\n') : '';
        case 'docnumber':
          return [b.number, ...b.signers].join('\n');
        case 'note':
          return b.text;
        case 'imprint':
          return [b.cc, b.printedBy, b.printedOn].join('\n');
        case 'pagebreak':
        case 'section':
          return '';
      }
    })
    .join('\n');
}
